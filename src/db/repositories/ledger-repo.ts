/**
 * 通报与整改台账 (implements core/ledger LedgerPort): notices, rectification items and their steps, problem
 * clues, evidence files and the dashboards' counts. Every listing filters by the scope it is given (items
 * owned in, or issued by, the divisions; organization-bound readers only their organizations' items); the
 * services decide what the scope is.
 */
import { and, asc, count, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type {
  ClueRecord,
  FileInfo,
  ItemFilter,
  ItemRecord,
  ItemScope,
  ItemSort,
  LedgerPort,
  NoticeRecord,
  OrganizationRef,
  StepRecord,
} from '../../core/ledger/ports.ts';
import { NOTICE_DEFAULTS_SETTING, PENDING_STATUSES } from '../../core/ledger/notice-defaults.ts';
import type { SourceRef } from '../../core/ledger/types.ts';
import type { Db } from '../client.ts';
import {
  attachments,
  notices,
  organizations,
  problemClues,
  rectificationItems,
  rectificationSteps,
  users,
} from '../schema.ts';
import { makeSettingRepo } from './setting-repo.ts';

const items = rectificationItems;

const itemColumns = {
  id: items.id,
  mofDivCode: items.mofDivCode,
  fiscalYear: items.fiscalYear,
  noticeId: items.noticeId,
  noticeTitle: notices.title,
  noticeDocNo: notices.docNo,
  clueId: items.clueId,
  itemNo: items.itemNo,
  ownerOrgId: items.ownerOrgId,
  ownerOrgName: organizations.name,
  issuerMofDivCode: items.issuerMofDivCode,
  issuerOrgId: items.issuerOrgId,
  subjectId: items.subjectId,
  title: items.title,
  requirement: items.requirement,
  deadline: items.deadline,
  status: items.status,
  evidence: items.evidence,
  submittedAt: items.submittedAt,
  reviewedBy: items.reviewedBy,
  reviewedAt: items.reviewedAt,
  reviewNote: items.reviewNote,
  escalatedAt: items.escalatedAt,
  escalationLevel: items.escalationLevel,
  closedAt: items.closedAt,
  sourceType: items.sourceType,
  sourceId: items.sourceId,
  sourceRef: items.sourceRef,
  createdBy: items.createdBy,
  version: items.version,
  createdAt: items.createdAt,
  updatedAt: items.updatedAt,
};

type ItemRow = { [K in keyof typeof itemColumns]: unknown };

const toItem = (r: ItemRow): ItemRecord =>
  ({
    ...r,
    ownerOrgName: (r.ownerOrgName as string | null) ?? '',
    sourceRef: (r.sourceRef ?? {}) as SourceRef,
  }) as ItemRecord;

const SORTS: Record<ItemSort, SQL> = {
  deadline: sql`${items.deadline}`,
  status: sql`${items.status}`,
  createdAt: sql`${items.createdAt}`,
  owner: sql`${organizations.name}`,
  title: sql`${items.title}`,
  itemNo: sql`${items.itemNo}`,
};

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

const pendingSql = sql`${items.status} in (${list(PENDING_STATUSES)})`;

/** Items owned in, or issued by, the scope's divisions; organization-bound: owned by its organizations. */
function scopeCondition(scope: ItemScope): SQL {
  if (scope.divisionCodes.length === 0) return sql`false`;
  const codes = [...scope.divisionCodes];
  const div = or(inArray(items.mofDivCode, codes), inArray(items.issuerMofDivCode, codes))!;
  if (scope.organizationIds === null) return div;
  if (scope.organizationIds.length === 0) return sql`false`;
  return and(div, inArray(items.ownerOrgId, [...scope.organizationIds]))!;
}

/** The same condition on the alias `i` (correlated subqueries of notices). */
function scopeConditionRaw(scope: ItemScope): SQL {
  if (scope.divisionCodes.length === 0) return sql`false`;
  const codes = list(scope.divisionCodes);
  const div = sql`(i.mof_div_code in (${codes}) or i.issuer_mof_div_code in (${codes}))`;
  if (scope.organizationIds === null) return div;
  if (scope.organizationIds.length === 0) return sql`false`;
  return sql`${div} and i.owner_org_id in (${list(scope.organizationIds)})`;
}

/** Columns of the outer `notices` row in correlated subqueries, always qualified (drizzle leaves a
 * single table's columns unqualified in a select list, where they would bind to the subquery's table). */
const outer = (column: string) => sql.raw(`"notices"."${column}"`);

const likeOf = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

const fileColumns = {
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

export function makeLedgerRepo(db: Db): LedgerPort {
  const settings = makeSettingRepo(db);

  const itemQuery = () =>
    db
      .select(itemColumns)
      .from(items)
      .leftJoin(
        organizations,
        and(eq(organizations.id, items.ownerOrgId), eq(organizations.mofDivCode, items.mofDivCode)),
      )
      .leftJoin(notices, eq(notices.id, items.noticeId));

  async function getItem(id: string): Promise<ItemRecord | null> {
    const [row] = await itemQuery().where(eq(items.id, id)).limit(1);
    return row ? toItem(row) : null;
  }

  const issuerOrg = sql<
    string | null
  >`(select o.name from ${organizations} o where o.id = ${outer('issuer_org_id')})`;
  const issuedByName = sql<
    string | null
  >`(select u.display_name from ${users} u where u.id = ${outer('issued_by')})`;
  const noticeColumns = {
    id: notices.id,
    mofDivCode: notices.mofDivCode,
    fiscalYear: notices.fiscalYear,
    title: notices.title,
    docNo: notices.docNo,
    body: notices.body,
    sourceRunId: notices.sourceRunId,
    status: notices.status,
    issuerOrgId: notices.issuerOrgId,
    issuerOrgName: issuerOrg,
    deadline: notices.deadline,
    issuedBy: notices.issuedBy,
    issuedByName,
    issuedAt: notices.issuedAt,
    closedAt: notices.closedAt,
    version: notices.version,
    createdAt: notices.createdAt,
  };

  async function getNotice(id: string): Promise<NoticeRecord | null> {
    const [row] = await db.select(noticeColumns).from(notices).where(eq(notices.id, id)).limit(1);
    return (row as NoticeRecord | undefined) ?? null;
  }

  function itemWhere(f: ItemFilter): SQL | undefined {
    const conds: (SQL | undefined)[] = [scopeCondition(f.scope)];
    if (f.statuses && f.statuses.length > 0) conds.push(inArray(items.status, [...f.statuses]));
    if (f.overdue === true) conds.push(and(pendingSql, lt(items.deadline, f.today)));
    if (f.overdue === false) conds.push(sql`not (${pendingSql} and ${items.deadline} < ${f.today})`);
    if (f.sourceTypes && f.sourceTypes.length > 0) conds.push(inArray(items.sourceType, [...f.sourceTypes]));
    if (f.ownerOrgIds) {
      conds.push(f.ownerOrgIds.length === 0 ? sql`false` : inArray(items.ownerOrgId, [...f.ownerOrgIds]));
    }
    if (f.ownerDivisionCodes) {
      conds.push(
        f.ownerDivisionCodes.length === 0 ? sql`false` : inArray(items.mofDivCode, [...f.ownerDivisionCodes]),
      );
    }
    if (f.issuerMofDivCode) conds.push(eq(items.issuerMofDivCode, f.issuerMofDivCode));
    if (f.noticeId) conds.push(eq(items.noticeId, f.noticeId));
    if (f.deadlineFrom) conds.push(sql`${items.deadline} >= ${f.deadlineFrom}`);
    if (f.deadlineTo) conds.push(sql`${items.deadline} <= ${f.deadlineTo}`);
    if (f.q) {
      const like = likeOf(f.q);
      conds.push(
        or(ilike(items.title, like), ilike(items.requirement, like), ilike(organizations.name, like)),
      );
    }
    return and(...conds);
  }

  return {
    async createNotice(n) {
      const [row] = await db
        .insert(notices)
        .values({
          mofDivCode: n.mofDivCode,
          fiscalYear: n.fiscalYear,
          title: n.title,
          docNo: n.docNo,
          body: n.body,
          sourceRunId: n.sourceRunId,
          status: 'issued',
          issuerOrgId: n.issuerOrgId,
          deadline: n.deadline,
          issuedBy: n.issuedBy,
          issuedAt: n.issuedAt,
          createdBy: n.issuedBy,
        })
        .returning({ id: notices.id });
      return (await getNotice(row!.id))!;
    },

    getNotice,

    async listNotices(f) {
      const scoped = scopeConditionRaw(f.scope);
      const visible =
        f.scope.organizationIds === null && f.scope.divisionCodes.length > 0
          ? or(
              inArray(notices.mofDivCode, [...f.scope.divisionCodes]),
              sql`exists (select 1 from ${items} i where i.notice_id = ${outer('id')} and ${scoped})`,
            )
          : sql`exists (select 1 from ${items} i where i.notice_id = ${outer('id')} and ${scoped})`;
      const conds: (SQL | undefined)[] = [visible];
      if (f.fiscalYear !== undefined) conds.push(eq(notices.fiscalYear, f.fiscalYear));
      if (f.runId) conds.push(eq(notices.sourceRunId, f.runId));
      if (f.q) {
        const like = likeOf(f.q);
        conds.push(or(ilike(notices.title, like), ilike(notices.docNo, like)));
      }
      const where = and(...conds);
      const [total] = await db.select({ n: count() }).from(notices).where(where);
      const counted = (extra: SQL) =>
        sql<number>`(select count(*)::int from ${items} i where i.notice_id = ${outer('id')} and ${scoped} and ${extra})`;
      const rows = await db
        .select({
          ...noticeColumns,
          itemCount: counted(sql`true`),
          acceptedCount: counted(sql`i.status in ('accepted', 'closed')`),
          overdueCount: counted(sql`i.status in (${list(PENDING_STATUSES)}) and i.deadline < ${f.today}`),
          ownerCount: sql<number>`(select count(distinct i.owner_org_id)::int from ${items} i where i.notice_id = ${outer('id')} and ${scoped})`,
        })
        .from(notices)
        .where(where)
        .orderBy(desc(notices.issuedAt), desc(notices.createdAt))
        .offset(f.offset)
        .limit(f.limit);
      return {
        items: rows.map((r) => ({
          ...(r as NoticeRecord),
          itemCount: Number(r.itemCount),
          acceptedCount: Number(r.acceptedCount),
          overdueCount: Number(r.overdueCount),
          ownerCount: Number(r.ownerCount),
        })),
        total: Number(total?.n ?? 0),
      };
    },

    async setNoticeStatus(id, status, closedAt) {
      await db
        .update(notices)
        .set({ status, closedAt, version: sql`${notices.version} + 1`, updatedAt: sql`now()` })
        .where(eq(notices.id, id));
    },

    async insertItems(rows) {
      if (rows.length === 0) return [];
      const inserted = await db
        .insert(items)
        .values(
          rows.map((r) => ({
            mofDivCode: r.mofDivCode,
            fiscalYear: r.fiscalYear,
            noticeId: r.noticeId,
            clueId: r.clueId,
            itemNo: r.itemNo,
            ownerOrgId: r.ownerOrgId,
            issuerMofDivCode: r.issuerMofDivCode,
            issuerOrgId: r.issuerOrgId,
            subjectId: r.subjectId,
            title: r.title,
            requirement: r.requirement,
            deadline: r.deadline,
            status: 'open' as const,
            sourceType: r.sourceType,
            sourceId: r.sourceId,
            sourceRef: r.sourceRef,
            createdBy: r.createdBy,
          })),
        )
        .returning({ id: items.id });
      const ids = inserted.map((r) => r.id);
      const rowsOut = await itemQuery().where(inArray(items.id, ids));
      const byId = new Map(rowsOut.map((r) => [r.id as string, toItem(r)]));
      return ids.map((id) => byId.get(id)!);
    },

    getItem,

    async listItems(f) {
      const where = itemWhere(f);
      const [total] = await db
        .select({ n: count() })
        .from(items)
        .leftJoin(
          organizations,
          and(eq(organizations.id, items.ownerOrgId), eq(organizations.mofDivCode, items.mofDivCode)),
        )
        .where(where);
      const dir = f.order === 'desc' ? desc : asc;
      let q = itemQuery()
        .where(where)
        .orderBy(dir(SORTS[f.sort]), asc(items.deadline), asc(items.itemNo), asc(items.id))
        .offset(f.offset)
        .$dynamic();
      if (f.limit !== null) q = q.limit(f.limit);
      return { items: (await q).map(toItem), total: Number(total?.n ?? 0) };
    },

    async updateItem(id, expectedVersion, patch) {
      const [row] = await db
        .update(items)
        .set({ ...patch, version: sql`${items.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(items.id, id), eq(items.version, expectedVersion)))
        .returning({ id: items.id });
      return row ? getItem(row.id) : null;
    },

    async itemsOf(of) {
      const cond = of.noticeId
        ? eq(items.noticeId, of.noticeId)
        : of.clueId
          ? eq(items.clueId, of.clueId)
          : sql`false`;
      return (await itemQuery().where(cond).orderBy(asc(items.itemNo))).map(toItem);
    },

    async appendSteps(steps) {
      if (steps.length === 0) return;
      await db.insert(rectificationSteps).values(
        steps.map((s) => ({
          itemId: s.itemId,
          mofDivCode: s.mofDivCode,
          event: s.event,
          fromStatus: s.fromStatus,
          toStatus: s.toStatus,
          actorId: s.actorId,
          actorName: s.actorName,
          opinion: s.opinion,
          evidence: s.evidence,
          attachments: s.attachments,
          at: s.at,
        })),
      );
    },

    async listSteps(itemId) {
      const rows = await db
        .select()
        .from(rectificationSteps)
        .where(eq(rectificationSteps.itemId, itemId))
        .orderBy(asc(rectificationSteps.seq));
      return rows.map((r): StepRecord => ({
        id: r.id,
        itemId: r.itemId,
        mofDivCode: r.mofDivCode,
        event: r.event,
        fromStatus: r.fromStatus,
        toStatus: r.toStatus,
        actorId: r.actorId,
        actorName: r.actorName,
        opinion: r.opinion,
        evidence: r.evidence,
        attachments: (r.attachments ?? []) as StepRecord['attachments'],
        at: r.at,
      }));
    },

    async escalateOverdue(today, at) {
      const marked = await db
        .update(items)
        .set({ escalatedAt: at, escalationLevel: 1, updatedAt: sql`now()` })
        .where(and(pendingSql, lt(items.deadline, today), isNull(items.escalatedAt)))
        .returning({ id: items.id });
      if (marked.length === 0) return [];
      return (
        await itemQuery().where(
          inArray(
            items.id,
            marked.map((m) => m.id),
          ),
        )
      ).map(toItem);
    },

    async createClue(c) {
      const [row] = await db
        .insert(problemClues)
        .values({
          mofDivCode: c.mofDivCode,
          fiscalYear: c.fiscalYear,
          reportedMofDivCode: c.reportedMofDivCode,
          source: c.source,
          sourceType: c.sourceType,
          sourceId: c.sourceId,
          subjectOrgId: c.subjectOrgId,
          title: c.title,
          description: c.description,
          sourceDocument: c.sourceDocument,
          attachmentId: c.attachmentId,
          severity: c.severity,
          amountFen: c.amountFen,
          createdBy: c.createdBy,
        })
        .returning();
      return row as ClueRecord;
    },

    async getClue(id) {
      const [row] = await db.select().from(problemClues).where(eq(problemClues.id, id));
      return (row as ClueRecord | undefined) ?? null;
    },

    async setClueStatus(id, status) {
      await db
        .update(problemClues)
        .set({ status, version: sql`${problemClues.version} + 1`, updatedAt: sql`now()` })
        .where(eq(problemClues.id, id));
    },

    async setClueAttachment(id, attachmentId) {
      await db
        .update(problemClues)
        .set({ attachmentId, version: sql`${problemClues.version} + 1`, updatedAt: sql`now()` })
        .where(eq(problemClues.id, id));
    },

    async createFile(f) {
      const [row] = await db
        .insert(attachments)
        .values({ ...f, sizeBytes: f.content.byteLength })
        .returning(fileColumns);
      return row as FileInfo;
    },

    async getFile(id) {
      const [row] = await db
        .select({ ...fileColumns, content: attachments.content })
        .from(attachments)
        .where(eq(attachments.id, id));
      return (row as (FileInfo & { content: Uint8Array }) | undefined) ?? null;
    },

    async listFiles(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .select(fileColumns)
        .from(attachments)
        .where(inArray(attachments.id, [...ids]));
      return rows as FileInfo[];
    },

    async filesOf(objectType, objectId) {
      const rows = await db
        .select(fileColumns)
        .from(attachments)
        .where(and(eq(attachments.objectType, objectType), eq(attachments.objectId, objectId)))
        .orderBy(asc(attachments.createdAt));
      return rows as FileInfo[];
    },

    async financeBureauOf(mofDivCode) {
      const [row] = await db
        .select({
          id: organizations.id,
          mofDivCode: organizations.mofDivCode,
          kind: organizations.kind,
          name: organizations.name,
          parentId: organizations.parentId,
        })
        .from(organizations)
        .where(
          and(
            eq(organizations.mofDivCode, mofDivCode),
            eq(organizations.kind, 'finance_bureau'),
            eq(organizations.status, 'active'),
          ),
        )
        .orderBy(
          sql`${organizations.parentId} is not null`,
          asc(organizations.sortOrder),
          asc(organizations.name),
        )
        .limit(1);
      return (row as OrganizationRef | undefined) ?? null;
    },

    async getOrganization(id) {
      const [row] = await db
        .select({
          id: organizations.id,
          mofDivCode: organizations.mofDivCode,
          kind: organizations.kind,
          name: organizations.name,
          parentId: organizations.parentId,
        })
        .from(organizations)
        .where(eq(organizations.id, id));
      return (row as OrganizationRef | undefined) ?? null;
    },

    async noticeDefaults(mofDivCode, fiscalYear) {
      const s = await settings.getEffective(mofDivCode, fiscalYear, NOTICE_DEFAULTS_SETTING);
      return s?.value ?? null;
    },

    async taskCounts(q) {
      const overdue = sql`${pendingSql} and ${items.deadline} < ${q.today}`;
      let ownerPending = 0;
      let ownerOverdue = 0;
      let ownerNextDeadline: string | null = null;
      if (q.ownerOrgIds.length > 0) {
        const [row] = await db
          .select({
            pending: sql<number>`count(*) filter (where ${items.status} in ('open', 'returned'))::int`,
            overdue: sql<number>`count(*) filter (where ${overdue})::int`,
            next: sql<
              string | null
            >`(min(${items.deadline}) filter (where ${items.status} in ('open', 'returned')))::text`,
          })
          .from(items)
          .where(inArray(items.ownerOrgId, [...q.ownerOrgIds]));
        ownerPending = Number(row?.pending ?? 0);
        ownerOverdue = Number(row?.overdue ?? 0);
        ownerNextDeadline = row?.next ? String(row.next).slice(0, 10) : null;
      }
      let issuerToReview = 0;
      let issuerOverdue = 0;
      if (q.issuerMofDivCode) {
        const [row] = await db
          .select({
            review: sql<number>`count(*) filter (where ${items.status} = 'submitted')::int`,
            overdue: sql<number>`count(*) filter (where ${overdue})::int`,
          })
          .from(items)
          .where(eq(items.issuerMofDivCode, q.issuerMofDivCode));
        issuerToReview = Number(row?.review ?? 0);
        issuerOverdue = Number(row?.overdue ?? 0);
      }
      return { ownerPending, ownerOverdue, ownerNextDeadline, issuerToReview, issuerOverdue };
    },
  };
}
