/**
 * Input values (评分数据) of a compiled plan: what each input means, how it is checked when entered or
 * imported, how a qualitative level is written, and what a subject still lacks before it can be scored.
 *
 * Policy on values that are not there (docs/decisions/0005-scoring-runs.md):
 * - a value stored as null is a deliberate 不适用 (not applicable): the base leaf is dropped and the total
 *   re-scaled to the full score (DOMAIN.md §2). Deductions and bonuses cannot be 不适用 (none = 0);
 * - a deduction or bonus count with no value counts as 0 occurrences;
 * - an optional input (the evaluator's score of a qualitative leaf) may stay empty;
 * - any other required input with no value makes the subject incomplete: it is listed with what is
 *   missing and is not graded or ranked until the value is entered or marked 不适用.
 */
import type { QualitativeLevel, Rule } from '../indicators/types.ts';
import type { EvaluationPlan, PlanNode } from './compile-template.ts';
import type { Text } from './explain.ts';

const f2 = (x: number): string => {
  const r = Math.round(x * 100) / 100;
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
};

/** The short form of a level label, as officials write it: 达成年度指标 → 达成, 部分达成年度指标… → 部分达成. */
export function shortLevelLabel(level: QualitativeLevel): string {
  const short = level.label.replace(/年度指标.*$/u, '').trim();
  return short.length > 0 ? short : level.label;
}

/** The level index of a written label (full, short or English, spaces ignored); null when none matches. */
export function parseLevel(text: string, levels: readonly QualitativeLevel[]): number | null {
  const t = text.replace(/\s+/gu, '').toLowerCase();
  if (t === '') return null;
  const norm = (s: string) => s.replace(/\s+/gu, '').toLowerCase();
  let i = levels.findIndex((l) => norm(l.label) === t || norm(shortLevelLabel(l)) === t);
  if (i < 0) i = levels.findIndex((l) => l.labelEn !== undefined && norm(l.labelEn) === t);
  return i < 0 ? null : i;
}

export interface InputMeta {
  readonly key: string;
  readonly leafCode: string;
  readonly name: string;
  readonly label: string;
  readonly labelEn: string;
  readonly optional: boolean;
  /** Unit shown beside the value: the leaf's unit for actual/target, 分 for scores, 次 for counts. */
  readonly unit: string | null;
  /** How the value is written. */
  readonly format: 'number' | 'level' | 'count' | 'score';
  /** May the value be marked 不适用 (base leaves only). */
  readonly notApplicableAllowed: boolean;
  /** Level labels (format 'level'). */
  readonly levels: readonly QualitativeLevel[] | null;
}

function unitOf(format: InputMeta['format'], rule: Rule, leafUnit: string | null): string | null {
  if (format === 'score') return '分';
  if (format === 'level') return null;
  if (format === 'count' && (rule.kind === 'deduction' || rule.kind === 'bonus')) {
    return rule.perUnit === undefined ? '分' : (leafUnit ?? '次');
  }
  return leafUnit;
}

/** Every input of the plan with what the forms and the Excel template need to know. */
export function inputMetas(plan: EvaluationPlan): InputMeta[] {
  const out: InputMeta[] = [];
  for (const li of plan.leaves) {
    const node = plan.nodes[li]!;
    const leaf = node.leaf!;
    for (const s of leaf.inputs) {
      const format: InputMeta['format'] =
        s.name === 'level' && leaf.kind === 'qualitative'
          ? 'level'
          : s.name === 'score' && leaf.kind === 'qualitative'
            ? 'score'
            : s.name === 'count' && (leaf.kind === 'deduction' || leaf.kind === 'bonus')
              ? 'count'
              : 'number';
      const unitOfLeaf = node.source.type === 'leaf' ? (node.source.unit ?? null) : null;
      out.push({
        key: s.key,
        leafCode: s.leafCode,
        name: s.name,
        label: s.label,
        labelEn: s.labelEn,
        optional: s.optional,
        unit: unitOf(format, leaf.rule, unitOfLeaf),
        format,
        notApplicableAllowed: node.category === 'base' && !s.optional,
        levels: format === 'level' ? (leaf.levels ?? null) : null,
      });
    }
  }
  return out;
}

