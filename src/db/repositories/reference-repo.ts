/**
 * Code tables besides divisions: expenditure function classes (支出功能分类) and grade schemes (等次方案).
 */
import { asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { GradeScheme } from '../../core/scoring/grades.ts';
import type { Db } from '../client.ts';
import { expenditureFunctionClasses, gradeSchemes } from '../schema.ts';

export type ExpenditureFunctionClass = typeof expenditureFunctionClasses.$inferSelect;
export type NewExpenditureFunctionClass = typeof expenditureFunctionClasses.$inferInsert;
export type GradeSchemeRow = typeof gradeSchemes.$inferSelect;

export interface ReferenceRepo {
  getExpenditureClass(code: string): Promise<ExpenditureFunctionClass | null>;
  /** All classes, or the children of `parentCode` (null: the top level, 类). */
  listExpenditureClasses(parentCode?: string | null): Promise<ExpenditureFunctionClass[]>;
  upsertExpenditureClasses(rows: readonly NewExpenditureFunctionClass[]): Promise<number>;

  getGradeScheme(code: string): Promise<GradeScheme | null>;
  /** Built-in schemes and those defined by the given divisions (e.g. a user's ancestors). */
  listGradeSchemes(mofDivCodes?: readonly string[]): Promise<GradeSchemeRow[]>;
  /** Inserts or updates a scheme by code; `mofDivCode` null = built-in preset. */
  upsertGradeScheme(
    scheme: GradeScheme,
    options: { builtIn: boolean; mofDivCode: string | null },
  ): Promise<void>;
}

export function makeReferenceRepo(db: Db): ReferenceRepo {
  return {
    async getExpenditureClass(code) {
      const [row] = await db
        .select()
        .from(expenditureFunctionClasses)
        .where(eq(expenditureFunctionClasses.code, code));
      return row ?? null;
    },

    listExpenditureClasses(parentCode) {
      const q = db.select().from(expenditureFunctionClasses);
      const filtered =
        parentCode === undefined
          ? q
          : q.where(
              parentCode === null
                ? isNull(expenditureFunctionClasses.parentCode)
                : eq(expenditureFunctionClasses.parentCode, parentCode),
            );
      return filtered.orderBy(
        asc(expenditureFunctionClasses.sortOrder),
        asc(expenditureFunctionClasses.code),
      );
    },

    async upsertExpenditureClasses(rows) {
      if (rows.length === 0) return 0;
      const written = await db
        .insert(expenditureFunctionClasses)
        .values([...rows])
        .onConflictDoUpdate({
          target: expenditureFunctionClasses.code,
          set: {
            name: sql`excluded.name`,
            level: sql`excluded.level`,
            parentCode: sql`excluded.parent_code`,
            verification: sql`excluded.verification`,
            note: sql`excluded.note`,
            sortOrder: sql`excluded.sort_order`,
          },
        })
        .returning({ code: expenditureFunctionClasses.code });
      return written.length;
    },

    async getGradeScheme(code) {
      const [row] = await db.select().from(gradeSchemes).where(eq(gradeSchemes.code, code));
      return row ? toGradeScheme(row) : null;
    },

    listGradeSchemes(mofDivCodes) {
      const visible =
        mofDivCodes && mofDivCodes.length > 0
          ? or(eq(gradeSchemes.builtIn, true), inArray(gradeSchemes.mofDivCode, [...mofDivCodes]))
          : eq(gradeSchemes.builtIn, true);
      return db.select().from(gradeSchemes).where(visible).orderBy(asc(gradeSchemes.code));
    },

    async upsertGradeScheme(scheme, { builtIn, mofDivCode }) {
      const values = {
        code: scheme.code,
        name: scheme.name,
        nameEn: scheme.nameEn,
        bands: scheme.bands,
        builtIn,
        mofDivCode,
      };
      await db
        .insert(gradeSchemes)
        .values(values)
        .onConflictDoUpdate({
          target: gradeSchemes.code,
          set: {
            name: values.name,
            nameEn: values.nameEn,
            bands: values.bands,
            builtIn,
            mofDivCode,
            updatedAt: sql`now()`,
            version: sql`case when ${gradeSchemes.bands} = excluded.bands and ${gradeSchemes.name} = excluded.name then ${gradeSchemes.version} else ${gradeSchemes.version} + 1 end`,
          },
        });
    },
  };
}

export function toGradeScheme(row: GradeSchemeRow): GradeScheme {
  return { code: row.code, name: row.name, nameEn: row.nameEn, bands: row.bands };
}
