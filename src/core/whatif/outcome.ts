/**
 * One side of a what-if (情景模拟): every subject's total, grade and rank under one template, grade scheme
 * and set of inputs, as columns. Both sides of a comparison go through the same functions, so an unchanged
 * scenario equals its baseline bit for bit.
 *
 * Grades are indices into a dictionary of grade codes (`GradeLegend`), so that one side may grade
 * different subjects with different schemes (the self-evaluations of a province, each under its own
 * division's scheme) and the two sides may use different schemes (四档 against 五档).
 */
import { round } from '../kernel/index.ts';
import type { EvaluationPlan } from '../scoring/compile-template.ts';
import { gradeColumn, type GradeScheme } from '../scoring/grades.ts';
import { rankTotals, scoreBatch, ScoreWorkspace, type Batch } from '../scoring/score-batch.ts';

/** Grade index of a subject that is not graded (incomplete inputs). */
export const NO_GRADE = 255;
/** The grade code of NO_GRADE, as runs store it. */
export const INCOMPLETE = 'incomplete';

/** The usual order of grade codes, best first: used to say whether a subject moved up or down. */
export const CANONICAL_GRADE_ORDER: readonly string[] = ['excellent', 'good', 'fair', 'low', 'poor'];

export interface GradeEntry {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
  readonly color: string;
}

/** The grade codes one or both sides use, in display order (best first). */
export interface GradeLegend {
  readonly entries: readonly GradeEntry[];
  readonly index: ReadonlyMap<string, number>;
}

/**
 * The codes of the given schemes in one list, best first: the known codes in their usual order, then
 * unknown ones in the order their schemes list them. At most 254 codes.
 */
export function gradeLegend(schemes: readonly GradeScheme[]): GradeLegend {
  const seen = new Map<string, GradeEntry & { pos: number }>();
  let pos = 0;
  for (const s of schemes) {
    for (const b of s.bands) {
      if (!seen.has(b.code)) {
        seen.set(b.code, { code: b.code, label: b.label, labelEn: b.labelEn, color: b.color, pos: pos++ });
      }
    }
  }
  const canon = (code: string) => {
    const k = CANONICAL_GRADE_ORDER.indexOf(code);
    return k < 0 ? Infinity : k;
  };
  const list = [...seen.values()].sort((a, b) => canon(a.code) - canon(b.code) || a.pos - b.pos);
  if (list.length >= NO_GRADE) throw new Error('too many grade codes');
  const entries = list.map(({ code, label, labelEn, color }) => ({ code, label, labelEn, color }));
  return { entries, index: new Map(entries.map((e, i) => [e.code, i])) };
}

export interface Outcome {
  readonly n: number;
  /** Totals as scored (unrounded; never below 0). */
  readonly totals: Float64Array;
  /** Index into the legend's entries, or NO_GRADE. */
  readonly grades: Uint8Array;
  /** Competition rank among the graded subjects on the totals as printed (1 = best); 0 = not ranked. */
  readonly ranks: Int32Array;
}

/** The largest printed total (× 100) that ranks by counting rather than by sorting. */
const COUNTING_LIMIT = 10_000_000;

/**
 * Competition ranks of the graded subjects on their totals rounded to two decimals, as `scoreSubjects`
 * ranks them: 1 + the number of graded subjects with a higher printed total. Printed totals are whole
 * hundredths, so they are counted in one pass instead of sorted (linear in the subjects); totals outside
 * [0, 100,000] fall back to sorting.
 */
export function rankPrinted(totals: Float64Array, graded: Uint8Array): Int32Array {
  const n = totals.length;
  const ranks = new Int32Array(n);
  let max = 0;
  let ok = true;
  for (let i = 0; i < n; i++) {
    if (graded[i] === 0) continue;
    const t = totals[i]!;
    if (!(t >= 0) || t * 100 > COUNTING_LIMIT) {
      ok = false;
      break;
    }
    if (t > max) max = t;
  }
  if (!ok) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (graded[i] !== 0) idx.push(i);
    const r = rankTotals(Float64Array.from(idx, (i) => round(totals[i]!, 2)));
    idx.forEach((i, k) => (ranks[i] = r[k]!));
    return ranks;
  }
  // key = the printed total in hundredths: round(t, 2) × 100 for t ≥ 0 (see kernel `round`)
  const size = Math.round(max * 100 + 1e-9) + 2;
  const above = new Int32Array(size);
  for (let i = 0; i < n; i++) {
    if (graded[i] !== 0) above[Math.round(totals[i]! * 100 + 1e-9)]!++;
  }
  // above[k] = how many graded subjects print strictly more than k/100
  let acc = 0;
  for (let k = size - 1; k >= 0; k--) {
    const c = above[k]!;
    above[k] = acc;
    acc += c;
  }
  for (let i = 0; i < n; i++) {
    if (graded[i] !== 0) ranks[i] = above[Math.round(totals[i]! * 100 + 1e-9)]! + 1;
  }
  return ranks;
}

/**
 * Grades totals where subject i is graded by `schemes[schemeOf[i]]` (one pass per scheme), or not at all
 * when `complete[i]` is 0; ranks the graded ones. `ranks` may be passed when the caller already has them
 * for the same totals and completeness (regrading does not move ranks).
 */
export function gradeOutcome(
  totals: Float64Array,
  complete: Uint8Array,
  schemes: readonly GradeScheme[],
  schemeOf: Uint8Array | null,
  legend: GradeLegend,
  ranks?: Int32Array,
): Outcome {
  const n = totals.length;
  const grades = new Uint8Array(n).fill(NO_GRADE);
  schemes.forEach((scheme, s) => {
    const map = Uint8Array.from(scheme.bands, (b) => legend.index.get(b.code)!);
    const g = gradeColumn(scheme, totals, n);
    for (let i = 0; i < n; i++) {
      if (complete[i] !== 0 && (schemeOf === null || schemeOf[i] === s)) grades[i] = map[g[i]!]!;
    }
  });
  return { n, totals, grades, ranks: ranks ?? rankPrinted(totals, complete) };
}

/**
 * Scores one side of a scorecard what-if: the plan over the batch (totals only), graded with the scheme,
 * ranked among the complete subjects. The totals are copied out of the workspace, so one workspace may
 * serve both sides.
 */
export function scoreOutcome(
  plan: EvaluationPlan,
  scheme: GradeScheme,
  batch: Batch,
  complete: Uint8Array,
  legend: GradeLegend,
  workspace: ScoreWorkspace = new ScoreWorkspace(),
): Outcome {
  const scored = scoreBatch(plan, batch, { keep: 'totals', workspace });
  // The caller builds the batch from the plan's own inputs, so it is complete.
  if (!scored.ok) throw new Error(scored.error.message);
  const totals = Float64Array.from(scored.value.totals);
  return gradeOutcome(totals, complete, [scheme], null, legend);
}
