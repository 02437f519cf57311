import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Table } from 'antd';
import type { Organization, User } from '../../../../contracts/admin.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../../core/access/roles.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useMessages, usePick } from '../../../lib/i18n.tsx';
import { useSession } from '../../../lib/session.tsx';
import { useCreateUser, useUpdateUser } from '../api.ts';
import { adminMessages } from '../messages.ts';

interface Values {
  username: string;
  displayName: string;
  mofDivCode: string;
  organizationId: string | null;
  roles: Role[];
  phone: string | null;
  email: string | null;
}

const EDITABLE = ['displayName', 'mofDivCode', 'organizationId', 'roles', 'phone', 'email'] as const;

const valuesOf = (u: User): Values => ({
  username: u.username,
  displayName: u.displayName,
  mofDivCode: u.mofDivCode,
  organizationId: u.organizationId,
  roles: [...u.roles],
  phone: u.phone,
  email: u.email,
});

const emptyToNull = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/**
 * 新增用户 / 编辑用户. Edits carry the version they were opened at; when someone else saved in between, the
 * server answers 409 with the current record, shown field by field beside what the form was opened with.
 * "Reapply" moves the form onto the current version, keeping the user's own changes, to save again.
 */
export function UserFormModal({
  user,
  open,
  defaultDivision,
  organizations,
  onClose,
  onCreated,
}: {
  /** null: create. */
  user: User | null;
  open: boolean;
  defaultDivision: string;
  organizations: readonly Organization[];
  onClose: () => void;
  onCreated: (name: string, password: string | null) => void;
}) {
  const t = useMessages(adminMessages);
  const pick = usePick();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [base, setBase] = useState<User | null>(user);
  const [conflict, setConflict] = useState<User | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const division = Form.useWatch('mofDivCode', form) ?? defaultDivision;

  useEffect(() => {
    if (!open) return;
    setBase(user);
    setConflict(null);
    setProblems([]);
    create.reset();
    update.reset();
    form.resetFields();
    form.setFieldsValue(
      user
        ? valuesOf(user)
        : { mofDivCode: defaultDivision, organizationId: null, roles: [], phone: null, email: null },
    );
    // reset when the dialog opens for a user
  }, [open, user?.id]);

  const isAdmin = me.user.roles.includes('admin');
  const roleOptions = ROLES.filter((r) => isAdmin || r !== 'admin').map((r) => ({
    value: r,
    label: pick(ROLE_LABELS[r]),
  }));
  const orgOptions = useMemo(
    () => [
      { value: '', label: t('form.organizationNone') },
      ...organizations
        .filter((o) => o.mofDivCode === division && o.status === 'active')
        .map((o) => ({ value: o.id, label: o.name })),
    ],
    [organizations, division, t],
  );
  const divisionOptions = me.divisions.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }));
  const orgName = (id: string | null) => (id ? (organizations.find((o) => o.id === id)?.name ?? id) : '—');
  const divisionName = (code: string) => me.divisions.find((d) => d.code === code)?.name ?? code;

  const show = (field: (typeof EDITABLE)[number], u: User): string => {
    switch (field) {
      case 'roles':
        return u.roles.map((r) => pick(ROLE_LABELS[r])).join('、');
      case 'organizationId':
        return orgName(u.organizationId);
      case 'mofDivCode':
        return divisionName(u.mofDivCode);
      default:
        return u[field] ?? '—';
    }
  };
  const fieldLabel: Record<(typeof EDITABLE)[number], string> = {
    displayName: t('form.displayName'),
    mofDivCode: t('form.division'),
    organizationId: t('form.organization'),
    roles: t('form.roles'),
    phone: t('form.phone'),
    email: t('form.email'),
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
      setProblems([]);
    } catch (e) {
      const fields = (e as { errorFields?: { errors: string[] }[] }).errorFields ?? [];
      setProblems(fields.flatMap((f) => f.errors));
      return;
    }
    const body = {
      displayName: v.displayName.trim(),
      mofDivCode: v.mofDivCode,
      organizationId: v.organizationId || null,
      roles: v.roles,
      phone: emptyToNull(v.phone),
      email: emptyToNull(v.email),
    };
    if (!base) {
      create.mutate(
        { ...body, username: v.username.trim() },
        { onSuccess: (r) => onCreated(r.user.displayName, r.initialPassword) },
      );
      return;
    }
    update.mutate(
      { id: base.id, body: { ...body, version: base.version } },
      {
        onSuccess: () => {
          void message.success(t('form.saved'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'VERSION_CONFLICT') {
            const current = (e.details as { current?: User } | undefined)?.current;
            if (current) setConflict(current);
          }
        },
      },
    );
  };

  const error = create.error ?? (update.error && !conflict ? update.error : null);
  const pending = create.isPending || update.isPending;

  return (
    <Modal
      open={open}
      width={640}
      title={user ? t('form.editTitle', { name: user.displayName }) : t('form.createTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {pick({ zh: '取消', en: 'Cancel' })}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={pending}
          disabled={conflict !== null}
          onClick={() => void submit()}
        >
          {t('form.save')}
        </Button>,
      ]}
    >
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('form.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {conflict && base ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('form.conflictTitle')}
          description={
            <>
              <div style={{ marginBottom: 8 }}>{t('form.conflictBody')}</div>
              <Table
                size="small"
                pagination={false}
                rowKey="field"
                dataSource={EDITABLE.map((f) => ({
                  field: f,
                  mine: show(f, base),
                  current: show(f, conflict),
                }))}
                rowClassName={(r) => (r.mine !== r.current ? 'jx-conflict-row' : '')}
                columns={[
                  { key: 'f', title: t('form.conflictField'), render: (_v, r) => fieldLabel[r.field] },
                  { key: 'm', title: t('form.conflictMine'), dataIndex: 'mine' },
                  {
                    key: 'c',
                    title: t('form.conflictCurrent'),
                    render: (_v, r) => (r.mine !== r.current ? <strong>{r.current}</strong> : r.current),
                  },
                ]}
              />
              <style>{'.jx-conflict-row > td { background: #fff1b8 !important; }'}</style>
              <Button
                type="primary"
                style={{ marginTop: 8 }}
                onClick={() => {
                  // the current record, with only the fields this user changed put back on top of it
                  const mine = form.getFieldsValue();
                  const opened = valuesOf(base);
                  const merged: Values = valuesOf(conflict);
                  for (const f of EDITABLE) {
                    const a = JSON.stringify(mine[f] ?? null);
                    if (a !== JSON.stringify(opened[f] ?? null))
                      (merged as unknown as Record<string, unknown>)[f] = mine[f];
                  }
                  form.setFieldsValue(merged);
                  setBase(conflict);
                  setConflict(null);
                  update.reset();
                }}
              >
                {t('form.reapply')}
              </Button>
            </>
          }
        />
      ) : null}
      {error ? (
        <ErrorAlert
          error={error}
          title={pick({ zh: '保存未完成', en: 'Not saved' })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="username"
          label={t('form.username')}
          {...(user ? {} : { extra: t('form.usernameHelp') })}
          rules={[
            { required: true, message: t('form.required', { field: t('form.username') }) },
            { min: 2, message: pick({ zh: '用户名至少2个字符', en: 'At least 2 characters' }) },
            {
              pattern: /^[A-Za-z0-9_.-]+$/,
              message: pick({
                zh: '用户名只能包含字母、数字、下划线、点和连字符',
                en: 'Only letters, digits, _ . -',
              }),
            },
          ]}
        >
          <Input disabled={user !== null} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('form.displayName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('form.required', { field: t('form.displayName') }),
            },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="mofDivCode" label={t('form.division')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={divisionOptions}
            onChange={() => form.setFieldValue('organizationId', '')}
          />
        </Form.Item>
        <Form.Item name="organizationId" label={t('form.organization')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={orgOptions} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('form.roles')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: pick({ zh: '至少选择一个角色', en: 'Choose at least one role' }),
            },
          ]}
        >
          <Select mode="multiple" options={roleOptions} />
        </Form.Item>
        <Form.Item name="phone" label={t('form.phone')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('form.email')}
          rules={[{ type: 'email', message: pick({ zh: '邮箱格式不正确', en: 'Not an e-mail address' }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {update.isError && isApiError(update.error) && update.error.code === 'VERSION_CONFLICT' && !conflict ? (
        <ErrorAlert error={update.error} />
      ) : null}
    </Modal>
  );
}
