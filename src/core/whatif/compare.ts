/**
 * Baseline against scenario (情景模拟的对比): per subject the change of total, grade (in steps, + = better),
 * rank (+ = moved up) and proposed amount; and the summary officials ask for first — how many moved up or
 * down a grade, how ranks moved, the money before and after by grade, and the grade → grade transition
 * matrix. Columns in, columns out; no strings per subject.
 */
import { INCOMPLETE, NO_GRADE, type GradeLegend, type Outcome } from './outcome.ts';

/** What changed for a subject (bits of `Comparison.changed`). */
export const CHANGED_TOTAL = 1;
export const CHANGED_GRADE = 2;
export const CHANGED_RANK = 4;
export const CHANGED_AMOUNT = 8;

/** Totals closer than this count as unchanged (they print alike with two decimals). */
const TOTAL_EPSILON = 0.005;

export interface GradeAmounts {
  readonly code: string;
  /** Subjects with this grade on each side. */
  readonly baselineCount: number;
  readonly scenarioCount: number;
  /** Sum of the proposed changes (fen) of the subjects with this grade on each side. */
  readonly baselineFen: number;
  readonly scenarioFen: number;
}

export interface ComparisonSummary {
  readonly subjects: number;
  readonly graded: { readonly baseline: number; readonly scenario: number };
  readonly gradeUp: number;
  readonly gradeDown: number;
  readonly gradeSame: number;
  /** Graded on one side only (inputs a scenario no longer needs, or newly missing). */
  readonly gradedOnOneSide: number;
  readonly rankUp: number;
  readonly rankDown: number;
  readonly rankSame: number;
  /** Largest rise and fall in places (both ≥ 0). */
  readonly maxRankRise: number;
  readonly maxRankFall: number;
  readonly totalChanged: number;
  /** Mean change of the totals over the subjects graded on both sides (null when none). */
  readonly meanTotalDelta: number | null;
  readonly amountChanged: number;
  readonly baselineFen: number;
  readonly scenarioFen: number;
  /** Per grade code of the legend (then 'incomplete' when present): counts and money on each side. */
  readonly byGrade: readonly GradeAmounts[];
  /** Grade → grade: `counts[from][to]` over `codes` (the legend's codes, then 'incomplete'). */
  readonly transitions: {
    readonly codes: readonly string[];
    readonly counts: readonly (readonly number[])[];
  };
  /** How many subjects moved by how many grade steps (+ = better), for subjects graded on both sides. */
  readonly gradeMoves: readonly { readonly steps: number; readonly count: number }[];
}

export interface Comparison {
  readonly n: number;
  /** scenario total − baseline total. */
  readonly totalDelta: Float64Array;
  /** Grade steps, + = better; 0 when graded on one side only. */
  readonly gradeSteps: Int8Array;
  /** baseline rank − scenario rank (+ = moved up); 0 when unranked on either side. */
  readonly rankDelta: Int32Array;
  /** scenario amount − baseline amount (fen). */
  readonly amountDelta: Float64Array;
  /** CHANGED_* bits. */
  readonly changed: Uint8Array;
  readonly summary: ComparisonSummary;
}

