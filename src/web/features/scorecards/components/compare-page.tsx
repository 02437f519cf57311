import { useMemo, useState } from 'react';
import { Button, Card, Segmented, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import type { CompareView } from '../../../../contracts/scorecards.ts';
import { DEFAULT_QUALITATIVE_LEVELS } from '../../../../core/indicators/types.ts';
import { shortLevelLabel } from '../../../../core/scoring/inputs.ts';
import { ChartPanel } from '../../../charts/chart-panel.tsx';
import type { ChartOption } from '../../../charts/echarts.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatPercent, formatScore } from '../../../lib/format.ts';
import { useLang, useMessages, usePick, useT } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { ResultGrade } from '../../scoring/components/shared.tsx';
import { useCompare } from '../api.ts';
import { scorecardMessages } from '../messages.ts';
import { VersionLink } from './version-link.tsx';

const PALETTE = ['#1f5fbf', '#fa8c16', '#13a8a8', '#eb2f96', '#722ed1'];

/** 评价对象对比: 2–5 subjects of one run side by side — a grouped bar or radar of the first-level points and
 * a table of every indicator's points and the values each subject was scored on. */
export default function ComparePage() {
  const { runId = '' } = useParams();
  const [params] = useSearchParams();
  const ids = useMemo(() => (params.get('subjects') ?? '').split(',').filter((x) => x !== ''), [params]);
  const t = useMessages(scorecardMessages);
  const common = useT();
  const pick = usePick();
  const href = useScopedHref();
  const data = useCompare(runId, ids);
  const back = (
    <Link to={href(`/portraits/overview/runs/${runId}`)} className="jx-no-print">
      <ArrowLeftOutlined /> {t('compare.back')}
    </Link>
  );

  if (ids.length < 2 || ids.length > 5) {
    return (
      <>
        <PageHeader />
        <Card>
          <EmptyState description={t('compare.need')} />
          <div style={{ textAlign: 'center' }}>{back}</div>
        </Card>
      </>
    );
  }
  if (data.isError) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const c = data.data;
  const template = pick({ zh: c.run.templateName, en: c.run.templateNameEn });

  return (
    <>
      <PageHeader
        title={t('compare.title', { names: c.subjects.map((s) => s.name).join('、') })}
        subtitle={
          <Space size={8} wrap>
            <span>
              {t('compare.subtitle', { template, year: c.run.fiscalYear, version: c.run.versionNo })}
            </span>
            <VersionLink
              versionId={c.run.versionId}
              fiscalYear={c.run.fiscalYear}
              versionNo={c.run.versionNo}
            />
          </Space>
        }
        extra={
          <Space className="jx-no-print">
            {back}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {common('common.print')}
            </Button>
          </Space>
        }
      />
      <Totals c={c} />
      <div style={{ marginBottom: 16 }}>
        <FirstLevelChart c={c} />
      </div>
      <IndicatorTable c={c} />
    </>
  );
}

function Totals({ c }: { c: CompareView }) {
  const t = useMessages(scorecardMessages);
  const href = useScopedHref();
  type Row = CompareView['subjects'][number] & { color: string };
  const rows: Row[] = c.subjects.map((s, i) => ({ ...s, color: PALETTE[i % PALETTE.length]! }));
  const columns: ColumnsType<Row> = [
    {
      key: 'name',
      title: t('table.name'),
      render: (_: unknown, r) => (
        <Space size={6}>
          <span
            style={{ display: 'inline-block', width: 10, height: 10, background: r.color, borderRadius: 2 }}
          />
          <Link to={href(`/portraits/scoring/runs/${c.run.id}/subjects/${r.subjectId}`)}>{r.name}</Link>
        </Space>
      ),
    },
    {
      key: 'code',
      dataIndex: 'refCode',
      title: t('table.code'),
      render: (v: string) => <span className="jx-num">{v}</span>,
    },
    {
      key: 'total',
      dataIndex: 'total',
      title: t('compare.total'),
      align: 'right',
      render: (v: number) => <strong className="jx-num">{formatScore(v)}</strong>,
    },
    {
      key: 'grade',
      dataIndex: 'grade',
      title: t('compare.grade'),
      align: 'center',
      render: (v: string) => <ResultGrade grade={v} scheme={c.scheme} />,
    },
    {
      key: 'rank',
      dataIndex: 'rank',
      title: t('compare.rank'),
      align: 'right',
      render: (v: number | null) => <span className="jx-num">{v ?? '—'}</span>,
    },
  ];
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Table<Row> size="small" rowKey="subjectId" columns={columns} dataSource={rows} pagination={false} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('compare.average')}：{formatScore(c.averageTotal)}
      </Typography.Text>
    </Card>
  );
}

