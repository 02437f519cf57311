/**
 * Indicator templates (指标模板) and their yearly versions (模板版本). A template is published by a division
 * and used by the divisions below it; each fiscal year has numbered versions, at most one of them published.
 */
import { and, asc, desc, eq, getTableColumns, inArray, max, sql } from 'drizzle-orm';
import { domainError, err, ok, type DomainError, type Result } from '../../core/kernel/index.ts';
import type { TemplateDefinition } from '../../core/indicators/types.ts';
import type { GradeScheme } from '../../core/scoring/grades.ts';
import type { Db } from '../client.ts';
import { isUniqueViolation } from '../errors.ts';
import { divisions, templates, templateVersions, type TemplateSubjectKind } from '../schema.ts';
import { pathCodes } from '../scope.ts';

export type Template = typeof templates.$inferSelect;
export type TemplateVersion = typeof templateVersions.$inferSelect;
export type TemplateVersionSummary = Omit<TemplateVersion, 'definition' | 'gradeScheme'>;

export interface CreateTemplateInput {
  readonly mofDivCode: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string | null;
  readonly subjectKind: TemplateSubjectKind;
  readonly description?: string | null;
  readonly createdBy?: string | null;
}

export interface CreateVersionInput {
  readonly templateId: string;
  readonly fiscalYear: number;
  readonly definition: TemplateDefinition;
  readonly gradeScheme?: GradeScheme | null;
  readonly basedOnVersionId?: string | null;
  readonly changeNote?: string | null;
  readonly createdBy?: string | null;
  /** Defaults to one more than the highest number for the template and year. */
  readonly versionNo?: number;
}

export interface UpdateDraftInput {
  readonly expectedVersion: number;
  readonly definition?: TemplateDefinition;
  readonly gradeScheme?: GradeScheme | null;
  readonly changeNote?: string | null;
}

export interface ListTemplatesFilter {
  /** Templates published by these divisions (e.g. a user's ancestors-or-self). */
  readonly mofDivCodes?: readonly string[];
  readonly subjectKind?: TemplateSubjectKind;
}

export interface TemplateRepo {
  createTemplate(input: CreateTemplateInput): Promise<Result<Template, DomainError>>;
  /** Inserts or updates by (division, code) — for product-owned templates shipped in reference/. */
  upsertTemplate(input: CreateTemplateInput): Promise<Template>;
  getTemplate(id: string): Promise<Template | null>;
  getTemplateByCode(mofDivCode: string, code: string): Promise<Template | null>;
  listTemplates(filter?: ListTemplatesFilter): Promise<Template[]>;
  /** Templates a division may use: those published by itself and by the divisions above it. */
  listTemplatesFor(mofDivCode: string, subjectKind?: TemplateSubjectKind): Promise<Template[]>;
  /** Changes a template's name, description or status (optimistic lock); null when stale. */
  updateTemplate(
    id: string,
    expectedVersion: number,
    patch: {
      readonly name?: string;
      readonly nameEn?: string | null;
      readonly description?: string | null;
      readonly status?: 'active' | 'retired';
    },
  ): Promise<Template | null>;

  createVersion(input: CreateVersionInput): Promise<Result<TemplateVersion, DomainError>>;
  getVersion(id: string): Promise<TemplateVersion | null>;
  listVersions(templateId: string, fiscalYear?: number): Promise<TemplateVersion[]>;
  /** Versions of these templates without their definitions, newest year and number first. */
  listVersionSummaries(templateIds: readonly string[]): Promise<TemplateVersionSummary[]>;
  /** Deletes a draft no other version is based on; false when it is not a draft or is referenced. */
  deleteDraft(id: string): Promise<boolean>;
  getPublishedVersion(templateId: string, fiscalYear: number): Promise<TemplateVersion | null>;
  /** Changes a draft (optimistic lock on `version`). */
  updateDraft(id: string, patch: UpdateDraftInput): Promise<Result<TemplateVersion, DomainError>>;
  /** Publishes a draft; the version published before for the same template and year is retired. */
  publishVersion(
    id: string,
    options: { readonly expectedVersion?: number; readonly publishedBy?: string | null },
  ): Promise<Result<TemplateVersion, DomainError>>;
  /** Inserts an already published version unless that number (or a published version) exists for the
   * template and year; true when inserted. For the reference seed. */
  insertPublishedVersionIfMissing(
    input: CreateVersionInput & { readonly versionNo: number },
  ): Promise<boolean>;
}

function notFound(what: string, id: string): DomainError {
  return domainError('NOT_FOUND', { what, id }, { zh: `${what} ${id}`, en: `${what} ${id}` });
}

