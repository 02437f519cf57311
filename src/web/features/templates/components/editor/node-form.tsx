import { useState } from 'react';
import {
  Alert,
  AutoComplete,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { IndicatorPage } from '../../../../../contracts/indicators.ts';
import type { DefinitionIssue } from '../../../../../contracts/templates.ts';
import type { Category, LeafKind, Rule } from '../../../../../core/indicators/types.ts';
import { api } from '../../../../lib/api.ts';
import { useLang, useMessages } from '../../../../lib/i18n.tsx';
import { templateMessages } from '../../messages.ts';
import { defaultRule, type ENode } from '../../tree-ops.ts';
import { RuleFields } from './rule-fields.tsx';

const KINDS: readonly LeafKind[] = [
  'positive',
  'reverse',
  'equality',
  'qualitative',
  'banded',
  'formula',
  'relative',
  'deduction',
  'bonus',
];

const DIRECTION_TO_KIND: Record<string, LeafKind> = {
  positive: 'positive',
  reverse: 'reverse',
  equality: 'equality',
  qualitative: 'qualitative',
};

/** Sets or removes an optional text field ('' removes it). */
function text<T extends object>(node: T, key: keyof T & string, value: string): T {
  const next = { ...node } as Record<string, unknown>;
  if (value === '') delete next[key];
  else next[key] = value;
  return next as T;
}

/** The selected node's fields: names, 分值, category, rule per kind, and its problems. */
export function NodeForm({
  node,
  locked,
  editable,
  issues,
  divisionCode,
  onChange,
}: {
  node: ENode | null;
  locked: boolean;
  editable: boolean;
  issues: readonly DefinitionIssue[];
  divisionCode: string;
  onChange: (node: ENode) => void;
}) {
  const t = useMessages(templateMessages);
  const { lang } = useLang();
  const [search, setSearch] = useState('');
  const library = useQuery<IndicatorPage>({
    queryKey: ['indicators', 'list', { division: divisionCode, q: search, status: 'active', pageSize: 20 }],
    queryFn: ({ signal }) =>
      api.get<IndicatorPage>('/indicators', {
        query: { division: divisionCode, q: search, status: 'active', pageSize: 20 },
        signal,
      }),
    enabled: editable && !locked && node?.type === 'leaf' && search.trim().length > 0,
    placeholderData: keepPreviousData,
  });

  if (!node) return <Typography.Paragraph type="secondary">{t('node.select')}</Typography.Paragraph>;
  const disabled = !editable || locked;
  const isLeaf = node.type === 'leaf';

  const categoryOptions = (['base', 'deduction', 'bonus'] as const).map((c) => ({
    value: c,
    label: t(`category.${c}`),
  }));

  return (
    <Form layout="vertical" disabled={disabled}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {locked ? <LockOutlined style={{ marginInlineEnd: 6 }} /> : null}
        {isLeaf ? t('node.leaf') : t('node.group')}
        {locked ? <Tag style={{ marginInlineStart: 8 }}>{t('tree.locked')}</Tag> : null}
      </Typography.Title>
      {locked && editable ? (
        <Alert type="info" showIcon title={t('node.lockedNote')} style={{ marginBottom: 12 }} />
      ) : null}
      {issues.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('node.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {issues.map((i, k) => (
                <li key={k}>{stripPath(lang === 'en' ? i.messageEn : i.message, i.path)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('node.code')} required validateStatus={node.code.trim() ? '' : 'error'}>
            <Input
              value={node.code}
              maxLength={64}
              onChange={(e) => onChange({ ...node, code: e.target.value.trim() })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label={t('node.name')} required>
            <Input
              value={node.name}
              maxLength={200}
              onChange={(e) => onChange({ ...node, name: e.target.value })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('node.nameEn')}>
            <Input
              value={node.nameEn ?? ''}
              maxLength={200}
              onChange={(e) => onChange(text(node, 'nameEn', e.target.value))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={
              (isLeaf ? leafCategory(node.rule) : (node.category ?? 'base')) === 'base'
                ? t('node.weight')
                : t('node.weightAdjust')
            }
            required
          >
            <InputNumber
              value={node.weight}
              min={0}
              step={1}
              onChange={(v) => onChange({ ...node, weight: typeof v === 'number' ? v : 0 })}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('node.category')}>
            {isLeaf ? (
              <Select
                value={leafCategory(node.rule)}
                options={categoryOptions}
                onChange={(c: Category) =>
                  onChange({
                    ...node,
                    rule: defaultRule(c === 'base' ? 'positive' : c, node.weight),
                  })
                }
              />
            ) : (
              <Select
                value={node.category ?? 'base'}
                options={categoryOptions}
                onChange={(c: Category) => {
                  const next = { ...node } as typeof node & { category?: Category };
                  if (c === 'base') delete next.category;
                  else next.category = c;
                  onChange(next);
                }}
              />
            )}
          </Form.Item>
        </Col>
      </Row>
      {node.type === 'group' ? (
        <>
          <Form.Item label={t('node.rescale')} extra={t('node.rescaleHelp')}>
            <Switch
              checked={node.rescale ?? false}
              onChange={(v) => {
                const next = { ...node } as typeof node & { rescale?: boolean };
                if (v) next.rescale = true;
                else delete next.rescale;
                onChange(next);
              }}
            />
          </Form.Item>
          <Form.Item label={t('node.allowLocal')} extra={t('node.allowLocalHelp')}>
            <Switch
              checked={node.allowLocal ?? false}
              onChange={(v) => {
                const next = { ...node } as typeof node & { allowLocal?: boolean };
                if (v) next.allowLocal = true;
                else delete next.allowLocal;
                onChange(next);
              }}
            />
          </Form.Item>
        </>
      ) : (
        <>
          {editable && !locked ? (
            <Form.Item label={t('node.libraryPick')}>
              <AutoComplete
                placeholder={t('node.librarySearch')}
                onSearch={setSearch}
                options={(library.data?.items ?? []).map((i) => ({
                  value: i.id,
                  label: (
                    <span>
                      <Typography.Text type="secondary" className="jx-num" style={{ marginInlineEnd: 8 }}>
                        {i.code}
                      </Typography.Text>
                      {i.name}
                      {i.unit ? <Typography.Text type="secondary">（{i.unit}）</Typography.Text> : null}
                    </span>
                  ),
                }))}
                onSelect={(id: string) => {
                  const i = library.data?.items.find((x) => x.id === id);
                  if (!i) return;
                  let next: ENode = { ...node, name: i.name, libraryCode: i.code };
                  next = text(next, 'unit', i.unit ?? '');
                  next = text(next, 'standard', i.evaluationStandard ?? '');
                  const kind = DIRECTION_TO_KIND[i.direction];
                  if (kind && leafCategory(node.rule) === 'base' && node.rule.kind !== kind) {
                    next = { ...next, rule: defaultRule(kind, node.weight) } as ENode;
                  }
                  onChange(next);
                  setSearch('');
                }}
                value={search}
              />
            </Form.Item>
          ) : null}
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label={t('node.libraryCode')}>
                <Input
                  value={node.libraryCode ?? ''}
                  onChange={(e) => onChange(text(node, 'libraryCode', e.target.value.trim()))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('node.unit')}>
                <Input
                  value={node.unit ?? ''}
                  maxLength={20}
                  onChange={(e) => onChange(text(node, 'unit', e.target.value))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('node.kind')}>
                <Select
                  value={node.rule.kind}
                  options={KINDS.filter((k) =>
                    leafCategory(node.rule) === 'base'
                      ? k !== 'deduction' && k !== 'bonus'
                      : k === node.rule.kind,
                  ).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                  onChange={(k: LeafKind) => onChange({ ...node, rule: defaultRule(k, node.weight) })}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
          </Row>
          <RuleFields
            rule={node.rule}
            weight={node.weight}
            disabled={disabled}
            onChange={(rule: Rule) => onChange({ ...node, rule })}
          />
          <Form.Item label={t('node.standard')}>
            <Input.TextArea
              value={node.standard ?? ''}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              onChange={(e) => onChange(text(node, 'standard', e.target.value))}
            />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('node.description')}>
        <Input.TextArea
          value={node.description ?? ''}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={2000}
          onChange={(e) => onChange(text(node, 'description', e.target.value))}
        />
      </Form.Item>
    </Form>
  );
}

function leafCategory(rule: Rule): Category {
  return rule.kind === 'deduction' ? 'deduction' : rule.kind === 'bonus' ? 'bonus' : 'base';
}

/** Issue messages start with the node's path; beside the node itself the path is noise. */
function stripPath(message: string, path: string): string {
  if (!path) return message;
  for (const sep of ['：', ': '])
    if (message.startsWith(path + sep)) return message.slice(path.length + sep.length);
  return message;
}
