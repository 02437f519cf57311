import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TableRowSelection } from 'antd/es/table/interface';
import { BarChartOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { ResultItem } from '../../../../contracts/scoring.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ExportExcelButton } from '../../../components/export-button.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerTable } from '../../../components/use-server-table.ts';
import { apiUrl } from '../../../lib/api.ts';
import { formatCount, formatDate, formatScore } from '../../../lib/format.ts';
import { useLang, useMessages, usePick, useT } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { useSession } from '../../../lib/session.tsx';
import { useResults, useRun } from '../../scoring/api.ts';
import { INCOMPLETE, points, ResultGrade } from '../../scoring/components/shared.tsx';
import { scorecardMessages } from '../messages.ts';
import { VersionLink } from './version-link.tsx';

const UPPER_LEVELS = ['prefecture', 'prefecture-equivalent'];
const COUNTY_LEVELS = ['county', 'county-equivalent', 'statistical-zone'];

/**
 * 评价结果总表: every subject of a run in one table — for 市县 every city and county with the city it
 * belongs to — with total, grade, rank and first-level points; server-side sorting, a city filter, search,
 * grade filter, export of exactly the filtered rows, and 2–5 rows ticked for a side-by-side comparison.
 */
export default function TablePage() {
  const { runId = '' } = useParams();
  const t = useMessages(scorecardMessages);
  const common = useT();
  const pick = usePick();
  const { lang } = useLang();
  const href = useScopedHref();
  const navigate = useNavigate();
  const me = useSession();
  const { message } = App.useApp();
  const detail = useRun(runId);
  const run = detail.data?.run;
  const done = run?.status === 'succeeded';
  const table = useServerTable({ defaultSort: { sort: 'rank', order: 'asc' }, defaultPageSize: 100 });
  const results = useResults(runId, table.apiQuery, done);
  const [selected, setSelected] = useState<string[]>([]);
  const division = table.query.filters['division']?.[0];
  const grade = table.query.filters['grade']?.[0];

  const divisions = useMemo(() => new Map(me.divisions.map((d) => [d.code, d])), [me.divisions]);
  const isDivisionRun = run?.subjectKind === 'county_fiscal';
  const cityOf = (code: string): string => {
    const d = divisions.get(code);
    if (!d) return '—';
    if (COUNTY_LEVELS.includes(d.level) && d.parentCode) return divisions.get(d.parentCode)?.name ?? '—';
    return isDivisionRun ? '—' : d.name;
  };
  const filterOptions = me.divisions
    .filter((d) => UPPER_LEVELS.includes(d.level) || (!isDivisionRun && d.level === 'province'))
    .map((d) => ({ value: d.code, label: d.name }));

  const setFilter = (key: 'division' | 'grade', value: string | undefined) => {
    const filters = { ...table.query.filters };
    if (value) filters[key] = [value];
    else delete filters[key];
    table.setQuery({ ...table.query, filters, page: 1 });
  };

  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data || !run) return <Skeleton active paragraph={{ rows: 12 }} />;
  const d = detail.data;
  const summary = d.summary;
  const firstLevel = summary?.firstLevel ?? [];
  const template = pick({ zh: run.templateName, en: run.templateNameEn });

  const columns: ColumnsType<ResultItem> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('table.name'),
      width: 200,
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
      title: t('table.code'),
      width: 96,
      sorter: true,
      sortOrder: table.sortOrderOf('code'),
      render: (v: string) => <span className="jx-num">{v}</span>,
    },
    ...(me.divisions.length > 1
      ? [
          {
            key: 'city',
            title: isDivisionRun ? t('table.city') : t('table.division'),
            width: 110,
            render: (_: unknown, r: ResultItem) => cityOf(r.mofDivCode),
          },
        ]
      : []),
    {
      key: 'total',
      dataIndex: 'total',
      title: t('table.total'),
      width: 84,
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
      title: t('table.grade'),
      width: 72,
      align: 'center',
      render: (v: string) => <ResultGrade grade={v} scheme={d.scheme} />,
    },
    {
      key: 'rank',
      dataIndex: 'rank',
      title: t('table.rank'),
      width: 72,
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrderOf('rank'),
      render: (v: number | null) => <span className="jx-num">{v ?? '—'}</span>,
    },
    ...firstLevel.map((f): ColumnsType<ResultItem>[number] => ({
      key: `node:${f.code}`,
      title:
        lang === 'en'
          ? `${f.nameEn ?? f.name} (${f.category === 'deduction' ? '−' : ''}${points(f.weight)})`
          : `${f.name}（${f.category === 'deduction' ? '−' : f.category === 'bonus' ? '+' : ''}${points(f.weight)}）`,
      width: 116,
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrderOf(`node:${f.code}`),
      render: (_: unknown, r) => <span className="jx-num">{formatScore(r.firstLevel[f.code])}</span>,
    })),
    {
      key: 'missing',
      dataIndex: 'missingCount',
      title: t('table.missing'),
      width: 90,
      align: 'center',
      render: (v: number) => (v > 0 ? <Tag color="warning">{v}</Tag> : '—'),
    },
  ];

  // comparing needs two subjects in the user's scope
  const canCompare = d.visible >= 2;
  const selection: TableRowSelection<ResultItem> = {
    selectedRowKeys: selected,
    preserveSelectedRowKeys: true,
    hideSelectAll: true,
    onChange: (keys) => {
      if (keys.length > 5) {
        void message.warning(t('table.tooMany'));
        return;
      }
      setSelected(keys.map(String));
    },
  };
  const exportHref = apiUrl(`/scoring/runs/${runId}/results/export`, { ...table.exportQuery, lang });
  const compare = () =>
    navigate(href(`/portraits/overview/runs/${runId}/compare?subjects=${selected.join(',')}`));

  return (
    <>
      <PageHeader
        title={template}
        subtitle={
          <Space size={8} wrap>
            <span>
              {t('table.subtitle', {
                template: run.name ?? template,
                year: run.fiscalYear,
                division: run.divisionName,
                date: formatDate(run.finishedAt),
              })}
            </span>
          </Space>
        }
        extra={
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="jx-no-print">
            {common('common.print')}
          </Button>
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <Space size={8} wrap>
            <span>{t('table.producedBy', { template, year: run.fiscalYear, version: run.versionNo })}</span>
            <VersionLink versionId={run.versionId} fiscalYear={run.fiscalYear} versionNo={run.versionNo} />
          </Space>
        }
      />
      {summary ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('overview.subjects')} value={formatCount(d.visible)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('overview.result.ranked')} value={formatCount(summary.ranked)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={d.scopeLimited ? t('peers.provinceAverage') : t('overview.average')}
                value={formatScore(summary.averages.total)}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{t('table.gradeChart')}</div>
              <Space size={6} wrap>
                {d.gradeCounts.map((g) => (
                  <span key={g.grade}>
                    <ResultGrade grade={g.grade} scheme={d.scheme} />{' '}
                    <span className="jx-num">{g.count}</span>
                  </span>
                ))}
              </Space>
            </Card>
          </Col>
        </Row>
      ) : null}
      {d.scopeLimited && summary ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('table.scopeLimited', { ranked: summary.ranked })}
        />
      ) : null}
      <Card styles={{ body: { paddingTop: 12 } }}>
        {results.isError ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
        <DataTable<ResultItem>
          rowKey="subjectId"
          loading={results.isFetching}
          columns={columns}
          dataSource={results.data?.items ?? []}
          {...(canCompare ? { rowSelection: selection } : {})}
          toolbar={
            <Space wrap>
              <Input.Search
                allowClear
                defaultValue={table.query.q ?? ''}
                key={table.query.q ?? ''}
                placeholder={t('table.search')}
                onSearch={table.setSearch}
                style={{ width: 200 }}
              />
              {filterOptions.length > 0 ? (
                <Select<string>
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={isDivisionRun ? t('table.allCities') : t('table.division')}
                  {...(division ? { value: division } : {})}
                  onChange={(v) => setFilter('division', v ?? undefined)}
                  style={{ width: 180 }}
                  options={filterOptions}
                />
              ) : null}
              <Select<string>
                allowClear
                placeholder={t('table.allGrades')}
                {...(grade ? { value: grade } : {})}
                onChange={(v) => setFilter('grade', v ?? undefined)}
                style={{ width: 130 }}
                options={d.gradeCounts.map((g) => ({
                  value: g.grade,
                  label: lang === 'en' ? g.labelEn : g.label,
                }))}
              />
            </Space>
          }
          exportSlot={
            <Space wrap>
              {canCompare ? (
                <>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {selected.length < 2 ? t('table.compareHint') : null}
                  </Typography.Text>
                  <Button icon={<BarChartOutlined />} disabled={selected.length < 2} onClick={compare}>
                    {t('table.compare', { n: selected.length })}
                  </Button>
                </>
              ) : null}
              <ExportExcelButton href={exportHref} disabled={!results.data || results.data.total === 0} />
            </Space>
          }
          locale={{ emptyText: <EmptyState compact description={t('table.empty')} /> }}
          {...table.tableProps<ResultItem>(results.data?.total)}
        />
      </Card>
    </>
  );
}
