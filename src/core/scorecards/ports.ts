/**
 * What the scorecard services (综合评价与画像: score every scorecard of a year, province tables, peer
 * comparison) need of storage beyond core/scoring's ScoringPort: bulk reads over many template versions at
 * once and bulk writes of finished runs. Implemented by db/repositories/scorecard-repo.ts.
 */
import type { GradeScheme } from '../scoring/grades.ts';
import type { ResultRecord, RunRecord, SubjectKind, SubjectRecord } from '../scoring/ports.ts';

/** Stored input values of many versions, column by column (one row per value). */
export interface StoredValueColumns {
  readonly versionIds: readonly string[];
  readonly subjectIds: readonly string[];
  readonly keys: readonly string[];
  /** null = marked 不适用. */
  readonly values: readonly (number | null)[];
}

/** A run scored and finished in one go, with its results. */
export interface FinishedRun {
  readonly id: string;
  readonly templateVersionId: string;
  readonly fiscalYear: number;
  readonly mofDivCode: string;
  readonly name: string | null;
  readonly gradeScheme: GradeScheme;
  readonly subjectCount: number;
  readonly summary: unknown;
  readonly jobId: string | null;
  readonly createdBy: string | null;
  readonly finishedAt: Date;
  readonly results: readonly Omit<ResultRecord, 'runId'>[];
}

/** A result with what tables and peer comparisons need (no input snapshot). */
export interface ResultBrief {
  readonly subjectId: string;
  readonly refCode: string;
  readonly name: string;
  readonly kind: SubjectKind;
  readonly mofDivCode: string;
  readonly organizationId: string | null;
  readonly total: number;
  readonly grade: string;
  readonly rank: number | null;
  readonly nodePoints: Readonly<Record<string, number>>;
}

export interface ScorecardPort {
  /** Active subjects of these kinds whose own division is one of these, in one query. */
  listSubjectsOfKinds(
    kinds: readonly SubjectKind[],
    divisionCodes: readonly string[],
  ): Promise<SubjectRecord[]>;
  /** Every value stored for these versions and year by subjects of these divisions, in one query. */
  loadValues(
    versionIds: readonly string[],
    divisionCodes: readonly string[],
    fiscalYear: number,
  ): Promise<StoredValueColumns>;
  /** Inserts finished runs and all their results (a few statements, whatever the count). */
  insertFinishedRuns(runs: readonly FinishedRun[]): Promise<void>;
  /** The latest succeeded run (not what-if) of each of these versions made by one of these divisions. */
  latestRuns(versionIds: readonly string[], runDivisionCodes: readonly string[]): Promise<RunRecord[]>;
  /** Runs written by a job (a job re-run after a crash finds its runs already stored). */
  runsOfJob(jobId: string): Promise<RunRecord[]>;
  /** Every result of a run with its subject, without the input snapshots. */
  resultBriefs(runId: string): Promise<ResultBrief[]>;
}
