/**
 * The composition root: config → database → repositories (→ services, added by their owners).
 * Shared by the server and the CLI; tests pass an already open database.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from './config.ts';
import { openDatabase, type Database, type DatabaseKind, type Db } from './db/client.ts';
import { migrate, type MigrationReport } from './db/migrate.ts';
import { seedReference, type ReferenceSeedReport } from './db/reference-seed.ts';
import {
  hasDemoData,
  isDatabaseEmpty,
  seedDemo,
  type DemoSeedReport,
  type SeedDemoOptions,
} from './db/demo-seed.ts';
import { DEMO_ACCOUNTS, type DemoAccount } from './core/demo/demo-accounts.ts';
import { hashPassword } from './services/auth/password.ts';
import { makeRepositories, type Repositories } from './db/repositories/index.ts';
import { makeAuditService } from './services/audit-service.ts';
import { DEFAULT_AUTH_SETTINGS, makeAuthService, type AuthSettings } from './services/auth-service.ts';
import { ensureAdministrator } from './services/bootstrap-service.ts';
import { systemClock, type Clock } from './services/clock.ts';
import { SessionCache } from './services/session-cache.ts';
import { makeDashboardService } from './services/dashboard-service.ts';
import { makeDivisionService } from './services/division-service.ts';
import { makeIndicatorService } from './services/indicator-service.ts';
import type { Services } from './services/index.ts';
import { makeJobService, type JobHandler } from './services/job-service.ts';
import { makeConsequenceService } from './services/consequence-service.ts';
import { makeLedgerService } from './services/ledger-service.ts';
import { makeScorecardService } from './services/scorecard-service.ts';
import { makeScoringService } from './services/scoring-service.ts';
import { makeSelfEvalService } from './services/selfeval-service.ts';
import { makeTemplateService } from './services/template-service.ts';
import type { Transact } from './services/transaction.ts';
import { makeUserService } from './services/user-service.ts';
import { makeWhatIfService } from './services/whatif-service.ts';

export type { Services };

export interface App {
  readonly config: Config;
  readonly db: Db;
  readonly dbKind: DatabaseKind;
  /** Where the data lives, safe to print (folder or host/database). */
  readonly dbLocation: string;
  /** The open database (another instance of the app may share it, as in the two-instance tests). */
  readonly database: Database;
  /**
   * Counts the writes this process may not have read yet: every transaction committed (or rolled back) by
   * this process or, on a PostgreSQL server, any other process on the same database (NOTIFY
   * jixiao_writes). A read cache whose key holds this number never serves what a write has changed
   * (ADR 0007).
   */
  writeEpoch(): number;
  readonly repos: Repositories;
  /** One transaction with repositories bound to it. */
  readonly transact: Transact<Repositories>;
  readonly services: Services;
  /** Creates the first administrator when there is no user at all (see bootstrap-service.ts). */
  ensureAdministrator(password?: string): ReturnType<typeof ensureAdministrator>;
  /** Throws when the database does not answer (health checks). */
  ping(): Promise<void>;
  /** Schema and reference-data upkeep (CLI `db migrate` / `db seed`, server start-up). */
  readonly maintenance: {
    migrate(): Promise<MigrationReport>;
    seedReference(): Promise<ReferenceSeedReport>;
    /** Deletes sessions past their lifetime or idle timeout; returns how many. */
    sweepSessions(): Promise<number>;
    /** True when no organization and no user exists (the server seeds the demo province then). */
    isEmpty(): Promise<boolean>;
    /** Seeds the deterministic demo province (src/db/demo-seed.ts); throws when refused or on failure. */
    seedDemo(options?: DemoSeedOptions): Promise<DemoSeedReport>;
    /** True when the fixed demo accounts exist. */
    hasDemoData(): Promise<boolean>;
    /** The fixed demo accounts (for the start banner and the README). */
    readonly demoAccounts: readonly DemoAccount[];
  };
  close(): Promise<void>;
}

/** `seedDemo` options; the real password hashing is the default. */
export type DemoSeedOptions = Omit<SeedDemoOptions, 'hashPassword'> & {
  readonly hashPassword?: SeedDemoOptions['hashPassword'];
};

export interface ComposeOptions {
  /** Use this open database instead of opening `config.database`; `close()` still closes it. */
  readonly database?: Database;
  readonly clock?: Clock;
  readonly authSettings?: Partial<AuthSettings>;
  /** Job handlers this process runs (the server registers them; the CLI needs none). */
  readonly jobHandlers?: readonly JobHandler[];
  readonly jobPollMs?: number;
  readonly log?: (msg: string, extra?: Record<string, unknown>) => void;
}

/** The channel on which every write transaction notifies the other processes on the database. */
const WRITES_CHANNEL = 'jixiao_writes';

