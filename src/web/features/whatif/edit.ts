/**
 * Pure helpers of the what-if page: editing a template tree by node code, finding what a scenario changed
 * against the baseline (weights, targets, rules), and the T21 project rules offered as a start.
 */
import type { IndicatorNode, Rule, TemplateDefinition } from '../../../core/indicators/types.ts';
import type { GradeScheme } from '../../../core/scoring/grades.ts';
import type { RuleSet } from '../../../contracts/whatif.ts';

/** The definition with the node of `code` replaced by `fn(node)`. */
export function updateByCode(
  def: TemplateDefinition,
  code: string,
  fn: (n: IndicatorNode) => IndicatorNode,
): TemplateDefinition {
  const walk = (nodes: readonly IndicatorNode[]): IndicatorNode[] =>
    nodes.map((n) => {
      if (n.code === code) return fn(n);
      return n.type === 'group' ? { ...n, children: walk(n.children) } : n;
    });
  return { ...def, nodes: walk(def.nodes) };
}

/** Every node by code (pre-order). */
export function nodesByCode(def: TemplateDefinition): Map<string, IndicatorNode> {
  const out = new Map<string, IndicatorNode>();
  const walk = (nodes: readonly IndicatorNode[]) =>
    nodes.forEach((n) => {
      out.set(n.code, n);
      if (n.type === 'group') walk(n.children);
    });
  walk(def.nodes);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed on one node: its weight, its rule (targets, bands …), or it is new. */
export interface NodeChange {
  readonly weight: boolean;
  readonly rule: boolean;
  readonly added: boolean;
}

/** The nodes of `edited` that differ from `baseline` (by code); unchanged nodes are left out. */
export function changedNodes(
  baseline: TemplateDefinition,
  edited: TemplateDefinition,
): Map<string, NodeChange> {
  const before = nodesByCode(baseline);
  const out = new Map<string, NodeChange>();
  for (const [code, n] of nodesByCode(edited)) {
    const b = before.get(code);
    if (!b) {
      out.set(code, { weight: true, rule: true, added: true });
      continue;
    }
    const weight = b.weight !== n.weight;
    const rule = n.type === 'leaf' && b.type === 'leaf' && !same(n.rule, b.rule);
    if (weight || rule) out.set(code, { weight, rule, added: false });
  }
  return out;
}

export const sameDefinition = (a: TemplateDefinition, b: TemplateDefinition) => same(a, b);
export const sameScheme = (a: GradeScheme, b: GradeScheme) => same(a.bands, b.bands);
export const sameRules = (a: RuleSet | null, b: RuleSet | null) => same(a, b);

/** The fixed target of a rule that has one (positive, reverse, equality, banded by ratio). */
export function fixedTarget(rule: Rule): number | undefined {
  switch (rule.kind) {
    case 'positive':
    case 'reverse':
    case 'equality':
      return rule.target;
    case 'banded':
      return rule.basis === 'ratio' ? rule.target : undefined;
    default:
      return undefined;
  }
}

/** T21 (吉政发〔2025〕11号): 中 and 低 cut next year's budget, 差 cancels later budgets and refers for accountability. */
export function projectRules(labels: { fair: string; low: string; poor: string }): RuleSet['rules'] {
  return [
    {
      id: 'project-fair',
      label: labels.fair,
      subjectKinds: ['project'],
      when: { grades: ['fair'] },
      action: 'cut',
      ratio: 0.1,
      base: 'department_budget',
    },
    {
      id: 'project-low',
      label: labels.low,
      subjectKinds: ['project'],
      when: { grades: ['low'] },
      action: 'cut',
      ratio: 0.2,
      base: 'department_budget',
    },
    {
      id: 'project-poor',
      label: labels.poor,
      subjectKinds: ['project'],
      when: { grades: ['poor'] },
      action: 'cancel',
      base: 'department_budget',
      accountability: true,
    },
  ];
}

/** A rule id not used yet in the set ('rule-3'). */
export function freshRuleId(rules: readonly { id: string }[]): string {
  const ids = new Set(rules.map((r) => r.id));
  let k = rules.length + 1;
  while (ids.has(`rule-${k}`)) k++;
  return `rule-${k}`;
}
