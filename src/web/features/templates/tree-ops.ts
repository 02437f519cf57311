import {
  categoryOf,
  type GroupNode,
  type IndicatorNode,
  type LeafNode,
  type Rule,
  type TemplateDefinition,
} from '../../../core/indicators/types.ts';

/**
 * The template editor's tree: the definition with a stable id on every node (codes change as the user
 * types and may even collide, so they cannot key the tree). Pure, immutable helpers; `stripIds` gives back
 * the definition the server and the engine take.
 */

export type ELeaf = LeafNode & { readonly _id: string };
export type EGroup = Omit<GroupNode, 'children'> & {
  readonly _id: string;
  readonly children: readonly ENode[];
};
export type ENode = ELeaf | EGroup;
export interface EDefinition {
  readonly maxScore: number;
  readonly nodes: readonly ENode[];
}

let counter = 0;
export const newId = (): string => `n${++counter}`;

export function withIds(def: TemplateDefinition): EDefinition {
  const tag = (n: IndicatorNode): ENode =>
    n.type === 'group' ? { ...n, _id: newId(), children: n.children.map(tag) } : { ...n, _id: newId() };
  return { maxScore: def.maxScore, nodes: def.nodes.map(tag) };
}

export function stripIds(def: EDefinition): TemplateDefinition {
  const strip = (n: ENode): IndicatorNode => {
    if (n.type === 'group') {
      const { _id: _i, children, ...rest } = n;
      return { ...rest, children: children.map(strip) };
    }
    const { _id: _i, ...rest } = n;
    return rest;
  };
  return { maxScore: def.maxScore, nodes: def.nodes.map(strip) };
}

export interface Located {
  readonly node: ENode;
  readonly parent: EGroup | null;
  readonly index: number;
  /** Ancestors from the top, without the node. */
  readonly ancestors: readonly EGroup[];
}

export function* walk(
  nodes: readonly ENode[],
  parent: EGroup | null = null,
  ancestors: readonly EGroup[] = [],
): Generator<Located> {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    yield { node, parent, index, ancestors };
    if (node.type === 'group') yield* walk(node.children, node, [...ancestors, node]);
  }
}

export function locate(def: EDefinition, id: string): Located | null {
  for (const l of walk(def.nodes)) if (l.node._id === id) return l;
  return null;
}

function mapNodes(nodes: readonly ENode[], fn: (n: ENode) => ENode | null): ENode[] {
  const out: ENode[] = [];
  for (const n of nodes) {
    const mapped = fn(n);
    if (mapped === null) continue;
    out.push(mapped.type === 'group' ? { ...mapped, children: mapNodes(mapped.children, fn) } : mapped);
  }
  return out;
}

/** Replaces one node (by id) with what `fn` returns. */
export function updateNode(def: EDefinition, id: string, fn: (n: ENode) => ENode): EDefinition {
  return { ...def, nodes: mapNodes(def.nodes, (n) => (n._id === id ? fn(n) : n)) };
}

export function removeNode(def: EDefinition, id: string): EDefinition {
  return { ...def, nodes: mapNodes(def.nodes, (n) => (n._id === id ? null : n)) };
}

/** Inserts under a group (null: the first level) at `index` (default: last). */
export function insertNode(
  def: EDefinition,
  parentId: string | null,
  node: ENode,
  index?: number,
): EDefinition {
  const put = (list: readonly ENode[]) => {
    const at = index === undefined ? list.length : Math.max(0, Math.min(index, list.length));
    return [...list.slice(0, at), node, ...list.slice(at)];
  };
  if (parentId === null) return { ...def, nodes: put(def.nodes) };
  return updateNode(def, parentId, (g) => (g.type === 'group' ? { ...g, children: put(g.children) } : g));
}

function contains(node: ENode, id: string): boolean {
  if (node._id === id) return true;
  return node.type === 'group' && node.children.some((c) => contains(c, id));
}

/** Moves a node under another group (or to the first level) at `index`; never into its own subtree. */
export function moveNode(def: EDefinition, id: string, parentId: string | null, index: number): EDefinition {
  const from = locate(def, id);
  if (!from) return def;
  if (parentId !== null) {
    const target = locate(def, parentId);
    if (!target || target.node.type !== 'group' || contains(from.node, parentId)) return def;
  }
  // Removing first shifts later siblings of the same parent up by one.
  const sameParent = (from.parent?._id ?? null) === parentId;
  const adjusted = sameParent && from.index < index ? index - 1 : index;
  return insertNode(removeNode(def, id), parentId, from.node, adjusted);
}

/** Moves a node up (-1) or down (+1) among its siblings. */
export function shiftNode(def: EDefinition, id: string, delta: -1 | 1): EDefinition {
  const l = locate(def, id);
  if (!l) return def;
  const siblings = l.parent ? l.parent.children : def.nodes;
  const to = l.index + delta;
  if (to < 0 || to >= siblings.length) return def;
  return moveNode(def, id, l.parent?._id ?? null, delta > 0 ? to + 1 : to);
}

/** Sum of the children's base weights (what must equal the group's weight, unless re-scaled). */
export function baseWeightSum(children: readonly ENode[]): number {
  return children
    .filter((c) => categoryOf(c as IndicatorNode) === 'base')
    .reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);
}

/** A code not used yet: `${prefix}${n}` with the smallest n ≥ 1. */
export function uniqueCode(def: EDefinition, prefix: string): string {
  const used = new Set([...walk(def.nodes)].map((l) => l.node.code));
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** A sensible rule to start from for each kind (the user then sets targets, bands …). */
export function defaultRule(kind: Rule['kind'], weight: number): Rule {
  switch (kind) {
    case 'positive':
      return { kind: 'positive' };
    case 'reverse':
      return { kind: 'reverse', method: 'ratio' };
    case 'equality':
      return { kind: 'equality' };
    case 'qualitative':
      return { kind: 'qualitative', fallback: 'lower' };
    case 'banded':
      return {
        kind: 'banded',
        basis: 'ratio',
        bands: [
          { from: 0, points: 0 },
          { from: 0.6, points: round2(weight * 0.6) },
          { from: 0.8, points: round2(weight * 0.8) },
          { from: 1, points: weight },
        ],
      };
    case 'deduction':
      return { kind: 'deduction', perUnit: 1 };
    case 'bonus':
      return { kind: 'bonus', perUnit: 1 };
    case 'formula':
      return {
        kind: 'formula',
        expression: 'min(actual / target, 1) * weight',
        inputs: [
          { name: 'actual', label: '实际完成值' },
          { name: 'target', label: '年度指标值' },
        ],
      };
    case 'relative':
      return { kind: 'relative', method: 'rank', better: 'higher' };
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;
