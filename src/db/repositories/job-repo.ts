/**
 * Background jobs (implements core/jobs JobPort): claimed with FOR UPDATE SKIP LOCKED so that several
 * server processes can share one queue; a running job whose worker stopped sending heartbeats is taken over.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { JobPort, JobRecord, NewJob } from '../../core/jobs/ports.ts';
import { rowsOf, type Db } from '../client.ts';
import { jobs } from '../schema.ts';

type Row = typeof jobs.$inferSelect;
const toRecord = (r: Row): JobRecord => ({ ...r });

interface RawJob {
  id: string;
}

export function makeJobRepo(db: Db): JobPort {
  return {
    async enqueue(job: NewJob) {
      const [row] = await db
        .insert(jobs)
        .values({
          kind: job.kind,
          params: job.params,
          createdBy: job.createdBy,
          mofDivCode: job.mofDivCode,
          total: job.total ?? null,
        })
        .returning();
      return toRecord(row!);
    },

    async get(id) {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      return row ? toRecord(row) : null;
    },

    async claim(workerId, now, staleBefore, kinds) {
      if (kinds.length === 0) return null;
      const kindList = sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      );
      const claimed = rowsOf<RawJob>(
        await db.execute(sql`
          update ${jobs} set status = 'running', locked_by = ${workerId}, heartbeat_at = ${now},
            started_at = coalesce(${jobs.startedAt}, ${now}), updated_at = ${now}
          where id = (
            select id from ${jobs}
            where kind in (${kindList})
              and (status = 'queued' or (status = 'running' and heartbeat_at < ${staleBefore}))
            order by created_at
            for update skip locked
            limit 1)
          returning id`),
      );
      const id = claimed[0]?.id;
      if (!id) return null;
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      return row ? toRecord(row) : null;
    },

    async progress(id, workerId, progress, total, message, now) {
      const rows = await db
        .update(jobs)
        .set({ progress, total, message, heartbeatAt: now, updatedAt: now })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    async finish(id, workerId, outcome, now) {
      const rows = await db
        .update(jobs)
        .set({
          status: outcome.status,
          ...(outcome.status === 'succeeded' ? { result: outcome.result } : { error: outcome.error }),
          finishedAt: now,
          heartbeatAt: now,
          updatedAt: now,
        })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    async list(f) {
      const conds: SQL[] = [];
      if (f.divisionCodes !== null) conds.push(inArray(jobs.mofDivCode, [...f.divisionCodes]));
      if (f.createdBy) conds.push(eq(jobs.createdBy, f.createdBy));
      if (f.kind) conds.push(eq(jobs.kind, f.kind));
      const rows = await db
        .select()
        .from(jobs)
        .where(conds.length > 0 ? and(...conds) : undefined)
        .orderBy(desc(jobs.createdAt))
        .limit(f.limit);
      return rows.map(toRecord);
    },
  };
}
