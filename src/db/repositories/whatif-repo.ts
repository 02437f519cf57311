/**
 * 情景模拟 (implements core/whatif WhatIfPort): reads only. The latest finished run of a version in a
 * division; a year's self-evaluations as columns in one query (formula total, division, and the project's
 * amounts of the budget years the consequences apply to); details of the rows a page shows; and the grade
 * scheme in force for many divisions at once (region setting `grading.scheme`, resolved like
 * setting-repo: own value, else the nearest ancestor's, a locked ancestor's value winning).
 */
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { GradeScheme } from '../../core/scoring/grades.ts';
import {
  WHATIF_SELFEVAL_STATUSES,
  type SelfEvaluationColumns,
  type WhatIfPort,
} from '../../core/whatif/ports.ts';
import type { Db } from '../client.ts';
import {
  divisions,
  gradeSchemes,
  organizations,
  projectYearAmounts,
  projects,
  regionSettings,
  scoringRuns,
  selfEvaluations,
} from '../schema.ts';
import { pathCodes } from '../scope.ts';
import { toGradeScheme } from './reference-repo.ts';

const GRADE_SCHEME_SETTING = 'grading.scheme';

const se = selfEvaluations;

/**
 * The rows of a select as arrays, straight from the driver (rowMode 'array'): for a province's
 * self-evaluations (a quarter of a million rows) building drizzle's row objects costs more than the query.
 * Inside a transaction (no `$client`) it falls back to drizzle's rows in column order.
 */
async function arrayRows(
  db: Db,
  query: { toSQL(): { sql: string; params: unknown[] } } & PromiseLike<object[]>,
): Promise<unknown[][]> {
  const client = (db as unknown as { $client?: unknown }).$client as
    { query: (...args: unknown[]) => Promise<{ rows: unknown[][] }>; exec?: unknown } | undefined;
  const { sql: text, params } = query.toSQL();
  if (client && typeof client.query === 'function') {
    // PGlite: query(text, params, options); node-postgres Pool: query(config)
    const r =
      'exec' in client
        ? await client.query(text, params, { rowMode: 'array' })
        : await client.query({ text, values: params, rowMode: 'array' });
    return r.rows;
  }
  return (await query).map((row) => Object.values(row));
}

