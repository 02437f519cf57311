import { describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '../../../core/indicators/types.ts';
import {
  baseWeightSum,
  insertNode,
  locate,
  moveNode,
  removeNode,
  shiftNode,
  stripIds,
  uniqueCode,
  withIds,
  type EGroup,
} from './tree-ops.ts';

const def: TemplateDefinition = {
  maxScore: 100,
  nodes: [
    {
      type: 'group',
      code: 'A',
      name: '产出',
      weight: 60,
      children: [
        { type: 'leaf', code: 'A1', name: '数量', weight: 30, rule: { kind: 'positive' } },
        { type: 'leaf', code: 'A2', name: '质量', weight: 30, rule: { kind: 'positive' } },
      ],
    },
    { type: 'leaf', code: 'B', name: '满意度', weight: 40, rule: { kind: 'qualitative' } },
    { type: 'leaf', code: 'X', name: '扣分', weight: 5, rule: { kind: 'deduction' } },
  ],
};

const codes = (d: { nodes: readonly { code: string; children?: readonly unknown[] }[] }): unknown =>
  d.nodes.map((n) => (n.children ? [n.code, codes({ nodes: n.children as { code: string }[] })] : n.code));

describe('template editor tree', () => {
  it('round-trips a definition through editor ids', () => {
    expect(stripIds(withIds(def))).toEqual(def);
  });

  it('moves, shifts, inserts and removes nodes without touching the rest', () => {
    const e = withIds(def);
    const a = e.nodes[0] as EGroup;
    const a2 = a.children[1]!;
    const b = e.nodes[1]!;
    expect(codes(shiftNode(e, a2._id, -1))).toEqual([['A', ['A2', 'A1']], 'B', 'X']);
    expect(codes(shiftNode(e, b._id, 1))).toEqual([['A', ['A1', 'A2']], 'X', 'B']);
    expect(codes(moveNode(e, b._id, a._id, 1))).toEqual([['A', ['A1', 'B', 'A2']], 'X']);
    // never into its own subtree
    expect(moveNode(e, a._id, a._id, 0)).toBe(e);
    const added = insertNode(e, a._id, { ...b, _id: 'new', code: uniqueCode(e, 'A') });
    expect(codes(added)).toEqual([['A', ['A1', 'A2', 'A3']], 'B', 'X']);
    expect(codes(removeNode(e, a2._id))).toEqual([['A', ['A1']], 'B', 'X']);
    expect(locate(e, a2._id)).toMatchObject({ index: 1, parent: { code: 'A' } });
  });

  it('sums the base weights of children, leaving deductions and bonuses out', () => {
    const e = withIds(def);
    expect(baseWeightSum(e.nodes)).toBe(100);
    expect(baseWeightSum((e.nodes[0] as EGroup).children)).toBe(60);
  });
});
