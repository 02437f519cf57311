/**
 * Self-evaluations (单位自评, implements core/selfeval SelfEvaluationPort): stored 项目支出绩效自评表 with
 * their check, the projects they belong to, uploaded source files and the checker's settings. Every listing
 * filters by the division codes (and organization ids) it is given; the services decide what those are.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { GradeScheme } from '../../core/scoring/grades.ts';
import type {
  NewSelfEvaluation,
  ProjectRef,
  SelfEvaluationFilter,
  SelfEvaluationPort,
  SelfEvaluationRecord,
  SelfEvaluationSort,
  SelfEvaluationSummary,
  SelfEvaluationStatus,
} from '../../core/selfeval/ports.ts';
import type { Db } from '../client.ts';
import { attachments, organizations, projects, selfEvaluations } from '../schema.ts';
import { makeReferenceRepo } from './reference-repo.ts';
import { makeSettingRepo } from './setting-repo.ts';

/** The region settings the checker reads. */
export const GRADE_SCHEME_SETTING = 'grading.scheme';
export const MIN_EXECUTION_RATE_SETTING = 'selfeval.execution_explanation_below';

const findingCount = sql<number>`jsonb_array_length(${selfEvaluations.findings})::int`;
const departmentName = sql<
  string | null
>`coalesce(${organizations.name}, ${selfEvaluations.table} ->> 'department')`;

const summaryColumns = {
  id: selfEvaluations.id,
  mofDivCode: selfEvaluations.mofDivCode,
  fiscalYear: selfEvaluations.fiscalYear,
  projectId: selfEvaluations.projectId,
  proCode: selfEvaluations.proCode,
  projectName: selfEvaluations.projectName,
  departmentId: projects.departmentId,
  departmentName,
  formulaTotal: selfEvaluations.formulaTotal,
  printedTotal: selfEvaluations.printedTotal,
  grade: selfEvaluations.grade,
  findingCount,
  status: selfEvaluations.status,
  sourceAttachmentId: selfEvaluations.sourceAttachmentId,
  submittedAt: selfEvaluations.submittedAt,
  version: selfEvaluations.version,
  updatedAt: selfEvaluations.updatedAt,
};

const recordColumns = {
  ...summaryColumns,
  agencyId: projects.agencyId,
  table: selfEvaluations.table,
  findings: selfEvaluations.findings,
  submittedBy: selfEvaluations.submittedBy,
  createdAt: selfEvaluations.createdAt,
};

const SORT_COLUMNS: Record<SelfEvaluationSort, SQL> = {
  projectName: sql`${selfEvaluations.projectName}`,
  department: departmentName,
  fiscalYear: sql`${selfEvaluations.fiscalYear}`,
  printedTotal: sql`${selfEvaluations.printedTotal}`,
  formulaTotal: sql`${selfEvaluations.formulaTotal}`,
  // a grade follows its total
  grade: sql`${selfEvaluations.formulaTotal}`,
  findingCount,
  updatedAt: sql`${selfEvaluations.updatedAt}`,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: unknown };
type RecordRow = { [K in keyof typeof recordColumns]: unknown };

function toSummary(r: SummaryRow): SelfEvaluationSummary {
  return {
    id: r.id as string,
    mofDivCode: r.mofDivCode as string,
    fiscalYear: r.fiscalYear as number,
    projectId: r.projectId as string | null,
    proCode: r.proCode as string | null,
    projectName: r.projectName as string,
    departmentId: r.departmentId as string | null,
    departmentName: r.departmentName as string | null,
    formulaTotal: r.formulaTotal === null ? null : Number(r.formulaTotal),
    printedTotal: r.printedTotal === null ? null : Number(r.printedTotal),
    grade: r.grade as string | null,
    findingCount: Number(r.findingCount),
    status: r.status as SelfEvaluationStatus,
    sourceAttachmentId: r.sourceAttachmentId as string | null,
    submittedAt: r.submittedAt as Date | null,
    version: r.version as number,
    updatedAt: r.updatedAt as Date,
  };
}

function toRecord(r: RecordRow): SelfEvaluationRecord {
  return {
    ...toSummary(r),
    agencyId: r.agencyId as string | null,
    table: r.table,
    findings: r.findings,
    submittedBy: r.submittedBy as string | null,
    createdAt: r.createdAt as Date,
  };
}

