/**
 * Side-by-side comparison of 2–5 subjects of one run (区划对比): every indicator of the version with each
 * subject's points and, for leaves, the values the run scored. Built from the stored results (points by
 * node and the snapshot of inputs), so the numbers are the ones the league table and the portraits show.
 */
import type { EvaluationPlan } from '../scoring/compile-template.ts';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 5;

export interface ComparedResult {
  readonly nodePoints: Readonly<Record<string, number>>;
  readonly inputs: Readonly<Record<string, number | null>> | null;
}

export interface ComparisonRow {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly depth: number;
  readonly type: 'leaf' | 'group';
  readonly category: 'base' | 'deduction' | 'bonus';
  readonly weight: number;
  readonly unit: string | null;
  /** Points per compared subject, in the order given. */
  readonly points: readonly number[];
  /** The run's average over its graded subjects (null when the run has none). */
  readonly average: number | null;
  /** For leaves: each input with the value each subject was scored on (null = 不适用 when `present`, no
   * value at all when not). */
  readonly inputs: readonly {
    readonly key: string;
    readonly label: string;
    readonly labelEn: string;
    readonly values: readonly (number | null)[];
    readonly present: readonly boolean[];
  }[];
}

export function compareResults(
  plan: EvaluationPlan,
  results: readonly ComparedResult[],
  averages: Readonly<Record<string, number>> | null,
): ComparisonRow[] {
  return plan.nodes.map((node) => {
    const source = node.source;
    return {
      code: node.code,
      name: node.name,
      nameEn: node.nameEn ?? null,
      depth: node.depth,
      type: node.type,
      category: node.category,
      weight: node.weight,
      unit: source.type === 'leaf' ? (source.unit ?? null) : null,
      points: results.map((r) => r.nodePoints[node.code] ?? 0),
      average: averages?.[node.code] ?? null,
      inputs: (node.leaf?.inputs ?? []).map((s) => {
        const present = results.map(
          (r) => r.inputs !== null && Object.prototype.hasOwnProperty.call(r.inputs, s.key),
        );
        return {
          key: s.key,
          label: s.label,
          labelEn: s.labelEn,
          values: results.map((r, i) => (present[i] ? (r.inputs![s.key] ?? null) : null)),
          present,
        };
      }),
    };
  });
}
