/**
 * Region settings (分级参数配置): a value per division, fiscal year and key. A division's effective value
 * is its own, else the nearest ancestor's (downward inheritance); a value set with `locked` by an ancestor
 * wins over anything set below it (下级不得调整).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { domainError, err, ok, type DomainError, type Result } from '../../core/kernel/index.ts';
import type { Db } from '../client.ts';
import { divisions, regionSettings } from '../schema.ts';
import { pathCodes } from '../scope.ts';

export type RegionSetting = typeof regionSettings.$inferSelect;

export interface EffectiveSetting<T = unknown> {
  readonly key: string;
  readonly value: T;
  /** The division whose row supplies the value. */
  readonly fromMofDivCode: string;
  /** True when the value comes from an ancestor, not the division itself. */
  readonly inherited: boolean;
  /** True when an ancestor locked it: the division may not override it. */
  readonly locked: boolean;
}

export interface SetSettingInput {
  readonly mofDivCode: string;
  readonly fiscalYear: number;
  readonly key: string;
  readonly value: unknown;
  readonly locked?: boolean;
  readonly note?: string | null;
  readonly updatedBy?: string | null;
  /** Optimistic lock: the version the caller read; omit to create or overwrite. */
  readonly expectedVersion?: number;
}

export interface SettingRepo {
  getEffective<T = unknown>(
    mofDivCode: string,
    fiscalYear: number,
    key: string,
  ): Promise<EffectiveSetting<T> | null>;
  /** Every key's effective value for a division and year, by key. */
  listEffective(mofDivCode: string, fiscalYear: number): Promise<Map<string, EffectiveSetting>>;
  /** The division's own rows for a year (what it overrides). */
  listOwn(mofDivCode: string, fiscalYear: number): Promise<RegionSetting[]>;
  set(input: SetSettingInput): Promise<Result<RegionSetting, DomainError>>;
  /** Removes the division's own value, so the inherited one applies again. */
  remove(mofDivCode: string, fiscalYear: number, key: string): Promise<boolean>;
  /** Inserts a value only where none exists (seed defaults never overwrite an administrator's change). */
  insertIfMissing(rows: readonly (typeof regionSettings.$inferInsert)[]): Promise<number>;
}

/** Picks the effective row from rows of the ancestors-or-self, ordered root → division. */
function resolve(rowsRootFirst: readonly RegionSetting[], mofDivCode: string): EffectiveSetting | null {
  let chosen: RegionSetting | null = null;
  let locked = false;
  for (const row of rowsRootFirst) {
    chosen = row;
    if (row.locked && row.mofDivCode !== mofDivCode) {
      locked = true;
      break;
    }
  }
  if (!chosen) return null;
  return {
    key: chosen.key,
    value: chosen.value,
    fromMofDivCode: chosen.mofDivCode,
    inherited: chosen.mofDivCode !== mofDivCode,
    locked,
  };
}

