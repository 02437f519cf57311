import { useMemo } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PaperClipOutlined, PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import type { NodeExplanation, Portrait } from '../../../../contracts/scoring.ts';
import { ChartPanel } from '../../../charts/chart-panel.tsx';
import type { ChartOption } from '../../../charts/echarts.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { apiUrl } from '../../../lib/api.ts';
import { formatDate, formatPercent, formatScore } from '../../../lib/format.ts';
import { useLang, useMessages, usePick, useT } from '../../../lib/i18n.tsx';
import { PeersPanel } from '../../scorecards/components/peers-panel.tsx';
import '../../scorecards/print.css';
import { VersionLink } from '../../scorecards/components/version-link.tsx';
import { usePortrait } from '../api.ts';
import { scoringMessages } from '../messages.ts';
import { formatInputValue, ResultGrade, useRunTitle, useSourceLabel } from './shared.tsx';

type Inputs = Portrait['inputs'];

interface FlatNode {
  key: string;
  node: NodeExplanation;
  depth: number;
}

function flatten(nodes: readonly NodeExplanation[], depth = 0, out: FlatNode[] = []): FlatNode[] {
  for (const node of nodes) {
    out.push({ key: node.code, node, depth });
    if (node.children) flatten(node.children, depth + 1, out);
  }
  return out;
}

/** 评价对象画像: total, grade, rank among peers, radar against the average, every indicator explained, history. */
export default function PortraitPage() {
  const { runId = '', subjectId = '' } = useParams();
  const t = useMessages(scoringMessages);
  const common = useT();
  const pick = usePick();
  const runTitle = useRunTitle();
  const data = usePortrait(runId, subjectId);

  if (data.isError) {
    // Another division's subject (or a run that does not exist) is not found: no retry, no figures.
    return data.error.code === 'NOT_FOUND' ? (
      <>
        <PageHeader />
        <EmptyState description={t('portrait.notFound')} />
      </>
    ) : (
      <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />
    );
  }
  if (!data.data) return <Skeleton active paragraph={{ rows: 14 }} />;
  const p = data.data;
  const band = p.scheme.bands.find((b) => b.code === p.grade);

  return (
    <div className="jx-portrait">
      <PageHeader
        title={p.subject.name}
        subtitle={
          <Space size={8} wrap>
            <span>
              {t('portrait.subtitle', {
                run: runTitle(p.run),
                year: p.run.fiscalYear,
                version: p.run.versionNo,
                division: p.run.divisionName,
              })}
            </span>
            <VersionLink
              versionId={p.run.versionId}
              fiscalYear={p.run.fiscalYear}
              versionNo={p.run.versionNo}
            />
          </Space>
        }
        breadcrumbs={[
          { title: common('common.home'), to: '/' },
          { title: common('menu.portraits') },
          { title: pick({ zh: '评分运行', en: 'Scoring runs' }), to: '/portraits/scoring' },
          { title: runTitle(p.run), to: `/portraits/scoring/runs/${runId}` },
          { title: p.subject.name },
        ]}
        extra={
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('portrait.print')}
          </Button>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={t('portrait.total')}
              value={formatScore(p.total)}
              suffix={<span style={{ fontSize: 13 }}>/ {formatScore(p.maxScore)}</span>}
              styles={{ content: { fontWeight: 600 } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={t('portrait.grade')}
              valueRender={() => (
                <span style={{ fontSize: 22 }}>
                  <ResultGrade grade={p.grade} scheme={p.scheme} />
                </span>
              )}
            />
            {band ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {pick({ zh: p.scheme.name, en: p.scheme.nameEn })}
              </Typography.Text>
            ) : null}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('portrait.rank')} value={p.rank ?? '—'} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.rank ? t('portrait.rankOf', { n: p.ranked }) : t('portrait.noRank')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('portrait.average')} value={formatScore(p.averageTotal)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.averageTotal !== null
                ? `${p.total - p.averageTotal >= 0 ? '+' : ''}${formatScore(p.total - p.averageTotal)}`
                : ''}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      {p.missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('portrait.incomplete', { list: p.missing.map((m) => m.label).join('、') })}
        />
      ) : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <RadarPanel p={p} />
        </Col>
        <Col xs={24} xl={12} className="jx-print-table-only">
          <HistoryPanel p={p} />
        </Col>
      </Row>
      <PeersPanel runId={runId} subjectId={subjectId} />
      <DrillDown p={p} />
    </div>
  );
}

