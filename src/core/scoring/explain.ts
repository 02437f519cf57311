import type { LeafKind } from '../indicators/types.ts';
import { round } from '../kernel/index.ts';
import type { EvaluationPlan, PlanNode } from './compile-template.ts';
import { gradeFor, type GradeBand, type GradeScheme } from './grades.ts';
import { peerContext, scoreRange, type Batch } from './score-batch.ts';

/**
 * Every score explains itself: for each node the inputs, the rule, the points, and why points were lost.
 * Built for one subject on demand from the batch it was scored in (so relative indicators see their peers).
 */

export interface Text {
  readonly zh: string;
  readonly en: string;
}

export interface InputValue {
  readonly key: string;
  readonly name: string;
  readonly label: string;
  readonly labelEn: string;
  /** null: no value (the indicator does not apply, or an optional input was left empty). */
  readonly value: number | null;
}

export interface NodeExplanation {
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly type: 'leaf' | 'group';
  readonly kind?: LeafKind;
  readonly category: 'base' | 'deduction' | 'bonus';
  /** 分值 (or the allowance of a deduction/bonus). */
  readonly weight: number;
  readonly points: number;
  /** Points lost against the weight (base nodes) or taken (deductions). */
  readonly lost: number;
  readonly applicable: boolean;
  readonly inputs: readonly InputValue[];
  /** The rule in words. */
  readonly rule: Text;
  /** The computation with this subject's numbers. */
  readonly computation: Text;
  /** Why points were lost (empty when none were). */
  readonly reasons: readonly Text[];
  readonly children?: readonly NodeExplanation[];
}

export interface SubjectExplanation {
  readonly total: number;
  readonly grade: GradeBand | null;
  readonly maxScore: number;
  /** Sum of the base indicators before re-scaling. */
  readonly base: number;
  /** Bonuses minus deductions. */
  readonly adjustments: number;
  /** Weight of base indicators that did not apply (dropped and re-scaled). */
  readonly notApplicableWeight: number;
  readonly nodes: readonly NodeExplanation[];
  readonly notes: readonly Text[];
}

const f2 = (x: number): string => {
  const r = round(x, 2);
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
};
const pct = (x: number): string => `${round(x * 100, 1)}%`;

const RULE_TEXT: Record<LeafKind, Text> = {
  positive: {
    zh: '正向指标：实际完成值≥年度指标值得满分，否则得分＝实际完成值÷年度指标值×分值',
    en: 'Positive: full points when actual ≥ target, otherwise actual ÷ target × weight',
  },
  reverse: {
    zh: '反向指标：实际完成值≤年度指标值得满分，否则得分＝年度指标值÷实际完成值×分值',
    en: 'Reverse: full points when actual ≤ target, otherwise target ÷ actual × weight',
  },
  equality: {
    zh: '等于型指标：目标值大于0时按正向指标计分；目标值为0时实际值不大于0得满分，否则不得分',
    en: 'Equality: scored as positive when the target is above 0; with target 0, full points only when actual ≤ 0',
  },
  qualitative: {
    zh: '定性指标：达成年度指标得分在分值的80%–100%，部分达成在60%–80%，未达成在0–60%',
    en: 'Qualitative: achieved 80–100% of the weight, partly achieved 60–80%, not achieved 0–60%',
  },
  banded: { zh: '分档计分：按实际值所在区间得分', en: 'Banded: points by the band the value falls in' },
  deduction: {
    zh: '减分项：按发生次数（数量）扣分，扣完为止',
    en: 'Deduction: points per occurrence, capped',
  },
  bonus: { zh: '加分项：按次数（数量）加分，不超过上限', en: 'Bonus: points per occurrence, capped' },
  formula: { zh: '公式计分', en: 'Formula' },
  relative: { zh: '相对评价：与同组评价对象比较计分', en: 'Relative: scored against the peer group' },
};

