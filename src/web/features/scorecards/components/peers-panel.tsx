import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { PeersView } from '../../../../contracts/scorecards.ts';
import { ChartPanel } from '../../../charts/chart-panel.tsx';
import type { ChartOption } from '../../../charts/echarts.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatScore } from '../../../lib/format.ts';
import { useMessages, usePick } from '../../../lib/i18n.tsx';
import { usePeers } from '../api.ts';
import { scorecardMessages } from '../messages.ts';

const SELF = '#1f5fbf';
const PEERS = '#13a8a8';
const PROVINCE = '#fa8c16';

interface LevelRow {
  code: string;
  name: string;
  weight: number;
  category: 'base' | 'deduction' | 'bonus';
  points: number;
  peerAverage: number | null;
  provinceAverage: number | null;
}

const signed = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${formatScore(x)}`);

/**
 * 画像 › 同类比较与全省平均: the subject's rank among its peers (a county among its city's counties, an
 * asset class among the same class elsewhere), the peers' and the province's average total and
 * first-level points, and the peers the user may see.
 */
export function PeersPanel({ runId, subjectId }: { runId: string; subjectId: string }) {
  const t = useMessages(scorecardMessages);
  const data = usePeers(runId, subjectId);
  if (data.isError) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const p = data.data;
  const group =
    p.basis === 'same_parent'
      ? t('peers.group.same_parent', { group: p.groupLabel })
      : p.basis === 'same_item'
        ? t('peers.group.same_item', { group: p.groupLabel })
        : t('peers.group.all');
  return (
    <Card title={t('peers.title')} style={{ marginBottom: 16 }} className="jx-peers">
      <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('peers.subject')} value={formatScore(p.total)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('peers.rank')} value={p.rankAmongPeers ?? '—'} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('peers.rankOf', { n: p.peerCount })} · {group}
          </Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('peers.peerAverage')} value={formatScore(p.peerAverageTotal)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('peers.diffPeers')} {signed(p.peerAverageTotal === null ? null : p.total - p.peerAverageTotal)}
          </Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('peers.provinceAverage')} value={formatScore(p.provinceAverageTotal)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('peers.provinceOf', { n: p.provinceCount })} · {t('peers.diffProvince')}{' '}
            {signed(p.provinceAverageTotal === null ? null : p.total - p.provinceAverageTotal)}
          </Typography.Text>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={p.peers.length > 1 ? 14 : 24}>
          <LevelChart p={p} />
        </Col>
        {p.peers.length > 1 ? (
          <Col xs={24} xl={10} className="jx-print-table-only">
            <PeerList p={p} />
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}

function LevelChart({ p }: { p: PeersView }) {
  const t = useMessages(scorecardMessages);
  const pick = usePick();
  const rows: LevelRow[] = p.firstLevel.map((f) => ({
    code: f.code,
    name: pick({ zh: f.name, en: f.nameEn }),
    weight: f.weight,
    category: f.category,
    points: f.points,
    peerAverage: f.peerAverage,
    provinceAverage: f.provinceAverage,
  }));
  const base = rows.filter((r) => r.category === 'base');
  const rate = (x: number | null, w: number) =>
    x === null || w <= 0 ? null : Math.round((x / w) * 1000) / 10;
  const series = (name: string, color: string, pickX: (r: LevelRow) => number | null) => ({
    type: 'bar' as const,
    name,
    barMaxWidth: 18,
    itemStyle: { color },
    data: base.map((r) => rate(pickX(r), r.weight)),
  });
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: [t('peers.subject'), t('peers.peerAverage'), t('peers.provinceAverage')] },
    grid: { left: 44, right: 12, top: 16, bottom: 64 },
    xAxis: {
      type: 'category',
      data: base.map((r) => r.name),
      axisLabel: { interval: 0, width: 96, overflow: 'break' },
    },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      series(t('peers.subject'), SELF, (r) => r.points),
      series(t('peers.peerAverage'), PEERS, (r) => r.peerAverage),
      series(t('peers.provinceAverage'), PROVINCE, (r) => r.provinceAverage),
    ],
  };
  const num = (v: number | null) => <span className="jx-num">{formatScore(v)}</span>;
  const columns: ColumnsType<LevelRow> = [
    { key: 'name', dataIndex: 'name', title: t('peers.indicator') },
    {
      key: 'weight',
      title: t('peers.weight'),
      align: 'right',
      render: (_: unknown, r) => (
        <span className="jx-num">
          {r.category === 'deduction' ? '−' : r.category === 'bonus' ? '+' : ''}
          {formatScore(r.weight)}
        </span>
      ),
    },
    { key: 'points', dataIndex: 'points', title: t('peers.points'), align: 'right', render: num },
    { key: 'peer', dataIndex: 'peerAverage', title: t('peers.peerAverage'), align: 'right', render: num },
    {
      key: 'province',
      dataIndex: 'provinceAverage',
      title: t('peers.provinceAverage'),
      align: 'right',
      render: num,
    },
    {
      key: 'dp',
      title: t('peers.diffPeers'),
      align: 'right',
      render: (_: unknown, r) => (
        <span className="jx-num">{signed(r.peerAverage === null ? null : r.points - r.peerAverage)}</span>
      ),
    },
    {
      key: 'dv',
      title: t('peers.diffProvince'),
      align: 'right',
      render: (_: unknown, r) => (
        <span className="jx-num">
          {signed(r.provinceAverage === null ? null : r.points - r.provinceAverage)}
        </span>
      ),
    },
  ];
  return (
    <ChartPanel<LevelRow>
      title={t('peers.indicator')}
      option={option}
      rows={rows}
      columns={columns}
      rowKey="code"
      height={300}
      defaultShowTable
    />
  );
}

interface PeerRow {
  subjectId: string;
  name: string;
  total: number;
  self: boolean;
}

function PeerList({ p }: { p: PeersView }) {
  const t = useMessages(scorecardMessages);
  const rows: PeerRow[] = p.peers.map((x) => ({
    subjectId: x.subjectId,
    name: x.name,
    total: x.total,
    self: x.self,
  }));
  const shown = [...rows].reverse();
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: Math.max(100, ...rows.map((r) => Math.ceil(r.total))) },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { fontSize: 11 } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 14,
        label: { show: true, position: 'right', fontSize: 11 },
        data: shown.map((r) => ({
          value: Math.round(r.total * 100) / 100,
          itemStyle: { color: r.self ? SELF : '#bfbfbf' },
        })),
      },
    ],
  };
  const columns: ColumnsType<PeerRow> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('table.name'),
      render: (v: string, r) => (r.self ? <strong>{v}</strong> : v),
    },
    {
      key: 'total',
      dataIndex: 'total',
      title: t('table.total'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatScore(v)}</span>,
    },
  ];
  return (
    <ChartPanel<PeerRow>
      title={t('peers.list')}
      option={option}
      rows={rows}
      columns={columns}
      rowKey="subjectId"
      height={Math.max(240, rows.length * 22 + 20)}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('peers.listHint')}
        </Typography.Text>
      }
    />
  );
}
