/**
 * A database of its own on the PostgreSQL server for one benchmark run (JIXIAO_BENCH_DATABASE_URL or
 * DATABASE_URL, default the local server), dropped by `drop()`; null when no server answers.
 */
import pg from 'pg';
import { fromPool, type Database } from '../src/db/client.ts';

export async function serverDatabase(
  prefix: string,
): Promise<{ database: Database; drop: () => Promise<void> } | null> {
  const adminUrl =
    process.env['JIXIAO_BENCH_DATABASE_URL'] ??
    process.env['DATABASE_URL'] ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `${prefix}_${process.pid}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  pool.on('error', () => {});
  return {
    database: await fromPool(pool, `${url.host}/${name}`),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
