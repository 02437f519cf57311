import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { TreeDataNode } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Organization } from '../../../../contracts/admin.ts';
import {
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  type OrganizationKind,
} from '../../../../core/access/ports.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { formatCount } from '../../../lib/format.ts';
import { useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScope } from '../../../lib/scope.tsx';
import { useCan, useSession } from '../../../lib/session.tsx';
import { useOrganizations, useSaveOrganization } from '../api.ts';
import { adminMessages } from '../messages.ts';

const KIND_COLORS: Record<OrganizationKind, string> = {
  finance_bureau: 'blue',
  finance_division: 'cyan',
  budget_department: 'purple',
  budget_unit: 'geekblue',
  agency: 'orange',
  congress_committee: 'red',
  other: 'default',
};
const KIND_ORDER = new Map(ORGANIZATION_KINDS.map((k, i) => [k, i]));

const byKindThenOrder = (a: Organization, b: Organization) =>
  (KIND_ORDER.get(a.kind) ?? 99) - (KIND_ORDER.get(b.kind) ?? 99) ||
  a.sortOrder - b.sortOrder ||
  a.name.localeCompare(b.name, 'zh-CN');

interface FormValues {
  mofDivCode: string;
  parentId: string;
  kind: OrganizationKind;
  code: string;
  name: string;
  shortName: string;
  sortOrder: number;
  status: 'active' | 'inactive';
}

