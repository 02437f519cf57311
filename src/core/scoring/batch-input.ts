import type { EvaluationPlan } from './compile-template.ts';
import type { Batch } from './score-batch.ts';

/** One subject's inputs by key (`${leafCode}.${name}`); null or a missing key means "no value". */
export type SubjectInputs = Readonly<Record<string, number | null | undefined>>;

/** Builds the columnar batch for a plan from per-subject records (import, API, preview). */
export function batchFromRecords(plan: EvaluationPlan, records: readonly SubjectInputs[]): Batch {
  const n = records.length;
  const columns = new Map<string, Float64Array>();
  for (const spec of plan.inputs) {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = records[i]![spec.key];
      c[i] = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
    }
    columns.set(spec.key, c);
  }
  return { n, columns };
}
