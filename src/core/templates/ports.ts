import type { DomainError, Result } from '../kernel/index.ts';
import type { TemplateDefinition } from '../indicators/types.ts';
import type { GradeScheme } from '../scoring/grades.ts';
import type {
  TemplateRecord,
  TemplateStatus,
  TemplateSubjectKind,
  TemplateVersionRecord,
  TemplateVersionSummary,
} from './types.ts';

/** What the services need of templates and versions; implemented by db/repositories/template-repo. */

export interface NewTemplate {
  readonly mofDivCode: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string | null;
  readonly subjectKind: TemplateSubjectKind;
  readonly description?: string | null;
  readonly createdBy?: string | null;
}

export interface TemplatePatch {
  readonly name?: string;
  readonly nameEn?: string | null;
  readonly description?: string | null;
  readonly status?: TemplateStatus;
}

export interface NewTemplateVersion {
  readonly templateId: string;
  readonly fiscalYear: number;
  readonly definition: TemplateDefinition;
  readonly gradeScheme?: GradeScheme | null;
  readonly basedOnVersionId?: string | null;
  readonly changeNote?: string | null;
  readonly createdBy?: string | null;
}

export interface DraftPatch {
  readonly expectedVersion: number;
  readonly definition?: TemplateDefinition;
  readonly gradeScheme?: GradeScheme | null;
  readonly changeNote?: string | null;
}

export interface TemplatePort {
  createTemplate(input: NewTemplate): Promise<Result<TemplateRecord, DomainError>>;
  getTemplate(id: string): Promise<TemplateRecord | null>;
  getTemplateByCode(mofDivCode: string, code: string): Promise<TemplateRecord | null>;
  listTemplates(filter?: {
    readonly mofDivCodes?: readonly string[];
    readonly subjectKind?: TemplateSubjectKind;
  }): Promise<TemplateRecord[]>;
  /** Optimistic lock on `version`; null when stale. */
  updateTemplate(id: string, expectedVersion: number, patch: TemplatePatch): Promise<TemplateRecord | null>;

  createVersion(input: NewTemplateVersion): Promise<Result<TemplateVersionRecord, DomainError>>;
  getVersion(id: string): Promise<TemplateVersionRecord | null>;
  /** Versions of these templates without their definitions, newest year and number first. */
  listVersionSummaries(templateIds: readonly string[]): Promise<TemplateVersionSummary[]>;
  getPublishedVersion(templateId: string, fiscalYear: number): Promise<TemplateVersionRecord | null>;
  updateDraft(id: string, patch: DraftPatch): Promise<Result<TemplateVersionRecord, DomainError>>;
  publishVersion(
    id: string,
    options: { readonly expectedVersion?: number; readonly publishedBy?: string | null },
  ): Promise<Result<TemplateVersionRecord, DomainError>>;
  /** Deletes a draft no other version is based on; false when it is not a draft or is referenced. */
  deleteDraft(id: string): Promise<boolean>;
}
