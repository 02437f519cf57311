import { useMemo, useState } from 'react';
import { App, Alert, Button, Input, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { User } from '../../../../contracts/admin.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../../core/access/roles.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerTable } from '../../../components/use-server-table.ts';
import { errorText } from '../../../lib/api-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useLang, useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScope } from '../../../lib/scope.tsx';
import { useCan, useSession } from '../../../lib/session.tsx';
import { useOrganizations, useResetPassword, useUpdateUser, useUserPage } from '../api.ts';
import { adminMessages } from '../messages.ts';
import { UserFormModal } from './user-form-modal.tsx';

/** The one-time password, shown once with a copy button. */
function PasswordModal({
  shown,
  onClose,
}: {
  shown: { intro: string; password: string } | null;
  onClose: () => void;
}) {
  const t = useMessages(adminMessages);
  const { message } = App.useApp();
  return (
    <Modal
      open={shown !== null}
      title={t('users.passwordTitle')}
      closable={false}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('users.close')}
        </Button>
      }
    >
      {shown ? (
        <>
          <p>{shown.intro}</p>
          <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
            <Input
              readOnly
              value={shown.password}
              className="jx-num"
              style={{ fontFamily: 'monospace', fontSize: 18 }}
              aria-label={t('users.passwordTitle')}
            />
            <Button
              icon={<CopyOutlined />}
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(shown.password)
                  .then(() => message.success(t('users.copied')))
                  .catch(() => undefined)
              }
            >
              {t('users.copy')}
            </Button>
          </Space.Compact>
          <Alert type="warning" showIcon title={t('users.passwordOnce')} />
        </>
      ) : null}
    </Modal>
  );
}

