import { useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  Form,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  message,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined } from '@ant-design/icons';
import {
  categoryOf,
  type IndicatorNode,
  type Rule,
  type TemplateDefinition,
} from '../../../../core/indicators/types.ts';
import { checkDefinition } from '../../../../core/templates/check-definition.ts';
import { setWeight } from '../../../../core/whatif/reweight.ts';
import { formatScore } from '../../../lib/format.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { ProblemList } from '../../templates/components/editor/problem-list.tsx';
import { RuleFields } from '../../templates/components/editor/rule-fields.tsx';
import { changedNodes, fixedTarget, nodesByCode, updateByCode } from '../edit.ts';
import { whatIfMessages, type WhatIfMessageKey } from '../messages.ts';

interface TreeRow {
  readonly key: string;
  readonly node: IndicatorNode;
  readonly children?: TreeRow[];
}

const toRows = (nodes: readonly IndicatorNode[]): TreeRow[] =>
  nodes.map((n) => ({
    key: n.code,
    node: n,
    ...(n.type === 'group' && n.children.length > 0 ? { children: toRows(n.children) } : {}),
  }));

const CHANGED_STYLE = { background: '#fffbe6' } as const;

/**
 * 权重与阈值: the scenario's tree as a compact table — every node's 分值 editable in place (its siblings
 * re-balanced on request, core `setWeight`), a leaf's fixed target inline, and its whole rule (bands,
 * levels, per-occurrence points …) in the template editor's own rule fields. Changed cells are marked
 * with the baseline's value; the tree's problems are listed at once (core `checkDefinition`).
 */
