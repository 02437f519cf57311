/**
 * 指标库: library indicators owned by divisions. Lists filter by the owners they are given (the service cuts
 * them to what the user may see), page and sort on the server.
 */
import { and, asc, count, desc, eq, ilike, inArray, isNull, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type {
  IndicatorFilter,
  IndicatorPatch,
  IndicatorPort,
  IndicatorSort,
  NewIndicator,
} from '../../core/indicators/ports.ts';
import type * as lib from '../../core/indicators/library.ts';
import type { Db } from '../client.ts';
import type * as schema from '../schema.ts';
import { indicatorLibrary } from '../schema.ts';

// The vocabularies of the core and of the schema's CHECK constraints are the same lists.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameVocabularies: [
  Same<(typeof lib.INDICATOR_DIRECTIONS)[number], (typeof schema.INDICATOR_DIRECTIONS)[number]>,
  Same<lib.ValueBasis, schema.ValueBasis>,
  Same<lib.FundClass, schema.FundClass>,
] = [true, true, true];
void _sameVocabularies;

const SORT_COLUMNS: Record<IndicatorSort, AnyPgColumn> = {
  code: indicatorLibrary.code,
  name: indicatorLibrary.name,
  level1: indicatorLibrary.level1,
  validFrom: indicatorLibrary.validFrom,
  updatedAt: indicatorLibrary.updatedAt,
};

const escapeLike = (s: string) => `%${s.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

export function makeIndicatorRepo(db: Db): IndicatorPort {
  function where(f: IndicatorFilter): SQL | undefined {
    const conds: (SQL | undefined)[] = [inArray(indicatorLibrary.mofDivCode, [...f.mofDivCodes])];
    if (f.scope) conds.push(eq(indicatorLibrary.scope, f.scope));
    if (f.level1) conds.push(eq(indicatorLibrary.level1, f.level1));
    if (f.level2) conds.push(eq(indicatorLibrary.level2, f.level2));
    if (f.direction) conds.push(eq(indicatorLibrary.direction, f.direction));
    if (f.fundClass) conds.push(eq(indicatorLibrary.fundClass, f.fundClass));
    if (f.status) conds.push(eq(indicatorLibrary.status, f.status));
    if (f.validOn) {
      conds.push(
        or(isNull(indicatorLibrary.validFrom), lte(indicatorLibrary.validFrom, f.validOn)),
        or(isNull(indicatorLibrary.validTo), gte(indicatorLibrary.validTo, f.validOn)),
      );
    }
    if (f.q) {
      const like = escapeLike(f.q);
      conds.push(
        or(
          ilike(indicatorLibrary.code, like),
          ilike(indicatorLibrary.name, like),
          ilike(indicatorLibrary.evaluationStandard, like),
          ilike(indicatorLibrary.description, like),
        ),
      );
    }
    return and(...conds);
  }

  return {
    async list(f) {
      if (f.mofDivCodes.length === 0) return { items: [], total: 0 };
      const w = where(f);
      const [totalRow] = await db.select({ n: count() }).from(indicatorLibrary).where(w);
      const column = SORT_COLUMNS[f.sort ?? 'code'];
      const dir = f.order === 'desc' ? desc : asc;
      const q = db
        .select()
        .from(indicatorLibrary)
        .where(w)
        .orderBy(dir(column), asc(indicatorLibrary.mofDivCode), asc(indicatorLibrary.code))
        .offset(f.offset);
      const items = f.limit === null ? await q : await q.limit(f.limit);
      return { items, total: Number(totalRow?.n ?? 0) };
    },

    async get(id) {
      const [row] = await db.select().from(indicatorLibrary).where(eq(indicatorLibrary.id, id));
      return row ?? null;
    },

    async getByCode(mofDivCode, code) {
      const [row] = await db
        .select()
        .from(indicatorLibrary)
        .where(and(eq(indicatorLibrary.mofDivCode, mofDivCode), eq(indicatorLibrary.code, code)));
      return row ?? null;
    },

    async existingCodes(mofDivCodes, codes) {
      if (mofDivCodes.length === 0 || codes.length === 0) return [];
      const rows = await db
        .selectDistinct({ code: indicatorLibrary.code })
        .from(indicatorLibrary)
        .where(
          and(
            inArray(indicatorLibrary.mofDivCode, [...mofDivCodes]),
            inArray(indicatorLibrary.code, [...codes]),
          ),
        );
      return rows.map((r) => r.code);
    },

    async create(i: NewIndicator) {
      const [row] = await db
        .insert(indicatorLibrary)
        .values({
          mofDivCode: i.mofDivCode,
          code: i.code,
          name: i.name,
          level1: i.level1,
          level2: i.level2,
          scope: i.scope,
          direction: i.direction,
          unit: i.unit,
          valueBasis: i.valueBasis,
          referenceValue: i.referenceValue,
          functionClassCode: i.functionClassCode,
          fundClass: i.fundClass,
          evaluationStandard: i.evaluationStandard,
          description: i.description,
          validFrom: i.validFrom,
          validTo: i.validTo,
          status: i.status,
          createdBy: i.createdBy,
        })
        .returning();
      return row!;
    },

    async update(id, expectedVersion, patch: IndicatorPatch) {
      const [row] = await db
        .update(indicatorLibrary)
        .set({ ...patch, version: sql`${indicatorLibrary.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(indicatorLibrary.id, id), eq(indicatorLibrary.version, expectedVersion)))
        .returning();
      return row ?? null;
    },
  };
}