interface LevelRow {
  code: string;
  name: string;
  weight: number;
  category: string;
  points: number[];
  average: number | null;
}

function FirstLevelChart({ c }: { c: CompareView }) {
  const t = useMessages(scorecardMessages);
  const pick = usePick();
  const [kind, setKind] = useState<'bar' | 'radar'>('bar');
  const rows: LevelRow[] = c.rows
    .filter((r) => r.depth === 1)
    .map((r) => ({
      code: r.code,
      name: pick({ zh: r.name, en: r.nameEn }),
      weight: r.weight,
      category: r.category,
      points: [...r.points],
      average: r.average,
    }));
  const base = rows.filter((r) => r.category === 'base');
  const rate = (p: number, w: number) => (w > 0 ? Math.round((p / w) * 1000) / 10 : 0);
  const names = c.subjects.map((s) => s.name);
  const option: ChartOption =
    kind === 'bar'
      ? {
          tooltip: { trigger: 'axis' },
          legend: { bottom: 0, data: [...names, t('compare.average')] },
          grid: { left: 44, right: 16, top: 24, bottom: 56 },
          xAxis: {
            type: 'category',
            data: base.map((r) => r.name),
            axisLabel: { interval: 0, width: 110, overflow: 'break' },
          },
          yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
          series: [
            ...c.subjects.map((s, i) => ({
              type: 'bar' as const,
              name: s.name,
              barMaxWidth: 22,
              itemStyle: { color: PALETTE[i % PALETTE.length]! },
              data: base.map((r) => rate(r.points[i]!, r.weight)),
            })),
            {
              type: 'line' as const,
              name: t('compare.average'),
              symbol: 'diamond',
              lineStyle: { type: 'dashed' as const, color: '#8c8c8c' },
              itemStyle: { color: '#8c8c8c' },
              data: base.map((r) => (r.average === null ? null : rate(r.average, r.weight))),
            },
          ],
        }
      : {
          tooltip: {},
          legend: { bottom: 0, data: names },
          radar: {
            radius: '62%',
            center: ['50%', '48%'],
            indicator: base.map((r) => ({ name: r.name, max: 100 })),
          },
          series: [
            {
              type: 'radar',
              data: c.subjects.map((s, i) => ({
                name: s.name,
                value: base.map((r) => rate(r.points[i]!, r.weight)),
                lineStyle: { color: PALETTE[i % PALETTE.length]! },
                itemStyle: { color: PALETTE[i % PALETTE.length]! },
                areaStyle: { opacity: 0.08 },
              })),
            },
          ],
        };
  const columns: ColumnsType<LevelRow> = [
    { key: 'name', dataIndex: 'name', title: t('compare.indicator') },
    {
      key: 'weight',
      dataIndex: 'weight',
      title: t('compare.weight'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatScore(v)}</span>,
    },
    ...c.subjects.map((s, i): ColumnsType<LevelRow>[number] => ({
      key: s.subjectId,
      title: s.name,
      align: 'right',
      render: (_: unknown, r) => (
        <span className="jx-num">
          {formatScore(r.points[i])}
          {r.category === 'base' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              ({formatPercent(r.weight > 0 ? r.points[i]! / r.weight : 0, { ratio: true })})
            </Typography.Text>
          ) : null}
        </span>
      ),
    })),
    {
      key: 'average',
      dataIndex: 'average',
      title: t('compare.average'),
      align: 'right',
      render: (v: number | null) => <span className="jx-num">{formatScore(v)}</span>,
    },
  ];
  return (
    <ChartPanel<LevelRow>
      title={t('compare.chart')}
      option={option}
      rows={rows}
      columns={columns}
      rowKey="code"
      height={340}
      defaultShowTable
      extra={
        <Segmented<'bar' | 'radar'>
          size="small"
          className="jx-no-print"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'bar', label: t('compare.bar') },
            { value: 'radar', label: t('compare.radar') },
          ]}
        />
      }
    />
  );
}

