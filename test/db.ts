/**
 * A fresh, migrated database for each test file, on PGlite by default or on the PostgreSQL server when
 * JIXIAO_TEST_DB=server (see test/db-global-setup.ts).
 *
 *   const t = useTestDatabase({ reference: true });   // registers beforeAll/afterAll
 *   it('…', async () => { const repos = makeRepositories(t.db); … });
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { fromPglite, fromPool, type Database, type Db } from '../src/db/client.ts';
import { databaseUrl, ident, type TestDbInfo } from './db-info.ts';

export interface TestDatabaseOptions {
  /** Start from a database with the reference seed loaded (divisions, classes, grade schemes, settings,
   * the standard template). Default: migrated but empty. */
  readonly reference?: boolean;
}

function info(): TestDbInfo {
  const value = inject('jixiaoTestDb');
  if (!value)
    throw new Error('test/db.ts: run db tests in the vitest `db` project (its globalSetup prepares them)');
  return value;
}

export function testDbKind(): 'pglite' | 'server' {
  return info().kind;
}

const dumps = new Map<string, Uint8Array>();

/** Opens a fresh, migrated database; close it when done (`useTestDatabase` does that for you). */
export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const i = info();
  if (i.kind === 'pglite') {
    const path = options.reference ? i.referenceDump : i.emptyDump;
    let bytes = dumps.get(path);
    if (!bytes) {
      bytes = new Uint8Array(readFileSync(path));
      dumps.set(path, bytes);
    }
    const client = await PGlite.create({ loadDataDir: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    return fromPglite(client, 'test (PGlite)');
  }
  return createServerDatabase(i, options.reference ? i.referenceTemplate : i.emptyTemplate);
}

/** Opens a database with nothing in it, not even migrations (for the migrations-from-empty test). */
export async function openEmptyDatabase(): Promise<Database> {
  const i = info();
  if (i.kind === 'pglite') return fromPglite(await PGlite.create(), 'test (PGlite, empty)');
  return createServerDatabase(i, 'template0');
}

let serial = 0;

async function createServerDatabase(
  i: Extract<TestDbInfo, { kind: 'server' }>,
  template: string,
): Promise<Database> {
  const name = `${i.prefix}_${process.pid}_${++serial}`;
  await withAdmin(i.adminUrl, async (admin) => {
    // Two files copying one template at the same moment can collide ("being accessed by other users").
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`create database ${ident(name)} template ${ident(template)}`);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  });
  const pool = new pg.Pool({ connectionString: databaseUrl(i.adminUrl, name), max: 4 });
  // `pool.end()` resolves before its clients' sockets are closed; the forced drop below then terminates them
  // (57P01 admin_shutdown), which an idle client reports through the pool. Expected here, not a failure.
  pool.on('error', (e: Error & { code?: string }) => {
    if (e.code !== '57P01') throw e;
  });
  const database = await fromPool(pool, `test (${name})`);
  return {
    ...database,
    async close() {
      await database.close();
      await withAdmin(i.adminUrl, (admin) =>
        admin.query(`drop database if exists ${ident(name)} with (force)`),
      );
    },
  };
}

async function withAdmin<T>(adminUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

export interface TestDatabaseHandle {
  /** The drizzle database (valid between beforeAll and afterAll). */
  readonly db: Db;
  readonly database: Database;
}

/** Opens a fresh database before the file's tests and closes (server: drops) it after them. */
export function useTestDatabase(options: TestDatabaseOptions = {}): TestDatabaseHandle {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(options);
  });
  afterAll(async () => {
    await database?.close();
  });
  const get = (): Database => {
    if (!database) throw new Error('useTestDatabase: the database is open only inside tests');
    return database;
  };
  return {
    get db() {
      return get().db;
    },
    get database() {
      return get();
    },
  };
}
