/**
 * One scoring run over many subjects (评分运行): stored input values → columns → the compiled plan →
 * totals, grades, ranks and every node's points, plus what each incomplete subject lacks and the averages a
 * portrait compares against. Pure: the service loads the values and stores what this returns.
 */
import { round } from '../kernel/index.ts';
import type { EvaluationPlan } from './compile-template.ts';
import { gradeColumn, type GradeScheme } from './grades.ts';
import { missingInputs } from './inputs.ts';
import { rankTotals, scoreBatch, type Batch } from './score-batch.ts';

/** Grade of a subject that lacks required inputs: not graded, not ranked. */
export const INCOMPLETE_GRADE = 'incomplete';

export interface SubjectValues {
  readonly subjectId: string;
  /** Stored values by input key; null = marked not applicable. Keys without a value are absent. */
  readonly values: ReadonlyMap<string, number | null>;
}

export interface ScoredSubject {
  readonly subjectId: string;
  readonly total: number;
  /** Band code of the scheme, or INCOMPLETE_GRADE. */
  readonly grade: string;
  /** Competition rank among the complete subjects (1 = best; equal totals share a rank); null if incomplete. */
  readonly rank: number | null;
  readonly nodePoints: Record<string, number>;
  /** The values scored (the snapshot kept with the result). */
  readonly inputs: Record<string, number | null>;
  readonly missing: readonly string[];
}

export interface RunSummary {
  readonly subjects: number;
  /** Complete subjects: graded and ranked. */
  readonly ranked: number;
  readonly incomplete: number;
  /** Subjects with at least one indicator marked not applicable. */
  readonly withNotApplicable: number;
  readonly maxScore: number;
  readonly gradeCounts: Record<string, number>;
  /** Averages over the ranked subjects: the total and every node's points (the peer average of portraits). */
  readonly averages: { readonly total: number | null; readonly nodes: Record<string, number> };
  readonly firstLevel: readonly {
    code: string;
    name: string;
    nameEn: string | null;
    weight: number;
    category: 'base' | 'deduction' | 'bonus';
  }[];
}

/** The batch a run scores: one column per plan input, NaN where no number is stored. */
export function batchFromValues(plan: EvaluationPlan, subjects: readonly SubjectValues[]): Batch {
  const n = subjects.length;
  const columns = new Map<string, Float64Array>();
  for (const spec of plan.inputs) {
    const c = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      const v = subjects[i]!.values.get(spec.key);
      if (typeof v === 'number' && Number.isFinite(v)) c[i] = v;
    }
    columns.set(spec.key, c);
  }
  return { n, columns };
}

export function scoreSubjects(
  plan: EvaluationPlan,
  scheme: GradeScheme,
  subjects: readonly SubjectValues[],
): { results: ScoredSubject[]; summary: RunSummary } {
  const n = subjects.length;
  const batch = batchFromValues(plan, subjects);
  const scored = scoreBatch(plan, batch, { keep: 'all' });
  // Every plan input has a column, so the batch is always complete.
  if (!scored.ok) throw new Error(scored.error.message);
  const { totals, points } = scored.value;
  const grades = gradeColumn(scheme, totals, n);

  const missing = subjects.map((s) => missingInputs(plan, s.values));
  const complete: number[] = [];
  for (let i = 0; i < n; i++) if (missing[i]!.length === 0) complete.push(i);
  // Rank on the totals as printed (two decimals), so that equal printed totals share a rank.
  const rounded = Float64Array.from(complete, (i) => round(totals[i]!, 2));
  const ranks = rankTotals(rounded);
  const rankOf = new Map<number, number>();
  complete.forEach((i, k) => rankOf.set(i, ranks[k]!));

  const gradeCounts: Record<string, number> = {};
  for (const band of scheme.bands) gradeCounts[band.code] = 0;
  const sums = new Float64Array(plan.nodes.length);
  let totalSum = 0;
  let withNotApplicable = 0;

  const results: ScoredSubject[] = subjects.map((s, i) => {
    const nodePoints: Record<string, number> = {};
    for (const node of plan.nodes) nodePoints[node.code] = points[node.index]![i]!;
    const inputs: Record<string, number | null> = {};
    for (const [k, v] of s.values) inputs[k] = v;
    if ([...s.values.values()].some((v) => v === null)) withNotApplicable++;
    const isComplete = missing[i]!.length === 0;
    const grade = isComplete ? scheme.bands[grades[i]!]!.code : INCOMPLETE_GRADE;
    if (isComplete) {
      gradeCounts[grade] = (gradeCounts[grade] ?? 0) + 1;
      totalSum += totals[i]!;
      for (const node of plan.nodes) sums[node.index] = sums[node.index]! + points[node.index]![i]!;
    }
    return {
      subjectId: s.subjectId,
      total: totals[i]!,
      grade,
      rank: rankOf.get(i) ?? null,
      nodePoints,
      inputs,
      missing: missing[i]!,
    };
  });

  const ranked = complete.length;
  const averages: Record<string, number> = {};
  if (ranked > 0) for (const node of plan.nodes) averages[node.code] = sums[node.index]! / ranked;
  return {
    results,
    summary: {
      subjects: n,
      ranked,
      incomplete: n - ranked,
      withNotApplicable,
      maxScore: plan.maxScore,
      gradeCounts,
      averages: { total: ranked > 0 ? totalSum / ranked : null, nodes: averages },
      firstLevel: plan.roots.map((r) => {
        const node = plan.nodes[r]!;
        return {
          code: node.code,
          name: node.name,
          nameEn: node.nameEn ?? null,
          weight: node.weight,
          category: node.category,
        };
      }),
    },
  };
}
