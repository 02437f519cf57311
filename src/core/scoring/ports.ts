/**
 * What the scoring services (评分运行) need of storage: published template versions, subjects (评价对象),
 * input values (评分数据) with their source and evidence, runs (评分批次) and their results. Implemented by
 * db/repositories/scoring-repo.ts. Record types are plain data, not database rows.
 */
import type { TemplateDefinition } from '../indicators/types.ts';
import type { GradeScheme } from './grades.ts';

/** What a template scores (templates.subject_kind). */
export const TEMPLATE_SUBJECT_KINDS = [
  'county_fiscal',
  'department_budget',
  'finance_division',
  'investment_fund',
  'state_assets',
  'revenue',
  'frugality',
  'project_selfeval',
  'project_evaluation',
  'other',
] as const;
export type TemplateSubjectKind = (typeof TEMPLATE_SUBJECT_KINDS)[number];

/** What a subject is (subjects.kind). */
export const SUBJECT_KINDS = [
  'division',
  'department',
  'finance_division',
  'fund',
  'asset_class',
  'revenue_item',
  'project',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Where an input value came from (input_values.source). */
export const INPUT_SOURCES = [
  'budget_system',
  'statistics',
  'audit',
  'inspection',
  'supervision',
  'self_report',
  'manual',
  'import',
] as const;
export type InputSource = (typeof INPUT_SOURCES)[number];

export const INPUT_SOURCE_LABELS: Record<InputSource, { zh: string; en: string }> = {
  budget_system: { zh: '预算管理一体化系统', en: 'Budget integrated management system' },
  statistics: { zh: '统计数据', en: 'Statistics' },
  audit: { zh: '审计发现', en: 'Audit findings' },
  inspection: { zh: '巡视巡察', en: 'Inspection' },
  supervision: { zh: '财会监督', en: 'Financial supervision' },
  self_report: { zh: '单位自报', en: 'Self-reported' },
  manual: { zh: '手工录入', en: 'Entered by hand' },
  import: { zh: 'Excel导入', en: 'Excel import' },
};

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ScoringVersionRecord {
  readonly id: string;
  readonly templateId: string;
  readonly templateCode: string;
  readonly templateName: string;
  readonly templateNameEn: string | null;
  readonly subjectKind: TemplateSubjectKind;
  /** The division that publishes the template (used by itself and the divisions below it). */
  readonly mofDivCode: string;
  readonly fiscalYear: number;
  readonly versionNo: number;
  readonly status: 'draft' | 'published' | 'retired';
  readonly definition: TemplateDefinition;
  /** The version's own grade scheme; null = the division's configured scheme. */
  readonly gradeScheme: GradeScheme | null;
  readonly publishedAt: Date | null;
}

export interface SubjectRecord {
  readonly id: string;
  /** The subject's own division: a county subject carries the county's code. */
  readonly mofDivCode: string;
  readonly kind: SubjectKind;
  /** Division code, dept_code … */
  readonly refCode: string;
  readonly name: string;
  readonly organizationId: string | null;
  readonly active: boolean;
  readonly sortOrder: number;
}

export type NewSubject = Omit<SubjectRecord, 'id' | 'active'>;

export interface SubjectFilter {
  readonly kind: SubjectKind;
  /** Subjects whose own division is one of these. */
  readonly divisionCodes: readonly string[];
  /** null: any organization; otherwise only subjects of these organizations. */
  readonly organizationIds: readonly string[] | null;
}

export interface InputValueRecord {
  readonly id: string;
  readonly templateVersionId: string;
  readonly subjectId: string;
  readonly fiscalYear: number;
  readonly mofDivCode: string;
  readonly inputKey: string;
  /** null: marked not applicable (不适用). */
  readonly value: number | null;
  readonly source: InputSource;
  readonly evidenceNote: string | null;
  readonly attachmentId: string | null;
  readonly enteredBy: string | null;
  readonly enteredAt: Date;
  readonly version: number;
}

export interface InputValueWrite {
  readonly templateVersionId: string;
  readonly subjectId: string;
  readonly fiscalYear: number;
  readonly mofDivCode: string;
  readonly inputKey: string;
  readonly value: number | null;
  readonly source: InputSource;
  readonly evidenceNote: string | null;
  readonly attachmentId: string | null;
  readonly enteredBy: string | null;
  readonly enteredAt: Date;
}

export interface AttachmentInfo {
  readonly id: string;
  readonly mofDivCode: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly objectType: string | null;
  readonly objectId: string | null;
  readonly uploadedBy: string | null;
  readonly createdAt: Date;
}

export interface NewAttachment {
  readonly mofDivCode: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  readonly sha256: string;
  readonly objectType: string | null;
  readonly objectId: string | null;
  readonly uploadedBy: string | null;
}

export interface RunRecord {
  readonly id: string;
  readonly templateVersionId: string;
  readonly fiscalYear: number;
  /** The scoring division; results carry each subject's own division. */
  readonly mofDivCode: string;
  readonly name: string | null;
  readonly gradeScheme: GradeScheme;
  readonly status: RunStatus;
  readonly subjectCount: number;
  readonly jobId: string | null;
  readonly error: unknown;
  readonly summary: unknown;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

export interface NewRun {
  readonly templateVersionId: string;
  readonly fiscalYear: number;
  readonly mofDivCode: string;
  readonly name: string | null;
  readonly gradeScheme: GradeScheme;
  readonly createdBy: string | null;
}

export interface ResultRecord {
  readonly runId: string;
  readonly subjectId: string;
  readonly mofDivCode: string;
  readonly total: number;
  /** A band code of the run's grade scheme, or 'incomplete'. */
  readonly grade: string;
  readonly rank: number | null;
  readonly nodePoints: Readonly<Record<string, number>>;
  readonly inputs: Readonly<Record<string, number | null>> | null;
  readonly missing: readonly string[] | null;
}

/** A result with its subject, for tables. */
export interface ResultRow extends ResultRecord {
  readonly subjectName: string;
  readonly subjectRefCode: string;
  readonly subjectKind: SubjectKind;
  readonly organizationId: string | null;
}

/** Who may see which results: subjects in these divisions (and, when given, of these organizations). */
export interface ResultScope {
  readonly divisionCodes: readonly string[];
  readonly organizationIds: readonly string[] | null;
}

export type ResultSort = 'rank' | 'total' | 'name' | 'code' | `node:${string}`;

export interface ResultQuery {
  readonly scope: ResultScope;
  readonly q?: string;
  readonly grade?: string;
  /** Only subjects in this division's subtree (codes). */
  readonly divisionCodes?: readonly string[];
  readonly sort: ResultSort;
  readonly order: 'asc' | 'desc';
  readonly offset: number;
  /** null: every row (Excel export). */
  readonly limit: number | null;
}

export interface RunListFilter {
  /** Runs of these divisions, or runs holding a result in `scope`. */
  readonly runDivisionCodes: readonly string[] | null;
  readonly scope: ResultScope;
  readonly fiscalYear?: number;
  readonly templateVersionId?: string;
  readonly templateId?: string;
  readonly offset: number;
  readonly limit: number;
}

export interface RunListItem extends RunRecord {
  readonly templateId: string;
  readonly templateName: string;
  readonly templateNameEn: string | null;
  readonly subjectKind: TemplateSubjectKind;
  readonly versionNo: number;
}

/** One point of a subject's history: its result in a finished run. */
export interface HistoryPoint {
  readonly runId: string;
  readonly runName: string | null;
  readonly fiscalYear: number;
  readonly templateVersionId: string;
  readonly versionNo: number;
  readonly finishedAt: Date | null;
  readonly total: number;
  readonly grade: string;
  readonly rank: number | null;
  readonly ranked: number;
  readonly gradeScheme: GradeScheme;
}

export interface ScoringPort {
  getVersion(id: string): Promise<ScoringVersionRecord | null>;
  /** Versions of templates published by these divisions. */
  listVersions(filter: {
    readonly templateDivisionCodes: readonly string[];
    readonly fiscalYear?: number;
    readonly statuses: readonly ('draft' | 'published' | 'retired')[];
  }): Promise<ScoringVersionRecord[]>;
  /** The grade scheme configured for a division and year (setting `grading.scheme`), if any. */
  configuredGradeScheme(mofDivCode: string, fiscalYear: number): Promise<GradeScheme | null>;

  listSubjects(filter: SubjectFilter): Promise<SubjectRecord[]>;
  getSubject(id: string): Promise<SubjectRecord | null>;
  /** Inserts the subjects that do not exist yet (by division, kind and code); returns those inserted. */
  insertMissingSubjects(subjects: readonly NewSubject[]): Promise<SubjectRecord[]>;

  listInputValues(versionId: string, subjectIds?: readonly string[]): Promise<InputValueRecord[]>;
  /** Writes one value: inserts when `expectedVersion` is null (none stored), else updates that version.
   * null when the stored state is not the expected one (stale). */
  saveInputValue(write: InputValueWrite, expectedVersion: number | null): Promise<InputValueRecord | null>;
  /** Writes values without version checks (import), creating or replacing them. */
  upsertInputValues(writes: readonly InputValueWrite[]): Promise<number>;
  deleteInputValue(id: string, expectedVersion: number): Promise<boolean>;

  createAttachment(a: NewAttachment): Promise<AttachmentInfo>;
  getAttachment(id: string): Promise<(AttachmentInfo & { readonly content: Uint8Array }) | null>;
  listAttachmentInfo(ids: readonly string[]): Promise<AttachmentInfo[]>;

  createRun(run: NewRun): Promise<RunRecord>;
  setRunJob(runId: string, jobId: string): Promise<void>;
  getRun(id: string): Promise<RunRecord | null>;
  markRun(
    id: string,
    patch: {
      readonly status: RunStatus;
      readonly subjectCount?: number;
      readonly summary?: unknown;
      readonly error?: unknown;
      readonly finishedAt?: Date | null;
    },
  ): Promise<void>;
  listRuns(filter: RunListFilter): Promise<{ items: RunListItem[]; total: number }>;
  /** Replaces the run's results (a job re-run after a crash writes them again). */
  replaceResults(runId: string, results: readonly ResultRecord[]): Promise<void>;
  queryResults(runId: string, q: ResultQuery): Promise<{ items: ResultRow[]; total: number }>;
  getResult(runId: string, subjectId: string): Promise<ResultRow | null>;
  /** Every result of a run with its inputs (to rebuild the batch the run scored). */
  allResults(runId: string): Promise<ResultRecord[]>;
  gradeCounts(runId: string, scope: ResultScope): Promise<{ grade: string; count: number }[]>;
  history(subjectId: string, templateId: string): Promise<HistoryPoint[]>;
}
