import { useMemo } from 'react';
import type { ColumnsType } from 'antd/es/table';
import type { Dashboard } from '../../../../contracts/dashboard.ts';
import { fenToWanYuan } from '../../../../core/kernel/money.ts';
import { ChartPanel } from '../../../charts/chart-panel.tsx';
import type { ChartOption } from '../../../charts/echarts.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { amountUnitLabel, formatAmount, formatCount, withUnit } from '../../../lib/format.ts';
import { pick } from '../../../lib/i18n-core.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { dashboardMessages, FUND_CLASS_LABELS } from '../messages.ts';

interface Row {
  fundClass: string;
  label: string;
  projects: number;
  amountFen: number;
}

/** 项目预算按资金类别: a horizontal bar per fund class (amounts in 万元), the same rows as a table. */
export function FundClassChart({ data }: { data: Dashboard }) {
  const t = useMessages(dashboardMessages);
  const { lang } = useLang();
  const unit = amountUnitLabel('wan', lang);

  const rows: Row[] = useMemo(
    () =>
      data.amounts.byFundClass.map((r) => {
        const known = FUND_CLASS_LABELS[r.fundClass];
        return {
          fundClass: r.fundClass,
          label: known ? pick(lang, known) : r.label,
          projects: r.projects,
          amountFen: r.amountFen,
        };
      }),
    [data, lang],
  );
  const hasAmounts = rows.some((r) => r.amountFen !== 0 || r.projects !== 0);

  const option: ChartOption = useMemo(() => {
    // In the server's (canonical) order from the top: ECharts draws category axes bottom-up.
    const ordered = [...rows].reverse();
    return {
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => `${formatAmount(Math.round(Number(v) * 1_000_000))} ${unit}`,
      },
      xAxis: {
        type: 'value',
        name: unit,
        nameLocation: 'end',
        axisLabel: { formatter: (v: number) => formatCount(v) },
      },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.label),
        axisLabel: { width: lang === 'en' ? 150 : 120, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('funds.amount'),
          data: ordered.map((r) => fenToWanYuan(r.amountFen)),
          barMaxWidth: 22,
          itemStyle: { color: '#1f5fbf', borderRadius: [0, 3, 3, 0] },
          label: {
            show: true,
            position: 'right',
            formatter: (p) => formatAmount(Math.round(Number(p.value) * 1_000_000)),
          },
        },
      ],
    };
  }, [rows, unit, lang, t]);

  const columns: ColumnsType<Row> = [
    { key: 'label', dataIndex: 'label', title: t('funds.fundClass') },
    {
      key: 'projects',
      dataIndex: 'projects',
      title: t('funds.projects'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatCount(v)}</span>,
    },
    {
      key: 'amountFen',
      dataIndex: 'amountFen',
      title: withUnit(t('funds.amount'), unit, lang),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatAmount(v)}</span>,
    },
  ];

  return (
    <ChartPanel<Row>
      title={t('funds.title')}
      option={option}
      rows={hasAmounts ? rows : []}
      columns={columns}
      rowKey="fundClass"
      height={Math.max(220, rows.length * 44 + 40)}
      empty={<EmptyState compact description={t('funds.empty')} />}
    />
  );
}