export function TemplateEditor({
  baseline,
  value,
  onChange,
}: {
  baseline: TemplateDefinition;
  value: TemplateDefinition;
  onChange: (def: TemplateDefinition) => void;
}) {
  const t = useMessages(whatIfMessages);
  const { lang } = useLang();
  const [rebalance, setRebalance] = useState(true);
  const [editing, setEditing] = useState<{ code: string; rule: Rule; weight: number; name: string } | null>(
    null,
  );
  const changes = useMemo(() => changedNodes(baseline, value), [baseline, value]);
  const before = useMemo(() => nodesByCode(baseline), [baseline]);
  const issues = useMemo(() => checkDefinition(value).issues, [value]);
  const rows = useMemo(() => toRows(value.nodes), [value]);
  const allKeys = useMemo(() => [...nodesByCode(value).keys()], [value]);

  const changeWeight = (code: string, weight: number | null) => {
    if (weight === null || !Number.isFinite(weight)) return;
    if (rebalance) {
      const r = setWeight(value, code, weight);
      if (!r.ok) {
        void message.warning(t('tree.rebalanceFailed', { reason: r.error }));
        return;
      }
      onChange(r.value);
    } else {
      onChange(updateByCode(value, code, (n) => ({ ...n, weight })));
    }
  };
  const changeTarget = (code: string, target: number | null) => {
    if (target === null || !Number.isFinite(target)) return;
    onChange(
      updateByCode(value, code, (n) =>
        n.type === 'leaf' && fixedTarget(n.rule) !== undefined
          ? { ...n, rule: { ...n.rule, target } as Rule }
          : n,
      ),
    );
  };

  const kindLabel = (n: IndicatorNode) => {
    if (n.type === 'group') {
      const c = categoryOf(n);
      return c === 'base' ? t('kind.group') : t(`kind.${c}` as WhatIfMessageKey);
    }
    return t(`kind.${n.rule.kind}` as WhatIfMessageKey);
  };

  const colon = lang === 'en' ? ': ' : '：';
  const comma = lang === 'en' ? ', ' : '，';
  const ruleSummary = (n: IndicatorNode & { type: 'leaf' }) => {
    const rule = n.rule;
    switch (rule.kind) {
      case 'positive':
      case 'reverse':
      case 'equality':
        return rule.target === undefined ? t('tree.perSubject') : null;
      case 'banded':
        return `${t('tree.bands', { n: rule.bands.length })}${colon}${rule.bands.map((b) => `${b.from}→${b.points}`).join(comma)}`;
      case 'qualitative':
        return t('tree.levels');
      case 'deduction':
      case 'bonus':
        return rule.perUnit !== undefined ? t('tree.perUnit', { n: rule.perUnit }) : null;
      case 'formula':
        return `${t('tree.formula')}${colon}${rule.expression}`;
      case 'relative':
        return t('tree.relative');
    }
  };

  const columns: ColumnsType<TreeRow> = [
    {
      key: 'name',
      title: t('tree.indicator'),
      render: (_: unknown, r) => (
        <span>
          {lang === 'en' ? (r.node.nameEn ?? r.node.name) : r.node.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.node.code}
          </Typography.Text>
          {changes.get(r.node.code)?.added ? (
            <Tag color="processing" style={{ marginInlineStart: 6 }}>
              +
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: 'kind',
      title: t('tree.kind'),
      width: 90,
      render: (_: unknown, r) => <Tag>{kindLabel(r.node)}</Tag>,
    },
    {
      key: 'weight',
      title: t('tree.weight'),
      width: 130,
      align: 'right',
      onCell: (r) => (changes.get(r.node.code)?.weight ? { style: CHANGED_STYLE } : {}),
      render: (_: unknown, r) => {
        const was = before.get(r.node.code);
        const input = (
          <InputNumber
            size="small"
            min={0}
            step={1}
            precision={2}
            value={r.node.weight}
            onChange={(v) => changeWeight(r.node.code, v)}
            style={{ width: 96 }}
            aria-label={`${r.node.name} ${t('tree.weight')}`}
          />
        );
        return was && was.weight !== r.node.weight ? (
          <Tooltip title={t('tree.was', { value: formatScore(was.weight) })}>{input}</Tooltip>
        ) : (
          input
        );
      },
    },
    {
      key: 'target',
      title: t('tree.target'),
      onCell: (r) => (changes.get(r.node.code)?.rule ? { style: CHANGED_STYLE } : {}),
      render: (_: unknown, r) => {
        const n = r.node;
        if (n.type !== 'leaf') return null;
        const target = fixedTarget(n.rule);
        const was = before.get(n.code);
        const wasTarget = was?.type === 'leaf' ? fixedTarget(was.rule) : undefined;
        const summary = ruleSummary(n);
        return (
          <Space size={6} wrap>
            {target !== undefined ? (
              <Tooltip
                title={
                  wasTarget !== undefined && wasTarget !== target ? t('tree.was', { value: wasTarget }) : null
                }
              >
                <InputNumber
                  size="small"
                  value={target}
                  onChange={(v) => changeTarget(n.code, v)}
                  style={{ width: 110 }}
                  {...(n.unit ? { suffix: n.unit } : {})}
                  aria-label={`${n.name} ${t('tree.target')}`}
                />
              </Tooltip>
            ) : null}
            {summary ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {summary}
              </Typography.Text>
            ) : null}
            <Tooltip title={t('tree.editRule')}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t('tree.editRule')}
                onClick={() => setEditing({ code: n.code, rule: n.rule, weight: n.weight, name: n.name })}
              />
            </Tooltip>
          </Space>
        );
      },
    },
  ];

  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Checkbox checked={rebalance} onChange={(e) => setRebalance(e.target.checked)}>
          {t('tree.rebalance')}
        </Checkbox>
        {changes.size > 0 ? <Tag color="gold">{t('tree.changedCount', { n: changes.size })}</Tag> : null}
      </Space>
      {issues.length > 0 ? <ProblemList issues={issues} draft onShow={() => undefined} /> : null}
      <Table<TreeRow>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        expandable={{ defaultExpandedRowKeys: allKeys }}
        scroll={{ y: 420 }}
      />
      <Modal
        open={editing !== null}
        title={editing ? t('tree.ruleTitle', { name: editing.name }) : ''}
        okText={t('tree.ok')}
        cancelText={t('tree.cancel')}
        width={720}
        onCancel={() => setEditing(null)}
        onOk={() => {
          if (editing) {
            onChange(
              updateByCode(value, editing.code, (n) =>
                n.type === 'leaf' ? { ...n, rule: editing.rule } : n,
              ),
            );
          }
          setEditing(null);
        }}
        destroyOnHidden
      >
        {editing ? (
          <Form layout="vertical">
            <RuleFields
              rule={editing.rule}
              weight={editing.weight}
              disabled={false}
              onChange={(rule) => setEditing({ ...editing, rule })}
            />
          </Form>
        ) : null}
      </Modal>
    </div>
  );
}