/** Explains subject i of a batch; the batch's other subjects matter only to relative indicators. */
export function explainSubject(
  plan: EvaluationPlan,
  batch: Batch,
  i: number,
  scheme?: GradeScheme,
): SubjectExplanation {
  const scores = scoreRange(
    plan,
    batch,
    i,
    i + 1,
    plan.nodes.map(() => true),
  );
  const value = (key: string): number | null => {
    const c = batch.columns.get(key);
    const v = c ? c[i]! : NaN;
    return v === v ? v : null;
  };
  const pointsOf = (node: PlanNode) => scores.points[node.index]![0]!;

  const explainNode = (node: PlanNode): NodeExplanation => {
    const points = pointsOf(node);
    const common = {
      code: node.code,
      name: node.name,
      ...(node.nameEn ? { nameEn: node.nameEn } : {}),
      type: node.type,
      category: node.category,
      weight: node.weight,
      points,
    };
    if (node.type === 'group') {
      const children = node.children.map((c) => explainNode(plan.nodes[c]!));
      const applicable = children.some((c) => c.applicable);
      const reasons: Text[] = [];
      if (node.factor !== 1) {
        reasons.push({
          zh: `下级指标得分按 ${f2(node.weight)}÷${f2(node.weight / node.factor)} 折算`,
          en: `children's points re-scaled by ${f2(node.weight)}/${f2(node.weight / node.factor)}`,
        });
      }
      const childSum = children.reduce((s, c) => s + c.points, 0) * node.factor;
      if (node.category !== 'base' && Math.abs(childSum - points) > 1e-9) {
        reasons.push({
          zh: `合计 ${f2(Math.abs(childSum))} 分，超过上限 ${f2(node.weight)} 分，按上限计`,
          en: `total ${f2(Math.abs(childSum))} exceeds the cap ${f2(node.weight)}`,
        });
      }
      const lost = node.category === 'base' ? Math.max(0, node.weight - points) : Math.abs(points);
      return {
        ...common,
        lost,
        applicable,
        inputs: [],
        rule: {
          zh:
            node.category === 'base'
              ? '下级指标得分之和'
              : `下级${node.category === 'deduction' ? '减' : '加'}分项合计，以 ${f2(node.weight)} 分为限`,
          en:
            node.category === 'base'
              ? 'Sum of the children'
              : `Sum of the items, capped at ${f2(node.weight)}`,
        },
        computation: {
          zh: `${children.map((c) => f2(c.points)).join(' + ') || '0'}${node.factor !== 1 ? ` × ${f2(node.factor)}` : ''} = ${f2(points)}`,
          en: `${children.map((c) => f2(c.points)).join(' + ') || '0'}${node.factor !== 1 ? ` × ${f2(node.factor)}` : ''} = ${f2(points)}`,
        },
        reasons,
        children,
      };
    }
    const leaf = node.leaf!;
    const inputs: InputValue[] = leaf.inputs.map((s) => ({
      key: s.key,
      name: s.name,
      label: s.label,
      labelEn: s.labelEn,
      value: value(s.key),
    }));
    const applicable = !leaf.inputs.some((s) => !s.optional && value(s.key) === null);
    const { computation, reasons, rule } = describeLeaf(batch, node, i, inputs, points, applicable);
    const lost = !applicable
      ? 0
      : node.category === 'base'
        ? Math.max(0, node.weight - points)
        : Math.abs(points);
    return { ...common, kind: leaf.kind, lost, applicable, inputs, rule, computation, reasons };
  };

  const nodes = plan.roots.map((r) => explainNode(plan.nodes[r]!));
  const naw = scores.notApplicableWeight ? scores.notApplicableWeight[0]! : 0;
  let adjustments = 0;
  for (const node of plan.nodes) if (node.topAdjustment) adjustments += pointsOf(node) * node.pathFactor;
  const rootSum = plan.roots.reduce((s, r) => s + pointsOf(plan.nodes[r]!), 0);
  const base = rootSum - adjustments;
  const total = scores.totals[0]!;
  const notes: Text[] = [];
  if (naw > 0) {
    notes.push({
      zh: `有 ${f2(naw)} 分的指标不适用，已剔除；基础得分 ${f2(base)} 按 ${f2(plan.maxScore)}÷${f2(plan.maxScore - naw)} 折算为 ${f2(plan.maxScore - naw > 0 ? (base * plan.maxScore) / (plan.maxScore - naw) : 0)}`,
      en: `Indicators worth ${f2(naw)} do not apply and were dropped; the base ${f2(base)} is re-scaled by ${f2(plan.maxScore)}/${f2(plan.maxScore - naw)}`,
    });
  }
  if (adjustments !== 0) {
    notes.push({
      zh: `加减分合计 ${adjustments > 0 ? '+' : ''}${f2(adjustments)} 分，在基础得分之后计入`,
      en: `Bonuses and deductions ${adjustments > 0 ? '+' : ''}${f2(adjustments)}, applied after the base score`,
    });
  }
  const unclamped =
    (naw > 0 && plan.maxScore - naw > 1e-9
      ? (base * plan.maxScore) / (plan.maxScore - naw)
      : naw > 0
        ? 0
        : base) + adjustments;
  if (unclamped < 0) notes.push({ zh: '总分不低于0分', en: 'The total is never below 0' });
  return {
    total,
    grade: scheme ? gradeFor(scheme, total) : null,
    maxScore: plan.maxScore,
    base,
    adjustments,
    notApplicableWeight: naw,
    nodes,
    notes,
  };
}