interface LevelRow {
  code: string;
  name: string;
  weight: number;
  points: number;
  rate: number;
  average: number | null;
  base: boolean;
}

function RadarPanel({ p }: { p: Portrait }) {
  const t = useMessages(scoringMessages);
  const pick = usePick();
  const rows: LevelRow[] = p.firstLevel.map((f) => ({
    code: f.code,
    name: pick({ zh: f.name, en: f.nameEn }),
    weight: f.weight,
    points: f.points,
    rate: f.weight > 0 ? f.points / f.weight : 0,
    average: f.average,
    base: f.category === 'base',
  }));
  const base = rows.filter((r) => r.base);
  const option: ChartOption = {
    tooltip: {},
    legend: { bottom: 0, data: [t('portrait.subjectSeries'), t('portrait.averageSeries')] },
    radar: {
      radius: '62%',
      center: ['50%', '48%'],
      indicator: base.map((r) => ({ name: r.name, max: 100 })),
      axisName: { color: '#333' },
    },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: t('portrait.subjectSeries'),
            value: base.map((r) => Math.round(r.rate * 1000) / 10),
            areaStyle: { opacity: 0.25 },
            lineStyle: { color: '#1f5fbf' },
            itemStyle: { color: '#1f5fbf' },
          },
          {
            name: t('portrait.averageSeries'),
            value: base.map((r) =>
              r.average !== null && r.weight > 0 ? Math.round((r.average / r.weight) * 1000) / 10 : 0,
            ),
            lineStyle: { type: 'dashed', color: '#fa8c16' },
            itemStyle: { color: '#fa8c16' },
          },
        ],
      },
    ],
  };
  const columns: ColumnsType<LevelRow> = [
    { key: 'name', dataIndex: 'name', title: t('portrait.indicator') },
    {
      key: 'weight',
      dataIndex: 'weight',
      title: t('portrait.weight'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatScore(v)}</span>,
    },
    {
      key: 'points',
      dataIndex: 'points',
      title: t('portrait.points'),
      align: 'right',
      render: (v: number) => <strong className="jx-num">{formatScore(v)}</strong>,
    },
    {
      key: 'rate',
      dataIndex: 'rate',
      title: t('portrait.rate'),
      align: 'right',
      render: (v: number, r) => (
        <span className="jx-num">{r.base ? formatPercent(v, { ratio: true }) : '—'}</span>
      ),
    },
    {
      key: 'average',
      dataIndex: 'average',
      title: t('portrait.avg'),
      align: 'right',
      render: (v: number | null) => <span className="jx-num">{formatScore(v)}</span>,
    },
  ];
  return (
    <ChartPanel<LevelRow>
      title={t('portrait.radar')}
      option={option}
      rows={rows}
      columns={columns}
      rowKey="code"
      height={320}
      defaultShowTable
    />
  );
}

interface HistoryRow {
  key: string;
  label: string;
  fiscalYear: number;
  total: number;
  grade: string;
  gradeLabel: string;
  gradeColor: string;
  rank: number | null;
  ranked: number;
  finishedAt: string | null;
}

