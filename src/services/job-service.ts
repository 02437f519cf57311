import { randomBytes } from 'node:crypto';
import { inDivisionScope, requirePermission, type Actor } from '../core/access/scope.ts';
import type { JobPort, JobRecord } from '../core/jobs/ports.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import type { Clock } from './clock.ts';

/**
 * Long operations run as jobs stored in the database: any server process may claim one (FOR UPDATE SKIP
 * LOCKED), progress is written as it goes, and a job whose worker died (no heartbeat for `staleMs`) is
 * claimed again by another — so a job survives a restart. Handlers must therefore be idempotent: they
 * write their results in one transaction at the end.
 */

export interface JobContext {
  /** Records progress (and the heartbeat); throws when the job has been taken over by another worker. */
  progress(done: number, total: number | null, message?: string): Promise<void>;
  readonly signal: AbortSignal;
}

export interface JobHandler {
  readonly kind: string;
  run(job: JobRecord, ctx: JobContext): Promise<unknown>;
}

export interface JobServiceDeps {
  readonly ports: { readonly jobs: JobPort };
  readonly clock: Clock;
  readonly handlers: readonly JobHandler[];
  readonly pollMs?: number;
  readonly staleMs?: number;
  readonly log?: (msg: string, extra?: Record<string, unknown>) => void;
}

class TakenOver extends Error {}

export function makeJobService(deps: JobServiceDeps) {
  const workerId = `w-${randomBytes(6).toString('hex')}`;
  const pollMs = deps.pollMs ?? 500;
  const staleMs = deps.staleMs ?? 60_000;
  const handlers = new Map(deps.handlers.map((h) => [h.kind, h]));
  let running = false;
  let loop: Promise<void> | null = null;
  let current: Promise<void> | null = null;
  const abort = new AbortController();
  let wake: (() => void) | null = null;

  async function runOne(job: JobRecord): Promise<void> {
    const handler = handlers.get(job.kind);
    if (!handler) return;
    let lastBeat = Date.now();
    const ctx: JobContext = {
      signal: abort.signal,
      async progress(done, total, message) {
        const now = Date.now();
        // Progress writes are cheap but not free: at most a few per second, always when finished.
        if (now - lastBeat < 250 && done !== total) return;
        lastBeat = now;
        const mine = await deps.ports.jobs.progress(
          job.id,
          workerId,
          done,
          total,
          message ?? null,
          deps.clock(),
        );
        if (!mine) throw new TakenOver();
      },
    };
    const beat = setInterval(
      () => {
        void deps.ports.jobs
          .progress(job.id, workerId, job.progress, job.total, job.message, deps.clock())
          .catch(() => {});
      },
      Math.max(1000, staleMs / 3),
    );
    try {
      const result = await handler.run(job, ctx);
      await deps.ports.jobs.finish(job.id, workerId, { status: 'succeeded', result }, deps.clock());
    } catch (e) {
      if (e instanceof TakenOver) return;
      const error =
        e && typeof e === 'object' && 'code' in e && 'message' in e
          ? e
          : { code: 'JOB_FAILED', message: '任务执行失败', messageEn: (e as Error)?.message ?? String(e) };
      deps.log?.('job failed', { id: job.id, kind: job.kind, error: (e as Error)?.stack ?? String(e) });
      await deps.ports.jobs.finish(job.id, workerId, { status: 'failed', error }, deps.clock());
    } finally {
      clearInterval(beat);
    }
  }

  async function workLoop(): Promise<void> {
    while (running) {
      let job: JobRecord | null = null;
      try {
        const now = deps.clock();
        job = await deps.ports.jobs.claim(workerId, now, new Date(now.getTime() - staleMs), [
          ...handlers.keys(),
        ]);
      } catch (e) {
        deps.log?.('job claim failed', { error: String(e) });
      }
      if (job) {
        current = runOne(job);
        await current;
        current = null;
        continue;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    workerId,

    async enqueue(
      actor: Actor,
      kind: string,
      params: unknown,
      mofDivCode: string,
      total: number | null = null,
    ): Promise<JobRecord> {
      const job = await deps.ports.jobs.enqueue({ kind, params, createdBy: actor.userId, mofDivCode, total });
      wake?.();
      return job;
    },

    async get(actor: Actor, id: string): Promise<Result<JobRecord, DomainError>> {
      const allowed = requirePermission(actor, 'jobs.read');
      if (!allowed.ok) return allowed;
      const job = await deps.ports.jobs.get(id);
      const visible =
        job &&
        (job.createdBy === actor.userId ||
          (job.mofDivCode !== null &&
            inDivisionScope(actor, job.mofDivCode) &&
            actor.organizationIds === null));
      if (!job || !visible) return err(domainError('NOT_FOUND', { id }));
      return ok(job);
    },

    async listMine(actor: Actor, limit = 20): Promise<JobRecord[]> {
      return deps.ports.jobs.list({ divisionCodes: null, createdBy: actor.userId, limit });
    },

    start(): void {
      if (running || handlers.size === 0) return;
      running = true;
      loop = workLoop();
    },

    /** Stops claiming new jobs and waits for the job in hand to finish (graceful shutdown). */
    async stop(): Promise<void> {
      running = false;
      wake?.();
      await current;
      await loop;
    },
  };
}

export type JobService = ReturnType<typeof makeJobService>;