interface TableRow {
  key: string;
  kind: 'node' | 'input';
  depth: number;
  label: string;
  weight: number | null;
  category: string;
  cells: (string | number | null)[];
  average: number | null;
}

function IndicatorTable({ c }: { c: CompareView }) {
  const t = useMessages(scorecardMessages);
  const pick = usePick();
  const { lang } = useLang();
  const levelText = (v: number) => {
    const l = DEFAULT_QUALITATIVE_LEVELS[v];
    return l ? (lang === 'en' ? (l.labelEn ?? l.label) : shortLevelLabel(l)) : String(v);
  };
  const rows: TableRow[] = c.rows.flatMap((r) => [
    {
      key: r.code,
      kind: 'node' as const,
      depth: r.depth,
      label: pick({ zh: r.name, en: r.nameEn }),
      weight: r.weight,
      category: r.category,
      cells: [...r.points],
      average: r.average,
    },
    ...r.inputs.map((i) => ({
      key: `${r.code}/${i.key}`,
      kind: 'input' as const,
      depth: r.depth + 1,
      label: `${lang === 'en' ? i.labelEn : i.label}${r.unit && !i.key.endsWith('.level') && !i.key.endsWith('.score') && !i.key.endsWith('.count') ? `（${r.unit}）` : ''}`,
      weight: null,
      category: r.category,
      cells: i.values.map((v, k) =>
        !i.present[k]
          ? t('compare.none')
          : v === null
            ? t('compare.na')
            : i.key.endsWith('.level')
              ? levelText(v)
              : v.toLocaleString('zh-CN', { maximumFractionDigits: 4 }),
      ),
      average: null,
    })),
  ]);
  const columns: ColumnsType<TableRow> = [
    {
      key: 'label',
      title: t('compare.indicator'),
      width: 300,
      fixed: 'left',
      render: (_: unknown, r) =>
        r.kind === 'node' ? (
          <span style={{ paddingInlineStart: (r.depth - 1) * 16, fontWeight: r.depth === 1 ? 600 : 400 }}>
            {r.label}
          </span>
        ) : (
          <Typography.Text type="secondary" style={{ paddingInlineStart: (r.depth - 1) * 16, fontSize: 12 }}>
            {t('compare.input')} · {r.label}
          </Typography.Text>
        ),
    },
    {
      key: 'weight',
      title: t('compare.weight'),
      width: 70,
      align: 'right',
      render: (_: unknown, r) =>
        r.weight === null ? null : (
          <span className="jx-num">
            {r.category === 'deduction' ? '−' : r.category === 'bonus' ? '+' : ''}
            {formatScore(r.weight)}
          </span>
        ),
    },
    ...c.subjects.map((s, i): ColumnsType<TableRow>[number] => ({
      key: s.subjectId,
      title: s.name,
      width: 130,
      align: 'right',
      render: (_: unknown, r) =>
        r.kind === 'node' ? (
          <span className="jx-num" style={{ fontWeight: r.depth === 1 ? 600 : 400 }}>
            {formatScore(r.cells[i] as number)}
          </span>
        ) : (
          <Typography.Text type="secondary" className="jx-num" style={{ fontSize: 12 }}>
            {r.cells[i]}
          </Typography.Text>
        ),
    })),
    {
      key: 'average',
      title: t('compare.average'),
      width: 90,
      align: 'right',
      render: (_: unknown, r) =>
        r.kind === 'node' ? <span className="jx-num">{formatScore(r.average)}</span> : null,
    },
  ];
  return (
    <Card title={t('compare.table')} styles={{ body: { paddingTop: 8 } }}>
      <Table<TableRow>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.kind === 'input' ? 'jx-compare-input-row' : '')}
      />
    </Card>
  );
}