/**
 * Checks one value of a subject. `levelOf` gives the subject's level on the same leaf (for a score, which
 * must lie inside its level's band). Returns the problem, or null when the value is acceptable.
 */
export function checkInputValue(
  plan: EvaluationPlan,
  meta: InputMeta,
  value: number | null,
  levelOf: (leafCode: string) => number | null | undefined,
): Text | null {
  const node = plan.nodes[plan.byCode.get(meta.leafCode)!]!;
  if (value === null) {
    if (meta.optional) return null;
    return meta.notApplicableAllowed
      ? null
      : {
          zh: `${node.category === 'deduction' ? '减分项' : '加分项'}不能填“不适用”，未发生请填0`,
          en: 'A deduction or bonus cannot be "not applicable"; enter 0 when nothing happened',
        };
  }
  if (!Number.isFinite(value)) return { zh: '不是有效的数字', en: 'not a valid number' };
  switch (meta.format) {
    case 'count':
      return value < 0 ? { zh: '次数（分数）不能为负数', en: 'the count cannot be negative' } : null;
    case 'level': {
      const n = meta.levels?.length ?? 0;
      if (!Number.isInteger(value) || value < 0 || value >= n) {
        return {
          zh: `评价等级只能是：${(meta.levels ?? []).map(shortLevelLabel).join('、')}`,
          en: `the level must be one of: ${(meta.levels ?? []).map((l) => l.labelEn ?? l.label).join(', ')}`,
        };
      }
      return null;
    }
    case 'score': {
      const w = node.weight;
      if (value < 0 || value > w + 1e-9) {
        return { zh: `评价得分应在0至${f2(w)}分之间`, en: `the score must lie between 0 and ${f2(w)}` };
      }
      const level = levelOf(meta.leafCode);
      const levels = node.leaf!.levels!;
      if (level === null || level === undefined) {
        return { zh: '填写评价得分前须先选定评价等级', en: 'choose the level before giving a score' };
      }
      const band = levels[level];
      if (!band) return null;
      const lo = band.min * w;
      const hi = band.max * w;
      if (value < lo - 1e-9 || value > hi + 1e-9) {
        return {
          zh: `评价等级为“${shortLevelLabel(band)}”时，得分应在${f2(lo)}至${f2(hi)}分之间`,
          en: `with level "${band.labelEn ?? band.label}" the score must lie between ${f2(lo)} and ${f2(hi)}`,
        };
      }
      return null;
    }
    case 'number':
      return null;
  }
}

/**
 * What a subject lacks: the required inputs of base leaves with no stored value, leaving out leaves marked
 * 不适用 (any of their required inputs stored as null) and deductions/bonuses (none entered = 0).
 */
export function missingInputs(plan: EvaluationPlan, stored: ReadonlyMap<string, number | null>): string[] {
  const missing: string[] = [];
  for (const li of plan.leaves) {
    const node = plan.nodes[li]!;
    if (node.category !== 'base') continue;
    const required = node.leaf!.inputs.filter((s) => !s.optional);
    if (required.some((s) => stored.has(s.key) && stored.get(s.key) === null)) continue;
    for (const s of required) if (!stored.has(s.key)) missing.push(s.key);
  }
  return missing;
}