/** 系统管理 › 用户管理: accounts of the division and below, paged on the server. */
export default function UsersPage() {
  const t = useMessages(adminMessages);
  const pick = usePick();
  const { lang } = useLang();
  const scope = useScope();
  const me = useSession();
  const can = useCan();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const table = useServerTable();
  const role = (params.get('role') ?? undefined) as Role | undefined;
  const orgs = useOrganizations(scope.divisionCode);
  const query = useMemo(
    () => ({
      page: table.query.page,
      pageSize: table.query.pageSize,
      division: scope.divisionCode,
      ...(table.query.q ? { q: table.query.q } : {}),
      ...(role ? { role } : {}),
    }),
    [table.query.page, table.query.pageSize, table.query.q, scope.divisionCode, role],
  );
  const page = useUserPage(query);
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const [password, setPassword] = useState<{ intro: string; password: string } | null>(null);

  const writable = can('users.write');
  const isAdmin = me.user.roles.includes('admin');
  const orgName = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o.name])), [orgs.data]);
  const divisionName = useMemo(() => new Map(me.divisions.map((d) => [d.code, d.name])), [me.divisions]);
  const mayChange = (u: User) => writable && (isAdmin || !u.roles.includes('admin'));

  const setStatus = (u: User, status: 'active' | 'disabled') =>
    update.mutate(
      { id: u.id, body: { version: u.version, status } },
      {
        onSuccess: () =>
          void message.success(
            t(status === 'disabled' ? 'users.disabled' : 'users.enabled', { name: u.displayName }),
          ),
        onError: (e) => void message.error(errorText(e, lang)),
      },
    );

  const resetPassword = (u: User) =>
    reset.mutate(
      { id: u.id },
      {
        onSuccess: (r) =>
          setPassword({ intro: t('users.passwordReset', { name: u.displayName }), password: r.password }),
        onError: (e) => void message.error(errorText(e, lang)),
      },
    );

  const now = Date.now();
  const columns: ColumnsType<User> = [
    {
      key: 'username',
      dataIndex: 'username',
      title: t('col.username'),
      width: 110,
      render: (v: string) => <span className="jx-num">{v}</span>,
    },
    { key: 'displayName', dataIndex: 'displayName', title: t('col.displayName'), width: 120 },
    {
      key: 'division',
      dataIndex: 'mofDivCode',
      title: t('col.division'),
      width: 110,
      render: (v: string) => divisionName.get(v) ?? v,
    },
    {
      key: 'organization',
      dataIndex: 'organizationId',
      title: t('col.organization'),
      width: 180,
      render: (v: string | null) => (v ? (orgName.get(v) ?? '—') : '—'),
    },
    {
      key: 'roles',
      dataIndex: 'roles',
      title: t('col.roles'),
      width: 170,
      render: (v: Role[]) => (
        <Space size={[4, 4]} wrap>
          {v.map((r) => (
            <Tag key={r} color={r === 'admin' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {pick(ROLE_LABELS[r])}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('col.status'),
      width: 140,
      render: (v: User['status'], u) => (
        <Space size={4} wrap>
          <Tag color={v === 'active' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
            {t(`status.${v}`)}
          </Tag>
          {u.lockedUntil && new Date(u.lockedUntil).getTime() > now ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('status.locked')}
            </Tag>
          ) : null}
          {u.mustChangePassword ? (
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {t('status.mustChange')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'lastLoginAt',
      dataIndex: 'lastLoginAt',
      title: t('col.lastLogin'),
      width: 140,
      render: (v: string | null) => <span className="jx-num">{formatDateTime(v)}</span>,
    },
    ...(writable
      ? [
          {
            key: 'actions',
            title: t('col.actions'),
            width: 220,
            fixed: 'right' as const,
            render: (_v: unknown, u: User) =>
              mayChange(u) ? (
                <Space size={0} wrap>
                  <Button size="small" type="link" onClick={() => setEditing({ user: u })}>
                    {t('users.edit')}
                  </Button>
                  {u.id === me.user.id ? null : u.status === 'active' ? (
                    <Popconfirm
                      title={t('users.disable')}
                      description={
                        <div style={{ maxWidth: 300 }}>
                          {t('users.disableConfirm', { name: u.displayName })}
                        </div>
                      }
                      onConfirm={() => setStatus(u, 'disabled')}
                    >
                      <Button size="small" type="link" danger>
                        {t('users.disable')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Popconfirm
                      title={t('users.enable')}
                      description={t('users.enableConfirm', { name: u.displayName })}
                      onConfirm={() => setStatus(u, 'active')}
                    >
                      <Button size="small" type="link">
                        {t('users.enable')}
                      </Button>
                    </Popconfirm>
                  )}
                  <Popconfirm
                    title={t('users.reset')}
                    description={
                      <div style={{ maxWidth: 300 }}>{t('users.resetConfirm', { name: u.displayName })}</div>
                    }
                    onConfirm={() => resetPassword(u)}
                  >
                    <Button size="small" type="link">
                      {t('users.reset')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : (
                '—'
              ),
          },
        ]
      : []),
  ];

  const toolbar = (
    <>
      <Input.Search
        allowClear
        placeholder={t('users.search')}
        defaultValue={table.query.q ?? ''}
        onSearch={table.setSearch}
        style={{ width: 220 }}
      />
      <Select
        allowClear
        placeholder={t('users.allRoles')}
        value={role ?? null}
        style={{ width: 200 }}
        onChange={(v?: Role | null) =>
          setParams((p) => {
            if (v) p.set('role', v);
            else p.delete('role');
            p.delete('page');
            return p;
          })
        }
        options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
        aria-label={t('users.role')}
      />
    </>
  );

  return (
    <>
      <PageHeader
        subtitle={t('users.subtitle', { division: scope.divisionName })}
        {...(writable
          ? {
              extra: (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
                  {t('users.create')}
                </Button>
              ),
            }
          : {})}
      />
      {page.isError ? (
        <ErrorAlert error={page.error} onRetry={() => void page.refetch()} style={{ marginBottom: 16 }} />
      ) : null}
      <DataTable<User>
        {...table.tableProps<User>(page.data?.total)}
        rowKey="id"
        loading={page.isFetching}
        columns={columns}
        dataSource={page.data?.items ?? []}
        toolbar={toolbar}
        locale={{
          emptyText: page.isLoading ? (
            ' '
          ) : (
            <EmptyState
              compact
              description={table.query.q || role ? t('users.emptyFiltered') : t('users.empty')}
            />
          ),
        }}
      />
      {editing ? (
        <UserFormModal
          open
          user={editing.user}
          defaultDivision={scope.divisionCode}
          organizations={orgs.data ?? []}
          onClose={() => setEditing(null)}
          onCreated={(name, pw) => {
            setEditing(null);
            if (pw) setPassword({ intro: t('users.passwordCreated', { name }), password: pw });
            else void message.success(t('form.saved'));
          }}
        />
      ) : null}
      <PasswordModal shown={password} onClose={() => setPassword(null)} />
    </>
  );
}
