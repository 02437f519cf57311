import { useMemo } from 'react';
import { Badge, Button, Popconfirm, Space, Tag, Tooltip, Tree, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  FolderAddOutlined,
  LockOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { categoryOf, type IndicatorNode } from '../../../../../core/indicators/types.ts';
import { formatScore } from '../../../../lib/format.ts';
import { useLang, useMessages } from '../../../../lib/i18n.tsx';
import { templateMessages } from '../../messages.ts';
import { baseWeightSum, locate, type EDefinition, type ENode } from '../../tree-ops.ts';

const CATEGORY_COLORS = { deduction: 'red', bonus: 'green' } as const;

export interface TreeActions {
  addRootGroup(): void;
  addChild(parentId: string, type: 'group' | 'leaf'): void;
  addSibling(id: string): void;
  shift(id: string, delta: -1 | 1): void;
  remove(id: string): void;
  move(id: string, parentId: string | null, index: number): void;
}

/**
 * The indicator tree: code, name, 分值, category and kind of every node, the sum of a group's children
 * beside its weight (red when they disagree), problems marked on their nodes; add, remove, move (buttons or
 * drag and drop). Nodes of an upper template are locked.
 */
export function NodeTree({
  def,
  selected,
  onSelect,
  expanded,
  onExpand,
  editable,
  isLocked,
  canAddUnder,
  issueCounts,
  actions,
}: {
  def: EDefinition;
  selected: string | null;
  onSelect: (id: string | null) => void;
  expanded: readonly string[];
  onExpand: (ids: string[]) => void;
  editable: boolean;
  isLocked: (n: ENode) => boolean;
  /** Whether new nodes may go under this group (null: the first level). */
  canAddUnder: (group: ENode | null) => boolean;
  issueCounts: ReadonlyMap<string, number>;
  actions: TreeActions;
}) {
  const t = useMessages(templateMessages);
  const { lang } = useLang();
  const current = selected ? locate(def, selected) : null;
  const node = current?.node ?? null;

  const treeData = useMemo(() => {
    const title = (n: ENode) => {
      const problems = issueCounts.get(n.code) ?? 0;
      const category = categoryOf(n as IndicatorNode);
      let sum: React.ReactNode = null;
      if (n.type === 'group' && n.children.length > 0) {
        if (category !== 'base') {
          // deductions (bonuses) add up to at most the group's allowance
          const all = n.children.reduce((x, c) => x + (Number.isFinite(c.weight) ? c.weight : 0), 0);
          sum = (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} className="jx-num">
              {t('tree.sumCap', { sum: formatScore(all), weight: formatScore(n.weight) })}
            </Typography.Text>
          );
        } else {
          const s = baseWeightSum(n.children);
          const ok = n.rescale || Math.abs(s - n.weight) <= 0.01;
          sum = (
            <Typography.Text type={ok ? 'secondary' : 'danger'} style={{ fontSize: 12 }} className="jx-num">
              {n.rescale
                ? `${t('tree.sum', { sum: formatScore(s) })} · ${t('tree.rescaled')}`
                : t('tree.sumOf', { sum: formatScore(s), weight: formatScore(n.weight) })}
            </Typography.Text>
          );
        }
      }
      return (
        <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
          {isLocked(n) ? (
            <Tooltip title={t('tree.locked')}>
              <LockOutlined style={{ color: '#8c8c8c' }} />
            </Tooltip>
          ) : null}
          <Typography.Text type="secondary" className="jx-num" style={{ fontSize: 12 }}>
            {n.code || '—'}
          </Typography.Text>
          <span style={{ fontWeight: n.type === 'group' ? 500 : 400 }}>
            {(lang === 'en' && n.nameEn ? n.nameEn : n.name) || t('tree.newLeaf')}
          </span>
          <Tag className="jx-num" style={{ marginInlineEnd: 0 }}>
            {formatScore(n.weight)}
          </Tag>
          {category !== 'base' ? (
            <Tag color={CATEGORY_COLORS[category]} style={{ marginInlineEnd: 0 }}>
              {t(`category.${category}`)}
            </Tag>
          ) : null}
          {n.type === 'leaf' && category === 'base' ? (
            <Tag bordered={false} color="processing" style={{ marginInlineEnd: 0 }}>
              {t(`kind.${n.rule.kind}`)}
            </Tag>
          ) : null}
          {sum}
          {problems > 0 ? (
            <Badge count={problems} size="small" title={t('tree.problems', { n: problems })} />
          ) : null}
        </span>
      );
    };
    const build = (list: readonly ENode[]): TreeDataNode[] =>
      list.map((n) => ({
        key: n._id,
        title: title(n),
        isLeaf: n.type === 'leaf',
        ...(n.type === 'group' ? { children: build(n.children) } : {}),
      }));
    return build(def.nodes);
  }, [def, issueCounts, isLocked, t, lang]);

  const onDrop: TreeProps['onDrop'] = (info) => {
    const dragId = String(info.dragNode.key);
    const dropId = String(info.node.key);
    const target = locate(def, dropId);
    if (!target) return;
    const pos = info.node.pos.split('-');
    const relative = info.dropPosition - Number(pos[pos.length - 1]);
    if (!info.dropToGap) {
      if (target.node.type === 'group') actions.move(dragId, target.node._id, 0);
      return;
    }
    const parentId = target.parent?._id ?? null;
    actions.move(dragId, parentId, relative === -1 ? target.index : target.index + 1);
  };

  const allowDrop: TreeProps['allowDrop'] = ({ dragNode, dropNode, dropPosition }) => {
    const drag = locate(def, String(dragNode.key));
    const drop = locate(def, String(dropNode.key));
    if (!drag || !drop || isLocked(drag.node)) return false;
    if (dropPosition === 0) return drop.node.type === 'group' && canAddUnder(drop.node);
    return canAddUnder(drop.parent);
  };

  const siblings = current ? (current.parent ? current.parent.children : def.nodes) : [];
  const locked = node ? isLocked(node) : false;
  const total = baseWeightSum(def.nodes);

  return (
    <div>
      {editable ? (
        <Space wrap size={[6, 6]} style={{ marginBottom: 8 }}>
          <Button
            size="small"
            icon={<FolderAddOutlined />}
            disabled={!canAddUnder(null)}
            onClick={actions.addRootGroup}
          >
            {t('tree.addRootGroup')}
          </Button>
          <Button
            size="small"
            icon={<FolderAddOutlined />}
            disabled={!node || node.type !== 'group' || !canAddUnder(node)}
            onClick={() => node && actions.addChild(node._id, 'group')}
          >
            {t('tree.addGroup')}
          </Button>
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={!node || node.type !== 'group' || !canAddUnder(node)}
            onClick={() => node && actions.addChild(node._id, 'leaf')}
          >
            {t('tree.addLeaf')}
          </Button>
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={!node || node.type !== 'leaf' || !canAddUnder(current?.parent ?? null)}
            onClick={() => node && actions.addSibling(node._id)}
          >
            {t('tree.addSiblingLeaf')}
          </Button>
          <Tooltip title={t('tree.up')}>
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={t('tree.up')}
              disabled={!node || locked || !current || current.index === 0}
              onClick={() => node && actions.shift(node._id, -1)}
            />
          </Tooltip>
          <Tooltip title={t('tree.down')}>
            <Button
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={t('tree.down')}
              disabled={!node || locked || !current || current.index >= siblings.length - 1}
              onClick={() => node && actions.shift(node._id, 1)}
            />
          </Tooltip>
          <Popconfirm
            title={t('tree.removeConfirm', { name: node?.name ?? '' })}
            disabled={!node || locked}
            onConfirm={() => node && actions.remove(node._id)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} disabled={!node || locked}>
              {t('tree.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
      <div style={{ marginBottom: 8 }}>
        <Typography.Text
          type={Math.abs(total - def.maxScore) <= 0.01 ? 'secondary' : 'danger'}
          className="jx-num"
          style={{ fontSize: 12 }}
        >
          {t('tree.total', { sum: formatScore(total), max: formatScore(def.maxScore) })}
        </Typography.Text>
        {editable ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 12 }}>
            {t('tree.dragHint')}
          </Typography.Text>
        ) : null}
      </div>
      {def.nodes.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('tree.empty')}</Typography.Paragraph>
      ) : (
        <Tree
          blockNode
          showLine
          treeData={treeData}
          selectedKeys={selected ? [selected] : []}
          expandedKeys={[...expanded]}
          onExpand={(keys) => onExpand(keys.map(String))}
          onSelect={(keys) => onSelect(keys[0] !== undefined ? String(keys[0]) : null)}
          draggable={
            editable
              ? { icon: false, nodeDraggable: (n) => !isLockedKey(def, String(n.key), isLocked) }
              : false
          }
          allowDrop={allowDrop}
          onDrop={onDrop}
        />
      )}
    </div>
  );
}

function isLockedKey(def: EDefinition, id: string, isLocked: (n: ENode) => boolean): boolean {
  const l = locate(def, id);
  return l ? isLocked(l.node) : true;
}