function describeLeaf(
  batch: Batch,
  node: PlanNode,
  i: number,
  inputs: readonly InputValue[],
  points: number,
  applicable: boolean,
): { rule: Text; computation: Text; reasons: Text[] } {
  const leaf = node.leaf!;
  const rule = leaf.rule;
  const w = node.weight;
  const get = (name: string) => inputs.find((x) => x.name === name)?.value ?? null;
  const reasons: Text[] = [];
  let ruleText = RULE_TEXT[leaf.kind];
  if (!applicable) {
    return {
      rule: ruleText,
      computation: {
        zh: '未填报数值，视为不适用，已剔除并折算',
        en: 'No value: not applicable, dropped and re-scaled',
      },
      reasons: [],
    };
  }
  let computation: Text = { zh: `得分 ${f2(points)}`, en: `points ${f2(points)}` };
  switch (rule.kind) {
    case 'positive':
    case 'reverse':
    case 'equality': {
      const b = get('actual')!;
      const a = rule.target ?? get('target')!;
      if (rule.kind === 'reverse' && rule.method === 'linear') {
        ruleText = {
          zh: '反向指标（线性）：实际完成值≤年度指标值得满分，否则得分＝分值×(1−(实际−目标)÷目标)，超过目标一倍不得分',
          en: 'Reverse (linear): full points when actual ≤ target, otherwise w × (1 − (actual − target)/target)',
        };
      }
      const met = rule.kind === 'reverse' ? b <= a : rule.kind === 'equality' && a === 0 ? b <= 0 : b >= a;
      if (met) {
        computation = {
          zh: `实际完成值 ${f2(b)} ${rule.kind === 'reverse' || (rule.kind === 'equality' && a === 0) ? '≤' : '≥'} 年度指标值 ${f2(a)}，得满分 ${f2(w)}`,
          en: `actual ${f2(b)} meets target ${f2(a)}: full ${f2(w)}`,
        };
      } else {
        const expr =
          rule.kind === 'reverse'
            ? rule.method === 'linear'
              ? `${f2(w)}×(1−(${f2(b)}−${f2(a)})÷${f2(a)})`
              : `${f2(a)}÷${f2(b)}×${f2(w)}`
            : a > 0
              ? `${f2(b)}÷${f2(a)}×${f2(w)}`
              : '0';
        computation = {
          zh: `实际完成值 ${f2(b)} 未达年度指标值 ${f2(a)}，得分 = ${expr} = ${f2(points)}`,
          en: `actual ${f2(b)} misses target ${f2(a)}: ${expr} = ${f2(points)}`,
        };
        const gap = a !== 0 ? Math.abs(b - a) / Math.abs(a) : null;
        reasons.push({
          zh: `${rule.kind === 'reverse' ? '超出' : '低于'}年度指标值${gap !== null ? ` ${pct(gap)}` : ''}，扣 ${f2(w - points)} 分`,
          en: `${rule.kind === 'reverse' ? 'above' : 'below'} target${gap !== null ? ` by ${pct(gap)}` : ''}: −${f2(w - points)}`,
        });
      }
      break;
    }
    case 'qualitative': {
      const levels = leaf.levels!;
      const l = get('level')!;
      const li = l <= 0 ? 0 : l >= levels.length - 1 ? levels.length - 1 : Math.round(l);
      const level = levels[li]!;
      const s = get('score');
      const lo = level.min * w;
      const hi = level.max * w;
      computation = {
        zh: `评价等级“${level.label}”，得分区间 ${f2(lo)}–${f2(hi)}；${s === null ? `未给出评价得分，取区间${rule.fallback === 'upper' ? '上' : '下'}限` : s < lo || s > hi ? `评价得分 ${f2(s)} 超出区间，按区间边界计` : `评价得分 ${f2(s)}`}，得 ${f2(points)} 分`,
        en: `level "${level.labelEn ?? level.label}", band ${f2(lo)}–${f2(hi)}; ${s === null ? 'no score given, band edge used' : `score ${f2(s)}`}: ${f2(points)}`,
      };
      if (points < w) {
        reasons.push({
          zh: `评价等级为“${level.label}”，扣 ${f2(w - points)} 分`,
          en: `level "${level.labelEn ?? level.label}": −${f2(w - points)}`,
        });
      }
      break;
    }
    case 'banded': {
      const v = get('actual')!;
      const ratio = rule.basis === 'ratio';
      const a = rule.target ?? get('target');
      const x = ratio && a !== null ? v / a : v;
      const bands = rule.bands
        .map((b) => `${ratio ? pct(b.from) : f2(b.from)}起${f2(b.points)}分`)
        .join('，');
      ruleText = {
        zh: `分档计分（${ratio ? '按完成比例' : '按实际值'}${rule.interpolate ? '，档间线性插值' : ''}）：${bands}`,
        en: `Banded (${ratio ? 'ratio to target' : 'value'}${rule.interpolate ? ', interpolated' : ''})`,
      };
      computation = {
        zh: `${ratio ? `完成比例 ${pct(x)}` : `实际值 ${f2(x)}`}，得 ${f2(points)} 分`,
        en: `${ratio ? `ratio ${pct(x)}` : `value ${f2(x)}`}: ${f2(points)}`,
      };
      if (points < w)
        reasons.push({
          zh: `所在档次得 ${f2(points)} 分，扣 ${f2(w - points)} 分`,
          en: `band gives ${f2(points)}`,
        });
      break;
    }
    case 'deduction':
    case 'bonus': {
      const c = get('count')!;
      const raw = rule.perUnit === undefined ? c : c * rule.perUnit;
      const word = rule.kind === 'deduction' ? '扣' : '加';
      computation = {
        zh: `${rule.perUnit === undefined ? `${word}分 ${f2(c)}` : `${f2(c)} 次 × ${f2(rule.perUnit)} 分 = ${f2(raw)}`}${Math.abs(points) < raw - 1e-9 ? `，以 ${f2(w)} 分为限` : ''}，${word} ${f2(Math.abs(points))} 分`,
        en: `${rule.perUnit === undefined ? f2(c) : `${f2(c)} × ${f2(rule.perUnit)}`}, capped at ${f2(w)}: ${f2(points)}`,
      };
      if (rule.kind === 'deduction' && points < 0) {
        reasons.push({ zh: `发生减分事项，扣 ${f2(-points)} 分`, en: `deduction items: −${f2(-points)}` });
      }
      break;
    }
    case 'formula': {
      const vars = inputs.map((x) => `${x.name}=${x.value === null ? '空' : f2(x.value)}`).join('，');
      const raw = leaf.formula!.evaluateOne(inputs.map((x) => x.value ?? NaN));
      ruleText = {
        zh: `公式计分：${rule.expression}（结果限定在 0–${f2(w)}）`,
        en: `Formula: ${rule.expression}`,
      };
      computation = {
        zh: `${vars}，weight=${f2(w)}；公式结果 ${Number.isFinite(raw) ? f2(raw) : '无效'}${Number.isFinite(raw) && (raw > w || raw < 0) ? `，限定为 ${f2(points)}` : ''}，得 ${f2(points)} 分`,
        en: `${vars}, weight=${f2(w)}; result ${Number.isFinite(raw) ? f2(raw) : 'invalid'}: ${f2(points)}`,
      };
      if (!Number.isFinite(raw))
        reasons.push({
          zh: '公式结果无效（如除以0），按0分计',
          en: 'formula result invalid (e.g. division by zero): 0',
        });
      else if (points < w)
        reasons.push({
          zh: `公式得分 ${f2(points)}，扣 ${f2(w - points)} 分`,
          en: `formula gives ${f2(points)}`,
        });
      break;
    }
    case 'relative': {
      const values = batch.columns.get(`${node.code}.actual`)!;
      const better = rule.better ?? 'higher';
      const ctx = peerContext(values, batch.n, better);
      const v = get('actual')!;
      computation =
        rule.method === 'rank'
          ? {
              zh: `在 ${ctx.count} 个评价对象中排第 ${ctx.ranks[i]} 名，得分 = ${f2(w)}×(${ctx.count}−${ctx.ranks[i]})÷(${ctx.count}−1) = ${f2(points)}`,
              en: `rank ${ctx.ranks[i]} of ${ctx.count}: ${f2(points)}`,
            }
          : {
              zh: `实际值 ${f2(v)}，同组平均值 ${f2(ctx.mean)}，得 ${f2(points)} 分`,
              en: `value ${f2(v)}, peer mean ${f2(ctx.mean)}: ${f2(points)}`,
            };
      ruleText =
        rule.method === 'rank'
          ? {
              zh: `相对评价（按排名${better === 'higher' ? '，越高越好' : '，越低越好'}）`,
              en: 'Relative by rank',
            }
          : {
              zh: `相对评价（与同组平均值比较${better === 'higher' ? '，越高越好' : '，越低越好'}）`,
              en: 'Relative to the peer mean',
            };
      if (points < w)
        reasons.push({ zh: `与同组比较扣 ${f2(w - points)} 分`, en: `peer comparison: −${f2(w - points)}` });
      break;
    }
  }
  return { rule: ruleText, computation, reasons };
}
