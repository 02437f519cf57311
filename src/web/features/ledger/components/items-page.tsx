import { useMemo, useState } from 'react';
import { Button, DatePicker, Input, Segmented, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileAddOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import type { LedgerItem } from '../../../../contracts/ledger.ts';
import { ITEM_STATUSES, SOURCE_TYPES } from '../../../../core/ledger/types.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ExportExcelButton } from '../../../components/export-button.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerTable } from '../../../components/use-server-table.ts';
import { apiUrl } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { useScope, useScopedHref } from '../../../lib/scope.tsx';
import { useCan } from '../../../lib/session.tsx';
import { useItems, useOwners } from '../api.ts';
import { ledgerMessages } from '../messages.ts';
import '../ledger.css';
import { ClueModal } from './clue-modal.tsx';
import { ItemStatus } from './shared.tsx';

const list = (raw: string | null) => (raw ?? '').split(',').filter((x) => x !== '');

/** 整改台账: every rectification item in scope, paged on the server, filtered and exported as shown. */
export default function ItemsPage() {
  const t = useMessages(ledgerMessages);
  const { lang } = useLang();
  const scope = useScope();
  const href = useScopedHref();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const table = useServerTable({ defaultSort: { sort: 'deadline', order: 'asc' } });
  const [clueOpen, setClueOpen] = useState(false);
  const issuer = can('ledger.issue');
  const owners = useOwners(scope.divisionCode, issuer);

  const statusParam = params.get('status');
  const sourceParam = params.get('source');
  const status = useMemo(() => list(statusParam), [statusParam]);
  const source = useMemo(() => list(sourceParam), [sourceParam]);
  const overdue = params.get('overdue') === '1' ? '1' : params.get('overdue') === '0' ? '0' : undefined;
  const role =
    params.get('role') === 'owner' || params.get('role') === 'issuer' ? params.get('role')! : 'all';
  const owner = params.get('owner') ?? undefined;
  const from = params.get('deadlineFrom') ?? undefined;
  const to = params.get('deadlineTo') ?? undefined;

  const setParam = (key: string, value: string | undefined) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      p.delete('page');
      return p;
    });

  const filterQuery = useMemo(
    () => ({
      division: scope.divisionCode,
      ...(status.length > 0 ? { status } : {}),
      ...(source.length > 0 ? { source } : {}),
      ...(overdue ? { overdue } : {}),
      ...(role !== 'all' ? { role } : {}),
      ...(owner ? { owner } : {}),
      ...(from ? { deadlineFrom: from } : {}),
      ...(to ? { deadlineTo: to } : {}),
    }),
    [scope.divisionCode, status, source, overdue, role, owner, from, to],
  );
  const query = useMemo(() => ({ ...table.apiQuery, ...filterQuery }), [table.apiQuery, filterQuery]);
  const page = useItems(query);
  const exportHref = apiUrl('/ledger/items/export', { ...table.exportQuery, ...filterQuery, lang });
  const filtered = Boolean(
    table.query.q || status.length || source.length || overdue || role !== 'all' || owner || from || to,
  );

  const columns: ColumnsType<LedgerItem> = [
    {
      key: 'title',
      dataIndex: 'title',
      title: t('col.title'),
      sorter: true,
      sortOrder: table.sortOrderOf('title'),
      width: 340,
      render: (v: string, r) => (
        <div style={{ maxWidth: 320 }}>
          <Link to={href(`/ledger/items/${r.id}`)}>{v}</Link>
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12, display: 'block', maxWidth: 320 }}
            ellipsis={{ tooltip: r.requirement }}
          >
            {r.requirement}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'owner',
      title: t('col.owner'),
      sorter: true,
      sortOrder: table.sortOrderOf('owner'),
      width: 170,
      render: (_: unknown, r) => (
        <div>
          <div>{r.ownerOrgName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.ownerDivisionName}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'source',
      title: t('col.source'),
      width: 240,
      render: (_: unknown, r) => (
        <div style={{ maxWidth: 230 }}>
          <Tag style={{ marginInlineEnd: 4 }}>{t(`source.${r.sourceType}`)}</Tag>
          {r.noticeId ? (
            <Link to={href(`/ledger/notices/${r.noticeId}`)} title={r.noticeTitle ?? ''}>
              {r.noticeDocNo ?? r.noticeTitle}
            </Link>
          ) : (
            <Typography.Text title={r.sourceRef.document ?? ''}>
              {r.sourceRef.document ?? '—'}
            </Typography.Text>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('col.issuer')}
              {lang === 'en' ? ': ' : '：'}
              {r.issuerDivisionName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'deadline',
      dataIndex: 'deadline',
      title: t('col.deadline'),
      sorter: true,
      sortOrder: table.sortOrderOf('deadline'),
      width: 110,
      render: (v: string, r) => (
        <Typography.Text className="jx-num" {...(r.overdue ? { type: 'danger' as const } : {})}>
          {formatDate(v)}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('col.status'),
      sorter: true,
      sortOrder: table.sortOrderOf('status'),
      width: 150,
      render: (_: unknown, r) => <ItemStatus item={r} />,
    },
  ];

  const toolbar = (
    <>
      <Input.Search
        allowClear
        placeholder={t('items.search')}
        defaultValue={table.query.q ?? ''}
        onSearch={table.setSearch}
        style={{ width: 200 }}
      />
      <Segmented
        value={role}
        onChange={(v) => setParam('role', v === 'all' ? undefined : String(v))}
        options={[
          { value: 'all', label: t('items.roleAll') },
          ...(can('ledger.submit') ? [{ value: 'owner', label: t('items.roleOwner') }] : []),
          ...(can('ledger.review') ? [{ value: 'issuer', label: t('items.roleIssuer') }] : []),
        ]}
        aria-label={t('items.role')}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('items.status')}
        value={status}
        style={{ minWidth: 130 }}
        onChange={(v: string[]) => setParam('status', v.join(','))}
        options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        aria-label={t('items.status')}
      />
      <Select
        value={overdue ?? 'all'}
        style={{ width: 140 }}
        onChange={(v: string) => setParam('overdue', v === 'all' ? undefined : v)}
        options={[
          { value: 'all', label: t('items.overdueAll') },
          { value: '1', label: t('items.overdueYes') },
          { value: '0', label: t('items.overdueNo') },
        ]}
        aria-label={t('items.overdue')}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('items.source')}
        value={source}
        style={{ minWidth: 120 }}
        onChange={(v: string[]) => setParam('source', v.join(','))}
        options={SOURCE_TYPES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
        aria-label={t('items.source')}
      />
      {issuer ? (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('items.owner')}
          value={owner ?? null}
          style={{ width: 190 }}
          loading={owners.isLoading}
          onChange={(v?: string) => setParam('owner', v)}
          options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          aria-label={t('items.owner')}
        />
      ) : null}
      <DatePicker.RangePicker
        value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          setParams((p) => {
            const [a, b] = range ?? [null, null];
            if (a) p.set('deadlineFrom', a.format('YYYY-MM-DD'));
            else p.delete('deadlineFrom');
            if (b) p.set('deadlineTo', b.format('YYYY-MM-DD'));
            else p.delete('deadlineTo');
            p.delete('page');
            return p;
          })
        }
        placeholder={[t('items.deadline'), t('items.deadline')]}
        style={{ width: 240 }}
        aria-label={t('items.deadline')}
      />
    </>
  );

  return (
    <>
      <PageHeader
        subtitle={t('items.subtitle', { division: scope.divisionName })}
        {...(issuer
          ? {
              extra: (
                <Button type="primary" icon={<FileAddOutlined />} onClick={() => setClueOpen(true)}>
                  {t('items.newClue')}
                </Button>
              ),
            }
          : {})}
      />
      {page.isError ? (
        <ErrorAlert error={page.error} onRetry={() => void page.refetch()} style={{ marginBottom: 16 }} />
      ) : null}
      <DataTable<LedgerItem>
        {...table.tableProps<LedgerItem>(page.data?.total)}
        rowKey="id"
        loading={page.isFetching}
        columns={columns}
        dataSource={page.data?.items ?? []}
        toolbar={toolbar}
        exportSlot={<ExportExcelButton href={exportHref} disabled={!page.data || page.data.total === 0} />}
        rowClassName={(r) => (r.overdue ? 'jx-row-overdue' : '')}
        locale={{
          emptyText: page.isLoading ? (
            ' '
          ) : (
            <EmptyState compact description={filtered ? t('items.emptyFiltered') : t('items.empty')} />
          ),
        }}
      />
      {issuer ? <ClueModal open={clueOpen} onClose={() => setClueOpen(false)} /> : null}
    </>
  );
}
