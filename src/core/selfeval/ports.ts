/**
 * What the self-evaluation services (自评表核查与保存) need of storage: stored self-evaluations of projects
 * (one per project and year), the projects they belong to, the uploaded source files, and the settings the
 * checker reads (grade scheme, minimum execution rate). Implemented by db/repositories/selfeval-repo.ts.
 * Record types are plain data, not database rows.
 */
import type { GradeScheme } from '../scoring/grades.ts';

export const SELF_EVALUATION_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type SelfEvaluationStatus = (typeof SELF_EVALUATION_STATUSES)[number];

/** A stored self-evaluation as listed: no table, the number of findings instead of the findings. */
export interface SelfEvaluationSummary {
  readonly id: string;
  readonly mofDivCode: string;
  readonly fiscalYear: number;
  readonly projectId: string | null;
  readonly proCode: string | null;
  readonly projectName: string;
  /** 主管部门: the project's department, else the name printed in the table. */
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  readonly formulaTotal: number | null;
  readonly printedTotal: number | null;
  readonly grade: string | null;
  readonly findingCount: number;
  readonly status: SelfEvaluationStatus;
  readonly sourceAttachmentId: string | null;
  readonly submittedAt: Date | null;
  readonly version: number;
  readonly updatedAt: Date;
}

/** A stored self-evaluation with its table (the checker's input format) and stored findings. */
export interface SelfEvaluationRecord extends SelfEvaluationSummary {
  /** The project's 实施单位 (for organization-bound scope checks). */
  readonly agencyId: string | null;
  readonly table: unknown;
  readonly findings: unknown;
  readonly submittedBy: string | null;
  readonly createdAt: Date;
}

export const SELF_EVALUATION_SORTS = [
  'projectName',
  'department',
  'fiscalYear',
  'printedTotal',
  'formulaTotal',
  'grade',
  'findingCount',
  'updatedAt',
] as const;
export type SelfEvaluationSort = (typeof SELF_EVALUATION_SORTS)[number];

export interface SelfEvaluationFilter {
  readonly divisionCodes: readonly string[];
  /** null: every organization; otherwise only projects whose department or unit is one of these. */
  readonly organizationIds: readonly string[] | null;
  readonly fiscalYear?: number;
  readonly departmentId?: string;
  /** Grade labels (优, 良 …). */
  readonly grades?: readonly string[];
  /** true: only tables with findings; false: only clean ones. */
  readonly hasFindings?: boolean;
  /** Project name or code contains. */
  readonly q?: string;
  readonly sort: SelfEvaluationSort;
  readonly order: 'asc' | 'desc';
  readonly offset: number;
  /** null: every matching row (exports). */
  readonly limit: number | null;
  /** A total the caller already knows (a cached count): the list then skips counting. */
  readonly knownTotal?: number;
}

/** A project of the library as the self-evaluation needs it. */
export interface ProjectRef {
  readonly id: string;
  readonly mofDivCode: string;
  readonly fiscalYear: number;
  readonly proCode: string;
  readonly name: string;
  readonly departmentId: string;
  readonly departmentName: string | null;
  readonly agencyId: string | null;
}

export interface ProjectSearch {
  readonly divisionCodes: readonly string[];
  readonly organizationIds: readonly string[] | null;
  readonly q?: string;
  readonly limit: number;
}

export interface DepartmentRef {
  readonly id: string;
  readonly mofDivCode: string;
  readonly name: string;
}

export interface NewSelfEvaluation {
  readonly mofDivCode: string;
  readonly fiscalYear: number;
  readonly projectId: string;
  readonly proCode: string;
  readonly projectName: string;
  readonly table: unknown;
  readonly formulaTotal: number;
  readonly printedTotal: number | null;
  readonly grade: string;
  readonly findings: unknown;
  readonly status: SelfEvaluationStatus;
  readonly sourceAttachmentId: string | null;
  readonly submittedBy: string | null;
  readonly submittedAt: Date | null;
}

export interface NewAttachment {
  readonly mofDivCode: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  readonly sha256: string;
  readonly objectType: string;
  readonly objectId: string | null;
  readonly uploadedBy: string | null;
}

export interface StoredFile {
  readonly id: string;
  readonly mofDivCode: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** The settings the checker reads for a division and year; null where none is set. */
export interface CheckSettings {
  readonly gradeScheme: GradeScheme | null;
  readonly minExecutionRate: number | null;
}

export interface SelfEvaluationPort {
  list(filter: SelfEvaluationFilter): Promise<{ items: SelfEvaluationSummary[]; total: number }>;
  /** How many rows the filter matches (paging and sorting ignored). */
  count(filter: SelfEvaluationFilter): Promise<number>;
  get(id: string): Promise<SelfEvaluationRecord | null>;
  findByProjectYear(projectId: string, fiscalYear: number): Promise<SelfEvaluationRecord | null>;
  insert(row: NewSelfEvaluation): Promise<SelfEvaluationRecord>;
  /** Replaces the table and its check when the stored version is `expectedVersion`; null when stale. */
  replace(id: string, expectedVersion: number, row: NewSelfEvaluation): Promise<SelfEvaluationRecord | null>;
  getProject(id: string): Promise<ProjectRef | null>;
  searchProjects(search: ProjectSearch): Promise<ProjectRef[]>;
  listDepartments(
    divisionCodes: readonly string[],
    organizationIds: readonly string[] | null,
  ): Promise<DepartmentRef[]>;
  addAttachment(file: NewAttachment): Promise<{ id: string }>;
  /** Points an attachment at the record it belongs to (the record is created after the file). */
  linkAttachment(id: string, objectId: string): Promise<void>;
  getAttachment(id: string): Promise<StoredFile | null>;
  /** The file name of an attachment, without reading its content. */
  attachmentName(id: string): Promise<string | null>;
  checkSettings(mofDivCode: string, fiscalYear: number): Promise<CheckSettings>;
}