export function makeTemplateRepo(db: Db): TemplateRepo {
  const repo: TemplateRepo = {
    async createTemplate(input) {
      try {
        const [row] = await db
          .insert(templates)
          .values({
            mofDivCode: input.mofDivCode,
            code: input.code,
            name: input.name,
            nameEn: input.nameEn ?? null,
            subjectKind: input.subjectKind,
            description: input.description ?? null,
            createdBy: input.createdBy ?? null,
          })
          .returning();
        return ok(row!);
      } catch (e) {
        if (isUniqueViolation(e)) {
          return err(
            domainError(
              'DUPLICATE',
              { mofDivCode: input.mofDivCode, code: input.code },
              { zh: `模板代码“${input.code}”已存在`, en: `template code ${input.code} exists` },
            ),
          );
        }
        throw e;
      }
    },

    async upsertTemplate(input) {
      const values = {
        mofDivCode: input.mofDivCode,
        code: input.code,
        name: input.name,
        nameEn: input.nameEn ?? null,
        subjectKind: input.subjectKind,
        description: input.description ?? null,
        createdBy: input.createdBy ?? null,
      };
      const [row] = await db
        .insert(templates)
        .values(values)
        .onConflictDoUpdate({
          target: [templates.mofDivCode, templates.code],
          set: {
            name: values.name,
            nameEn: values.nameEn,
            subjectKind: values.subjectKind,
            description: values.description,
            updatedAt: sql`now()`,
          },
        })
        .returning();
      return row!;
    },

    async getTemplate(id) {
      const [row] = await db.select().from(templates).where(eq(templates.id, id));
      return row ?? null;
    },

    async getTemplateByCode(mofDivCode, code) {
      const [row] = await db
        .select()
        .from(templates)
        .where(and(eq(templates.mofDivCode, mofDivCode), eq(templates.code, code)));
      return row ?? null;
    },

    listTemplates(filter = {}) {
      return db
        .select()
        .from(templates)
        .where(
          and(
            filter.mofDivCodes ? inArray(templates.mofDivCode, [...filter.mofDivCodes]) : undefined,
            filter.subjectKind ? eq(templates.subjectKind, filter.subjectKind) : undefined,
          ),
        )
        .orderBy(asc(templates.mofDivCode), asc(templates.code));
    },

    async listTemplatesFor(mofDivCode, subjectKind) {
      const [div] = await db
        .select({ path: divisions.path })
        .from(divisions)
        .where(eq(divisions.code, mofDivCode));
      if (!div) return [];
      return repo.listTemplates(
        subjectKind
          ? { mofDivCodes: pathCodes(div.path), subjectKind }
          : { mofDivCodes: pathCodes(div.path) },
      );
    },

    async updateTemplate(id, expectedVersion, patch) {
      const [row] = await db
        .update(templates)
        .set({ ...patch, version: sql`${templates.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(templates.id, id), eq(templates.version, expectedVersion)))
        .returning();
      return row ?? null;
    },

    async createVersion(input) {
      const template = await repo.getTemplate(input.templateId);
      if (!template) return err(notFound('template', input.templateId));
      let versionNo = input.versionNo;
      if (versionNo === undefined) {
        const [row] = await db
          .select({ n: max(templateVersions.versionNo) })
          .from(templateVersions)
          .where(
            and(
              eq(templateVersions.templateId, input.templateId),
              eq(templateVersions.fiscalYear, input.fiscalYear),
            ),
          );
        versionNo = (row?.n ?? 0) + 1;
      }
      try {
        const [row] = await db
          .insert(templateVersions)
          .values({
            templateId: template.id,
            mofDivCode: template.mofDivCode,
            fiscalYear: input.fiscalYear,
            versionNo,
            status: 'draft',
            definition: input.definition,
            gradeScheme: input.gradeScheme ?? null,
            basedOnVersionId: input.basedOnVersionId ?? null,
            changeNote: input.changeNote ?? null,
            createdBy: input.createdBy ?? null,
          })
          .returning();
        return ok(row!);
      } catch (e) {
        if (isUniqueViolation(e)) {
          return err(
            domainError(
              'VERSION_CONFLICT',
              { templateId: input.templateId, fiscalYear: input.fiscalYear, versionNo },
              {
                zh: `${input.fiscalYear}年度第${versionNo}版已存在`,
                en: `version ${versionNo} of ${input.fiscalYear} exists`,
              },
            ),
          );
        }
        throw e;
      }
    },

    async getVersion(id) {
      const [row] = await db.select().from(templateVersions).where(eq(templateVersions.id, id));
      return row ?? null;
    },

    listVersions(templateId, fiscalYear) {
      return db
        .select()
        .from(templateVersions)
        .where(
          and(
            eq(templateVersions.templateId, templateId),
            fiscalYear === undefined ? undefined : eq(templateVersions.fiscalYear, fiscalYear),
          ),
        )
        .orderBy(desc(templateVersions.fiscalYear), desc(templateVersions.versionNo));
    },

    async listVersionSummaries(templateIds) {
      if (templateIds.length === 0) return [];
      const { definition: _d, gradeScheme: _g, ...columns } = getTableColumns(templateVersions);
      return db
        .select(columns)
        .from(templateVersions)
        .where(inArray(templateVersions.templateId, [...templateIds]))
        .orderBy(desc(templateVersions.fiscalYear), desc(templateVersions.versionNo));
    },

    async deleteDraft(id) {
      const rows = await db
        .delete(templateVersions)
        .where(
          and(
            eq(templateVersions.id, id),
            eq(templateVersions.status, 'draft'),
            sql`not exists (select 1 from ${templateVersions} b where b.based_on_version_id = ${templateVersions.id})`,
          ),
        )
        .returning({ id: templateVersions.id });
      return rows.length > 0;
    },

    async getPublishedVersion(templateId, fiscalYear) {
      const [row] = await db
        .select()
        .from(templateVersions)
        .where(
          and(
            eq(templateVersions.templateId, templateId),
            eq(templateVersions.fiscalYear, fiscalYear),
            eq(templateVersions.status, 'published'),
          ),
        );
      return row ?? null;
    },

    async updateDraft(id, patch) {
      const current = await repo.getVersion(id);
      if (!current) return err(notFound('template version', id));
      if (current.status !== 'draft') {
        return err(domainError('TRANSITION_NOT_ALLOWED', { id, status: current.status, action: 'edit' }));
      }
      const set: Partial<typeof templateVersions.$inferInsert> = {};
      if (patch.definition !== undefined) set.definition = patch.definition;
      if (patch.gradeScheme !== undefined) set.gradeScheme = patch.gradeScheme;
      if (patch.changeNote !== undefined) set.changeNote = patch.changeNote;
      const [row] = await db
        .update(templateVersions)
        .set({ ...set, version: sql`${templateVersions.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(templateVersions.id, id),
            eq(templateVersions.status, 'draft'),
            eq(templateVersions.version, patch.expectedVersion),
          ),
        )
        .returning();
      return row
        ? ok(row)
        : err(domainError('VERSION_CONFLICT', { id, expectedVersion: patch.expectedVersion }));
    },

    publishVersion(id, options) {
      return db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(templateVersions)
          .where(eq(templateVersions.id, id))
          .for('update');
        if (!current) return err(notFound('template version', id));
        if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) {
          return err(domainError('VERSION_CONFLICT', { id, expectedVersion: options.expectedVersion }));
        }
        if (current.status !== 'draft') {
          return err(
            domainError('TRANSITION_NOT_ALLOWED', { id, status: current.status, action: 'publish' }),
          );
        }
        await tx
          .update(templateVersions)
          .set({ status: 'retired', version: sql`${templateVersions.version} + 1`, updatedAt: sql`now()` })
          .where(
            and(
              eq(templateVersions.templateId, current.templateId),
              eq(templateVersions.fiscalYear, current.fiscalYear),
              eq(templateVersions.status, 'published'),
            ),
          );
        const [row] = await tx
          .update(templateVersions)
          .set({
            status: 'published',
            publishedAt: sql`now()`,
            publishedBy: options.publishedBy ?? null,
            version: sql`${templateVersions.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(eq(templateVersions.id, id))
          .returning();
        return ok(row!);
      });
    },

    async insertPublishedVersionIfMissing(input) {
      const template = await repo.getTemplate(input.templateId);
      if (!template) throw new Error(`template ${input.templateId} not found`);
      const rows = await db
        .insert(templateVersions)
        .values({
          templateId: template.id,
          mofDivCode: template.mofDivCode,
          fiscalYear: input.fiscalYear,
          versionNo: input.versionNo,
          status: 'published',
          definition: input.definition,
          gradeScheme: input.gradeScheme ?? null,
          basedOnVersionId: input.basedOnVersionId ?? null,
          changeNote: input.changeNote ?? null,
          createdBy: input.createdBy ?? null,
          publishedAt: sql`now()`,
          publishedBy: input.createdBy ?? null,
        })
        .onConflictDoNothing()
        .returning({ id: templateVersions.id });
      return rows.length > 0;
    },
  };
  return repo;
}