export async function compose(config: Config, options: ComposeOptions = {}): Promise<App> {
  const database = options.database ?? (await openDatabase(config.database, config.dbPoolSize));
  const { db } = database;
  const repos = makeRepositories(db);
  // Every write is a transaction; counting them lets read caches drop what a write may have changed
  // (ADR 0007). Each transaction also notifies the other processes on the database (delivered when it
  // commits), which count it too and forget their cached sessions.
  const instance = randomUUID();
  let writes = 0;
  const transact: Transact<Repositories> = async (fn) => {
    try {
      return await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_notify(${WRITES_CHANNEL}, ${instance})`);
        return fn(makeRepositories(tx));
      });
    } finally {
      writes++;
    }
  };
  const clock = options.clock ?? systemClock;
  const settings: AuthSettings = { ...DEFAULT_AUTH_SETTINGS, ...options.authSettings };
  const sessionCache = new SessionCache(config.sessionCacheSeconds * 1000);
  const othersWrote = () => {
    writes++;
    sessionCache.clear();
  };
  let stopListening = async () => {};
  try {
    stopListening = await database.listen(
      WRITES_CHANNEL,
      (from) => {
        if (from !== instance) othersWrote();
      },
      othersWrote,
    );
  } catch (e) {
    // Without notifications, caches still expire by their time-to-live.
    options.log?.('cannot listen for other processes’ writes', { error: String(e) });
  }
  const services: Services = {
    auth: makeAuthService({ ports: repos, transact, clock, settings, sessionCache }),
    users: makeUserService({ ports: repos, transact, clock, sessionCache }),
    divisions: makeDivisionService({ ports: repos }),
    dashboard: makeDashboardService({
      ports: repos,
      clock,
      defaultYear: () => clock().getFullYear(),
      writeCount: () => writes,
      taskSources: [(actor, q) => services.ledger.tasks(actor, q)],
    }),
    audit: makeAuditService({ ports: repos }),
    jobs: makeJobService({
      ports: repos,
      clock,
      handlers: options.jobHandlers ?? [],
      ...(options.jobPollMs ? { pollMs: options.jobPollMs } : {}),
      ...(options.log ? { log: options.log } : {}),
    }),
    scoring: makeScoringService({ ports: repos, transact, clock, jobs: () => services.jobs }),
    scorecards: makeScorecardService({ ports: repos, transact, clock, jobs: () => services.jobs }),
    indicators: makeIndicatorService({ ports: repos, transact, clock }),
    templates: makeTemplateService({ ports: repos, transact, clock }),
    selfeval: makeSelfEvalService({ ports: repos, transact, clock }),
    ledger: makeLedgerService({ ports: repos, transact, clock }),
    consequences: makeConsequenceService({ ports: repos, transact, clock }),
    whatif: makeWhatIfService({ ports: repos, clock }),
  };
  return {
    config,
    db,
    dbKind: database.kind,
    dbLocation: database.location,
    database,
    writeEpoch: () => writes,
    repos,
    transact,
    services,
    ensureAdministrator: (password) => ensureAdministrator({ ports: repos, transact }, { password }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    maintenance: {
      migrate: () => migrate(db),
      seedReference: () => seedReference(db),
      sweepSessions: () => {
        const now = clock();
        return repos.access.deleteExpiredSessions(
          now,
          new Date(now.getTime() - settings.idleTimeoutMinutes * 60_000),
        );
      },
      isEmpty: () => isDatabaseEmpty(db),
      seedDemo: async (demo = {}) => {
        const result = await seedDemo(db, { ...demo, hashPassword: demo.hashPassword ?? hashPassword });
        if (!result.ok) {
          throw new Error(`${result.error.message} / ${result.error.messageEn}`, { cause: result.error });
        }
        // Every scorecard scored once per seeded year as the province (省财政厅绩效管理处), so that league
        // tables, portraits and their history across years have results from the first start.
        const scorer = await repos.access.findUserByUsername('sheng');
        for (let year = result.value.yearFrom; scorer && year <= result.value.yearTo; year++) {
          await services.scorecards.scoreAllAsUser(scorer.id, { year, division: '220000' });
        }
        // Dashboards read pre-aggregated figures: compute them for every division and seeded year.
        const codes = (await repos.divisions.listAll()).map((d) => d.code);
        for (let year = result.value.yearFrom; year <= result.value.yearTo; year++)
          await repos.stats.refresh(codes, year);
        // After a bulk load: fresh planner statistics and visibility maps (index-only scans), as
        // PostgreSQL's documentation advises, instead of waiting for autovacuum.
        await db.execute(sql`vacuum (analyze)`);
        return result.value;
      },
      hasDemoData: () => hasDemoData(db),
      demoAccounts: DEMO_ACCOUNTS,
    },
    close: async () => {
      await services.jobs.stop();
      await stopListening();
      await database.close();
    },
  };
}

export type { DemoSeedReport, MigrationReport, ReferenceSeedReport, Repositories };
/** Job handlers the server registers (src/main.ts), bound late to the composed services. */
export { scoringJobHandlers } from './services/scoring-service.ts';
export { scorecardJobHandlers } from './services/scorecard-service.ts';