/** The rule of a leaf in words, with its targets, bands, levels or allowance (for forms and Excel). */
export function ruleInWords(node: PlanNode): Text {
  const leaf = node.leaf;
  if (!leaf) return { zh: '下级指标得分之和', en: 'Sum of the children' };
  const rule = leaf.rule;
  const w = f2(node.weight);
  const unit = node.source.type === 'leaf' && node.source.unit ? node.source.unit : '';
  const target = (t: number | undefined) =>
    t === undefined ? '年度指标值（按评价对象填报）' : `${f2(t)}${unit}`;
  const targetEn = (t: number | undefined) => (t === undefined ? "the subject's target" : `${f2(t)}${unit}`);
  switch (rule.kind) {
    case 'positive':
      return {
        zh: `正向指标（分值${w}分）：实际完成值≥${target(rule.target)}得满分，否则按实际完成值÷年度指标值×分值计分`,
        en: `Positive (${w} points): full points when actual ≥ ${targetEn(rule.target)}, otherwise actual ÷ target × weight`,
      };
    case 'reverse':
      return rule.method === 'linear'
        ? {
            zh: `反向指标（分值${w}分，线性扣分）：实际完成值≤${target(rule.target)}得满分，否则得分＝分值×(1−(实际−目标)÷目标)，达到目标2倍不得分`,
            en: `Reverse, linear (${w} points): full points when actual ≤ ${targetEn(rule.target)}, otherwise w × (1 − (actual − target)/target)`,
          }
        : {
            zh: `反向指标（分值${w}分）：实际完成值≤${target(rule.target)}得满分，否则按年度指标值÷实际完成值×分值计分`,
            en: `Reverse (${w} points): full points when actual ≤ ${targetEn(rule.target)}, otherwise target ÷ actual × weight`,
          };
    case 'equality':
      return {
        zh: `等于型指标（分值${w}分）：目标值为${target(rule.target)}；目标大于0时按正向指标计分，目标为0时实际值不大于0得满分、否则不得分`,
        en: `Equality (${w} points): target ${targetEn(rule.target)}; scored as positive when above 0, otherwise full points only when actual ≤ 0`,
      };
    case 'qualitative': {
      const levels = leaf.levels ?? [];
      return {
        zh: `定性指标（分值${w}分）：${levels
          .map((l) => `${shortLevelLabel(l)}得${f2(l.min * node.weight)}–${f2(l.max * node.weight)}分`)
          .join(
            '，',
          )}；评价得分须在所选等级的区间内，未给出得分时取区间${rule.fallback === 'upper' ? '上' : '下'}限`,
        en: `Qualitative (${w} points): ${levels
          .map((l) => `${l.labelEn ?? l.label} ${f2(l.min * node.weight)}–${f2(l.max * node.weight)}`)
          .join('; ')}`,
      };
    }
    case 'banded': {
      const ratio = rule.basis === 'ratio';
      const bands = rule.bands
        .map((b) => `${ratio ? `${f2(b.from * 100)}%` : `${f2(b.from)}${unit}`}起得${f2(b.points)}分`)
        .join('，');
      return {
        zh: `分档计分（分值${w}分，${ratio ? `按实际完成值÷${target(rule.target)}的比例` : '按实际值'}${rule.interpolate ? '，档间按线性插值' : ''}）：${bands}`,
        en: `Banded (${w} points, ${ratio ? 'by the ratio to target' : 'by value'}${rule.interpolate ? ', interpolated' : ''})`,
      };
    }
    case 'deduction':
      return rule.perUnit === undefined
        ? {
            zh: `减分项：按填报的扣分数扣分，最多扣${w}分`,
            en: `Deduction: the points entered, at most ${w}`,
          }
        : {
            zh: `减分项：每发生1${unit || '次'}扣${f2(rule.perUnit)}分，最多扣${w}分`,
            en: `Deduction: ${f2(rule.perUnit)} per occurrence, at most ${w}`,
          };
    case 'bonus':
      return rule.perUnit === undefined
        ? { zh: `加分项：按填报的加分数加分，最多加${w}分`, en: `Bonus: the points entered, at most ${w}` }
        : {
            zh: `加分项：每1${unit || '次'}加${f2(rule.perUnit)}分，最多加${w}分`,
            en: `Bonus: ${f2(rule.perUnit)} per occurrence, at most ${w}`,
          };
    case 'formula':
      return {
        zh: `公式计分（分值${w}分）：${rule.expression}，结果限定在0至${w}分`,
        en: `Formula (${w} points): ${rule.expression}, clamped to 0–${w}`,
      };
    case 'relative':
      return rule.method === 'rank'
        ? {
            zh: `相对评价（分值${w}分）：在参评对象中按排名计分（${rule.better === 'lower' ? '越低越好' : '越高越好'}），第1名得满分，最后1名得0分`,
            en: `Relative by rank (${w} points): first gets full points, last gets 0`,
          }
        : {
            zh: `相对评价（分值${w}分）：与参评对象平均值比较（${rule.better === 'lower' ? '不高于平均值得满分' : '不低于平均值得满分'}），否则按比例计分`,
            en: `Relative to the peer mean (${w} points)`,
          };
  }
}
