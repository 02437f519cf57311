import { useMemo, useState } from 'react';
import { App, Button, Checkbox, DatePicker, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Indicator } from '../../../../contracts/indicators.ts';
import {
  FUND_CLASSES,
  FUND_CLASS_LABELS,
  INDICATOR_DIRECTIONS,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_FRAMEWORK,
  INDICATOR_SCOPES,
  INDICATOR_SCOPE_LABELS,
  INDICATOR_STATUSES,
} from '../../../../core/indicators/library.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ExportExcelButton } from '../../../components/export-button.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerTable } from '../../../components/use-server-table.ts';
import { apiUrl } from '../../../lib/api.ts';
import { errorText } from '../../../lib/api-error.ts';
import { formatDate } from '../../../lib/format.ts';
import { useLang, useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScope } from '../../../lib/scope.tsx';
import { useCan, useSession } from '../../../lib/session.tsx';
import { useIndicatorPage, useRetireIndicator } from '../api.ts';
import { indicatorMessages } from '../messages.ts';
import { IndicatorDrawer } from './indicator-drawer.tsx';

const STATUS_COLORS: Record<Indicator['status'], string> = {
  active: 'green',
  draft: 'default',
  retired: 'default',
};
const FILTER_KEYS = ['scope', 'level1', 'level2', 'direction', 'fundClass', 'status', 'validOn', 'owners'];