export function makeWhatIfRepo(db: Db): WhatIfPort {
  return {
    async latestRun(versionId, mofDivCode, fiscalYear) {
      const [row] = await db
        .select({
          id: scoringRuns.id,
          name: scoringRuns.name,
          fiscalYear: scoringRuns.fiscalYear,
          mofDivCode: scoringRuns.mofDivCode,
          finishedAt: scoringRuns.finishedAt,
          subjectCount: scoringRuns.subjectCount,
          gradeScheme: scoringRuns.gradeScheme,
        })
        .from(scoringRuns)
        .where(
          and(
            eq(scoringRuns.templateVersionId, versionId),
            eq(scoringRuns.mofDivCode, mofDivCode),
            eq(scoringRuns.fiscalYear, fiscalYear),
            eq(scoringRuns.status, 'succeeded'),
            eq(scoringRuns.isWhatIf, false),
          ),
        )
        .orderBy(desc(scoringRuns.finishedAt), desc(scoringRuns.createdAt))
        .limit(1);
      return row ?? null;
    },

    async countSelfEvaluations(divisionCodes, fiscalYear) {
      if (divisionCodes.length === 0) return 0;
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(se)
        .where(
          and(
            inArray(se.mofDivCode, [...divisionCodes]),
            eq(se.fiscalYear, fiscalYear),
            inArray(se.status, [...WHATIF_SELFEVAL_STATUSES]),
            isNotNull(se.formulaTotal),
          ),
        );
      return Number(row?.n ?? 0);
    },

    async selfEvaluationColumns(q) {
      const years = [...new Set(q.amountYears)];
      if (q.divisionCodes.length === 0) {
        return {
          n: 0,
          ids: [],
          divisions: [],
          divisionOf: new Uint16Array(0),
          totals: new Float64Array(0),
          amounts: new Map(years.map((y) => [y, new Float64Array(0)])),
        };
      }
      // one row per self-evaluation, the amounts of each budget year joined on (project_id, fiscal_year)
      const joins = years.map((y, k) => ({ y, t: alias(projectYearAmounts, `a${k}`) }));
      let query = db
        .select({
          id: se.id,
          d: se.mofDivCode,
          t: sql<number>`${se.formulaTotal}::float8`,
          ...Object.fromEntries(
            joins.map(({ t }, k) => [`a${k}`, sql<number | null>`${t.amountFen}::float8`]),
          ),
        })
        .from(se)
        .$dynamic();
      for (const { y, t } of joins) {
        query = query.leftJoin(t, and(eq(t.projectId, se.projectId), eq(t.fiscalYear, y)));
      }
      const rows = await arrayRows(
        db,
        query.where(
          and(
            inArray(se.mofDivCode, [...q.divisionCodes]),
            eq(se.fiscalYear, q.fiscalYear),
            inArray(se.status, [...WHATIF_SELFEVAL_STATUSES]),
            isNotNull(se.formulaTotal),
          ),
        ),
      );
      const n = rows.length;
      const ids = new Array<string>(n);
      const divisionIndex = new Map<string, number>();
      const divisionOf = new Uint16Array(n);
      const totals = new Float64Array(n);
      const amounts = years.map(() => new Float64Array(n));
      for (let i = 0; i < n; i++) {
        const r = rows[i]!;
        ids[i] = r[0] as string;
        const d = r[1] as string;
        let k = divisionIndex.get(d);
        if (k === undefined) {
          k = divisionIndex.size;
          divisionIndex.set(d, k);
        }
        divisionOf[i] = k;
        totals[i] = Number(r[2]);
        for (let y = 0; y < years.length; y++) {
          const a = r[3 + y];
          amounts[y]![i] = a === null || a === undefined ? NaN : Number(a);
        }
      }
      const out: SelfEvaluationColumns = {
        n,
        ids,
        divisions: [...divisionIndex.keys()],
        divisionOf,
        totals,
        amounts: new Map(years.map((y, k) => [y, amounts[k]!])),
      };
      return out;
    },

    async selfEvaluationDetails(ids) {
      if (ids.length === 0) return [];
      return db
        .select({
          id: se.id,
          mofDivCode: se.mofDivCode,
          proCode: se.proCode,
          projectName: se.projectName,
          departmentName: organizations.name,
          status: se.status,
        })
        .from(se)
        .leftJoin(projects, and(eq(projects.id, se.projectId), eq(projects.mofDivCode, se.mofDivCode)))
        .leftJoin(
          organizations,
          and(eq(organizations.id, projects.departmentId), eq(organizations.mofDivCode, projects.mofDivCode)),
        )
        .where(inArray(se.id, [...ids]));
    },

    async effectiveGradeSchemes(divisionCodes, fiscalYear) {
      const out = new Map<string, GradeScheme | null>();
      if (divisionCodes.length === 0) return out;
      const paths = await db
        .select({ code: divisions.code, path: divisions.path })
        .from(divisions)
        .where(inArray(divisions.code, [...divisionCodes]));
      const settings = await db
        .select({
          code: regionSettings.mofDivCode,
          value: regionSettings.value,
          locked: regionSettings.locked,
        })
        .from(regionSettings)
        .where(and(eq(regionSettings.key, GRADE_SCHEME_SETTING), eq(regionSettings.fiscalYear, fiscalYear)));
      const byDivision = new Map(settings.map((s) => [s.code, s]));
      const named = [
        ...new Set(settings.map((s) => s.value).filter((v): v is string => typeof v === 'string')),
      ];
      const presets = new Map<string, GradeScheme>();
      if (named.length > 0) {
        const rows = await db.select().from(gradeSchemes).where(inArray(gradeSchemes.code, named));
        for (const r of rows) presets.set(r.code, toGradeScheme(r));
      }
      const schemeOf = (value: unknown): GradeScheme | null => {
        if (typeof value === 'string') return presets.get(value) ?? null;
        if (value && typeof value === 'object' && Array.isArray((value as GradeScheme).bands)) {
          return value as GradeScheme;
        }
        return null;
      };
      for (const { code, path } of paths) {
        // root first: the first locked ancestor wins, else the nearest value
        let chosen: { value: unknown } | null = null;
        for (const c of pathCodes(path)) {
          const s = byDivision.get(c);
          if (!s) continue;
          chosen = s;
          if (s.locked && c !== code) break;
        }
        out.set(code, chosen ? schemeOf(chosen.value) : null);
      }
      return out;
    },
  };
}