function OrganizationModal({
  editing,
  organizations,
  onClose,
}: {
  editing: { org: Organization | null; parent?: Organization; division: string };
  organizations: readonly Organization[];
  onClose: (saved?: Organization) => void;
}) {
  const t = useMessages(adminMessages);
  const pick = usePick();
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveOrganization();
  const [base, setBase] = useState<Organization | null>(editing.org);
  const [conflict, setConflict] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const division = Form.useWatch('mofDivCode', form) ?? editing.division;

  useEffect(() => {
    const o = editing.org;
    form.setFieldsValue(
      o
        ? {
            mofDivCode: o.mofDivCode,
            parentId: o.parentId ?? '',
            kind: o.kind,
            code: o.code ?? '',
            name: o.name,
            shortName: o.shortName ?? '',
            sortOrder: o.sortOrder,
            status: o.status,
          }
        : {
            mofDivCode: editing.parent?.mofDivCode ?? editing.division,
            parentId: editing.parent?.id ?? '',
            kind:
              editing.parent?.kind === 'finance_bureau'
                ? 'finance_division'
                : editing.parent
                  ? 'budget_unit'
                  : 'budget_department',
            code: '',
            name: '',
            shortName: '',
            sortOrder: 0,
            status: 'active',
          },
    );
  }, [editing, form]);

  // a node and its descendants cannot become its own parent
  const excluded = useMemo(() => {
    const out = new Set<string>();
    if (!base) return out;
    const stack = [base.id];
    while (stack.length > 0) {
      const id = stack.pop()!;
      out.add(id);
      for (const o of organizations) if (o.parentId === id) stack.push(o.id);
    }
    return out;
  }, [base, organizations]);

  const parentOptions = [
    { value: '', label: t('orgs.parentNone') },
    ...organizations
      .filter((o) => o.mofDivCode === division && !excluded.has(o.id))
      .sort(byKindThenOrder)
      .map((o) => ({ value: o.id, label: `${o.name}（${pick(ORGANIZATION_KIND_LABELS[o.kind])}）` })),
  ];

  const submit = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
      setProblems([]);
    } catch (e) {
      setProblems(
        ((e as { errorFields?: { errors: string[] }[] }).errorFields ?? []).flatMap((f) => f.errors),
      );
      return;
    }
    const common = {
      parentId: v.parentId || null,
      kind: v.kind,
      code: v.code.trim() || null,
      name: v.name.trim(),
      shortName: v.shortName.trim() || null,
      sortOrder: v.sortOrder ?? 0,
    };
    save.mutate(
      base
        ? { id: base.id, body: { ...common, status: v.status, version: base.version } }
        : { id: null, body: { ...common, mofDivCode: v.mofDivCode } },
      {
        onSuccess: (o) => {
          void message.success(t('form.saved'));
          onClose(o);
        },
        onError: (e) => {
          const current =
            isApiError(e) && e.code === 'VERSION_CONFLICT'
              ? (e.details as { current?: Organization } | undefined)?.current
              : undefined;
          if (current) {
            setBase(current);
            setConflict(true);
          }
        },
      },
    );
  };

  return (
    <Modal
      open
      width={600}
      title={editing.org ? t('orgs.editTitle', { name: editing.org.name }) : t('orgs.createTitle')}
      okText={t('form.save')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      destroyOnHidden
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
          title={t('orgs.conflict')}
          description={
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'n', label: t('orgs.name'), children: base.name },
                { key: 'k', label: t('orgs.kind'), children: pick(ORGANIZATION_KIND_LABELS[base.kind]) },
                { key: 'c', label: t('orgs.code'), children: base.code ?? '—' },
                {
                  key: 's',
                  label: t('orgs.status'),
                  children: base.status === 'active' ? t('orgs.statusActive') : t('orgs.statusInactive'),
                },
              ]}
            />
          }
        />
      ) : null}
      {save.isError && !conflict ? (
        <ErrorAlert
          error={save.error}
          title={pick({ zh: '保存未完成', en: 'Not saved' })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="mofDivCode" label={t('orgs.division')} rules={[{ required: true }]}>
          <Select
            disabled={editing.org !== null}
            showSearch={{ optionFilterProp: 'label' }}
            options={me.divisions.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
            onChange={() => form.setFieldValue('parentId', '')}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { field: t('orgs.name') }) },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true }]}>
              <Select
                options={ORGANIZATION_KINDS.map((k) => ({
                  value: k,
                  label: pick(ORGANIZATION_KIND_LABELS[k]),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="code" label={t('orgs.code')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="parentId" label={t('orgs.parent')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={parentOptions} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="shortName" label={t('orgs.shortName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="sortOrder" label={t('orgs.sortOrder')}>
              <InputNumber style={{ width: '100%' }} precision={0} />
            </Form.Item>
          </Col>
          {editing.org ? (
            <Col span={6}>
              <Form.Item name="status" label={t('orgs.status')}>
                <Select
                  options={[
                    { value: 'active', label: t('orgs.statusActive') },
                    { value: 'inactive', label: t('orgs.statusInactive') },
                  ]}
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Modal>
  );
}

/** 系统管理 › 单位管理: organizations as a tree per division, with their details; create and edit. */
export default function OrganizationsPage() {
  const t = useMessages(adminMessages);
  const pick = usePick();
  const scope = useScope();
  const me = useSession();
  const can = useCan();
  const orgs = useOrganizations(scope.divisionCode);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [editing, setEditing] = useState<{
    org: Organization | null;
    parent?: Organization;
    division: string;
  } | null>(null);
  const writable = can('organizations.write');

  const list = useMemo(() => orgs.data ?? [], [orgs.data]);
  const byId = useMemo(() => new Map(list.map((o) => [o.id, o])), [list]);
  const q = search.trim().toLowerCase();
  const matches = (o: Organization) =>
    q === '' || o.name.toLowerCase().includes(q) || (o.code ?? '').toLowerCase().includes(q);

  const { treeData, matchKeys } = useMemo(() => {
    const children = new Map<string | null, Organization[]>();
    for (const o of list) {
      const parent = o.parentId && byId.has(o.parentId) ? o.parentId : null;
      const key = parent ?? `div:${o.mofDivCode}`;
      children.set(key, [...(children.get(key) ?? []), o]);
    }
    const hits: string[] = [];
    const node = (o: Organization): TreeDataNode | null => {
      const kids = (children.get(o.id) ?? [])
        .sort(byKindThenOrder)
        .map(node)
        .filter((n): n is TreeDataNode => n !== null);
      const hit = matches(o);
      if (hit && q !== '') hits.push(o.id);
      if (!hit && kids.length === 0) return null;
      return {
        key: o.id,
        title: (
          <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
            <span
              style={o.status === 'inactive' ? { color: '#999', textDecoration: 'line-through' } : undefined}
            >
              {o.name}
            </span>
            <Tag color={KIND_COLORS[o.kind]} style={{ marginInlineEnd: 0 }}>
              {pick(ORGANIZATION_KIND_LABELS[o.kind])}
            </Tag>
            {o.code ? (
              <Typography.Text type="secondary" className="jx-num" style={{ fontSize: 12 }}>
                {o.code}
              </Typography.Text>
            ) : null}
          </span>
        ),
        children: kids,
      };
    };
    const divisions = me.divisions.filter((d) => children.has(`div:${d.code}`));
    const data = divisions
      .map((d): TreeDataNode | null => {
        const kids = (children.get(`div:${d.code}`) ?? [])
          .sort(byKindThenOrder)
          .map(node)
          .filter((n): n is TreeDataNode => n !== null);
        if (kids.length === 0) return null;
        return {
          key: `div:${d.code}`,
          selectable: false,
          title: (
            <Typography.Text strong>
              {d.name}
              <Typography.Text
                type="secondary"
                className="jx-num"
                style={{ fontSize: 12, marginInlineStart: 6 }}
              >
                {d.code}
              </Typography.Text>
            </Typography.Text>
          ),
          children: kids,
        };
      })
      .filter((n): n is TreeDataNode => n !== null);
    return { treeData: data, matchKeys: hits };
  }, [list, byId, q, me.divisions, pick]);

  // first view: the current division and its organizations open; while searching: every match open
  const expandedKeys =
    q !== ''
      ? [
          ...new Set(
            treeData.map((n) => String(n.key)).concat(matchKeys.flatMap((id) => ancestors(id, byId))),
          ),
        ]
      : (expanded ?? [`div:${scope.divisionCode}`]);

  const current = selected ? byId.get(selected) : undefined;
  const divisionName = (code: string) => me.divisions.find((d) => d.code === code)?.name ?? code;

  return (
    <>
      <PageHeader
        subtitle={t('orgs.subtitle', { division: scope.divisionName })}
        {...(writable
          ? {
              extra: (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing({ org: null, division: scope.divisionCode })}
                >
                  {t('orgs.create')}
                </Button>
              ),
            }
          : {})}
      />
      {orgs.isError ? (
        <ErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : !orgs.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : list.length === 0 ? (
        <EmptyState description={t('orgs.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card
              title={t('orgs.count', { n: formatCount(list.length) })}
              extra={
                <Input.Search
                  allowClear
                  placeholder={t('orgs.search')}
                  onChange={(e) => setSearch(e.target.value)}
                  style={{ width: 220 }}
                />
              }
            >
              <Tree
                showLine
                blockNode
                treeData={treeData}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys[0] ? String(keys[0]) : null)}
                height={640}
                virtual
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card
              title={t('orgs.detail')}
              extra={
                current && writable ? (
                  <Space>
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => setEditing({ org: null, parent: current, division: current.mofDivCode })}
                    >
                      {t('orgs.addChild')}
                    </Button>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing({ org: current, division: current.mofDivCode })}
                    >
                      {t('orgs.edit')}
                    </Button>
                  </Space>
                ) : null
              }
            >
              {current ? (
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'name', label: t('orgs.name'), children: current.name },
                    { key: 'short', label: t('orgs.shortName'), children: current.shortName ?? '—' },
                    {
                      key: 'kind',
                      label: t('orgs.kind'),
                      children: (
                        <Tag color={KIND_COLORS[current.kind]}>
                          {pick(ORGANIZATION_KIND_LABELS[current.kind])}
                        </Tag>
                      ),
                    },
                    {
                      key: 'code',
                      label: t('orgs.code'),
                      children: <span className="jx-num">{current.code ?? '—'}</span>,
                    },
                    {
                      key: 'parent',
                      label: t('orgs.parent'),
                      children: current.parentId
                        ? (byId.get(current.parentId)?.name ?? '—')
                        : t('orgs.parentNone'),
                    },
                    {
                      key: 'division',
                      label: t('orgs.division'),
                      children: `${divisionName(current.mofDivCode)}（${current.mofDivCode}）`,
                    },
                    {
                      key: 'status',
                      label: t('orgs.status'),
                      children:
                        current.status === 'active' ? (
                          <Tag color="green">{t('orgs.statusActive')}</Tag>
                        ) : (
                          <Tag>{t('orgs.statusInactive')}</Tag>
                        ),
                    },
                    {
                      key: 'sort',
                      label: t('orgs.sortOrder'),
                      children: <span className="jx-num">{current.sortOrder}</span>,
                    },
                  ]}
                />
              ) : (
                <EmptyState compact description={t('orgs.select')} />
              )}
            </Card>
          </Col>
        </Row>
      )}
      {editing ? (
        <OrganizationModal
          editing={editing}
          organizations={list}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setSelected(saved.id);
          }}
        />
      ) : null}
    </>
  );
}

function ancestors(id: string, byId: ReadonlyMap<string, Organization>): string[] {
  const out: string[] = [];
  let o = byId.get(id);
  if (o) out.push(`div:${o.mofDivCode}`);
  while (o?.parentId) {
    out.push(o.parentId);
    o = byId.get(o.parentId);
  }
  return out;
}
