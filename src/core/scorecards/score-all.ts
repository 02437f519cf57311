/**
 * Scoring every scorecard of a year in one go (综合评价一键评分): the stored values of all subjects of all
 * template versions arrive as one list of rows; each version's rows become columns for its compiled plan,
 * scored in one batch through a reused ScoreWorkspace, then graded, ranked and summarised exactly as a
 * single run (`scoreSubjects`) does — same totals, grades, ranks, missing inputs and summary — so that a
 * run made here and a run made one template at a time cannot disagree. Pure: the service loads and stores.
 */
import { round } from '../kernel/index.ts';
import type { EvaluationPlan } from '../scoring/compile-template.ts';
import { gradeColumn, type GradeScheme } from '../scoring/grades.ts';
import { rankTotals, scoreBatch, ScoreWorkspace, type Batch } from '../scoring/score-batch.ts';
import { INCOMPLETE_GRADE, type RunSummary, type ScoredSubject } from '../scoring/score-subjects.ts';

/** One stored value: the subject's position in the version's subject list, the input key and the value
 * (null = marked 不适用). */
export interface ValueRow {
  readonly subject: number;
  readonly key: string;
  readonly value: number | null;
}

export interface VersionBatchInput {
  readonly plan: EvaluationPlan;
  readonly scheme: GradeScheme;
  readonly subjectIds: readonly string[];
  readonly rows: readonly ValueRow[];
}

export interface VersionBatchResult {
  readonly results: ScoredSubject[];
  readonly summary: RunSummary;
}

const STATE_NUMBER = 1;
const STATE_NULL = 2;

/**
 * Scores one version's subjects. `workspace` is reused between versions: the batch's columns are copied
 * into the results before the next version overwrites it.
 */
export function scoreVersionBatch(
  input: VersionBatchInput,
  workspace: ScoreWorkspace = new ScoreWorkspace(),
): VersionBatchResult {
  const { plan, scheme, subjectIds, rows } = input;
  const n = subjectIds.length;
  const specs = plan.inputs;
  const K = specs.length;
  const keyIndex = new Map<string, number>();
  specs.forEach((s, k) => keyIndex.set(s.key, k));

  // columns (NaN = no number), the state of every (input, subject) and the snapshot kept with a result
  const columns = new Map<string, Float64Array>();
  const cols: Float64Array[] = specs.map((s) => {
    const c = new Float64Array(n).fill(NaN);
    columns.set(s.key, c);
    return c;
  });
  const state = new Uint8Array(K * n);
  const snapshots: Record<string, number | null>[] = Array.from({ length: n }, () => ({}));
  const withNull = new Uint8Array(n);
  for (const r of rows) {
    const i = r.subject;
    snapshots[i]![r.key] = r.value;
    if (r.value === null) withNull[i] = 1;
    const k = keyIndex.get(r.key);
    if (k === undefined) continue;
    if (r.value === null) state[k * n + i] = STATE_NULL;
    else {
      state[k * n + i] = STATE_NUMBER;
      if (Number.isFinite(r.value)) cols[k]![i] = r.value;
    }
  }

  // what each subject lacks (core/scoring/inputs.ts `missingInputs`, over the state matrix)
  const baseLeaves = plan.leaves
    .map((li) => plan.nodes[li]!)
    .filter((node) => node.category === 'base')
    .map((node) =>
      node.leaf!.inputs.filter((s) => !s.optional).map((s) => ({ key: s.key, k: keyIndex.get(s.key)! })),
    );
  const missing: string[][] = Array.from({ length: n }, () => []);
  for (const required of baseLeaves) {
    for (let i = 0; i < n; i++) {
      let marked = false;
      for (const r of required) if (state[r.k * n + i] === STATE_NULL) marked = true;
      if (marked) continue;
      for (const r of required) if (state[r.k * n + i] === 0) missing[i]!.push(r.key);
    }
  }

  const batch: Batch = { n, columns };
  const scored = scoreBatch(plan, batch, { keep: 'all', workspace });
  // every plan input has a column, so the batch is always complete
  if (!scored.ok) throw new Error(scored.error.message);
  const { totals, points } = scored.value;
  const grades = gradeColumn(scheme, totals, n);

  const complete: number[] = [];
  for (let i = 0; i < n; i++) if (missing[i]!.length === 0) complete.push(i);
  // rank on the totals as printed (two decimals), so that equal printed totals share a rank
  const ranks = rankTotals(Float64Array.from(complete, (i) => round(totals[i]!, 2)));
  const rankOf = new Int32Array(n);
  complete.forEach((i, k) => (rankOf[i] = ranks[k]!));

  const gradeCounts: Record<string, number> = {};
  for (const band of scheme.bands) gradeCounts[band.code] = 0;
  const nodes = plan.nodes;
  const sums = new Float64Array(nodes.length);
  let totalSum = 0;
  let withNotApplicable = 0;
  const results: ScoredSubject[] = new Array<ScoredSubject>(n);
  for (let i = 0; i < n; i++) {
    const nodePoints: Record<string, number> = {};
    for (const node of nodes) nodePoints[node.code] = points[node.index]![i]!;
    if (withNull[i]) withNotApplicable++;
    const isComplete = missing[i]!.length === 0;
    const grade = isComplete ? scheme.bands[grades[i]!]!.code : INCOMPLETE_GRADE;
    if (isComplete) {
      gradeCounts[grade] = (gradeCounts[grade] ?? 0) + 1;
      totalSum += totals[i]!;
      for (const node of nodes) sums[node.index] = sums[node.index]! + points[node.index]![i]!;
    }
    results[i] = {
      subjectId: subjectIds[i]!,
      total: totals[i]!,
      grade,
      rank: isComplete ? rankOf[i]! : null,
      nodePoints,
      inputs: snapshots[i]!,
      missing: missing[i]!,
    };
  }

  const ranked = complete.length;
  const averages: Record<string, number> = {};
  if (ranked > 0) for (const node of nodes) averages[node.code] = sums[node.index]! / ranked;
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
        const node = nodes[r]!;
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

/** Scores many versions, reusing one workspace; results come back in the order of the inputs. */
export function scoreVersionBatches(
  inputs: readonly VersionBatchInput[],
  workspace: ScoreWorkspace = new ScoreWorkspace(),
): VersionBatchResult[] {
  return inputs.map((input) => scoreVersionBatch(input, workspace));
}
