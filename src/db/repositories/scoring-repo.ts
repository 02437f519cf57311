/**
 * Scoring (评分运行, implements core/scoring ScoringPort): published template versions as the scoring sees
 * them, subjects (评价对象), input values (评分数据) with source and evidence, evidence attachments, runs
 * (评分批次) and their results. Every listing filters by the division codes (and organization ids) it is
 * given; the services decide what those are.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type {
  AttachmentInfo,
  HistoryPoint,
  InputValueRecord,
  ResultRecord,
  ResultRow,
  ResultScope,
  RunListItem,
  RunRecord,
  ScoringPort,
  ScoringVersionRecord,
  SubjectRecord,
} from '../../core/scoring/ports.ts';
import type { GradeScheme } from '../../core/scoring/grades.ts';
import type { Db } from '../client.ts';
import {
  attachments,
  inputValues,
  scoringResults,
  scoringRuns,
  subjects,
  templates,
  templateVersions,
} from '../schema.ts';
import { makeReferenceRepo } from './reference-repo.ts';
import { makeSettingRepo } from './setting-repo.ts';

type SubjectRow = typeof subjects.$inferSelect;
type InputRow = typeof inputValues.$inferSelect;
type RunRow = typeof scoringRuns.$inferSelect;
type AttachmentRow = Omit<typeof attachments.$inferSelect, 'content'>;

/** The region setting naming the grade scheme (a scheme code, or a scheme object). */
export const GRADE_SCHEME_SETTING = 'grading.scheme';

const CHUNK = 500;

const toSubject = (r: SubjectRow): SubjectRecord => ({
  id: r.id,
  mofDivCode: r.mofDivCode,
  kind: r.kind,
  refCode: r.refCode,
  name: r.name,
  organizationId: r.organizationId,
  active: r.active,
  sortOrder: r.sortOrder,
});

const toInput = (r: InputRow): InputValueRecord => ({
  id: r.id,
  templateVersionId: r.templateVersionId,
  subjectId: r.subjectId,
  fiscalYear: r.fiscalYear,
  mofDivCode: r.mofDivCode,
  inputKey: r.inputKey,
  value: r.value,
  source: r.source,
  evidenceNote: r.evidenceNote,
  attachmentId: r.attachmentId,
  enteredBy: r.enteredBy,
  enteredAt: r.enteredAt,
  version: r.version,
});

const toRun = (r: RunRow): RunRecord => ({
  id: r.id,
  templateVersionId: r.templateVersionId,
  fiscalYear: r.fiscalYear,
  mofDivCode: r.mofDivCode,
  name: r.name,
  gradeScheme: r.gradeScheme,
  status: r.status,
  subjectCount: r.subjectCount,
  jobId: r.jobId,
  error: r.error,
  summary: r.summary,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  finishedAt: r.finishedAt,
});

const toAttachment = (r: AttachmentRow): AttachmentInfo => ({
  id: r.id,
  mofDivCode: r.mofDivCode,
  fileName: r.fileName,
  contentType: r.contentType,
  sizeBytes: r.sizeBytes,
  sha256: r.sha256,
  objectType: r.objectType,
  objectId: r.objectId,
  uploadedBy: r.uploadedBy,
  createdAt: r.createdAt,
});

const attachmentInfoColumns = {
  id: attachments.id,
  mofDivCode: attachments.mofDivCode,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  objectType: attachments.objectType,
  objectId: attachments.objectId,
  uploadedBy: attachments.uploadedBy,
  createdAt: attachments.createdAt,
};

const versionColumns = {
  id: templateVersions.id,
  templateId: templateVersions.templateId,
  templateCode: templates.code,
  templateName: templates.name,
  templateNameEn: templates.nameEn,
  subjectKind: templates.subjectKind,
  mofDivCode: templates.mofDivCode,
  fiscalYear: templateVersions.fiscalYear,
  versionNo: templateVersions.versionNo,
  status: templateVersions.status,
  definition: templateVersions.definition,
  gradeScheme: templateVersions.gradeScheme,
  publishedAt: templateVersions.publishedAt,
};

const resultColumns = {
  runId: scoringResults.runId,
  subjectId: scoringResults.subjectId,
  mofDivCode: scoringResults.mofDivCode,
  total: scoringResults.total,
  grade: scoringResults.grade,
  rank: scoringResults.rank,
  nodePoints: scoringResults.nodePoints,
  inputs: scoringResults.inputs,
  missing: scoringResults.missing,
  subjectName: subjects.name,
  subjectRefCode: subjects.refCode,
  subjectKind: subjects.kind,
  organizationId: subjects.organizationId,
};

