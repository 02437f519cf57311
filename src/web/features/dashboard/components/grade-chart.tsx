import { useMemo } from 'react';
import { theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dashboard } from '../../../../contracts/dashboard.ts';
import { ChartPanel } from '../../../charts/chart-panel.tsx';
import type { ChartOption } from '../../../charts/echarts.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { GradeTag } from '../../../components/grade-tag.tsx';
import { formatCount, formatPercent } from '../../../lib/format.ts';
import { findGradeBand } from '../../../lib/grades.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { dashboardMessages } from '../messages.ts';

interface Row {
  grade: string;
  label: string;
  color: string;
  count: number;
  share: number;
}

/** 项目自评结果等次分布 (formula grades of the stored self-evaluations): a doughnut in the grade colours (优 green … 差 red) and the counts as a table. */
export function GradeChart({ data }: { data: Dashboard }) {
  const t = useMessages(dashboardMessages);
  const { lang } = useLang();
  const { token } = theme.useToken();

  const rows: Row[] = useMemo(() => {
    const total = data.grades.reduce((s, g) => s + g.count, 0);
    return data.grades.map((g) => {
      const band = findGradeBand(g.grade) ?? findGradeBand(g.label);
      return {
        grade: g.grade,
        label: lang === 'en' && band ? band.labelEn : g.label,
        color: g.color || band?.color || 'default',
        count: g.count,
        share: total > 0 ? g.count / total : 0,
      };
    });
  }, [data, lang]);
  const total = rows.reduce((s, r) => s + r.count, 0);

  const option: ChartOption = useMemo(() => {
    const hex = (name: string) => {
      const v = (token as unknown as Record<string, unknown>)[name];
      return typeof v === 'string' ? v : token.colorTextQuaternary;
    };
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          if (!item) return '';
          return `${item.name}：${formatCount(Number(item.value))}（${formatPercent(item.percent ?? 0)}）`;
        },
      },
      legend: { bottom: 0, icon: 'circle' },
      series: [
        {
          type: 'pie',
          radius: ['45%', '72%'],
          center: ['50%', '45%'],
          avoidLabelOverlap: true,
          label: { formatter: '{b}\n{c}', fontSize: 13 },
          data: rows.map((r) => ({ name: r.label, value: r.count, itemStyle: { color: hex(r.color) } })),
        },
      ],
    };
  }, [rows, token]);

  const columns: ColumnsType<Row> = [
    {
      key: 'grade',
      dataIndex: 'grade',
      title: t('grades.grade'),
      render: (_: unknown, r: Row) => <GradeTag grade={r.grade} label={r.label} color={r.color} />,
    },
    {
      key: 'count',
      dataIndex: 'count',
      title: t('grades.count'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatCount(v)}</span>,
    },
    {
      key: 'share',
      dataIndex: 'share',
      title: t('grades.share'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatPercent(v, { ratio: true })}</span>,
    },
  ];

  return (
    <ChartPanel<Row>
      title={t('grades.title')}
      option={option}
      rows={total > 0 ? rows : []}
      columns={columns}
      rowKey="grade"
      height={280}
      empty={<EmptyState compact description={t('grades.empty')} />}
    />
  );
}
