import { useMemo } from 'react';
import { Button, Input, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileSearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { SelfEvaluationSummary } from '../../../../contracts/selfeval.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ExportExcelButton } from '../../../components/export-button.tsx';
import { GradeTag } from '../../../components/grade-tag.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerTable } from '../../../components/use-server-table.ts';
import { apiUrl } from '../../../lib/api.ts';
import { formatScore } from '../../../lib/format.ts';
import { DEFAULT_GRADE_BANDS } from '../../../lib/grades.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { useScope, useScopedHref } from '../../../lib/scope.tsx';
import { useCan, useSession } from '../../../lib/session.tsx';
import { useDepartmentOptions, useSelfEvaluationPage } from '../api.ts';
import { selfEvalMessages } from '../messages.ts';

const STATUS_COLORS: Record<SelfEvaluationSummary['status'], string> = {
  draft: 'default',
  submitted: 'blue',
  accepted: 'green',
  returned: 'orange',
};

/** 绩效评价 › 项目自评表: the stored self-evaluations of the projects in scope, paged on the server. */
export default function SelfEvalListPage() {
  const t = useMessages(selfEvalMessages);
  const { lang } = useLang();
  const scope = useScope();
  const me = useSession();
  const can = useCan();
  const href = useScopedHref();
  const [params, setParams] = useSearchParams();
  const table = useServerTable({ defaultSort: { sort: 'projectName', order: 'asc' } });
  const departments = useDepartmentOptions(scope.divisionCode);

  // The toolbar's filters live in their own URL parameters (the dashboard links here with ?findings=1).
  const findings = params.get('findings') === '1' ? '1' : params.get('findings') === '0' ? '0' : undefined;
  const allYears = params.get('years') === 'all';
  const department = params.get('department') ?? undefined;
  const gradeParam = params.get('grade') ?? '';
  const grades = useMemo(() => gradeParam.split(',').filter((g) => g !== ''), [gradeParam]);

  const setParam = (key: string, value: string | undefined) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      p.delete('page');
      return p;
    });

  /** The filters the API receives besides paging, sorting and search. */
  const filterQuery = useMemo(
    () => ({
      division: scope.divisionCode,
      ...(allYears ? {} : { year: scope.fiscalYear }),
      ...(department ? { department } : {}),
      ...(grades.length > 0 ? { grade: grades } : {}),
      ...(findings ? { findings } : {}),
    }),
    [scope.divisionCode, scope.fiscalYear, allYears, department, grades, findings],
  );
  const query = useMemo(() => ({ ...table.apiQuery, ...filterQuery }), [table.apiQuery, filterQuery]);
  const page = useSelfEvaluationPage(query);
  const exportHref = apiUrl('/selfeval/export', { ...table.exportQuery, ...filterQuery, lang });

  const divisionNames = useMemo(() => new Map(me.divisions.map((d) => [d.code, d.name])), [me.divisions]);
  const filtered = Boolean(table.query.q || department || grades.length > 0 || findings);

  const columns: ColumnsType<SelfEvaluationSummary> = [
    {
      key: 'projectName',
      dataIndex: 'projectName',
      title: t('col.projectName'),
      sorter: true,
      sortOrder: table.sortOrderOf('projectName'),
      width: 260,
      render: (v: string, r) => (
        <div>
          <Link to={href(`/selfeval/${r.id}`)}>{v}</Link>
          {r.proCode ? (
            <div>
              <Typography.Text type="secondary" className="jx-num" style={{ fontSize: 12 }}>
                {r.proCode}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'department',
      dataIndex: 'departmentName',
      title: t('col.department'),
      sorter: true,
      sortOrder: table.sortOrderOf('department'),
      width: 170,
      render: (v: string | null) => v ?? '—',
    },
    {
      key: 'division',
      dataIndex: 'mofDivCode',
      title: t('col.division'),
      width: 90,
      render: (v: string) => divisionNames.get(v) ?? v,
    },
    {
      key: 'fiscalYear',
      dataIndex: 'fiscalYear',
      title: t('col.fiscalYear'),
      sorter: true,
      sortOrder: table.sortOrderOf('fiscalYear'),
      width: 96,
      align: 'center',
      render: (v: number) => <span className="jx-num">{v}</span>,
    },
    {
      key: 'printedTotal',
      dataIndex: 'printedTotal',
      title: t('col.printedTotal'),
      sorter: true,
      sortOrder: table.sortOrderOf('printedTotal'),
      width: 96,
      align: 'right',
      render: (v: number | null) => <span className="jx-num">{formatScore(v)}</span>,
    },
    {
      key: 'formulaTotal',
      dataIndex: 'formulaTotal',
      title: t('col.formulaTotal'),
      sorter: true,
      sortOrder: table.sortOrderOf('formulaTotal'),
      width: 96,
      align: 'right',
      render: (v: number | null, r) => (
        <Typography.Text
          className="jx-num"
          {...(r.printedTotal !== null && v !== null && Math.abs(r.printedTotal - v) > 0.01
            ? { type: 'warning' as const, strong: true }
            : {})}
        >
          {formatScore(v)}
        </Typography.Text>
      ),
    },
    {
      key: 'grade',
      dataIndex: 'grade',
      title: t('col.grade'),
      sorter: true,
      sortOrder: table.sortOrderOf('grade'),
      width: 80,
      align: 'center',
      render: (v: string | null) => (v ? <GradeTag grade={v} /> : '—'),
    },
    {
      key: 'findingCount',
      dataIndex: 'findingCount',
      title: t('col.findingCount'),
      sorter: true,
      sortOrder: table.sortOrderOf('findingCount'),
      width: 96,
      align: 'right',
      render: (v: number) =>
        v > 0 ? (
          <Tag color="orange" style={{ marginInlineEnd: 0 }} className="jx-num">
            {v}
          </Tag>
        ) : (
          <span className="jx-num">0</span>
        ),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('col.status'),
      width: 84,
      render: (v: SelfEvaluationSummary['status']) => <Tag color={STATUS_COLORS[v]}>{t(`status.${v}`)}</Tag>,
    },
  ];

  const toolbar = (
    <>
      <Input.Search
        allowClear
        placeholder={t('list.search')}
        defaultValue={table.query.q ?? ''}
        onSearch={table.setSearch}
        style={{ width: 220 }}
      />
      <Select
        value={allYears ? 'all' : 'scope'}
        style={{ width: 120 }}
        onChange={(v) => setParam('years', v === 'all' ? 'all' : undefined)}
        options={[
          { value: 'scope', label: lang === 'en' ? `FY${scope.fiscalYear}` : `${scope.fiscalYear}年度` },
          { value: 'all', label: t('list.allYears') },
        ]}
        aria-label={t('col.fiscalYear')}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('list.allDepartments')}
        value={department ?? null}
        style={{ width: 220 }}
        loading={departments.isLoading}
        onChange={(v?: string) => setParam('department', v)}
        options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        aria-label={t('list.department')}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('list.grade')}
        value={grades}
        style={{ minWidth: 140 }}
        onChange={(v: string[]) => setParam('grade', v.join(','))}
        options={DEFAULT_GRADE_BANDS.map((b) => ({
          value: b.label,
          label: lang === 'en' ? b.labelEn : b.label,
        }))}
        aria-label={t('list.grade')}
      />
      <Select
        value={findings ?? 'all'}
        style={{ width: 150 }}
        onChange={(v: string) => setParam('findings', v === 'all' ? undefined : v)}
        options={[
          { value: 'all', label: t('list.findingsAll') },
          { value: '1', label: t('list.findingsYes') },
          { value: '0', label: t('list.findingsNo') },
        ]}
        aria-label={t('list.findings')}
      />
    </>
  );

  return (
    <>
      <PageHeader
        subtitle={t('list.subtitle', {
          division: scope.divisionName,
          year: allYears
            ? t('list.allYears')
            : lang === 'en'
              ? `FY${scope.fiscalYear}`
              : `${scope.fiscalYear}年度`,
        })}
        {...(can('selfeval.check')
          ? {
              extra: (
                <Link to={href('/selfeval/check')}>
                  <Button type="primary" icon={<FileSearchOutlined />}>
                    {t('list.check')}
                  </Button>
                </Link>
              ),
            }
          : {})}
      />
      {page.isError ? (
        <ErrorAlert error={page.error} onRetry={() => void page.refetch()} style={{ marginBottom: 16 }} />
      ) : null}
      <DataTable<SelfEvaluationSummary>
        {...table.tableProps<SelfEvaluationSummary>(page.data?.total)}
        rowKey="id"
        loading={page.isFetching}
        columns={columns}
        dataSource={page.data?.items ?? []}
        toolbar={toolbar}
        exportSlot={<ExportExcelButton href={exportHref} disabled={!page.data || page.data.total === 0} />}
        locale={{
          emptyText: page.isLoading ? (
            ' '
          ) : (
            <EmptyState compact description={filtered ? t('list.emptyFiltered') : t('list.empty')} />
          ),
        }}
      />
    </>
  );
}
