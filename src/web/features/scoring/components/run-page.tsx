import { useMemo } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Input,
  Progress,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
  theme,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { GradeCount, ResultItem, RunDetail } from '../../../../contracts/scoring.ts';
import { ChartPanel } from '../../../charts/chart-panel.tsx';
import type { ChartOption } from '../../../charts/echarts.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ExportExcelButton } from '../../../components/export-button.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerTable } from '../../../components/use-server-table.ts';
import { apiUrl } from '../../../lib/api.ts';
import { formatCount, formatPercent, formatScore } from '../../../lib/format.ts';
import { useLang, useMessages, usePick, useT } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { useCan } from '../../../lib/session.tsx';
import { VersionLink } from '../../scorecards/components/version-link.tsx';
import { useJob, useResults, useRun } from '../api.ts';
import { scoringMessages } from '../messages.ts';
import { INCOMPLETE, jobStep, points, ResultGrade, RunStatusTag, useRunTitle } from './shared.tsx';

/** 评分结果: the league table of a run (server-side paging and sorting), grade distribution, export. */
export default function RunPage() {
  const { runId = '' } = useParams();
  const t = useMessages(scoringMessages);
  const common = useT();
  const pick = usePick();
  const { lang } = useLang();
  const href = useScopedHref();
  const runTitle = useRunTitle();
  const can = useCan();
  const detail = useRun(runId);
  const run = detail.data?.run;
  const done = run?.status === 'succeeded';
  const table = useServerTable({ defaultSort: { sort: 'rank', order: 'asc' } });
  const results = useResults(runId, table.apiQuery, done);
  const job = useJob(run && !done && run.status !== 'failed' ? run.jobId : null);
  const scheme = detail.data?.scheme;
  const firstLevel = detail.data?.summary?.firstLevel ?? [];
  const grade = table.query.filters['grade']?.[0];

  const setGrade = (g: string | undefined) => {
    const filters = { ...table.query.filters };
    if (g) filters['grade'] = [g];
    else delete filters['grade'];
    table.setQuery({ ...table.query, filters, page: 1 });
  };

  const columns: ColumnsType<ResultItem> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('col.name'),
      width: 220,
      fixed: 'left',
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
      render: (v: string, r) => (
        <Link to={href(`/portraits/scoring/runs/${runId}/subjects/${r.subjectId}`)}>{v}</Link>
      ),
    },
    {
      key: 'code',
      dataIndex: 'refCode',
      title: t('col.code'),
      width: 100,
      sorter: true,
      sortOrder: table.sortOrderOf('code'),
      render: (v: string) => <span className="jx-num">{v}</span>,
    },
    {
      key: 'total',
      dataIndex: 'total',
      title: t('run.total'),
      width: 90,
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrderOf('total'),
      render: (v: number, r) =>
        r.grade === INCOMPLETE ? (
          <Typography.Text type="secondary" className="jx-num">
            {formatScore(v)}
          </Typography.Text>
        ) : (
          <strong className="jx-num">{formatScore(v)}</strong>
        ),
    },
    {
      key: 'grade',
      dataIndex: 'grade',
      title: t('run.grade'),
      width: 90,
      align: 'center',
      render: (v: string) => <ResultGrade grade={v} scheme={scheme} />,
    },
    {
      key: 'rank',
      dataIndex: 'rank',
      title: t('run.rank'),
      width: 80,
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrderOf('rank'),
      render: (v: number | null) => <span className="jx-num">{v ?? '—'}</span>,
    },
    ...firstLevel.map((f): ColumnsType<ResultItem>[number] => ({
      key: `node:${f.code}`,
      title:
        lang === 'en' ? `${f.nameEn ?? f.name} (${points(f.weight)})` : `${f.name}（${points(f.weight)}）`,
      width: 130,
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrderOf(`node:${f.code}`),
      render: (_: unknown, r) => <span className="jx-num">{formatScore(r.firstLevel[f.code])}</span>,
    })),
    {
      key: 'missing',
      dataIndex: 'missingCount',
      title: t('run.missingCol'),
      width: 100,
      align: 'center',
      render: (v: number) => (v > 0 ? <Tag color="warning">{t('inputs.missingN', { n: v })}</Tag> : '—'),
    },
  ];

  const exportHref = apiUrl(`/scoring/runs/${runId}/results/export`, { ...table.exportQuery, lang });

  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data || !run) return <Skeleton active paragraph={{ rows: 12 }} />;
  const d = detail.data;
  const summary = d.summary;
  const template = pick({ zh: run.templateName, en: run.templateNameEn });

  return (
    <>
      <PageHeader
        title={runTitle(run)}
        subtitle={
          <Space size={8} wrap>
            <span>
              {t('run.subtitle', {
                template: run.name ? `${template} · ` : '',
                year: run.fiscalYear,
                version: run.versionNo,
                division: run.divisionName,
              })}
            </span>
            <RunStatusTag status={run.status} />
            <VersionLink versionId={run.versionId} fiscalYear={run.fiscalYear} versionNo={run.versionNo} />
          </Space>
        }
        extra={
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {common('common.print')}
          </Button>
        }
      />
      {run.status === 'queued' || run.status === 'running' ? (
        <Card style={{ marginBottom: 16 }}>
          <Typography.Paragraph>{t('run.running')}</Typography.Paragraph>
          <Progress
            percent={job.data?.total ? Math.round((job.data.progress / job.data.total) * 100) : 0}
            status="active"
          />
          {job.data ? <Typography.Text type="secondary">{jobStep(job.data, lang, t)}</Typography.Text> : null}
        </Card>
      ) : null}
      {run.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('run.failed', {
            message: String(
              (run.error as { message?: string; messageEn?: string } | null)?.[
                lang === 'en' ? 'messageEn' : 'message'
              ] ?? '',
            ),
          })}
        />
      ) : null}
      {done && summary ? (
        <>
          {d.scopeLimited ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('run.scopeLimited', { n: d.visible, ranked: summary.ranked })}
            />
          ) : null}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('run.subjects')}
                  value={formatCount(d.scopeLimited ? d.visible : summary.subjects)}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('run.ranked')} value={formatCount(summary.ranked)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('run.average')}
                  value={formatScore(summary.averages.total)}
                  suffix={
                    <span style={{ fontSize: 13 }}>
                      {t('run.maxScore', { max: formatScore(summary.maxScore) })}
                    </span>
                  }
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('run.incomplete')}
                  value={formatCount(summary.incomplete)}
                  styles={{ content: summary.incomplete > 0 ? { color: '#d48806' } : {} }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={10}>
              <GradeChart
                counts={d.scopeLimited ? runWideCounts(d) : d.gradeCounts}
                title={d.scopeLimited ? t('run.gradeChartAll') : t('run.gradeChart')}
              />
            </Col>
            <Col xs={24} xl={14}>
              <FirstLevelChart detail={d} />
            </Col>
          </Row>
          {d.incompleteSubjects.length > 0 ? <IncompleteCard detail={d} /> : null}
          <Card title={t('run.table')} styles={{ body: { paddingTop: 12 } }}>
            {results.isError ? (
              <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
            ) : null}
            <DataTable<ResultItem>
              rowKey="subjectId"
              loading={results.isFetching}
              columns={columns}
              dataSource={results.data?.items ?? []}
              toolbar={
                <Space wrap>
                  <Input.Search
                    allowClear
                    defaultValue={table.query.q ?? ''}
                    key={table.query.q ?? ''}
                    placeholder={t('run.search')}
                    onSearch={table.setSearch}
                    style={{ width: 220 }}
                  />
                  <Select<string>
                    allowClear
                    placeholder={t('run.allGrades')}
                    {...(grade ? { value: grade } : {})}
                    onChange={(v) => setGrade(v ?? undefined)}
                    style={{ width: 140 }}
                    options={d.gradeCounts.map((g) => ({
                      value: g.grade,
                      label: `${lang === 'en' ? g.labelEn : g.label}（${g.count}）`,
                    }))}
                  />
                </Space>
              }
              exportSlot={
                <ExportExcelButton href={exportHref} disabled={!results.data || results.data.total === 0} />
              }
              locale={{ emptyText: <EmptyState compact description={t('run.empty')} /> }}
              {...table.tableProps<ResultItem>(results.data?.total)}
            />
            {summary.timings && can('scoring.run') ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} className="jx-no-print">
                {t('run.timing', {
                  load: Math.round(summary.timings.loadMs),
                  score: summary.timings.scoreMs.toFixed(2),
                  write: Math.round(summary.timings.writeMs),
                })}
              </Typography.Text>
            ) : null}
          </Card>
        </>
      ) : null}
    </>
  );
}

