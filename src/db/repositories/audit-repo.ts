/**
 * The audit log (implements core/audit AuditPort). Append-only (a trigger refuses UPDATE, DELETE and
 * TRUNCATE) and hash-chained: hash = sha256(prev_hash | canonical JSON of the event). Appends take a
 * transaction-scoped advisory lock so that concurrent writers extend one chain, never fork it.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type {
  AuditEventInput,
  AuditEventRecord,
  AuditFilter,
  AuditPort,
  AuditVerification,
} from '../../core/audit/ports.ts';
import type { Db } from '../client.ts';
import { auditEvents } from '../schema.ts';

/** Arbitrary constant: the advisory lock key of the audit chain. */
const AUDIT_LOCK_KEY = 7_215_331_002;

/** JSON with object keys sorted at every level, dates as ISO strings: the same bytes before and after a
 * round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

/** jsonb cannot hold Dates or undefined: store what canonicalJson hashes. */
function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(canonicalJson(value));
}

export function auditHash(
  prevHash: string | null,
  e: Omit<AuditEventRecord, 'hash' | 'prevHash' | 'id'>,
): string {
  const body = canonicalJson({
    at: e.at.toISOString(),
    userId: e.userId,
    username: e.username,
    ip: e.ip,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    mofDivCode: e.mofDivCode,
    before: e.before,
    after: e.after,
  });
  return createHash('sha256')
    .update(prevHash ?? '')
    .update('|')
    .update(body)
    .digest('hex');
}

type Row = typeof auditEvents.$inferSelect;
const toRecord = (r: Row): AuditEventRecord => ({ ...r });

export function makeAuditRepo(db: Db): AuditPort {
  return {
    async append(e: AuditEventInput) {
      await db.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
      const [last] = await db
        .select({ hash: auditEvents.hash, at: auditEvents.at })
        .from(auditEvents)
        .orderBy(desc(auditEvents.id))
        .limit(1);
      const prevHash = last?.hash ?? null;
      // Time never runs backwards along the chain, even across servers with slightly different clocks.
      const now = new Date();
      const at = last && last.at.getTime() > now.getTime() ? new Date(last.at.getTime()) : now;
      const fields = {
        at,
        userId: e.actor.userId,
        username: e.actor.username,
        ip: e.actor.ip,
        action: e.action,
        objectType: e.objectType,
        objectId: e.objectId,
        mofDivCode: e.mofDivCode,
        before: toJsonValue(e.before),
        after: toJsonValue(e.after),
      };
      const hash = auditHash(prevHash, fields);
      const [row] = await db
        .insert(auditEvents)
        .values({ ...fields, prevHash, hash })
        .returning();
      return toRecord(row!);
    },

    async list(f: AuditFilter) {
      const conds: SQL[] = [];
      if (f.divisionCodes !== null) conds.push(inArray(auditEvents.mofDivCode, [...f.divisionCodes]));
      if (f.userId) conds.push(eq(auditEvents.userId, f.userId));
      if (f.username) conds.push(eq(auditEvents.username, f.username));
      if (f.objectType) conds.push(eq(auditEvents.objectType, f.objectType));
      if (f.objectId) conds.push(eq(auditEvents.objectId, f.objectId));
      if (f.action) conds.push(eq(auditEvents.action, f.action));
      if (f.from) conds.push(gte(auditEvents.at, f.from));
      if (f.to) conds.push(lte(auditEvents.at, f.to));
      const where = conds.length > 0 ? and(...conds) : undefined;
      const [total] = await db.select({ n: count() }).from(auditEvents).where(where);
      const rows = await db
        .select()
        .from(auditEvents)
        .where(where)
        .orderBy(desc(auditEvents.id))
        .offset(f.offset)
        .limit(f.limit);
      return { items: rows.map(toRecord), total: Number(total?.n ?? 0) };
    },

    async verify(): Promise<AuditVerification> {
      let checked = 0;
      let prev: string | null = null;
      let afterId = 0;
      const batch = 2000;
      for (;;) {
        const rows = await db
          .select()
          .from(auditEvents)
          .where(gt(auditEvents.id, afterId))
          .orderBy(asc(auditEvents.id))
          .limit(batch);
        for (const r of rows) {
          if (r.prevHash !== prev) return { checked, firstBroken: { id: r.id, reason: 'link' } };
          if (auditHash(r.prevHash, r) !== r.hash)
            return { checked, firstBroken: { id: r.id, reason: 'hash' } };
          prev = r.hash;
          checked++;
          afterId = r.id;
        }
        if (rows.length < batch) return { checked, firstBroken: null };
      }
    },
  };
}
