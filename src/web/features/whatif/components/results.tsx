import { useMemo } from 'react';
import {
  Alert,
  Card,
  Col,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined } from '@ant-design/icons';
import type {
  GradeEntry,
  WhatIfFilter,
  WhatIfResult,
  WhatIfRow,
  WhatIfSort,
} from '../../../../contracts/whatif.ts';
import { ChartPanel } from '../../../charts/chart-panel.tsx';
import type { ChartOption } from '../../../charts/echarts.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ExportExcelButton } from '../../../components/export-button.tsx';
import { formatAmount, formatCount, formatDateTime, formatScore } from '../../../lib/format.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import type { TableQuery } from '../api.ts';
import { whatIfMessages, type WhatIfMessageKey } from '../messages.ts';

export type TableState = TableQuery;

const UP = '#389e0d';
const DOWN = '#cf1322';
const CHANGED_BG = '#fffbe6';

/** A grade as a coloured tag, from the result's own legend ('incomplete' grey). */
function Grade({ code, grades }: { code: string; grades: ReadonlyMap<string, GradeEntry> }) {
  const t = useMessages(whatIfMessages);
  const { lang } = useLang();
  const g = grades.get(code);
  if (!g) return <Tag style={{ marginInlineEnd: 0 }}>{t('incomplete')}</Tag>;
  return (
    <Tag color={g.color} style={{ marginInlineEnd: 0 }}>
      {lang === 'en' ? g.labelEn : g.label}
    </Tag>
  );
}