/** The whole run's grade counts (aggregates only), for users who see part of the run. */
function runWideCounts(d: RunDetail): GradeCount[] {
  const summary = d.summary!;
  const counts: GradeCount[] = d.scheme.bands.map((b) => ({
    grade: b.code,
    label: b.label,
    labelEn: b.labelEn,
    color: b.color,
    count: summary.gradeCounts[b.code] ?? 0,
  }));
  if (summary.incomplete > 0) {
    counts.push({
      grade: INCOMPLETE,
      label: '数据不全',
      labelEn: 'Incomplete',
      color: 'default',
      count: summary.incomplete,
    });
  }
  return counts;
}

interface GradeRow extends GradeCount {
  share: number;
}

function GradeChart({ counts, title }: { counts: readonly GradeCount[]; title: string }) {
  const t = useMessages(scoringMessages);
  const { lang } = useLang();
  const { token } = theme.useToken();
  const total = counts.reduce((s, c) => s + c.count, 0);
  const rows: GradeRow[] = counts.map((c) => ({ ...c, share: total > 0 ? c.count / total : 0 }));
  const option: ChartOption = useMemo(() => {
    const color = (name: string) => {
      const v = (token as unknown as Record<string, unknown>)[name];
      return typeof v === 'string' ? v : token.colorTextQuaternary;
    };
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: rows.map((r) => (lang === 'en' ? r.labelEn : r.label)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
          data: rows.map((r) => ({ value: r.count, itemStyle: { color: color(r.color) } })),
        },
      ],
    };
  }, [rows, token, lang]);
  const columns: ColumnsType<GradeRow> = [
    {
      key: 'grade',
      title: t('run.gradeCol'),
      render: (_: unknown, r) =>
        r.grade === INCOMPLETE ? (
          <Tag>{lang === 'en' ? r.labelEn : r.label}</Tag>
        ) : (
          <Tag color={r.color}>{lang === 'en' ? r.labelEn : r.label}</Tag>
        ),
    },
    {
      key: 'count',
      dataIndex: 'count',
      title: t('run.countCol'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatCount(v)}</span>,
    },
    {
      key: 'share',
      dataIndex: 'share',
      title: t('run.shareCol'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatPercent(v, { ratio: true })}</span>,
    },
  ];
  return (
    <ChartPanel<GradeRow>
      title={title}
      option={option}
      rows={total > 0 ? rows : []}
      columns={columns}
      rowKey="grade"
      height={260}
      empty={<EmptyState compact description={t('run.gradeEmpty')} />}
    />
  );
}

