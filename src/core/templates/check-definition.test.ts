import { describe, expect, it } from 'vitest';
import type { GroupNode, TemplateDefinition } from '../indicators/types.ts';
import { checkDefinition, checkDerived, libraryCodesOf, localGroupCodes } from './check-definition.ts';
import { versionActionRefusal } from './version-rules.ts';

const province: TemplateDefinition = {
  maxScore: 100,
  nodes: [
    {
      type: 'group',
      code: 'A',
      name: '产出指标',
      weight: 60,
      children: [
        {
          type: 'group',
          code: 'A1',
          name: '数量指标',
          weight: 30,
          rescale: true,
          allowLocal: true,
          children: [{ type: 'leaf', code: 'A11', name: '培训人次', weight: 30, rule: { kind: 'positive' } }],
        },
        {
          type: 'group',
          code: 'A2',
          name: '质量指标',
          weight: 30,
          children: [
            {
              type: 'leaf',
              code: 'A21',
              name: '合格率',
              weight: 30,
              unit: '%',
              libraryCode: 'GX-001',
              rule: { kind: 'positive', target: 95 },
            },
          ],
        },
      ],
    },
    { type: 'leaf', code: 'B', name: '满意度', weight: 40, rule: { kind: 'qualitative' } },
  ],
};

const clone = (d: TemplateDefinition): TemplateDefinition => JSON.parse(JSON.stringify(d));
const groupA = (d: TemplateDefinition) => d.nodes[0] as GroupNode & { children: GroupNode[] };

describe('checkDerived', () => {
  it('accepts an unchanged copy and local indicators under allowLocal groups', () => {
    const d = clone(province);
    (groupA(d).children[0]!.children as unknown[]).push({
      type: 'leaf',
      code: 'A12',
      name: '农安县本级：培训乡镇数',
      weight: 10,
      rule: { kind: 'positive' },
    });
    expect(checkDerived(province, d)).toEqual([]);
    expect(checkDefinition(d, { base: province }).plan).not.toBeNull();
  });

  it('refuses local indicators outside allowLocal groups, changed, moved or removed province nodes', () => {
    const d = clone(province);
    const a = groupA(d);
    // local leaf under 质量指标 (not allowLocal)
    (a.children[1]!.children as unknown[]).push({
      type: 'leaf',
      code: 'A22',
      name: '本级质量',
      weight: 5,
      rule: { kind: 'positive' },
    });
    // changed weight of a province leaf
    (a.children[0]!.children[0] as { weight: number }).weight = 20;
    // a new first-level indicator
    (d.nodes as unknown[]).push({
      type: 'leaf',
      code: 'C',
      name: '本级加分',
      weight: 5,
      rule: { kind: 'bonus' },
    });
    // removed 满意度
    (d.nodes as unknown[]).splice(1, 1);
    const issues = checkDerived(province, { ...d, maxScore: 90 });
    expect(issues.map((i) => [i.code, i.nodeCode])).toEqual([
      ['MAX_SCORE_CHANGED', null],
      ['BASE_NODE_CHANGED', 'A11'],
      ['BASE_NODE_MISSING', 'B'],
      ['LOCAL_NODE_NOT_ALLOWED', 'A22'],
      ['LOCAL_NODE_NOT_ALLOWED', 'C'],
    ]);
    expect(issues[1]!.message).toContain('分值');
    expect(issues[3]!.message).toContain('“质量指标”未允许增加本级指标');
  });

  it('reports a province node moved to another group', () => {
    const d = clone(province);
    const a = groupA(d);
    const leaf = a.children[1]!.children[0]!;
    (a.children[1]!.children as unknown[]).splice(0, 1);
    (a.children[0]!.children as unknown[]).push(leaf);
    expect(checkDerived(province, d).map((i) => i.code)).toEqual(['BASE_NODE_MOVED']);
  });

  it('lists engine problems and derived problems together', () => {
    const d = clone(province);
    (groupA(d).children[1]! as { weight: number }).weight = 25;
    const r = checkDefinition(d, { base: province, libraryCodes: new Set() });
    expect(r.plan).toBeNull();
    expect(r.issues.map((i) => i.code).sort()).toEqual(
      ['BASE_NODE_CHANGED', 'UNKNOWN_REFERENCE', 'WEIGHTS_MISMATCH', 'WEIGHTS_MISMATCH'].sort(),
    );
  });

  it('finds the groups open to local indicators and the library codes used', () => {
    expect(localGroupCodes(province)).toEqual(['A1']);
    expect(libraryCodesOf(province)).toEqual(['GX-001']);
  });
});

describe('versionActionRefusal', () => {
  it.each([
    ['draft', 'edit', null],
    ['draft', 'publish', null],
    ['published', 'edit', 'TRANSITION_NOT_ALLOWED'],
    ['published', 'publish', 'TRANSITION_NOT_ALLOWED'],
    ['retired', 'edit', 'TRANSITION_NOT_ALLOWED'],
    ['retired', 'delete', 'TRANSITION_NOT_ALLOWED'],
  ] as const)('%s + %s → %s', (status, action, code) => {
    expect(versionActionRefusal(status, action)?.code ?? null).toBe(code);
  });

  it('tells the user to make a new version when a published one is edited', () => {
    expect(versionActionRefusal('published', 'edit')!.message).toContain('复制为新版本');
  });
});
