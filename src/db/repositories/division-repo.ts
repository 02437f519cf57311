/**
 * Divisions (行政区划/财政区划): the code table every query is scoped by.
 */
import { asc, eq, like, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { divisions } from '../schema.ts';
import { pathCodes } from '../scope.ts';

export type Division = typeof divisions.$inferSelect;
export type NewDivision = typeof divisions.$inferInsert;

export interface DivisionRepo {
  get(code: string): Promise<Division | null>;
  /** Every division, parents before children (by path), then by sort order. */
  listAll(): Promise<Division[]>;
  /** The direct children of a division, in display order. */
  listChildren(code: string): Promise<Division[]>;
  /** The division and every division below it; empty when the code is unknown. */
  subtreeCodes(code: string): Promise<string[]>;
  /** The codes from the root down to the division itself; empty when unknown. */
  ancestorCodes(code: string): Promise<string[]>;
  /** True when `code` is `scopeCode` or lies below it. */
  isWithin(code: string, scopeCode: string): Promise<boolean>;
  /** Inserts or updates by code (reference seed). */
  upsertMany(rows: readonly NewDivision[]): Promise<number>;
  count(): Promise<number>;
}

export function makeDivisionRepo(db: Db): DivisionRepo {
  async function pathOf(code: string): Promise<string | null> {
    const [row] = await db.select({ path: divisions.path }).from(divisions).where(eq(divisions.code, code));
    return row?.path ?? null;
  }

  return {
    async get(code) {
      const [row] = await db.select().from(divisions).where(eq(divisions.code, code));
      return row ?? null;
    },

    listAll() {
      return db.select().from(divisions).orderBy(asc(divisions.sortOrder), asc(divisions.code));
    },

    listChildren(code) {
      return db
        .select()
        .from(divisions)
        .where(eq(divisions.parentCode, code))
        .orderBy(asc(divisions.sortOrder), asc(divisions.code));
    },

    async subtreeCodes(code) {
      const path = await pathOf(code);
      if (path === null) return [];
      const rows = await db
        .select({ code: divisions.code })
        .from(divisions)
        .where(or(eq(divisions.path, path), like(divisions.path, `${path}/%`)))
        .orderBy(asc(divisions.path));
      return rows.map((r) => r.code);
    },

    async ancestorCodes(code) {
      const path = await pathOf(code);
      return path === null ? [] : pathCodes(path);
    },

    async isWithin(code, scopeCode) {
      const path = await pathOf(code);
      return path !== null && pathCodes(path).includes(scopeCode);
    },

    async upsertMany(rows) {
      if (rows.length === 0) return 0;
      const written = await db
        .insert(divisions)
        .values([...rows])
        .onConflictDoUpdate({
          target: divisions.code,
          set: {
            name: sql`excluded.name`,
            shortName: sql`excluded.short_name`,
            level: sql`excluded.level`,
            parentCode: sql`excluded.parent_code`,
            codeKind: sql`excluded.code_kind`,
            path: sql`excluded.path`,
            sortOrder: sql`excluded.sort_order`,
            active: sql`excluded.active`,
            note: sql`excluded.note`,
          },
        })
        .returning({ code: divisions.code });
      return written.length;
    },

    async count() {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(divisions);
      return row?.n ?? 0;
    },
  };
}