/** 指标库与模板 › 指标库: the indicators a division may use, filtered and paged on the server. */
export default function IndicatorLibraryPage() {
  const t = useMessages(indicatorMessages);
  const pick = usePick();
  const { lang } = useLang();
  const scope = useScope();
  const me = useSession();
  const can = useCan();
  const { message } = App.useApp();
  const table = useServerTable({ defaultSort: { sort: 'code', order: 'asc' } });
  const [drawer, setDrawer] = useState<{ id: string | null } | null>(null);
  const retire = useRetireIndicator();

  const filter = (key: string): string | undefined => table.query.filters[key]?.[0];
  const setFilter = (key: string, value: string | undefined) => {
    const filters = { ...table.query.filters };
    if (value) filters[key] = [value];
    else delete filters[key];
    if (key === 'level1') delete filters['level2'];
    table.setQuery({ ...table.query, filters, page: 1 });
  };

  const apiQuery = useMemo(
    () => ({ ...table.apiQuery, division: scope.divisionCode }),
    [table.apiQuery, scope.divisionCode],
  );
  const page = useIndicatorPage(apiQuery);
  const exportHref = apiUrl('/indicators/export', {
    ...table.exportQuery,
    division: scope.divisionCode,
    lang,
  });

  const writableDivisions = useMemo(() => new Set(me.divisions.map((d) => d.code)), [me.divisions]);
  const canWrite = can('indicators.write');
  const writable = (i: Indicator) => canWrite && writableDivisions.has(i.mofDivCode);
  const ownerName = (code: string) =>
    code === scope.divisionCode ? t('own') : (page.data?.divisionNames[code] ?? code);

  const level1 = filter('level1');
  const level2Options = (
    INDICATOR_FRAMEWORK.find((f) => f.level1.zh === level1)?.level2 ??
    INDICATOR_FRAMEWORK.flatMap((f) => f.level2)
  ).map((l) => ({ value: l.zh, label: pick(l) }));

  const columns: ColumnsType<Indicator> = [
    {
      key: 'code',
      dataIndex: 'code',
      title: t('col.code'),
      sorter: true,
      sortOrder: table.sortOrderOf('code'),
      width: 130,
      render: (v: string) => <span className="jx-num">{v}</span>,
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('col.name'),
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
      width: 260,
      render: (v: string, row) => (
        <Typography.Link onClick={() => setDrawer({ id: row.id })}>{v}</Typography.Link>
      ),
    },
    {
      key: 'level1',
      dataIndex: 'level1',
      title: t('col.level1'),
      sorter: true,
      sortOrder: table.sortOrderOf('level1'),
      width: 110,
      render: (v: string) => frameworkLabel(v, pick),
    },
    {
      key: 'level2',
      dataIndex: 'level2',
      title: t('col.level2'),
      width: 130,
      ellipsis: true,
      render: (v: string) => frameworkLabel(v, pick),
    },
    {
      key: 'scope',
      dataIndex: 'scope',
      title: t('col.scope'),
      width: 100,
      render: (v: Indicator['scope']) => (
        <Tag color={v === 'common' ? 'blue' : 'purple'}>{pick(INDICATOR_SCOPE_LABELS[v])}</Tag>
      ),
    },
    {
      key: 'direction',
      dataIndex: 'direction',
      title: t('col.direction'),
      width: 110,
      render: (v: Indicator['direction']) => pick(INDICATOR_DIRECTION_LABELS[v]),
    },
    { key: 'unit', dataIndex: 'unit', title: t('col.unit'), width: 90, render: (v) => v ?? '—' },
    {
      key: 'referenceValue',
      dataIndex: 'referenceValue',
      title: t('col.referenceValue'),
      width: 110,
      render: (v) => v ?? '—',
    },
    {
      key: 'fundClass',
      dataIndex: 'fundClass',
      title: t('col.fundClass'),
      width: 150,
      ellipsis: true,
      render: (v: Indicator['fundClass']) => (v ? pick(FUND_CLASS_LABELS[v]) : '—'),
    },
    {
      key: 'validFrom',
      dataIndex: 'validFrom',
      title: t('col.validity'),
      sorter: true,
      sortOrder: table.sortOrderOf('validFrom'),
      width: 200,
      render: (_v, row) => (
        <span className="jx-num">
          {row.validFrom || row.validTo
            ? `${row.validFrom ? formatDate(row.validFrom) : ''} ~ ${row.validTo ? formatDate(row.validTo) : t('validity.open')}`
            : t('validity.open')}
        </span>
      ),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('col.status'),
      width: 90,
      render: (v: Indicator['status']) => <Tag color={STATUS_COLORS[v]}>{t(`status.${v}`)}</Tag>,
    },
    {
      key: 'owner',
      dataIndex: 'mofDivCode',
      title: t('col.owner'),
      width: 120,
      render: (v: string) => ownerName(v),
    },
    {
      key: 'actions',
      title: t('col.actions'),
      width: 130,
      fixed: 'right',
      render: (_v, row) =>
        writable(row) ? (
          <Space size={4}>
            <Button size="small" type="link" onClick={() => setDrawer({ id: row.id })}>
              {t('edit')}
            </Button>
            {row.status !== 'retired' ? (
              <Popconfirm
                title={t('retire')}
                description={<div style={{ maxWidth: 320 }}>{t('retireConfirm', { name: row.name })}</div>}
                onConfirm={() =>
                  retire.mutate(
                    { id: row.id, version: row.version },
                    {
                      onSuccess: () => void message.success(t('retired', { name: row.name })),
                      onError: (e) => void message.error(errorText(e, lang)),
                    },
                  )
                }
              >
                <Button size="small" type="link" danger>
                  {t('retire')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : (
          <Button size="small" type="link" onClick={() => setDrawer({ id: row.id })}>
            {t('view')}
          </Button>
        ),
    },
  ];

  const hasFilters = FILTER_KEYS.some((k) => filter(k)) || !!table.query.q;
  const toolbar = (
    <Space wrap size={[8, 8]}>
      <Input.Search
        allowClear
        defaultValue={table.query.q ?? ''}
        key={table.query.q ?? ''}
        placeholder={t('search')}
        onSearch={table.setSearch}
        style={{ width: 280 }}
      />
      <Select
        allowClear
        placeholder={t('filter.scope')}
        value={filter('scope')}
        onChange={(v?: string) => setFilter('scope', v)}
        options={INDICATOR_SCOPES.map((s) => ({ value: s, label: pick(INDICATOR_SCOPE_LABELS[s]) }))}
        style={{ width: 130 }}
      />
      <Select
        allowClear
        placeholder={t('filter.level1')}
        value={level1}
        onChange={(v?: string) => setFilter('level1', v)}
        options={INDICATOR_FRAMEWORK.map((f) => ({ value: f.level1.zh, label: pick(f.level1) }))}
        style={{ width: 130 }}
      />
      <Select
        allowClear
        placeholder={t('filter.level2')}
        value={filter('level2')}
        onChange={(v?: string) => setFilter('level2', v)}
        options={level2Options}
        style={{ width: 160 }}
      />
      <Select
        allowClear
        placeholder={t('filter.direction')}
        value={filter('direction')}
        onChange={(v?: string) => setFilter('direction', v)}
        options={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: pick(INDICATOR_DIRECTION_LABELS[d]) }))}
        style={{ width: 130 }}
      />
      <Select
        allowClear
        placeholder={t('filter.fundClass')}
        value={filter('fundClass')}
        onChange={(v?: string) => setFilter('fundClass', v)}
        options={FUND_CLASSES.map((f) => ({ value: f, label: pick(FUND_CLASS_LABELS[f]) }))}
        style={{ width: 180 }}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        placeholder={t('filter.status')}
        value={filter('status')}
        onChange={(v?: string) => setFilter('status', v)}
        options={INDICATOR_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        style={{ width: 110 }}
      />
      <DatePicker
        placeholder={t('filter.validOn')}
        value={filter('validOn') ? dayjs(filter('validOn')) : null}
        onChange={(d) => setFilter('validOn', d ? d.format('YYYY-MM-DD') : undefined)}
        style={{ width: 150 }}
      />
      {me.divisions.length > 1 ? (
        <Checkbox
          checked={filter('owners') === 'all'}
          onChange={(e) => setFilter('owners', e.target.checked ? 'all' : undefined)}
        >
          {t('filter.includeBelow')}
        </Checkbox>
      ) : null}
      {hasFilters ? (
        <Button
          type="link"
          onClick={() => table.setQuery({ ...table.query, q: undefined, filters: {}, page: 1 })}
        >
          {t('filter.reset')}
        </Button>
      ) : null}
    </Space>
  );

  return (
    <>
      <PageHeader
        subtitle={t(filter('owners') === 'all' ? 'subtitleAll' : 'subtitle', {
          division: scope.divisionName,
        })}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null })}>
              {t('create')}
            </Button>
          ) : null
        }
      />
      {page.isError ? (
        <ErrorAlert error={page.error} onRetry={() => void page.refetch()} style={{ marginBottom: 16 }} />
      ) : null}
      <DataTable<Indicator>
        rowKey="id"
        loading={page.isFetching}
        columns={columns}
        dataSource={page.data?.items ?? []}
        toolbar={toolbar}
        exportSlot={<ExportExcelButton href={exportHref} disabled={!page.data || page.data.total === 0} />}
        locale={{
          emptyText: <EmptyState compact description={canWrite ? t('empty') : t('emptyReadOnly')} />,
        }}
        {...table.tableProps<Indicator>(page.data?.total)}
      />
      {drawer ? (
        <IndicatorDrawer
          id={drawer.id}
          divisionCode={scope.divisionCode}
          writableDivisions={canWrite ? writableDivisions : new Set()}
          divisionNames={page.data?.divisionNames ?? {}}
          onClose={() => setDrawer(null)}
        />
      ) : null}
    </>
  );
}

/** The framework's words in the current language; other words (local categories) as typed. */
function frameworkLabel(zh: string, pick: (t: { zh: string; en?: string | null }) => string): string {
  for (const f of INDICATOR_FRAMEWORK) {
    if (f.level1.zh === zh) return pick(f.level1);
    const l2 = f.level2.find((l) => l.zh === zh);
    if (l2) return pick(l2);
  }
  return zh;
}
