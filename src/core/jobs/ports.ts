/** Long operations (imports, scoring runs) live in the database with their progress, so that they survive
 * a restart and any server process may run them. */

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobRecord {
  readonly id: string;
  readonly kind: string;
  readonly status: JobStatus;
  readonly progress: number;
  readonly total: number | null;
  readonly message: string | null;
  readonly params: unknown;
  readonly result: unknown;
  readonly error: unknown;
  readonly createdBy: string | null;
  readonly mofDivCode: string | null;
  readonly lockedBy: string | null;
  readonly heartbeatAt: Date | null;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly createdAt: Date;
}

export interface NewJob {
  readonly kind: string;
  readonly params: unknown;
  readonly createdBy: string | null;
  readonly mofDivCode: string | null;
  readonly total?: number | null;
}

export interface JobPort {
  enqueue(job: NewJob): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | null>;
  /** Claims the oldest queued job, or a running one whose worker stopped beating before `staleBefore`. */
  claim(workerId: string, now: Date, staleBefore: Date, kinds: readonly string[]): Promise<JobRecord | null>;
  /** Records progress; false when the job is no longer this worker's (taken over after a stall). */
  progress(
    id: string,
    workerId: string,
    progress: number,
    total: number | null,
    message: string | null,
    now: Date,
  ): Promise<boolean>;
  finish(
    id: string,
    workerId: string,
    outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; error: unknown },
    now: Date,
  ): Promise<boolean>;
  list(filter: {
    divisionCodes: readonly string[] | null;
    createdBy?: string;
    kind?: string;
    limit: number;
  }): Promise<JobRecord[]>;
}