function HistoryPanel({ p }: { p: Portrait }) {
  const t = useMessages(scoringMessages);
  const { lang } = useLang();
  // one point per year: the latest finished run of the year (history comes oldest first)
  const latest = [...new Map(p.history.map((h) => [h.fiscalYear, h])).values()];
  const rows: HistoryRow[] = latest.map((h) => ({
    key: h.runId,
    label: h.runName?.includes(String(h.fiscalYear))
      ? h.runName
      : `${t('portrait.yearLabel', { year: h.fiscalYear })}${h.runName ? ` ${h.runName}` : ''}`,
    fiscalYear: h.fiscalYear,
    total: h.total,
    grade: h.grade,
    gradeLabel: lang === 'en' ? h.gradeLabelEn : h.gradeLabel,
    gradeColor: h.gradeColor,
    rank: h.rank,
    ranked: h.ranked,
    finishedAt: h.finishedAt,
  }));
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 24, top: 24, bottom: 40 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, hideOverlap: true },
    },
    yAxis: { type: 'value', min: 0, max: p.maxScore },
    series: [
      {
        type: 'line',
        data: rows.map((r) => Math.round(r.total * 100) / 100),
        label: { show: true, position: 'top' },
        symbolSize: 8,
        itemStyle: { color: '#1f5fbf' },
      },
    ],
  };
  const columns: ColumnsType<HistoryRow> = [
    { key: 'label', dataIndex: 'label', title: t('portrait.run') },
    {
      key: 'total',
      dataIndex: 'total',
      title: t('portrait.total'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatScore(v)}</span>,
    },
    {
      key: 'grade',
      title: t('portrait.grade'),
      align: 'center',
      render: (_: unknown, r) => <Tag color={r.gradeColor}>{r.gradeLabel}</Tag>,
    },
    {
      key: 'rank',
      title: t('portrait.rank'),
      align: 'right',
      render: (_: unknown, r) => <span className="jx-num">{r.rank ? `${r.rank} / ${r.ranked}` : '—'}</span>,
    },
    {
      key: 'finishedAt',
      dataIndex: 'finishedAt',
      title: t('col.finishedAt'),
      render: (v: string | null) => <span className="jx-num">{formatDate(v)}</span>,
    },
  ];
  return (
    <ChartPanel<HistoryRow>
      title={t('portrait.history')}
      option={option}
      rows={rows}
      columns={columns}
      rowKey="key"
      height={320}
      defaultShowTable
      empty={<EmptyState compact description={t('portrait.historyEmpty')} />}
    />
  );
}

