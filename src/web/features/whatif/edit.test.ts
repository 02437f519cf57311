import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../../../core/consequences/rules.ts';
import type { TemplateDefinition } from '../../../core/indicators/types.ts';
import { setWeight } from '../../../core/whatif/reweight.ts';
import { changedNodes, fixedTarget, freshRuleId, projectRules, updateByCode } from './edit.ts';

const DEF: TemplateDefinition = {
  maxScore: 100,
  nodes: [
    {
      type: 'group',
      code: 'G',
      name: '产出指标',
      weight: 100,
      children: [
        { type: 'leaf', code: 'A', name: '完成率', weight: 60, rule: { kind: 'positive', target: 100 } },
        { type: 'leaf', code: 'B', name: '满意度', weight: 40, rule: { kind: 'qualitative' } },
      ],
    },
  ],
};

describe('what-if editing helpers', () => {
  it('marks the weights a re-balance moved and the rule a target edit changed', () => {
    const reweighted = setWeight(DEF, 'A', 70);
    if (!reweighted.ok) throw new Error(reweighted.error);
    const edited = updateByCode(reweighted.value, 'A', (n) =>
      n.type === 'leaf' ? { ...n, rule: { kind: 'positive', target: 95 } } : n,
    );
    const changes = changedNodes(DEF, edited);
    expect([...changes.keys()].sort()).toEqual(['A', 'B']);
    expect(changes.get('A')).toEqual({ weight: true, rule: true, added: false });
    expect(changes.get('B')).toEqual({ weight: true, rule: false, added: false });
    expect(changedNodes(DEF, DEF).size).toBe(0);
    const a = edited.nodes[0]!.type === 'group' ? edited.nodes[0]!.children[0]! : null;
    expect(a?.type === 'leaf' ? fixedTarget(a.rule) : null).toBe(95);
  });

  it('offers T21 project rules the consequences core accepts, with fresh ids', () => {
    const rules = projectRules({ fair: '中', low: '低', poor: '差' });
    expect(parseRuleSet({ targetYearOffset: 1, rules }).ok).toBe(true);
    expect(rules.map((r) => r.when.grades)).toEqual([['fair'], ['low'], ['poor']]);
    expect(freshRuleId([{ id: 'rule-2' }, { id: 'x' }])).toBe('rule-3');
    expect(freshRuleId([{ id: 'rule-2' }])).toBe('rule-3');
  });
});
