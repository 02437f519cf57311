import jsep from 'jsep';
import type { EvaluationPlan, PlanNode } from '../src/core/scoring/index.ts';

/**
 * The SQL route of the engine benchmark: the same scoring as one SQL expression per subject, for a table
 * with one float8 column per plan input. It covers what the benchmark template uses (every rule with fixed
 * targets, qualitative levels with an optional score, formulas, deductions, bonuses, groups) on complete
 * data; non-applicable re-scaling and relative indicators are the engine's alone.
 */
export const sqlColumn = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]+/g, '_');

const num = (x: number): string => (Number.isInteger(x) ? `${x}.0` : String(x));

export function planToSql(plan: EvaluationPlan): string {
  const expr = (node: PlanNode): string => {
    if (node.type === 'group') {
      const sum = `(${node.children.map((c) => expr(plan.nodes[c]!)).join(' + ')})`;
      const scaled = node.factor !== 1 ? `(${sum} * ${num(node.factor)})` : sum;
      if (node.category === 'deduction') return `GREATEST(${scaled}, ${num(-node.weight)})`;
      if (node.category === 'bonus') return `LEAST(${scaled}, ${num(node.weight)})`;
      return scaled;
    }
    return leafSql(node);
  };
  const total = plan.roots.map((r) => expr(plan.nodes[r]!)).join(' + ');
  return `GREATEST(${total}, 0.0)`;
}

function leafSql(node: PlanNode): string {
  const leaf = node.leaf!;
  const rule = leaf.rule;
  const w = num(node.weight);
  const c = (name: string) => sqlColumn(`${node.code}.${name}`);
  switch (rule.kind) {
    case 'positive': {
      if (rule.target === undefined) throw new Error('fixed targets only');
      const a = num(rule.target);
      return `(CASE WHEN ${c('actual')} >= ${a} THEN ${w} ELSE GREATEST(${c('actual')} / ${a} * ${w}, 0.0) END)`;
    }
    case 'reverse': {
      if (rule.target === undefined || rule.method === 'linear') throw new Error('fixed ratio rule only');
      const a = num(rule.target);
      return `(CASE WHEN ${c('actual')} <= ${a} THEN ${w} ELSE ${a} / ${c('actual')} * ${w} END)`;
    }
    case 'qualitative': {
      const levels = leaf.levels!;
      const last = levels.length - 1;
      const whens = levels
        .map((l, i) => {
          const lo = num(l.min * node.weight);
          const hi = num(l.max * node.weight);
          const fallback = rule.fallback === 'upper' ? hi : lo;
          const cond = i === 0 ? `${c('level')} <= 0` : i === last ? 'TRUE' : `round(${c('level')}) = ${i}`;
          return `WHEN ${cond} THEN (CASE WHEN ${c('score')} IS NULL THEN ${fallback} ELSE LEAST(GREATEST(${c('score')}, ${lo}), ${hi}) END)`;
        })
        .join(' ');
      return `(CASE ${whens} END)`;
    }
    case 'banded': {
      if (rule.basis === 'ratio' || rule.interpolate) throw new Error('value bands only');
      const whens = [...rule.bands]
        .reverse()
        .map((b) => `WHEN ${c('actual')} >= ${num(b.from)} THEN ${num(b.points)}`)
        .join(' ');
      return `LEAST(CASE ${whens} ELSE 0.0 END, ${w})`;
    }
    case 'deduction':
    case 'bonus': {
      const raw = rule.perUnit === undefined ? c('count') : `${c('count')} * ${num(rule.perUnit)}`;
      const capped = `LEAST(GREATEST(${raw}, 0.0), ${w})`;
      return rule.kind === 'deduction' ? `(-${capped})` : capped;
    }
    case 'formula': {
      const body = formulaSql(jsep(rule.expression), (name) => (name === 'weight' ? w : c(name)));
      return `LEAST(GREATEST(${body}, 0.0), ${w})`;
    }
    default:
      throw new Error(`rule ${rule.kind} is not in the SQL route`);
  }
}

const FN: Record<string, string> = {
  min: 'LEAST',
  max: 'GREATEST',
  abs: 'abs',
  sqrt: 'sqrt',
  floor: 'floor',
  ceil: 'ceil',
};

function formulaSql(node: jsep.Expression, name: (n: string) => string): string {
  switch (node.type) {
    case 'Literal':
      return num(Number((node as jsep.Literal).value));
    case 'Identifier':
      return name((node as jsep.Identifier).name);
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      const op = b.operator === '^' ? '^' : b.operator;
      return `(${formulaSql(b.left, name)} ${op} ${formulaSql(b.right, name)})`;
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      return `(${u.operator}${formulaSql(u.argument, name)})`;
    }
    case 'CallExpression': {
      const call = node as jsep.CallExpression;
      const fn = FN[(call.callee as jsep.Identifier).name];
      if (!fn) throw new Error('function not in the SQL route');
      return `${fn}(${call.arguments.map((a) => formulaSql(a, name)).join(', ')})`;
    }
    default:
      throw new Error(`${node.type} not in the SQL route`);
  }
}
