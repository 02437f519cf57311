import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyDatabase } from '../../test/db.ts';
import { rowsOf, type Database } from './client.ts';
import { migrate } from './migrate.ts';
import * as schema from './schema.ts';

const tables: PgTable[] = Object.values(schema as Record<string, unknown>).filter((v): v is PgTable =>
  is(v, PgTable),
);

describe('migrations from an empty database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openEmptyDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('apply every migration once, then nothing', async () => {
    const first = await migrate(database.db);
    expect(first.total).toBeGreaterThanOrEqual(2);
    expect(first.applied).toBe(first.total);
    const second = await migrate(database.db);
    expect(second.applied).toBe(0);
  });

  it('create every table and column of schema.ts', async () => {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await database.db.execute(
        sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
      ),
    );
    const inDb = new Map<string, Set<string>>();
    for (const c of columns) {
      const set = inDb.get(c.table_name) ?? new Set<string>();
      set.add(c.column_name);
      inDb.set(c.table_name, set);
    }
    expect(tables.length).toBeGreaterThanOrEqual(40);
    for (const table of tables) {
      const config = getTableConfig(table);
      expect(inDb.get(config.name), config.name).toBeDefined();
      expect([...inDb.get(config.name)!].sort(), config.name).toEqual(
        config.columns.map((c) => c.name).sort(),
      );
    }
    expect([...inDb.keys()].sort()).toEqual(tables.map((t) => getTableConfig(t).name).sort());
  });

  it('keep every named constraint under its own name (no truncation past 63 characters)', async () => {
    const names = new Set(
      rowsOf<{ conname: string }>(
        await database.db.execute(
          sql`select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public'`,
        ),
      ).map((r) => r.conname),
    );
    for (const table of tables) {
      const config = getTableConfig(table);
      for (const fk of config.foreignKeys) expect(names.has(fk.getName()), fk.getName()).toBe(true);
      for (const u of config.uniqueConstraints) if (u.name) expect(names.has(u.name), u.name).toBe(true);
      for (const c of config.checks) expect(names.has(c.name), c.name).toBe(true);
    }
  });
});
