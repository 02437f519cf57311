/**
 * The composition root: config → database → repositories (→ services, added by their owners).
 * Shared by the server and the CLI; tests pass an already open database.
 */
import type { Config } from './config.ts';
import { openDatabase, type Database, type DatabaseKind, type Db } from './db/client.ts';
import { migrate, type MigrationReport } from './db/migrate.ts';
import { seedReference, type ReferenceSeedReport } from './db/reference-seed.ts';
import { makeRepositories, type Repositories } from './db/repositories/index.ts';

export interface App {
  readonly config: Config;
  readonly db: Db;
  readonly dbKind: DatabaseKind;
  /** Where the data lives, safe to print (folder or host/database). */
  readonly dbLocation: string;
  readonly repos: Repositories;
  /** Schema and reference-data upkeep (CLI `db migrate` / `db seed`, server start-up). */
  readonly maintenance: {
    migrate(): Promise<MigrationReport>;
    seedReference(): Promise<ReferenceSeedReport>;
  };
  close(): Promise<void>;
}

export interface ComposeOptions {
  /** Use this open database instead of opening `config.database`; `close()` still closes it. */
  readonly database?: Database;
}

export async function compose(config: Config, options: ComposeOptions = {}): Promise<App> {
  const database = options.database ?? (await openDatabase(config.database));
  const { db } = database;
  const repos = makeRepositories(db);
  return {
    config,
    db,
    dbKind: database.kind,
    dbLocation: database.location,
    repos,
    maintenance: {
      migrate: () => migrate(db),
      seedReference: () => seedReference(db),
    },
    close: () => database.close(),
  };
}

export type { MigrationReport, ReferenceSeedReport, Repositories };