interface LevelRow {
  code: string;
  name: string;
  weight: number;
  average: number;
  rate: number;
  base: boolean;
}

/** 各一级指标平均得分率 (bar, base indicators) with the deductions' and bonuses' averages in the table. */
function FirstLevelChart({ detail }: { detail: RunDetail }) {
  const t = useMessages(scoringMessages);
  const pick = usePick();
  const summary = detail.summary!;
  const rows: LevelRow[] = summary.firstLevel.map((f) => {
    const average = summary.averages.nodes[f.code] ?? 0;
    const base = (f.category ?? (average < 0 ? 'deduction' : 'base')) === 'base';
    return {
      code: f.code,
      name: pick({ zh: f.name, en: f.nameEn }),
      weight: f.weight,
      average,
      rate: f.weight > 0 ? average / f.weight : 0,
      base,
    };
  });
  const bars = rows.filter((r) => r.base);
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: bars.map((r) => r.name), inverse: true },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        label: { show: true, position: 'right', formatter: (p) => `${Number(p.value).toFixed(1)}%` },
        data: bars.map((r) => Math.round(r.rate * 1000) / 10),
        itemStyle: { color: '#1f5fbf' },
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
      key: 'average',
      dataIndex: 'average',
      title: t('portrait.avg'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatScore(v)}</span>,
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
  ];
  return (
    <ChartPanel<LevelRow>
      title={t('run.levelChart')}
      option={option}
      rows={rows}
      columns={columns}
      rowKey="code"
      height={260}
    />
  );
}

function IncompleteCard({ detail }: { detail: RunDetail }) {
  const t = useMessages(scoringMessages);
  const href = useScopedHref();
  const can = useCan();
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <span>{t('run.incompleteTitle')}</span>
          <Tag color="warning">{detail.incompleteSubjects.length}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('run.incompleteHint')}
      </Typography.Paragraph>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {detail.incompleteSubjects.slice(0, 30).map((s) => (
          <li key={s.subjectId} style={{ marginBottom: 4 }}>
            <strong>{s.name}</strong>
            <Typography.Text type="secondary"> （{s.refCode}）</Typography.Text>：
            {s.missing.map((m) => m.label).join('、')}
            {can('scoring.input') ? (
              <>
                {' '}
                <Link to={href(`/portraits/scoring/inputs/${detail.run.versionId}/${s.subjectId}`)}>
                  {t('run.fill')}
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
