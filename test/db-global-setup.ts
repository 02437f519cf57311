/**
 * Global setup of the `db` test project: builds ONE migrated database (and one with the reference seed)
 * that every test file then copies, because migrating from scratch per file is slow.
 * - default: PGlite, dumped with dumpDataDir to temp files; each file loads a dump (PGlite.create({ loadDataDir })).
 * - JIXIAO_TEST_DB=server: template databases on the PostgreSQL server (JIXIAO_TEST_DATABASE_URL); each file
 *   creates its own database from a template (CREATE DATABASE … TEMPLATE …) and drops it afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { fromPglite, fromPool } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedReference } from '../src/db/reference-seed.ts';
import { DEFAULT_TEST_DATABASE_URL, databaseUrl, ident, type TestDbInfo } from './db-info.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env['JIXIAO_TEST_DB'] === 'server') return setupServer(project);
  return setupPglite(project);
}

async function setupPglite(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-test-db-'));
  const client = await PGlite.create();
  const database = await fromPglite(client);
  await migrate(database.db);
  const emptyDump = join(dir, 'empty.tar');
  writeFileSync(emptyDump, new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer()));
  await seedReference(database.db);
  const referenceDump = join(dir, 'reference.tar');
  writeFileSync(referenceDump, new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer()));
  await database.close();
  const info: TestDbInfo = { kind: 'pglite', emptyDump, referenceDump };
  project.provide('jixiaoTestDb', info);
  return async () => rmSync(dir, { recursive: true, force: true });
}

async function setupServer(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env['JIXIAO_TEST_DATABASE_URL']?.trim() || DEFAULT_TEST_DATABASE_URL;
  const prefix = `jixiao_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const emptyTemplate = `${prefix}_empty`;
  const referenceTemplate = `${prefix}_ref`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${ident(emptyTemplate)} template template0 encoding 'UTF8'`);
    await withServerDb(databaseUrl(adminUrl, emptyTemplate), async (db) => {
      await migrate(db);
    });
    await admin.query(`create database ${ident(referenceTemplate)} template ${ident(emptyTemplate)}`);
    await withServerDb(databaseUrl(adminUrl, referenceTemplate), async (db) => {
      await seedReference(db);
    });
  } finally {
    await admin.end();
  }
  const info: TestDbInfo = { kind: 'server', adminUrl, prefix, emptyTemplate, referenceTemplate };
  project.provide('jixiaoTestDb', info);
  return () => dropRunDatabases(adminUrl, prefix);
}

async function withServerDb(
  url: string,
  fn: (db: Awaited<ReturnType<typeof fromPool>>['db']) => Promise<void>,
): Promise<void> {
  const database = await fromPool(new pg.Pool({ connectionString: url, max: 2 }));
  try {
    await fn(database.db);
  } finally {
    await database.close();
  }
}

/** Drops every database of this run, including any a crashed test file left behind. */
async function dropRunDatabases(adminUrl: string, prefix: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await admin.query(`drop database if exists ${ident(datname)} with (force)`);
    }
  } finally {
    await admin.end();
  }
}
