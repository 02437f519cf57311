/**
 * Opens the database: PGlite (embedded PostgreSQL) in the data directory by default, or a PostgreSQL
 * server through a node-postgres Pool when a URL is configured. Both are exposed as the same drizzle
 * `Db`, so repositories are one and the same on either.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;

/** The drizzle database, driver-neutral. A transaction (`db.transaction(tx => …)`) is also a `Db`. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = 'embedded' | 'server';

/** Structurally the same as `Config['database']` (src/config.ts); db does not import the config. */
export type DatabaseConfig =
  { readonly kind: 'embedded'; readonly dataDir: string } | { readonly kind: 'server'; readonly url: string };

export interface Database {
  readonly db: Db;
  readonly kind: DatabaseKind;
  /** Where the data lives, safe to print: a folder, or host/database without credentials. */
  readonly location: string;
  /**
   * Calls `onMessage` with the payload of every NOTIFY on `channel` (any process on the same database,
   * this one included) until the returned function is called. `onGap` is called when notifications may
   * have been missed: the listening connection dropped (it reconnects by itself) or came back.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onGap: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** PGlite keeps its files in this sub-folder of the data directory. */
export const PGLITE_SUBDIR = 'pglite';

export async function openDatabase(config: DatabaseConfig, poolSize = 10): Promise<Database> {
  if (config.kind === 'embedded') {
    const dir = resolve(config.dataDir, PGLITE_SUBDIR);
    mkdirSync(dir, { recursive: true });
    const release = lockDataDir(`${dir}.lock`);
    try {
      const { PGlite } = await import('@electric-sql/pglite');
      const client = await PGlite.create({ dataDir: dir });
      const database = await fromPglite(client, dir);
      return {
        ...database,
        async close() {
          try {
            await database.close();
          } finally {
            release();
          }
        },
      };
    } catch (e) {
      release();
      throw e;
    }
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: config.url, max: poolSize });
  // An idle client's connection can drop (server restart, network): the pool discards that client and
  // makes a new one on demand. Without a listener the 'error' event would end the process.
  pool.on('error', (e) => {
    process.stderr.write(
      `数据库连接中断，将自动重连 / database connection lost, reconnecting: ${e.message}\n`,
    );
  });
  return fromPool(pool, describeUrl(config.url));
}

/** Wraps an open PGlite (tests load one from a dump); `close()` closes it. */
export async function fromPglite(client: PGlite, location = 'memory'): Promise<Database> {
  const { drizzle } = await import('drizzle-orm/pglite');
  const db: Db = drizzle({ client, schema });
  return {
    db,
    kind: 'embedded',
    location,
    async listen(channel, onMessage) {
      // One process owns a PGlite database: its notifications never go missing.
      const stop = await client.listen(checkedChannel(channel), onMessage);
      return async () => {
        if (!client.closed) await stop();
      };
    },
    close: () => client.close(),
  };
}

/** Wraps a node-postgres Pool; `close()` ends it. */
export async function fromPool(pool: Pool, location = 'server'): Promise<Database> {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const db: Db = drizzle({ client: pool, schema });
  return {
    db,
    kind: 'server',
    location,
    listen: (channel, onMessage, onGap) => listenOnServer(pool, checkedChannel(channel), onMessage, onGap),
    close: () => pool.end(),
  };
}

function checkedChannel(channel: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad notification channel: ${channel}`);
  return channel;
}

/**
 * LISTEN on a connection of its own (a pooled one would hand it to other queries). When the connection
 * drops it reports a gap and tries again every second until it is back (and reports a gap again: what
 * was sent meanwhile is lost).
 */
async function listenOnServer(
  pool: Pool,
  channel: string,
  onMessage: (payload: string) => void,
  onGap: () => void,
): Promise<() => Promise<void>> {
  const { default: pg } = await import('pg');
  let client: InstanceType<typeof pg.Client> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const connect = async () => {
    const c = new pg.Client(pool.options);
    c.on('notification', (m) => {
      if (m.channel === channel) onMessage(m.payload ?? '');
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    await c.connect();
    await c.query(`listen ${channel}`);
    if (stopped) await c.end();
    else client = c;
  };
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      connect().then(onGap, retry);
    }, 1000);
    timer.unref();
  };
  const lost = (c: InstanceType<typeof pg.Client>) => {
    if (client !== c) return;
    client = null;
    if (stopped) return;
    onGap();
    retry();
  };
  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}

/**
 * PGlite lets two processes open one data folder, which corrupts it (say, `jixiao db seed` while the server
 * runs). A lock file holding the owner's pid refuses the second; a lock left by a dead process is taken over.
 */
function lockDataDir(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `数据目录正被另一个进程（pid ${owner}）使用 / the data folder is in use by process ${owner}: ${lockPath}`,
          { cause: e },
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`cannot lock the data folder: ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** 'host:port/database' of a connection URL, without user or password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'server';
  }
}

/** Rows of a raw `db.execute(sql…)` result, which both drivers return as `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) throw new Error('unexpected result of db.execute: no rows');
  return rows as T[];
}