export function makeSettingRepo(db: Db): SettingRepo {
  async function ancestorsOrSelf(mofDivCode: string): Promise<string[]> {
    const [row] = await db
      .select({ path: divisions.path })
      .from(divisions)
      .where(eq(divisions.code, mofDivCode));
    return row ? pathCodes(row.path) : [];
  }

  /** Rows of the ancestors-or-self for a year (optionally one key), grouped by key, root first. */
  async function chain(
    mofDivCode: string,
    fiscalYear: number,
    key?: string,
  ): Promise<Map<string, RegionSetting[]>> {
    const codes = await ancestorsOrSelf(mofDivCode);
    const byKey = new Map<string, RegionSetting[]>();
    if (codes.length === 0) return byKey;
    const rows = await db
      .select()
      .from(regionSettings)
      .where(
        and(
          inArray(regionSettings.mofDivCode, codes),
          eq(regionSettings.fiscalYear, fiscalYear),
          key === undefined ? undefined : eq(regionSettings.key, key),
        ),
      );
    const depth = new Map(codes.map((c, i) => [c, i]));
    rows.sort((a, b) => depth.get(a.mofDivCode)! - depth.get(b.mofDivCode)!);
    for (const row of rows) {
      const list = byKey.get(row.key);
      if (list) list.push(row);
      else byKey.set(row.key, [row]);
    }
    return byKey;
  }

  return {
    async getEffective<T = unknown>(mofDivCode: string, fiscalYear: number, key: string) {
      const rows = (await chain(mofDivCode, fiscalYear, key)).get(key) ?? [];
      return resolve(rows, mofDivCode) as EffectiveSetting<T> | null;
    },

    async listEffective(mofDivCode, fiscalYear) {
      const out = new Map<string, EffectiveSetting>();
      for (const [key, rows] of await chain(mofDivCode, fiscalYear)) {
        const eff = resolve(rows, mofDivCode);
        if (eff) out.set(key, eff);
      }
      return out;
    },

    listOwn(mofDivCode, fiscalYear) {
      return db
        .select()
        .from(regionSettings)
        .where(and(eq(regionSettings.mofDivCode, mofDivCode), eq(regionSettings.fiscalYear, fiscalYear)))
        .orderBy(asc(regionSettings.key));
    },

    async set(input) {
      const rows = (await chain(input.mofDivCode, input.fiscalYear, input.key)).get(input.key) ?? [];
      const lockedAbove = rows.find((r) => r.locked && r.mofDivCode !== input.mofDivCode);
      if (lockedAbove) {
        return err(
          domainError(
            'FORBIDDEN',
            { key: input.key, lockedBy: lockedAbove.mofDivCode },
            {
              zh: `参数“${input.key}”已由上级（${lockedAbove.mofDivCode}）锁定，下级不得调整`,
              en: `setting ${input.key} is locked by ${lockedAbove.mofDivCode}`,
            },
          ),
        );
      }
      const values = {
        mofDivCode: input.mofDivCode,
        fiscalYear: input.fiscalYear,
        key: input.key,
        value: input.value,
        locked: input.locked ?? false,
        note: input.note ?? null,
        updatedBy: input.updatedBy ?? null,
      };
      const where = and(
        eq(regionSettings.mofDivCode, input.mofDivCode),
        eq(regionSettings.fiscalYear, input.fiscalYear),
        eq(regionSettings.key, input.key),
      );
      if (input.expectedVersion !== undefined) {
        const [row] = await db
          .update(regionSettings)
          .set({
            value: values.value,
            locked: values.locked,
            note: values.note,
            updatedBy: values.updatedBy,
            version: sql`${regionSettings.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(where, eq(regionSettings.version, input.expectedVersion)))
          .returning();
        if (!row) {
          return err(
            domainError('VERSION_CONFLICT', { key: input.key, expectedVersion: input.expectedVersion }),
          );
        }
        return ok(row);
      }
      const [row] = await db
        .insert(regionSettings)
        .values(values)
        .onConflictDoUpdate({
          target: [regionSettings.mofDivCode, regionSettings.fiscalYear, regionSettings.key],
          set: {
            value: values.value,
            locked: values.locked,
            note: values.note,
            updatedBy: values.updatedBy,
            version: sql`${regionSettings.version} + 1`,
            updatedAt: sql`now()`,
          },
        })
        .returning();
      return ok(row!);
    },

    async remove(mofDivCode, fiscalYear, key) {
      const rows = await db
        .delete(regionSettings)
        .where(
          and(
            eq(regionSettings.mofDivCode, mofDivCode),
            eq(regionSettings.fiscalYear, fiscalYear),
            eq(regionSettings.key, key),
          ),
        )
        .returning({ key: regionSettings.key });
      return rows.length > 0;
    },

    async insertIfMissing(rows) {
      if (rows.length === 0) return 0;
      const written = await db
        .insert(regionSettings)
        .values([...rows])
        .onConflictDoNothing()
        .returning({ key: regionSettings.key });
      return written.length;
    },
  };
}
