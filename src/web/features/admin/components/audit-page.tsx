import { useMemo, useState } from 'react';
import { Alert, AutoComplete, Button, DatePicker, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import type { AuditEvent, Organization } from '../../../../contracts/admin.ts';
import { ORGANIZATION_KIND_LABELS, type OrganizationKind } from '../../../../core/access/ports.ts';
import { ROLE_LABELS, isRole } from '../../../../core/access/roles.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerTable } from '../../../components/use-server-table.ts';
import { formatDateTime, formatScore } from '../../../lib/format.ts';
import { useLang, useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScope } from '../../../lib/scope.tsx';
import { useCan, useSession } from '../../../lib/session.tsx';
import { diffAudit, type DiffRow } from '../audit-diff.ts';
import { ACTION_LABELS, OBJECT_TYPE_LABELS, VALUE_LABELS } from '../audit-labels.ts';
import { useAuditPage, useAuditVerification, useOrganizations } from '../api.ts';
import { adminMessages } from '../messages.ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SCORE_FIELDS = new Set(['printedTotal', 'formulaTotal']);

/** The chain check at the top of the page: intact, or where it breaks. */
function ChainStatus() {
  const t = useMessages(adminMessages);
  const v = useAuditVerification();
  if (v.isError)
    return <ErrorAlert error={v.error} onRetry={() => void v.refetch()} style={{ marginBottom: 16 }} />;
  if (!v.data)
    return <Alert type="info" showIcon title={t('audit.verifying')} style={{ marginBottom: 16 }} />;
  const d = v.data;
  const action = (
    <Button size="small" icon={<ReloadOutlined />} loading={v.isFetching} onClick={() => void v.refetch()}>
      {t('audit.reverify')}
    </Button>
  );
  return d.intact ? (
    <Alert
      type="success"
      showIcon
      icon={<SafetyCertificateOutlined />}
      style={{ marginBottom: 16 }}
      title={t('audit.chainOk', { n: d.checked.toLocaleString('zh-CN') })}
      description={t('audit.verifiedAt', { time: formatDateTime(d.verifiedAt) })}
      action={action}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      icon={<WarningOutlined />}
      style={{ marginBottom: 16 }}
      title={t('audit.chainBroken', {
        id: d.firstBroken?.id ?? '?',
        reason: d.firstBroken?.reason === 'link' ? t('audit.reasonLink') : t('audit.reasonHash'),
      })}
      description={t('audit.verifiedAt', { time: formatDateTime(d.verifiedAt) })}
      action={action}
    />
  );
}

/** One event's before/after: changed fields highlighted, the rest collapsed. */
function AuditDiffView({
  event,
  organizations,
}: {
  event: AuditEvent;
  organizations: ReadonlyMap<string, Organization>;
}) {
  const t = useMessages(adminMessages);
  const pick = usePick();
  const me = useSession();
  const [showRest, setShowRest] = useState(false);
  const diff = useMemo(() => diffAudit(event.before, event.after), [event.before, event.after]);

  const divisionName = (code: string) => me.divisions.find((d) => d.code === code)?.name;
  const show = (field: string, v: unknown): React.ReactNode => {
    if (v === null || v === undefined || v === '')
      return <Typography.Text type="secondary">{t('value.empty')}</Typography.Text>;
    if (typeof v === 'boolean') return v ? t('value.yes') : t('value.no');
    if (field === 'roles' && Array.isArray(v))
      return v.map((r) => (isRole(r) ? pick(ROLE_LABELS[r]) : String(r))).join('、');
    if (field === 'kind' && typeof v === 'string' && v in ORGANIZATION_KIND_LABELS)
      return pick(ORGANIZATION_KIND_LABELS[v as OrganizationKind]);
    const valueLabel = typeof v === 'string' ? VALUE_LABELS[field]?.[v] : undefined;
    if (valueLabel) return pick(valueLabel);
    if ((field === 'organizationId' || field === 'parentId') && typeof v === 'string') {
      const o = organizations.get(v);
      return o ? o.name : <span className="jx-num">{v}</span>;
    }
    if (field === 'mofDivCode' && typeof v === 'string') {
      const n = divisionName(v);
      return n ? `${n}（${v}）` : v;
    }
    if (SCORE_FIELDS.has(field) && typeof v === 'number')
      return <span className="jx-num">{formatScore(v)}</span>;
    if (typeof v === 'string' && ISO_INSTANT.test(v))
      return <span className="jx-num">{formatDateTime(v)}</span>;
    if (typeof v === 'number') return <span className="jx-num">{v}</span>;
    if (typeof v === 'string') return v;
    return (
      <Typography.Text code style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
        {JSON.stringify(v)}
      </Typography.Text>
    );
  };
  const label = (r: DiffRow) => (r.label ? pick(r.label) : r.field);

  if (diff.kind === 'none') return <Typography.Text type="secondary">{t('diff.nothing')}</Typography.Text>;

  const columns: ColumnsType<DiffRow> = [
    { key: 'field', title: t('diff.field'), width: 160, render: (_v, r) => label(r) },
    ...(diff.kind !== 'create'
      ? [
          {
            key: 'before',
            title: diff.kind === 'delete' ? t('diff.deleted') : t('diff.before'),
            render: (_v: unknown, r: DiffRow) =>
              r.changed && !r.technical && diff.kind === 'update' ? (
                <span style={{ background: '#fff1f0', textDecoration: 'line-through', padding: '0 4px' }}>
                  {show(r.field, r.before)}
                </span>
              ) : (
                show(r.field, r.before)
              ),
          },
        ]
      : []),
    ...(diff.kind !== 'delete'
      ? [
          {
            key: 'after',
            title: diff.kind === 'create' ? t('diff.created') : t('diff.after'),
            render: (_v: unknown, r: DiffRow) =>
              r.changed && !r.technical && diff.kind === 'update' ? (
                <span style={{ background: '#f6ffed', fontWeight: 600, padding: '0 4px' }}>
                  {show(r.field, r.after)}
                </span>
              ) : (
                show(r.field, r.after)
              ),
          },
        ]
      : []),
  ];

  return (
    <div style={{ maxWidth: 960 }}>
      {diff.kind === 'update' ? (
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('diff.changed', { n: diff.changed.length })}
        </Typography.Text>
      ) : null}
      <Table<DiffRow>
        size="small"
        rowKey="field"
        pagination={false}
        columns={columns}
        dataSource={showRest ? [...diff.changed, ...diff.rest] : diff.changed}
        rowClassName={(r) => (r.changed && !r.technical && diff.kind === 'update' ? 'jx-diff-changed' : '')}
        locale={{ emptyText: t('diff.nothing') }}
      />
      <style>{'.jx-diff-changed > td { background: #fffbe6 !important; }'}</style>
      {diff.rest.length > 0 ? (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setShowRest((x) => !x)}>
          {showRest ? t('diff.hideUnchanged') : t('diff.showUnchanged', { n: diff.rest.length })}
        </Button>
      ) : null}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('diff.hash')}：<span className="jx-num">{event.hash.slice(0, 16)}…</span>
        </Typography.Text>
      </div>
    </div>
  );
}