/** A change: arrow and colour by sign (+ better), nothing for zero. */
function Delta({ value, text, better = 1 }: { value: number; text: string; better?: 1 | -1 }) {
  if (value === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const good = value * better > 0;
  return (
    <span className="jx-num" style={{ color: good ? UP : DOWN, fontWeight: 600, whiteSpace: 'nowrap' }}>
      {good ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {text}
    </span>
  );
}

const signed = (x: number, f: (v: number) => string) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${f(Math.abs(x))}`;

/**
 * The answer of a what-if: what changed in numbers (moves, ranks, money), the grade transition matrix
 * (click a cell to list those subjects), how far grades moved (bar + table), money by grade, by division
 * (self-evaluations), and the side-by-side table with server paging, sorting, filters and export.
 */
export function WhatIfResults({
  result,
  loading,
  table,
  onTable,
  onExport,
  exporting,
}: {
  result: WhatIfResult;
  loading: boolean;
  table: TableState;
  onTable: (next: TableState) => void;
  onExport: () => void;
  exporting: boolean;
}) {
  const t = useMessages(whatIfMessages);
  const { lang } = useLang();
  const s = result.summary;
  const grades = useMemo(() => new Map(result.grades.map((g) => [g.code, g])), [result.grades]);
  const gradeText = (code: string) => {
    const g = grades.get(code);
    return g ? (lang === 'en' ? g.labelEn : g.label) : t('incomplete');
  };
  const selfeval = result.kind === 'self_evaluation';
  const hasAmounts = result.baseline.rules !== null || result.scenario.rules !== null;
  const amountDelta = s.scenarioFen - s.baselineFen;

  // ---- transition matrix
  const codes = s.transitions.codes;
  const matrixRows = codes.map((from, a) => ({ from, counts: s.transitions.counts[a]! }));
  const matrixColumns: ColumnsType<(typeof matrixRows)[number]> = [
    {
      key: 'from',
      title: t('matrix.corner'),
      width: 110,
      render: (_: unknown, r) => <Grade code={r.from} grades={grades} />,
    },
    ...codes.map((to, b): ColumnsType<(typeof matrixRows)[number]>[number] => ({
      key: to,
      title: <Grade code={to} grades={grades} />,
      align: 'center',
      onCell: (r) => {
        const a = codes.indexOf(r.from);
        const n = r.counts[b] ?? 0;
        const active = table.from === r.from && table.to === to;
        return {
          style: {
            background: active ? '#e6f4ff' : a !== b && n > 0 ? (b < a ? '#f6ffed' : '#fff1f0') : undefined,
            cursor: n > 0 ? 'pointer' : undefined,
          },
          onClick: () => n > 0 && onTable({ ...table, page: 1, filter: 'all', from: r.from, to }),
        };
      },
      render: (_: unknown, r) => {
        const n = r.counts[b] ?? 0;
        const a = codes.indexOf(r.from);
        return (
          <span
            className="jx-num"
            style={{ fontWeight: a !== b && n > 0 ? 700 : 400, color: n === 0 ? '#bfbfbf' : undefined }}
          >
            {formatCount(n)}
          </span>
        );
      },
    })),
  ];

  // ---- how far grades moved
  const moveRows = useMemo(() => {
    const rows = s.gradeMoves.map((m) => ({ steps: m.steps, count: m.count }));
    rows.push({ steps: 0, count: s.gradeSame });
    return rows.sort((a, b) => b.steps - a.steps);
  }, [s.gradeMoves, s.gradeSame]);
  const moveLabel = (steps: number) =>
    steps > 0 ? t('moves.up', { n: steps }) : steps < 0 ? t('moves.down', { n: -steps }) : t('moves.same');
  const moveOption: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: moveRows.map((r) => moveLabel(r.steps)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: moveRows.map((r) => ({
          value: r.count,
          itemStyle: { color: r.steps > 0 ? '#52c41a' : r.steps < 0 ? '#f5222d' : '#bfbfbf' },
        })),
      },
    ],
  };

  // ---- money by grade
  const gradeRows = s.byGrade.map((g) => ({ ...g, delta: g.scenarioFen - g.baselineFen }));
  const wan = (fen: number) => Math.round(fen / 10_000) / 100;
  const gradeOption: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('byGrade.baseline'), t('byGrade.scenario')], top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: gradeRows.map((g) => gradeText(g.code)) },
    yAxis: { type: 'value' },
    series: [
      {
        name: t('byGrade.baseline'),
        type: 'bar',
        data: gradeRows.map((g) => wan(g.baselineFen)),
        itemStyle: { color: '#8c8c8c' },
      },
      {
        name: t('byGrade.scenario'),
        type: 'bar',
        data: gradeRows.map((g) => wan(g.scenarioFen)),
        itemStyle: { color: '#1f5fbf' },
      },
    ],
  };

  // ---- the table
  const num = (v: number | null) => <span className="jx-num">{v ?? '—'}</span>;
  const sortOrder = (key: WhatIfSort) =>
    table.sort === key ? (table.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  const side = (which: 'baseline' | 'scenario'): ColumnsType<WhatIfRow> => [
    {
      key: `${which}Total`,
      title: t('table.total'),
      width: 66,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder(`${which}Total`),
      onCell: (r) => (which === 'scenario' && r.changed.total ? { style: { background: CHANGED_BG } } : {}),
      render: (_: unknown, r) => <span className="jx-num">{formatScore(r[which].total)}</span>,
    },
    {
      key: `${which}Grade`,
      title: t('table.grade'),
      width: 58,
      align: 'center',
      onCell: (r) => (which === 'scenario' && r.changed.grade ? { style: { background: CHANGED_BG } } : {}),
      render: (_: unknown, r) => <Grade code={r[which].grade} grades={grades} />,
    },
    ...(selfeval
      ? []
      : [
          {
            key: `${which}Rank`,
            title: t('table.rank'),
            width: 52,
            align: 'right' as const,
            sorter: true,
            sortOrder: sortOrder(`${which}Rank`),
            onCell: (r: WhatIfRow) =>
              which === 'scenario' && r.changed.rank ? { style: { background: CHANGED_BG } } : {},
            render: (_: unknown, r: WhatIfRow) => num(r[which].rank),
          },
        ]),
    ...(hasAmounts
      ? [
          {
            key: `${which}Amount`,
            title: t('table.amount'),
            width: 100,
            align: 'right' as const,
            sorter: true,
            sortOrder: sortOrder(`${which}Amount`),
            onCell: (r: WhatIfRow) =>
              which === 'scenario' && r.changed.amount ? { style: { background: CHANGED_BG } } : {},
            render: (_: unknown, r: WhatIfRow) => (
              <span className="jx-num" style={{ color: (r[which].amountFen ?? 0) < 0 ? DOWN : undefined }}>
                {formatAmount(r[which].amountFen)}
              </span>
            ),
          },
        ]
      : []),
  ];
  const columns: ColumnsType<WhatIfRow> = [
    {
      key: 'name',
      title: selfeval ? t('table.project') : t('table.name'),
      width: selfeval ? 210 : 140,
      fixed: 'left',
      render: (_: unknown, r) => (
        <span>
          {r.name}
          {r.code ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} className="jx-num">
              {r.code}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    ...(selfeval
      ? [
          {
            key: 'division',
            title: t('table.divisionDepartment'),
            width: 140,
            render: (_: unknown, r: WhatIfRow) => (
              <span>
                {r.divisionName}
                {r.department ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r.department}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
        ]
      : []),
    { key: 'baseline', title: t('table.baseline'), children: side('baseline') },
    { key: 'scenario', title: t('table.scenario'), children: side('scenario') },
    {
      key: 'delta',
      title: t('table.delta'),
      children: [
        ...(selfeval
          ? []
          : [
              {
                key: 'totalDelta',
                title: t('table.totalDelta'),
                width: 72,
                align: 'right' as const,
                sorter: true,
                sortOrder: sortOrder('totalDelta'),
                render: (_: unknown, r: WhatIfRow) => (
                  <Delta
                    value={r.changed.total ? r.delta.total : 0}
                    text={signed(r.delta.total, formatScore)}
                  />
                ),
              },
            ]),
        {
          key: 'gradeSteps',
          title: t('table.gradeSteps'),
          width: 60,
          align: 'center',
          sorter: true,
          sortOrder: sortOrder('gradeSteps'),
          render: (_: unknown, r) => (
            <Delta
              value={r.delta.gradeSteps}
              text={t('steps', { sign: r.delta.gradeSteps > 0 ? '+' : '−', n: Math.abs(r.delta.gradeSteps) })}
            />
          ),
        },
        ...(selfeval
          ? []
          : [
              {
                key: 'rankDelta',
                title: t('table.rankDelta'),
                width: 56,
                align: 'right' as const,
                sorter: true,
                sortOrder: sortOrder('rankDelta'),
                render: (_: unknown, r: WhatIfRow) => (
                  <Delta value={r.delta.rank} text={String(Math.abs(r.delta.rank))} />
                ),
              },
            ]),
        ...(hasAmounts
          ? [
              {
                key: 'amountDelta',
                title: t('table.amountDelta'),
                width: 104,
                align: 'right' as const,
                sorter: true,
                sortOrder: sortOrder('amountDelta'),
                render: (_: unknown, r: WhatIfRow) => (
                  <Delta value={r.delta.amountFen} text={signed(r.delta.amountFen, (v) => formatAmount(v))} />
                ),
              },
            ]
          : []),
      ],
    },
  ];

  const onChange = (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<WhatIfRow> | SorterResult<WhatIfRow>[],
  ) => {
    const x = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = x?.order ? (String(x.columnKey) as WhatIfSort) : undefined;
    const order = x?.order === 'descend' ? 'desc' : x?.order === 'ascend' ? 'asc' : undefined;
    const shape =
      key !== table.sort ||
      order !== table.order ||
      (pagination.pageSize ?? table.pageSize) !== table.pageSize;
    const next: TableState = {
      ...table,
      page: shape ? 1 : (pagination.current ?? 1),
      pageSize: pagination.pageSize ?? table.pageSize,
    };
    const { sort: _s, order: _o, ...rest } = next;
    onTable(key && order ? { ...rest, sort: key, order } : rest);
  };

  const filters: WhatIfFilter[] = ['all', 'changed', 'grade', 'rank', 'total', 'amount'];
  const sourceText =
    result.source.kind === 'run'
      ? t('result.source.run', {
          name: result.source.runName ?? '',
          time: formatDateTime(result.source.finishedAt),
        })
      : result.source.kind === 'inputs'
        ? t('result.source.inputs')
        : t('result.source.selfeval');

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('result.compare', {
          baseline: lang === 'en' ? result.baseline.labelEn : result.baseline.label,
          scenario: lang === 'en' ? result.scenario.labelEn : result.scenario.label,
        })}
        {' · '}
        {sourceText}
      </Typography.Paragraph>
      {result.warnings.map((w) => (
        <Alert
          key={w.code}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={lang === 'en' ? w.messageEn : w.message}
        />
      ))}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={selfeval ? t('stat.projects') : t('stat.subjects')}
              value={formatCount(s.subjects)}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Space size={24}>
              <Statistic
                title={t('stat.up')}
                value={formatCount(s.gradeUp)}
                styles={{ content: { color: s.gradeUp > 0 ? UP : undefined } }}
                prefix={s.gradeUp > 0 ? <ArrowUpOutlined /> : null}
              />
              <Statistic
                title={t('stat.down')}
                value={formatCount(s.gradeDown)}
                styles={{ content: { color: s.gradeDown > 0 ? DOWN : undefined } }}
                prefix={s.gradeDown > 0 ? <ArrowDownOutlined /> : null}
              />
            </Space>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          {selfeval ? (
            <Card size="small">
              <Statistic
                title={t('stat.amountSubjects')}
                value={hasAmounts ? formatCount(s.amountChanged) : '—'}
              />
            </Card>
          ) : (
            <Card size="small">
              <Statistic
                title={t('stat.rank')}
                value={`${formatCount(s.rankUp)} / ${formatCount(s.rankDown)}`}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('stat.maxRank', { rise: s.maxRankRise, fall: s.maxRankFall })}
              </Typography.Text>
            </Card>
          )}
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('stat.amount')}
              value={hasAmounts ? signed(amountDelta, (v) => formatAmount(v)) : '—'}
              styles={{ content: { color: amountDelta < 0 ? DOWN : amountDelta > 0 ? UP : undefined } }}
            />
            {hasAmounts ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('stat.amountFrom', { from: formatAmount(s.baselineFen), to: formatAmount(s.scenarioFen) })}{' '}
                · {t('stat.amountChanged', { n: formatCount(s.amountChanged) })}
              </Typography.Text>
            ) : null}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <Card
            title={t('matrix.title')}
            size="small"
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('matrix.hint')}
              </Typography.Text>
            }
          >
            <Table
              size="small"
              rowKey="from"
              columns={matrixColumns}
              dataSource={matrixRows}
              pagination={false}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <ChartPanel
            title={t('moves.title')}
            option={moveOption}
            rows={moveRows}
            rowKey="steps"
            height={240}
            columns={[
              { key: 'steps', title: t('moves.steps'), render: (_: unknown, r) => moveLabel(r.steps) },
              {
                key: 'count',
                title: t('moves.count'),
                align: 'right',
                render: (_: unknown, r) => <span className="jx-num">{formatCount(r.count)}</span>,
              },
            ]}
          />
        </Col>
      </Row>
      {hasAmounts ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={selfeval ? 12 : 24}>
            <ChartPanel
              title={t('byGrade.title')}
              option={gradeOption}
              rows={gradeRows}
              rowKey="code"
              height={240}
              columns={[
                {
                  key: 'grade',
                  title: t('byGrade.grade'),
                  render: (_: unknown, g) => <Grade code={g.code} grades={grades} />,
                },
                {
                  key: 'bc',
                  title: t('byGrade.baselineCount'),
                  align: 'right',
                  render: (_: unknown, g) => <span className="jx-num">{formatCount(g.baselineCount)}</span>,
                },
                {
                  key: 'sc',
                  title: t('byGrade.scenarioCount'),
                  align: 'right',
                  render: (_: unknown, g) => <span className="jx-num">{formatCount(g.scenarioCount)}</span>,
                },
                {
                  key: 'b',
                  title: t('byGrade.baseline'),
                  align: 'right',
                  render: (_: unknown, g) => <span className="jx-num">{formatAmount(g.baselineFen)}</span>,
                },
                {
                  key: 's',
                  title: t('byGrade.scenario'),
                  align: 'right',
                  render: (_: unknown, g) => <span className="jx-num">{formatAmount(g.scenarioFen)}</span>,
                },
                {
                  key: 'd',
                  title: t('byGrade.delta'),
                  align: 'right',
                  render: (_: unknown, g) => (
                    <Delta value={g.delta} text={signed(g.delta, (v) => formatAmount(v))} />
                  ),
                },
              ]}
            />
          </Col>
          {selfeval ? (
            <Col xs={24} xl={12}>
              <Card title={t('byDivision.title')} size="small">
                <Table
                  size="small"
                  rowKey="code"
                  dataSource={s.byDivision}
                  pagination={{ pageSize: 8, size: 'small' }}
                  columns={[
                    { key: 'name', dataIndex: 'name', title: t('byDivision.division') },
                    {
                      key: 'n',
                      title: t('byDivision.projects'),
                      align: 'right',
                      render: (_: unknown, d) => <span className="jx-num">{formatCount(d.subjects)}</span>,
                    },
                    {
                      key: 'up',
                      title: t('byDivision.up'),
                      align: 'right',
                      render: (_: unknown, d) => <span className="jx-num">{formatCount(d.gradeUp)}</span>,
                    },
                    {
                      key: 'down',
                      title: t('byDivision.down'),
                      align: 'right',
                      render: (_: unknown, d) => <span className="jx-num">{formatCount(d.gradeDown)}</span>,
                    },
                    {
                      key: 'delta',
                      title: t('byDivision.delta'),
                      align: 'right',
                      render: (_: unknown, d) => (
                        <Delta
                          value={d.scenarioFen - d.baselineFen}
                          text={signed(d.scenarioFen - d.baselineFen, (v) => formatAmount(v))}
                        />
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
          ) : null}
        </Row>
      ) : null}
      <Card title={t('table.title')} styles={{ body: { paddingTop: 12 } }}>
        <DataTable<WhatIfRow>
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={result.rows.items}
          bordered
          toolbar={
            <Space wrap>
              <Select<WhatIfFilter>
                style={{ width: 180 }}
                value={table.filter}
                onChange={(filter) => onTable({ ...table, filter, page: 1 })}
                options={filters.map((f) => ({
                  value: f,
                  label: t(`table.filter.${f}` as WhatIfMessageKey),
                }))}
                aria-label={t('table.filter.all')}
              />
              {table.from !== undefined || table.to !== undefined ? (
                <Tag
                  closable
                  closeIcon={<CloseOutlined />}
                  onClose={() => {
                    const { from: _f, to: _t, ...rest } = table;
                    onTable({ ...rest, page: 1 });
                  }}
                >
                  {table.from !== undefined ? gradeText(table.from) : '*'} →{' '}
                  {table.to !== undefined ? gradeText(table.to) : '*'}
                </Tag>
              ) : null}
              {selfeval ? (
                <Select<string>
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 180 }}
                  placeholder={t('table.allDivisions')}
                  {...(table.rowDivision ? { value: table.rowDivision } : {})}
                  onChange={(code) => {
                    const { rowDivision: _d, ...rest } = table;
                    onTable(code ? { ...rest, rowDivision: code, page: 1 } : { ...rest, page: 1 });
                  }}
                  options={[...s.byDivision]
                    .sort((a, b) => a.code.localeCompare(b.code))
                    .map((d) => ({ value: d.code, label: d.name }))}
                  aria-label={t('table.allDivisions')}
                />
              ) : null}
              {!selfeval ? (
                <Input.Search
                  allowClear
                  placeholder={t('table.search')}
                  defaultValue={table.q ?? ''}
                  onSearch={(q) => {
                    const { q: _q, ...rest } = table;
                    onTable(q.trim() ? { ...rest, q: q.trim(), page: 1 } : { ...rest, page: 1 });
                  }}
                  style={{ width: 200 }}
                />
              ) : null}
            </Space>
          }
          exportSlot={
            <Tooltip title={result.rows.total > 100_000 ? t('table.exportTooMany') : null}>
              <span>
                <ExportExcelButton
                  onExport={onExport}
                  loading={exporting}
                  disabled={result.rows.total === 0 || result.rows.total > 100_000}
                />
              </span>
            </Tooltip>
          }
          locale={{
            emptyText: (
              <EmptyState
                compact
                description={table.filter === 'changed' ? t('table.emptyChanged') : t('table.empty')}
              />
            ),
          }}
          pagination={{
            current: table.page,
            pageSize: table.pageSize,
            total: result.rows.total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
          }}
          onChange={onChange}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }} className="jx-no-print">
          {t('result.timing', {
            total: Math.round(result.timings.totalMs),
            load: Math.round(result.timings.loadMs),
            score: Math.round(result.timings.scoreMs),
            compare: Math.round(result.timings.compareMs),
          })}
        </Typography.Text>
      </Card>
    </>
  );
}