/** Results of subjects in the scope (divisions and, for organization-bound users, organizations). */
function inScope(scope: ResultScope): SQL {
  const div = inArray(scoringResults.mofDivCode, [...scope.divisionCodes, '']);
  if (scope.organizationIds === null) return div;
  return and(div, inArray(subjects.organizationId, [...scope.organizationIds, sqlNullUuid]))!;
}
/** A uuid no organization has, so that an empty list still makes valid SQL. */
const sqlNullUuid = '00000000-0000-0000-0000-000000000000';

export function makeScoringRepo(db: Db): ScoringPort {
  const settings = makeSettingRepo(db);
  const reference = makeReferenceRepo(db);

  return {
    async getVersion(id) {
      const [row] = await db
        .select(versionColumns)
        .from(templateVersions)
        .innerJoin(templates, eq(templates.id, templateVersions.templateId))
        .where(eq(templateVersions.id, id));
      return (row as ScoringVersionRecord | undefined) ?? null;
    },

    async listVersions(filter) {
      if (filter.templateDivisionCodes.length === 0 || filter.statuses.length === 0) return [];
      const rows = await db
        .select(versionColumns)
        .from(templateVersions)
        .innerJoin(templates, eq(templates.id, templateVersions.templateId))
        .where(
          and(
            inArray(templates.mofDivCode, [...filter.templateDivisionCodes]),
            inArray(templateVersions.status, [...filter.statuses]),
            eq(templates.status, 'active'),
            filter.fiscalYear === undefined ? undefined : eq(templateVersions.fiscalYear, filter.fiscalYear),
          ),
        )
        .orderBy(desc(templateVersions.fiscalYear), asc(templates.code), desc(templateVersions.versionNo));
      return rows as ScoringVersionRecord[];
    },

    async configuredGradeScheme(mofDivCode, fiscalYear) {
      const setting = await settings.getEffective<unknown>(mofDivCode, fiscalYear, GRADE_SCHEME_SETTING);
      const value = setting?.value;
      if (typeof value === 'string') return reference.getGradeScheme(value);
      if (value && typeof value === 'object' && Array.isArray((value as GradeScheme).bands)) {
        return value as GradeScheme;
      }
      return null;
    },

    async listSubjects(filter) {
      if (filter.divisionCodes.length === 0) return [];
      const rows = await db
        .select()
        .from(subjects)
        .where(
          and(
            eq(subjects.kind, filter.kind),
            eq(subjects.active, true),
            inArray(subjects.mofDivCode, [...filter.divisionCodes]),
            filter.organizationIds === null
              ? undefined
              : inArray(subjects.organizationId, [...filter.organizationIds, sqlNullUuid]),
          ),
        )
        .orderBy(asc(subjects.sortOrder), asc(subjects.refCode));
      return rows.map(toSubject);
    },

    async getSubject(id) {
      const [row] = await db.select().from(subjects).where(eq(subjects.id, id));
      return row ? toSubject(row) : null;
    },

    async insertMissingSubjects(list) {
      const out: SubjectRecord[] = [];
      for (let i = 0; i < list.length; i += CHUNK) {
        const rows = await db
          .insert(subjects)
          .values(list.slice(i, i + CHUNK).map((s) => ({ ...s })))
          .onConflictDoNothing()
          .returning();
        out.push(...rows.map(toSubject));
      }
      return out;
    },

    async listInputValues(versionId, subjectIds) {
      if (subjectIds && subjectIds.length === 0) return [];
      const rows = await db
        .select()
        .from(inputValues)
        .where(
          and(
            eq(inputValues.templateVersionId, versionId),
            subjectIds ? inArray(inputValues.subjectId, [...subjectIds]) : undefined,
          ),
        );
      return rows.map(toInput);
    },

    async saveInputValue(w, expectedVersion) {
      if (expectedVersion === null) {
        const rows = await db
          .insert(inputValues)
          .values({ ...w })
          .onConflictDoNothing()
          .returning();
        return rows[0] ? toInput(rows[0]) : null;
      }
      const rows = await db
        .update(inputValues)
        .set({
          value: w.value,
          source: w.source,
          evidenceNote: w.evidenceNote,
          attachmentId: w.attachmentId,
          enteredBy: w.enteredBy,
          enteredAt: w.enteredAt,
          version: sql`${inputValues.version} + 1`,
          updatedAt: w.enteredAt,
        })
        .where(
          and(
            eq(inputValues.templateVersionId, w.templateVersionId),
            eq(inputValues.subjectId, w.subjectId),
            eq(inputValues.inputKey, w.inputKey),
            eq(inputValues.version, expectedVersion),
          ),
        )
        .returning();
      return rows[0] ? toInput(rows[0]) : null;
    },

    async upsertInputValues(writes) {
      let n = 0;
      for (let i = 0; i < writes.length; i += CHUNK) {
        const rows = await db
          .insert(inputValues)
          .values(writes.slice(i, i + CHUNK).map((w) => ({ ...w })))
          .onConflictDoUpdate({
            target: [inputValues.templateVersionId, inputValues.subjectId, inputValues.inputKey],
            set: {
              value: sql`excluded.value`,
              source: sql`excluded.source`,
              evidenceNote: sql`excluded.evidence_note`,
              attachmentId: sql`excluded.attachment_id`,
              enteredBy: sql`excluded.entered_by`,
              enteredAt: sql`excluded.entered_at`,
              version: sql`${inputValues.version} + 1`,
              updatedAt: sql`excluded.entered_at`,
            },
          })
          .returning({ id: inputValues.id });
        n += rows.length;
      }
      return n;
    },

    async deleteInputValue(id, expectedVersion) {
      const rows = await db
        .delete(inputValues)
        .where(and(eq(inputValues.id, id), eq(inputValues.version, expectedVersion)))
        .returning({ id: inputValues.id });
      return rows.length > 0;
    },

    async createAttachment(a) {
      const [row] = await db
        .insert(attachments)
        .values({ ...a, sizeBytes: a.content.byteLength })
        .returning(attachmentInfoColumns);
      return toAttachment(row!);
    },

    async getAttachment(id) {
      const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
      return row ? { ...toAttachment(row), content: row.content } : null;
    },

    async listAttachmentInfo(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .select(attachmentInfoColumns)
        .from(attachments)
        .where(inArray(attachments.id, [...ids]));
      return rows.map(toAttachment);
    },

    async createRun(run) {
      const [row] = await db
        .insert(scoringRuns)
        .values({ ...run, status: 'queued' })
        .returning();
      return toRun(row!);
    },

    async setRunJob(runId, jobId) {
      await db.update(scoringRuns).set({ jobId }).where(eq(scoringRuns.id, runId));
    },

    async getRun(id) {
      const [row] = await db.select().from(scoringRuns).where(eq(scoringRuns.id, id));
      return row ? toRun(row) : null;
    },

    async markRun(id, patch) {
      await db
        .update(scoringRuns)
        .set({
          status: patch.status,
          ...(patch.subjectCount !== undefined ? { subjectCount: patch.subjectCount } : {}),
          ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
          ...(patch.error !== undefined ? { error: patch.error } : {}),
          ...(patch.finishedAt !== undefined ? { finishedAt: patch.finishedAt } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(scoringRuns.id, id));
    },

    async listRuns(f) {
      const visibleResult = sql`exists (select 1 from ${scoringResults} join ${subjects} on ${subjects.id} = ${scoringResults.subjectId}
        where ${scoringResults.runId} = ${scoringRuns.id} and ${inScope(f.scope)})`;
      const byDivision =
        f.runDivisionCodes === null
          ? sql`true`
          : f.runDivisionCodes.length > 0
            ? inArray(scoringRuns.mofDivCode, [...f.runDivisionCodes])
            : sql`false`;
      const where = and(
        or(byDivision, visibleResult),
        eq(scoringRuns.isWhatIf, false),
        f.fiscalYear === undefined ? undefined : eq(scoringRuns.fiscalYear, f.fiscalYear),
        f.templateVersionId === undefined
          ? undefined
          : eq(scoringRuns.templateVersionId, f.templateVersionId),
        f.templateId === undefined ? undefined : eq(templateVersions.templateId, f.templateId),
      );
      const base = db
        .select({
          run: scoringRuns,
          templateId: templateVersions.templateId,
          versionNo: templateVersions.versionNo,
          templateName: templates.name,
          templateNameEn: templates.nameEn,
          subjectKind: templates.subjectKind,
        })
        .from(scoringRuns)
        .innerJoin(templateVersions, eq(templateVersions.id, scoringRuns.templateVersionId))
        .innerJoin(templates, eq(templates.id, templateVersions.templateId))
        .where(where);
      const [rows, [total]] = await Promise.all([
        base.orderBy(desc(scoringRuns.createdAt)).limit(f.limit).offset(f.offset),
        db
          .select({ n: count() })
          .from(scoringRuns)
          .innerJoin(templateVersions, eq(templateVersions.id, scoringRuns.templateVersionId))
          .where(where),
      ]);
      return {
        items: rows.map((r): RunListItem => ({
          ...toRun(r.run),
          templateId: r.templateId,
          versionNo: r.versionNo,
          templateName: r.templateName,
          templateNameEn: r.templateNameEn,
          subjectKind: r.subjectKind,
        })),
        total: Number(total?.n ?? 0),
      };
    },

    async replaceResults(runId, results) {
      await db.delete(scoringResults).where(eq(scoringResults.runId, runId));
      for (let i = 0; i < results.length; i += CHUNK) {
        await db.insert(scoringResults).values(
          results.slice(i, i + CHUNK).map((r) => ({
            runId: r.runId,
            subjectId: r.subjectId,
            mofDivCode: r.mofDivCode,
            total: r.total,
            grade: r.grade,
            rank: r.rank,
            nodePoints: { ...r.nodePoints },
            inputs: r.inputs ? { ...r.inputs } : null,
            missing: r.missing ? [...r.missing] : null,
          })),
        );
      }
    },

    async queryResults(runId, q) {
      const conds: (SQL | undefined)[] = [eq(scoringResults.runId, runId), inScope(q.scope)];
      if (q.grade) conds.push(eq(scoringResults.grade, q.grade));
      if (q.divisionCodes) conds.push(inArray(scoringResults.mofDivCode, [...q.divisionCodes, '']));
      if (q.q) {
        const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conds.push(or(ilike(subjects.name, like), ilike(subjects.refCode, like)));
      }
      const where = and(...conds);
      const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
      const key: SQL =
        q.sort === 'rank'
          ? sql`${scoringResults.rank} ${dir} nulls last, ${scoringResults.total} desc`
          : q.sort === 'total'
            ? sql`${scoringResults.total} ${dir}`
            : q.sort === 'name'
              ? sql`${subjects.name} ${dir}`
              : q.sort === 'code'
                ? sql`${subjects.refCode} ${dir}`
                : sql`(${scoringResults.nodePoints} ->> ${q.sort.slice(5)})::float8 ${dir} nulls last`;
      const query = db
        .select(resultColumns)
        .from(scoringResults)
        .innerJoin(subjects, eq(subjects.id, scoringResults.subjectId))
        .where(where)
        .orderBy(key, asc(subjects.sortOrder), asc(subjects.refCode));
      const [items, [total]] = await Promise.all([
        q.limit === null ? query : query.limit(q.limit).offset(q.offset),
        db
          .select({ n: count() })
          .from(scoringResults)
          .innerJoin(subjects, eq(subjects.id, scoringResults.subjectId))
          .where(where),
      ]);
      return { items: items as ResultRow[], total: Number(total?.n ?? 0) };
    },

    async getResult(runId, subjectId) {
      const [row] = await db
        .select(resultColumns)
        .from(scoringResults)
        .innerJoin(subjects, eq(subjects.id, scoringResults.subjectId))
        .where(and(eq(scoringResults.runId, runId), eq(scoringResults.subjectId, subjectId)));
      return (row as ResultRow | undefined) ?? null;
    },

    async allResults(runId) {
      const rows = await db
        .select({
          runId: scoringResults.runId,
          subjectId: scoringResults.subjectId,
          mofDivCode: scoringResults.mofDivCode,
          total: scoringResults.total,
          grade: scoringResults.grade,
          rank: scoringResults.rank,
          nodePoints: scoringResults.nodePoints,
          inputs: scoringResults.inputs,
          missing: scoringResults.missing,
        })
        .from(scoringResults)
        .innerJoin(subjects, eq(subjects.id, scoringResults.subjectId))
        .where(eq(scoringResults.runId, runId))
        .orderBy(asc(subjects.sortOrder), asc(subjects.refCode), asc(subjects.id));
      return rows as ResultRecord[];
    },

    async gradeCounts(runId, scope) {
      const rows = await db
        .select({ grade: scoringResults.grade, count: sql<number>`count(*)::int` })
        .from(scoringResults)
        .innerJoin(subjects, eq(subjects.id, scoringResults.subjectId))
        .where(and(eq(scoringResults.runId, runId), inScope(scope)))
        .groupBy(scoringResults.grade);
      return rows;
    },

    async history(subjectId, templateId) {
      const rows = await db
        .select({
          runId: scoringRuns.id,
          runName: scoringRuns.name,
          fiscalYear: scoringRuns.fiscalYear,
          templateVersionId: scoringRuns.templateVersionId,
          versionNo: templateVersions.versionNo,
          finishedAt: scoringRuns.finishedAt,
          total: scoringResults.total,
          grade: scoringResults.grade,
          rank: scoringResults.rank,
          summary: scoringRuns.summary,
          gradeScheme: scoringRuns.gradeScheme,
        })
        .from(scoringResults)
        .innerJoin(scoringRuns, eq(scoringRuns.id, scoringResults.runId))
        .innerJoin(templateVersions, eq(templateVersions.id, scoringRuns.templateVersionId))
        .where(
          and(
            eq(scoringResults.subjectId, subjectId),
            eq(templateVersions.templateId, templateId),
            eq(scoringRuns.status, 'succeeded'),
            eq(scoringRuns.isWhatIf, false),
          ),
        )
        .orderBy(asc(scoringRuns.fiscalYear), asc(scoringRuns.finishedAt));
      return rows.map(({ summary, ...r }): HistoryPoint => ({
        ...r,
        ranked: Number((summary as { ranked?: number } | null)?.ranked ?? 0),
      }));
    },
  };
}