/** 系统管理 › 审计日志: who did what to which record and when, each change as before/after. */
export default function AuditPage() {
  const t = useMessages(adminMessages);
  const pick = usePick();
  const { lang } = useLang();
  const scope = useScope();
  const me = useSession();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const table = useServerTable();
  const orgs = useOrganizations(scope.divisionCode);
  const orgMap = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);

  const f = {
    username: params.get('username') ?? '',
    objectType: params.get('objectType') ?? '',
    objectId: params.get('objectId') ?? '',
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const setParam = (values: Record<string, string | undefined>) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(values)) {
        if (v) p.set(k, v);
        else p.delete(k);
      }
      p.delete('page');
      return p;
    });

  const query = useMemo(
    () => ({
      page: table.query.page,
      pageSize: table.query.pageSize,
      division: scope.divisionCode,
      ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== '')),
    }),
    [table.query.page, table.query.pageSize, scope.divisionCode, params],
  );
  const page = useAuditPage(query);
  const divisionName = useMemo(() => new Map(me.divisions.map((d) => [d.code, d.name])), [me.divisions]);
  const objectTypeLabel = (type: string) => {
    const l = OBJECT_TYPE_LABELS[type];
    return l ? pick(l) : type;
  };

  const columns: ColumnsType<AuditEvent> = [
    {
      key: 'at',
      dataIndex: 'at',
      title: t('col.at'),
      width: 150,
      render: (v: string) => <span className="jx-num">{formatDateTime(v)}</span>,
    },
    {
      key: 'user',
      dataIndex: 'username',
      title: t('col.user'),
      width: 120,
      render: (v: string | null) =>
        v ? (
          <Typography.Link onClick={() => setParam({ username: v })}>{v}</Typography.Link>
        ) : (
          <Typography.Text type="secondary">{lang === 'en' ? 'system' : '系统'}</Typography.Text>
        ),
    },
    {
      key: 'action',
      dataIndex: 'action',
      title: t('col.action'),
      width: 160,
      render: (v: string) => {
        const l = ACTION_LABELS[v];
        return l ? pick(l) : <span className="jx-num">{v}</span>;
      },
    },
    {
      key: 'object',
      title: t('col.object'),
      width: 260,
      render: (_v, e) =>
        e.objectType ? (
          <Space size={4} wrap>
            <Tag style={{ marginInlineEnd: 0 }}>{objectTypeLabel(e.objectType)}</Tag>
            {e.objectId ? (
              <Typography.Link
                className="jx-num"
                style={{ fontSize: 12 }}
                onClick={() =>
                  setParam({ objectType: e.objectType ?? undefined, objectId: e.objectId ?? undefined })
                }
              >
                {objectTitle(e) ?? `${e.objectId.slice(0, 8)}…`}
              </Typography.Link>
            ) : null}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      key: 'division',
      dataIndex: 'mofDivCode',
      title: t('col.division'),
      width: 110,
      render: (v: string | null) => (v ? (divisionName.get(v) ?? v) : '—'),
    },
    {
      key: 'ip',
      dataIndex: 'ip',
      title: t('col.ip'),
      width: 130,
      render: (v: string | null) => <span className="jx-num">{v ?? '—'}</span>,
    },
  ];

  const range: [Dayjs, Dayjs] | null = f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null;
  const toolbar = (
    <>
      <Input.Search
        allowClear
        placeholder={t('audit.person')}
        defaultValue={f.username}
        key={`u-${f.username}`}
        onSearch={(v) => setParam({ username: v.trim() })}
        style={{ width: 160 }}
      />
      <AutoComplete
        allowClear
        placeholder={t('audit.action')}
        value={f.action || undefined}
        style={{ width: 190 }}
        onChange={(v?: string) => setParam({ action: v ?? '' })}
        options={Object.entries(ACTION_LABELS).map(([k, l]) => ({ value: k, label: `${pick(l)}（${k}）` }))}
        showSearch={{
          filterOption: (input, option) =>
            String(option?.label ?? '')
              .toLowerCase()
              .includes(input.toLowerCase()),
        }}
      />
      <AutoComplete
        allowClear
        placeholder={t('audit.objectType')}
        value={f.objectType || undefined}
        style={{ width: 150 }}
        onChange={(v?: string) => setParam({ objectType: v ?? '' })}
        options={Object.entries(OBJECT_TYPE_LABELS).map(([k, l]) => ({
          value: k,
          label: `${pick(l)}（${k}）`,
        }))}
      />
      <Input.Search
        allowClear
        placeholder={t('audit.objectId')}
        defaultValue={f.objectId}
        key={`o-${f.objectId}`}
        onSearch={(v) => setParam({ objectId: v.trim() })}
        style={{ width: 200 }}
      />
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={range}
        onChange={(v) =>
          setParam({
            from: v?.[0]?.toISOString() ?? '',
            to: v?.[1]?.toISOString() ?? '',
          })
        }
        aria-label={t('audit.time')}
      />
    </>
  );

  return (
    <>
      <PageHeader subtitle={t('audit.subtitle', { division: scope.divisionName })} />
      {can('audit.read') ? <ChainStatus /> : null}
      {page.isError ? (
        <ErrorAlert error={page.error} onRetry={() => void page.refetch()} style={{ marginBottom: 16 }} />
      ) : null}
      <DataTable<AuditEvent>
        {...table.tableProps<AuditEvent>(page.data?.total)}
        rowKey="id"
        loading={page.isFetching}
        columns={columns}
        dataSource={page.data?.items ?? []}
        toolbar={toolbar}
        expandable={{
          expandedRowRender: (e) => <AuditDiffView event={e} organizations={orgMap} />,
          rowExpandable: () => true,
        }}
        locale={{
          emptyText: page.isLoading ? ' ' : <EmptyState compact description={t('audit.empty')} />,
        }}
      />
    </>
  );
}

/** A readable name for the object, from what the event recorded (user name, organization or project name). */
function objectTitle(e: AuditEvent): string | null {
  const r = (e.after ?? e.before) as Record<string, unknown> | null;
  if (!r || typeof r !== 'object') return null;
  for (const k of ['displayName', 'projectName', 'name', 'username', 'fileName']) {
    const v = r[k];
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
}