const likeOf = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** Organization-bound scope: the project's department or its unit is one of the ids. */
function orgCondition(ids: readonly string[] | null): SQL | undefined {
  if (ids === null) return undefined;
  if (ids.length === 0) return sql`false`;
  return or(inArray(projects.departmentId, [...ids]), inArray(projects.agencyId, [...ids]));
}

export function makeSelfEvalRepo(db: Db): SelfEvaluationPort {
  const settings = makeSettingRepo(db);
  const reference = makeReferenceRepo(db);

  const base = () =>
    db
      .select(recordColumns)
      .from(selfEvaluations)
      .leftJoin(
        projects,
        and(eq(projects.id, selfEvaluations.projectId), eq(projects.mofDivCode, selfEvaluations.mofDivCode)),
      )
      .leftJoin(
        organizations,
        and(eq(organizations.id, projects.departmentId), eq(organizations.mofDivCode, projects.mofDivCode)),
      );

  async function getBy(where: SQL | undefined): Promise<SelfEvaluationRecord | null> {
    const [row] = await base().where(where).limit(1);
    return row ? toRecord(row) : null;
  }

  function toRow(r: NewSelfEvaluation) {
    return {
      mofDivCode: r.mofDivCode,
      fiscalYear: r.fiscalYear,
      projectId: r.projectId,
      proCode: r.proCode,
      projectName: r.projectName,
      table: r.table,
      formulaTotal: r.formulaTotal,
      printedTotal: r.printedTotal,
      grade: r.grade,
      findings: r.findings,
      status: r.status,
      sourceAttachmentId: r.sourceAttachmentId,
      submittedBy: r.submittedBy,
      submittedAt: r.submittedAt,
    };
  }

  async function projectRef(where: SQL | undefined, limit: number): Promise<ProjectRef[]> {
    return db
      .select({
        id: projects.id,
        mofDivCode: projects.mofDivCode,
        fiscalYear: projects.fiscalYear,
        proCode: projects.proCode,
        name: projects.name,
        departmentId: projects.departmentId,
        departmentName: organizations.name,
        agencyId: projects.agencyId,
      })
      .from(projects)
      .leftJoin(
        organizations,
        and(eq(organizations.id, projects.departmentId), eq(organizations.mofDivCode, projects.mofDivCode)),
      )
      .where(where)
      .orderBy(asc(projects.mofDivCode), asc(projects.proCode))
      .limit(limit);
  }

  async function countWhere(where: SQL | undefined, needsJoin: boolean): Promise<number> {
    const [row] = await (needsJoin
      ? db
          .select({ n: count() })
          .from(selfEvaluations)
          .leftJoin(
            projects,
            and(
              eq(projects.id, selfEvaluations.projectId),
              eq(projects.mofDivCode, selfEvaluations.mofDivCode),
            ),
          )
          .where(where)
      : db.select({ n: count() }).from(selfEvaluations).where(where));
    return Number(row?.n ?? 0);
  }

  const pagesPrepared = new Map<string, ReturnType<typeof preparePage>>();
  function preparePage(sort: SelfEvaluationSort, order: 'asc' | 'desc') {
    const dir = order === 'desc' ? desc : asc;
    const nulls = order === 'desc' ? sql`nulls last` : sql`nulls first`;
    const ordering = [sql`${dir(SORT_COLUMNS[sort])} ${nulls}`, asc(selfEvaluations.id)];
    const ids = db
      .select({ id: selfEvaluations.id })
      .from(selfEvaluations)
      .where(
        and(
          sql`${selfEvaluations.mofDivCode} = any(${sql.placeholder('codes')})`,
          eq(selfEvaluations.fiscalYear, sql.placeholder('year')),
        ),
      )
      .orderBy(...ordering)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'));
    return db
      .select(summaryColumns)
      .from(selfEvaluations)
      .leftJoin(
        projects,
        and(eq(projects.id, selfEvaluations.projectId), eq(projects.mofDivCode, selfEvaluations.mofDivCode)),
      )
      .leftJoin(
        organizations,
        and(eq(organizations.id, projects.departmentId), eq(organizations.mofDivCode, projects.mofDivCode)),
      )
      .where(inArray(selfEvaluations.id, ids))
      .orderBy(...ordering)
      .prepare(`selfeval_page_${sort}_${order}`);
  }
  function preparedPage(sort: SelfEvaluationSort, order: 'asc' | 'desc') {
    const key = `${sort}|${order}`;
    let q = pagesPrepared.get(key);
    if (!q) {
      q = preparePage(sort, order);
      pagesPrepared.set(key, q);
    }
    return q;
  }

  let getPrepared: ReturnType<typeof prepareGet> | null = null;
  function prepareGet() {
    return base()
      .where(eq(selfEvaluations.id, sql.placeholder('id')))
      .limit(1)
      .prepare('selfeval_get');
  }

  function conditions(f: SelfEvaluationFilter): { where: SQL | undefined; needsJoin: boolean } {
    const conds: (SQL | undefined)[] = [
      inArray(selfEvaluations.mofDivCode, [...f.divisionCodes]),
      orgCondition(f.organizationIds),
    ];
    if (f.fiscalYear !== undefined) conds.push(eq(selfEvaluations.fiscalYear, f.fiscalYear));
    if (f.departmentId) conds.push(eq(projects.departmentId, f.departmentId));
    if (f.grades && f.grades.length > 0) conds.push(inArray(selfEvaluations.grade, [...f.grades]));
    if (f.hasFindings === true) conds.push(sql`${findingCount} > 0`);
    if (f.hasFindings === false) conds.push(sql`${findingCount} = 0`);
    if (f.q) {
      const like = likeOf(f.q);
      conds.push(or(ilike(selfEvaluations.projectName, like), ilike(selfEvaluations.proCode, like)));
    }
    const needsJoin = f.organizationIds !== null || f.departmentId !== undefined || f.sort === 'department';
    return { where: and(...conds), needsJoin };
  }

  return {
    async count(f) {
      if (f.divisionCodes.length === 0) return 0;
      const { where, needsJoin } = conditions(f);
      return countWhere(where, needsJoin);
    },

    async list(f) {
      if (f.divisionCodes.length === 0) return { items: [], total: 0 };
      // The common page (divisions and a year, any sort on the table's own columns) is a prepared
      // statement: building the SQL is most of a request's CPU otherwise.
      if (
        f.organizationIds === null &&
        f.fiscalYear !== undefined &&
        f.departmentId === undefined &&
        (f.grades === undefined || f.grades.length === 0) &&
        f.hasFindings === undefined &&
        !f.q &&
        f.sort !== 'department' &&
        f.limit !== null
      ) {
        const total = f.knownTotal ?? (await countWhere(conditions(f).where, false));
        const rows = await preparedPage(f.sort, f.order).execute({
          codes: [...f.divisionCodes],
          year: f.fiscalYear,
          limit: f.limit,
          offset: f.offset,
        });
        return { items: rows.map(toSummary), total };
      }
      // Filters and sorts on projects/organizations need the joins; everything else pages on
      // self_evaluations alone, then joins only the page's rows (a province-wide list has tens of
      // thousands of rows).
      const { where, needsJoin } = conditions(f);
      const joined = () =>
        db
          .select({ id: selfEvaluations.id })
          .from(selfEvaluations)
          .leftJoin(
            projects,
            and(
              eq(projects.id, selfEvaluations.projectId),
              eq(projects.mofDivCode, selfEvaluations.mofDivCode),
            ),
          )
          .leftJoin(
            organizations,
            and(
              eq(organizations.id, projects.departmentId),
              eq(organizations.mofDivCode, projects.mofDivCode),
            ),
          );
      const total = f.knownTotal ?? (await countWhere(where, needsJoin));
      const key = SORT_COLUMNS[f.sort];
      const dir = f.order === 'desc' ? desc : asc;
      const nulls = f.order === 'desc' ? sql`nulls last` : sql`nulls first`;
      const order = [sql`${dir(key)} ${nulls}`, asc(selfEvaluations.id)];
      let ids = (needsJoin ? joined() : db.select({ id: selfEvaluations.id }).from(selfEvaluations))
        .where(where)
        .orderBy(...order)
        .offset(f.offset)
        .$dynamic();
      if (f.limit !== null) ids = ids.limit(f.limit);
      const rows = await db
        .select(summaryColumns)
        .from(selfEvaluations)
        .leftJoin(
          projects,
          and(
            eq(projects.id, selfEvaluations.projectId),
            eq(projects.mofDivCode, selfEvaluations.mofDivCode),
          ),
        )
        .leftJoin(
          organizations,
          and(eq(organizations.id, projects.departmentId), eq(organizations.mofDivCode, projects.mofDivCode)),
        )
        .where(inArray(selfEvaluations.id, ids))
        .orderBy(...order);
      return {
        items: rows.map(toSummary),
        total,
      };
    },

    async get(id) {
      getPrepared ??= prepareGet();
      const [row] = await getPrepared.execute({ id });
      return row ? toRecord(row) : null;
    },

    findByProjectYear: (projectId, fiscalYear) =>
      getBy(and(eq(selfEvaluations.projectId, projectId), eq(selfEvaluations.fiscalYear, fiscalYear))),

    async insert(r) {
      const [row] = await db.insert(selfEvaluations).values(toRow(r)).returning({ id: selfEvaluations.id });
      return (await getBy(eq(selfEvaluations.id, row!.id)))!;
    },

    async replace(id, expectedVersion, r) {
      const [row] = await db
        .update(selfEvaluations)
        .set({ ...toRow(r), version: sql`${selfEvaluations.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(selfEvaluations.id, id), eq(selfEvaluations.version, expectedVersion)))
        .returning({ id: selfEvaluations.id });
      return row ? getBy(eq(selfEvaluations.id, row.id)) : null;
    },

    async getProject(id) {
      const [row] = await projectRef(eq(projects.id, id), 1);
      return row ?? null;
    },

    searchProjects(s) {
      if (s.divisionCodes.length === 0) return Promise.resolve([]);
      const conds: (SQL | undefined)[] = [
        inArray(projects.mofDivCode, [...s.divisionCodes]),
        orgCondition(s.organizationIds),
      ];
      if (s.q) {
        const like = likeOf(s.q);
        conds.push(or(ilike(projects.name, like), ilike(projects.proCode, like)));
      }
      return projectRef(and(...conds), s.limit);
    },

    async listDepartments(divisionCodes, organizationIds) {
      if (divisionCodes.length === 0) return [];
      const conds: (SQL | undefined)[] = [
        inArray(organizations.mofDivCode, [...divisionCodes]),
        eq(organizations.kind, 'budget_department'),
      ];
      if (organizationIds !== null) {
        conds.push(
          organizationIds.length === 0 ? sql`false` : inArray(organizations.id, [...organizationIds]),
        );
      }
      return db
        .select({ id: organizations.id, mofDivCode: organizations.mofDivCode, name: organizations.name })
        .from(organizations)
        .where(and(...conds))
        .orderBy(asc(organizations.mofDivCode), asc(organizations.sortOrder), asc(organizations.name));
    },

    async addAttachment(file) {
      const [row] = await db
        .insert(attachments)
        .values({
          mofDivCode: file.mofDivCode,
          fileName: file.fileName,
          contentType: file.contentType,
          sizeBytes: file.content.byteLength,
          sha256: file.sha256,
          content: file.content,
          objectType: file.objectType,
          objectId: file.objectId,
          uploadedBy: file.uploadedBy,
        })
        .returning({ id: attachments.id });
      return { id: row!.id };
    },

    async linkAttachment(id, objectId) {
      await db.update(attachments).set({ objectId }).where(eq(attachments.id, id));
    },

    async attachmentName(id) {
      const [row] = await db
        .select({ fileName: attachments.fileName })
        .from(attachments)
        .where(eq(attachments.id, id));
      return row?.fileName ?? null;
    },

    async getAttachment(id) {
      const [row] = await db
        .select({
          id: attachments.id,
          mofDivCode: attachments.mofDivCode,
          fileName: attachments.fileName,
          contentType: attachments.contentType,
          content: attachments.content,
        })
        .from(attachments)
        .where(eq(attachments.id, id));
      return row ?? null;
    },

    async checkSettings(mofDivCode, fiscalYear) {
      const [scheme, rate] = await Promise.all([
        settings.getEffective<unknown>(mofDivCode, fiscalYear, GRADE_SCHEME_SETTING),
        settings.getEffective<unknown>(mofDivCode, fiscalYear, MIN_EXECUTION_RATE_SETTING),
      ]);
      let gradeScheme: GradeScheme | null = null;
      const v = scheme?.value;
      if (typeof v === 'string') gradeScheme = await reference.getGradeScheme(v);
      else if (v && typeof v === 'object' && Array.isArray((v as GradeScheme).bands)) {
        gradeScheme = v as GradeScheme;
      }
      const r = rate?.value;
      return {
        gradeScheme,
        minExecutionRate: typeof r === 'number' && Number.isFinite(r) && r > 0 && r <= 1 ? r : null,
      };
    },
  };
}