function DrillDown({ p }: { p: Portrait }) {
  const t = useMessages(scoringMessages);
  const pick = usePick();
  const rows = useMemo(() => flatten(p.explanation.nodes), [p]);
  const leafKeys = rows.filter((r) => r.node.type === 'leaf').map((r) => r.key);
  const columns: ColumnsType<FlatNode> = [
    {
      key: 'name',
      title: t('portrait.indicator'),
      width: 280,
      render: (_: unknown, r) => (
        <span style={{ paddingInlineStart: r.depth * 18, fontWeight: r.node.type === 'group' ? 600 : 400 }}>
          {pick({ zh: r.node.name, en: r.node.nameEn ?? null })}
          {r.node.category !== 'base' && r.depth === 0 ? (
            <Tag style={{ marginInlineStart: 6 }} color={r.node.category === 'deduction' ? 'red' : 'green'}>
              {pick(
                r.node.category === 'deduction'
                  ? { zh: '减分', en: 'deduction' }
                  : { zh: '加分', en: 'bonus' },
              )}
            </Tag>
          ) : null}
          {!r.node.applicable ? <Tag style={{ marginInlineStart: 6 }}>{t('portrait.na')}</Tag> : null}
        </span>
      ),
    },
    {
      key: 'weight',
      title: t('portrait.weight'),
      width: 80,
      align: 'right',
      render: (_: unknown, r) => <span className="jx-num">{formatScore(r.node.weight)}</span>,
    },
    {
      key: 'points',
      title: t('portrait.points'),
      width: 80,
      align: 'right',
      render: (_: unknown, r) => <strong className="jx-num">{formatScore(r.node.points)}</strong>,
    },
    {
      key: 'lost',
      title: t('portrait.lost'),
      width: 80,
      align: 'right',
      render: (_: unknown, r) =>
        r.node.lost > 0.005 ? (
          <Typography.Text type="danger" className="jx-num">
            {r.node.category === 'bonus' ? '+' : '−'}
            {formatScore(r.node.lost)}
          </Typography.Text>
        ) : (
          <span className="jx-num">—</span>
        ),
    },
    {
      key: 'computation',
      title: t('portrait.computation'),
      render: (_: unknown, r) => <span style={{ fontSize: 13 }}>{pick(r.node.computation)}</span>,
    },
  ];
  return (
    <Card
      title={t('portrait.drill')}
      extra={
        <Typography.Text type="secondary" className="jx-no-print">
          {t('portrait.drillHint')}
        </Typography.Text>
      }
    >
      {p.explanation.notes.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('portrait.notes')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {p.explanation.notes.map((n, i) => (
                <li key={i}>{pick(n)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Table<FlatNode>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        expandable={{
          rowExpandable: (r) => r.node.type === 'leaf',
          expandedRowRender: (r) => <LeafDetail node={r.node} inputs={p.inputs} />,
          defaultExpandedRowKeys: leafKeys.length <= 4 ? leafKeys : [],
        }}
      />
    </Card>
  );
}

function LeafDetail({ node, inputs }: { node: NodeExplanation; inputs: Inputs }) {
  const t = useMessages(scoringMessages);
  const pick = usePick();
  const { lang } = useLang();
  const source = useSourceLabel();
  const mine = inputs.filter((i) => i.leafCode === node.code);
  const rows = mine.map((i) => ({ ...i, rowKey: i.key }));
  const columns: ColumnsType<(typeof rows)[number]> = [
    {
      key: 'label',
      title: t('portrait.input'),
      width: 150,
      render: (_: unknown, i) => (lang === 'en' ? i.labelEn : i.label),
    },
    {
      key: 'value',
      title: t('portrait.value'),
      width: 160,
      render: (_: unknown, i) => (
        <span>
          <span className="jx-num">
            {i.format === 'level' && typeof i.scored === 'number' && i.levelLabel
              ? i.levelLabel
              : formatInputValue(i.scored, i, lang, t('portrait.na'), t('portrait.noValue'))}
          </span>
          {i.changedSinceRun ? (
            <div>
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {t('portrait.changed', {
                  value:
                    i.stored?.value === null
                      ? t('portrait.na')
                      : i.stored
                        ? String(i.stored.value)
                        : t('portrait.noValue'),
                })}
              </Typography.Text>
            </div>
          ) : null}
        </span>
      ),
    },
    {
      key: 'source',
      title: t('portrait.source'),
      width: 150,
      render: (_: unknown, i) => (i.stored ? source(i.stored.source) : '—'),
    },
    {
      key: 'evidence',
      title: t('portrait.evidence'),
      render: (_: unknown, i) => (
        <span style={{ fontSize: 13 }}>
          {i.stored?.evidenceNote ?? ''}
          {i.stored?.attachment ? (
            <>
              {i.stored.evidenceNote ? <br /> : null}
              <a href={apiUrl(`/scoring/attachments/${i.stored.attachment.id}`)}>
                <PaperClipOutlined /> {i.stored.attachment.fileName}
              </a>
            </>
          ) : null}
          {!i.stored?.evidenceNote && !i.stored?.attachment ? '—' : null}
        </span>
      ),
    },
  ];
  return (
    <div style={{ padding: '4px 8px 8px' }}>
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 8 }}
        items={[
          { key: 'rule', label: t('portrait.rule'), children: pick(node.rule) },
          { key: 'computation', label: t('portrait.computation'), children: pick(node.computation) },
          {
            key: 'reasons',
            label: t('portrait.reasons'),
            children: !node.applicable ? (
              t('portrait.notApplicable')
            ) : node.reasons.length > 0 ? (
              <Space direction="vertical" size={0}>
                {node.reasons.map((r, i) => (
                  <span key={i}>{pick(r)}</span>
                ))}
              </Space>
            ) : (
              t('portrait.noLoss')
            ),
          },
        ]}
      />
      <Table size="small" rowKey="rowKey" columns={columns} dataSource={rows} pagination={false} />
    </div>
  );
}