export function compareOutcomes(
  legend: GradeLegend,
  baseline: Outcome,
  scenario: Outcome,
  baselineFen: Float64Array | null,
  scenarioFen: Float64Array | null,
): Comparison {
  const n = baseline.n;
  if (scenario.n !== n) throw new Error('the two sides have different subjects');
  const G = legend.entries.length;
  const slots = G + 1; // + incomplete
  const slot = (g: number) => (g === NO_GRADE ? G : g);
  const counts = new Int32Array(slots * slots);
  const bCount = new Float64Array(slots);
  const sCount = new Float64Array(slots);
  const bMoney = new Float64Array(slots);
  const sMoney = new Float64Array(slots);
  // grade steps lie in (−255, 255): counted at steps + 255
  const moves = new Int32Array(511);

  const totalDelta = new Float64Array(n);
  const gradeSteps = new Int8Array(n);
  const rankDelta = new Int32Array(n);
  const amountDelta = new Float64Array(n);
  const changed = new Uint8Array(n);

  let gradedB = 0;
  let gradedS = 0;
  let up = 0;
  let down = 0;
  let same = 0;
  let oneSide = 0;
  let rankUp = 0;
  let rankDown = 0;
  let rankSame = 0;
  let maxRise = 0;
  let maxFall = 0;
  let totalChanged = 0;
  let deltaSum = 0;
  let deltaN = 0;
  let amountChanged = 0;
  let bFen = 0;
  let sFen = 0;

  for (let i = 0; i < n; i++) {
    const gb = baseline.grades[i]!;
    const gs = scenario.grades[i]!;
    const td = scenario.totals[i]! - baseline.totals[i]!;
    totalDelta[i] = td;
    let c = 0;
    if (Math.abs(td) >= TOTAL_EPSILON) {
      c |= CHANGED_TOTAL;
      totalChanged++;
    }
    if (gb !== NO_GRADE) gradedB++;
    if (gs !== NO_GRADE) gradedS++;
    counts[slot(gb) * slots + slot(gs)]!++;
    bCount[slot(gb)]!++;
    sCount[slot(gs)]!++;
    if (gb !== NO_GRADE && gs !== NO_GRADE) {
      deltaSum += td;
      deltaN++;
      // the legend lists grades best first: a smaller index is a better grade
      const steps = gb - gs;
      gradeSteps[i] = steps;
      if (steps > 0) up++;
      else if (steps < 0) down++;
      else same++;
      if (steps !== 0) {
        c |= CHANGED_GRADE;
        moves[steps + 255]!++;
      }
    } else if (gb !== gs) {
      oneSide++;
      c |= CHANGED_GRADE;
    }
    const rb = baseline.ranks[i]!;
    const rs = scenario.ranks[i]!;
    if (rb > 0 && rs > 0) {
      const rd = rb - rs;
      rankDelta[i] = rd;
      if (rd > 0) {
        rankUp++;
        if (rd > maxRise) maxRise = rd;
      } else if (rd < 0) {
        rankDown++;
        if (-rd > maxFall) maxFall = -rd;
      } else rankSame++;
      if (rd !== 0) c |= CHANGED_RANK;
    } else if (rb !== rs) c |= CHANGED_RANK;
    const ab = baselineFen ? baselineFen[i]! : 0;
    const as = scenarioFen ? scenarioFen[i]! : 0;
    const ad = as - ab;
    amountDelta[i] = ad;
    if (ad !== 0) {
      c |= CHANGED_AMOUNT;
      amountChanged++;
    }
    bFen += ab;
    sFen += as;
    bMoney[slot(gb)]! += ab;
    sMoney[slot(gs)]! += as;
    changed[i] = c;
  }

  const codes = [...legend.entries.map((e) => e.code), INCOMPLETE];
  const present = (k: number) => k < G || bCount[k]! > 0 || sCount[k]! > 0;
  const keep = codes.map((_c, k) => k).filter(present);
  return {
    n,
    totalDelta,
    gradeSteps,
    rankDelta,
    amountDelta,
    changed,
    summary: {
      subjects: n,
      graded: { baseline: gradedB, scenario: gradedS },
      gradeUp: up,
      gradeDown: down,
      gradeSame: same,
      gradedOnOneSide: oneSide,
      rankUp,
      rankDown,
      rankSame,
      maxRankRise: maxRise,
      maxRankFall: maxFall,
      totalChanged,
      meanTotalDelta: deltaN > 0 ? deltaSum / deltaN : null,
      amountChanged,
      baselineFen: bFen,
      scenarioFen: sFen,
      byGrade: keep.map((k) => ({
        code: codes[k]!,
        baselineCount: bCount[k]!,
        scenarioCount: sCount[k]!,
        baselineFen: bMoney[k]!,
        scenarioFen: sMoney[k]!,
      })),
      transitions: {
        codes: keep.map((k) => codes[k]!),
        counts: keep.map((from) => keep.map((to) => counts[from * slots + to]!)),
      },
      gradeMoves: [...moves]
        .map((count, k) => ({ steps: k - 255, count }))
        .filter((m) => m.count > 0)
        .reverse(),
    },
  };
}
