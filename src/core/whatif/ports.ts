/**
 * What the what-if service (情景模拟) needs of storage beyond the scoring and consequence ports: the latest
 * finished run of a version in a division, the self-evaluations of a year as columns (one query), their
 * details for the rows shown, and the grade scheme in force for many divisions at once. Implemented by
 * db/repositories/whatif-repo.ts. Nothing here writes.
 */
import type { GradeScheme } from '../scoring/grades.ts';

export interface RunBrief {
  readonly id: string;
  readonly name: string | null;
  readonly fiscalYear: number;
  readonly mofDivCode: string;
  readonly finishedAt: Date | null;
  readonly subjectCount: number;
  readonly gradeScheme: GradeScheme;
}

/** Self-evaluation statuses a what-if counts: submitted to or accepted by finance (not drafts, not returned). */
export const WHATIF_SELFEVAL_STATUSES = ['submitted', 'accepted'] as const;

export interface SelfEvaluationQuery {
  /** Self-evaluations of projects in these divisions. */
  readonly divisionCodes: readonly string[];
  readonly fiscalYear: number;
  /** Budget years whose project amounts are the bases of the consequences (usually the next year). */
  readonly amountYears: readonly number[];
}

/** The self-evaluations of a year with a formula total, as columns aligned by position. */
export interface SelfEvaluationColumns {
  readonly n: number;
  readonly ids: readonly string[];
  /** Division codes, each once; `divisionOf[i]` indexes it. */
  readonly divisions: readonly string[];
  readonly divisionOf: Uint16Array;
  /** 公式总分 (formula total) as stored. */
  readonly totals: Float64Array;
  /** The project's amount in fen for each of `amountYears` (NaN: none budgeted that year). */
  readonly amounts: ReadonlyMap<number, Float64Array>;
}

export interface SelfEvaluationDetail {
  readonly id: string;
  readonly mofDivCode: string;
  readonly proCode: string | null;
  readonly projectName: string;
  readonly departmentName: string | null;
  readonly status: string;
}

/**
 * What a what-if reads of the consequence storage (结果应用, db/repositories/consequence-repo.ts): the rules
 * in force for a division and year, and the bases they apply to. Nothing is proposed or stored.
 */
export interface ConsequenceReads {
  getRuleSetting(
    mofDivCode: string,
    fiscalYear: number,
  ): Promise<{ readonly value: unknown; readonly fromMofDivCode: string } | null>;
  /** Transfer payments of divisions in a year (fen), by division code. */
  transferPayments(divisionCodes: readonly string[], fiscalYear: number): Promise<Map<string, number>>;
  /** Projects' amounts of departments for a budget year (fen), by department (organization) id. */
  departmentBudgets(departmentIds: readonly string[], fiscalYear: number): Promise<Map<string, number>>;
}

export interface WhatIfPort {
  /** The latest succeeded run of a version made by a division for a year, if any. */
  latestRun(versionId: string, mofDivCode: string, fiscalYear: number): Promise<RunBrief | null>;
  /** How many self-evaluations a what-if of a year would re-grade. */
  countSelfEvaluations(divisionCodes: readonly string[], fiscalYear: number): Promise<number>;
  selfEvaluationColumns(q: SelfEvaluationQuery): Promise<SelfEvaluationColumns>;
  selfEvaluationDetails(ids: readonly string[]): Promise<SelfEvaluationDetail[]>;
  /** The grade scheme in force (region setting `grading.scheme`, inherited downward; a locked ancestor's
   * value wins) for each division and a year; null where none is set or it names no known scheme. */
  effectiveGradeSchemes(
    divisionCodes: readonly string[],
    fiscalYear: number,
  ): Promise<Map<string, GradeScheme | null>>;
}
