/**
 * Pre-aggregated dashboard figures per division and year (division_stats), refreshed on write for the
 * divisions a change touched; a dashboard adds up the rows of a subtree.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DivisionStats, StatsPort } from '../../core/dashboard/ports.ts';
import { rowsOf, type Db } from '../client.ts';
import { divisionStats } from '../schema.ts';

const empty = (): DivisionStats => ({
  projects: 0,
  departments: 0,
  projectBudgetFen: 0,
  byFundClass: {},
  selfEvaluations: 0,
  selfEvaluationsWithFindings: 0,
  selfEvalGrades: {},
  scoringRuns: 0,
});

export function makeStatsRepo(db: Db): StatsPort {
  return {
    async refresh(codes, fiscalYear) {
      if (codes.length === 0) return;
      const list = sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      );
      const stats = new Map<string, DivisionStats>(codes.map((c) => [c, empty()]));
      const at = (code: string) => stats.get(code)!;

      const projectRows = rowsOf<{
        code: string;
        fund_class: string | null;
        n: number;
        fen: string | number | null;
      }>(
        await db.execute(sql`
          select p.mof_div_code as code, p.fund_class, count(*)::int as n, sum(a.amount_fen)::bigint as fen
          from project_year_amounts a join projects p on p.id = a.project_id and p.mof_div_code = a.mof_div_code
          where a.mof_div_code in (${list}) and a.fiscal_year = ${fiscalYear}
          group by p.mof_div_code, p.fund_class`),
      );
      for (const r of projectRows) {
        const s = at(r.code);
        const fen = Number(r.fen ?? 0);
        s.projects += Number(r.n);
        s.projectBudgetFen += fen;
        const key = r.fund_class ?? 'unclassified';
        const fc = s.byFundClass[key] ?? { projects: 0, amountFen: 0 };
        s.byFundClass[key] = { projects: fc.projects + Number(r.n), amountFen: fc.amountFen + fen };
      }

      const deptRows = rowsOf<{ code: string; n: number }>(
        await db.execute(sql`
          select mof_div_code as code, count(*)::int as n from organizations
          where mof_div_code in (${list}) and kind = 'budget_department' and status = 'active'
          group by mof_div_code`),
      );
      for (const r of deptRows) at(r.code).departments = Number(r.n);

      const selfRows = rowsOf<{ code: string; grade: string | null; n: number; with_findings: number }>(
        await db.execute(sql`
          select mof_div_code as code, grade, count(*)::int as n,
                 count(*) filter (where jsonb_array_length(findings) > 0)::int as with_findings
          from self_evaluations
          where mof_div_code in (${list}) and fiscal_year = ${fiscalYear}
          group by mof_div_code, grade`),
      );
      for (const r of selfRows) {
        const s = at(r.code);
        s.selfEvaluations += Number(r.n);
        s.selfEvaluationsWithFindings += Number(r.with_findings);
        if (r.grade) s.selfEvalGrades[r.grade] = (s.selfEvalGrades[r.grade] ?? 0) + Number(r.n);
      }

      const runRows = rowsOf<{ code: string; n: number }>(
        await db.execute(sql`
          select mof_div_code as code, count(*)::int as n from scoring_runs
          where mof_div_code in (${list}) and fiscal_year = ${fiscalYear} and is_what_if = false
          group by mof_div_code`),
      );
      for (const r of runRows) at(r.code).scoringRuns = Number(r.n);

      const now = new Date();
      for (let i = 0; i < codes.length; i += 500) {
        const chunk = codes.slice(i, i + 500);
        await db
          .insert(divisionStats)
          .values(chunk.map((c) => ({ mofDivCode: c, fiscalYear, stats: at(c), updatedAt: now })))
          .onConflictDoUpdate({
            target: [divisionStats.mofDivCode, divisionStats.fiscalYear],
            set: { stats: sql`excluded.stats`, updatedAt: now },
          });
      }
    },

    async sum(codes, fiscalYear) {
      const total = empty();
      if (codes.length === 0) return { stats: total, updatedAt: null };
      const rows = await db
        .select()
        .from(divisionStats)
        .where(and(inArray(divisionStats.mofDivCode, [...codes]), eq(divisionStats.fiscalYear, fiscalYear)));
      let updatedAt: Date | null = null;
      for (const r of rows) {
        const s = r.stats as DivisionStats;
        total.projects += s.projects;
        total.departments += s.departments;
        total.projectBudgetFen += s.projectBudgetFen;
        total.selfEvaluations += s.selfEvaluations;
        total.selfEvaluationsWithFindings += s.selfEvaluationsWithFindings;
        total.scoringRuns += s.scoringRuns;
        for (const [k, v] of Object.entries(s.byFundClass)) {
          const fc = total.byFundClass[k] ?? { projects: 0, amountFen: 0 };
          total.byFundClass[k] = {
            projects: fc.projects + v.projects,
            amountFen: fc.amountFen + v.amountFen,
          };
        }
        for (const [k, v] of Object.entries(s.selfEvalGrades))
          total.selfEvalGrades[k] = (total.selfEvalGrades[k] ?? 0) + v;
        if (!updatedAt || r.updatedAt > updatedAt) updatedAt = r.updatedAt;
      }
      return { stats: total, updatedAt };
    },

    async organizationFigures(organizationIds, fiscalYear) {
      const stats = empty();
      if (organizationIds.length === 0) return stats;
      const list = sql.join(
        organizationIds.map((c) => sql`${c}::uuid`),
        sql`, `,
      );
      const projectRows = rowsOf<{ fund_class: string | null; n: number; fen: string | number | null }>(
        await db.execute(sql`
          select p.fund_class, count(*)::int as n, sum(a.amount_fen)::bigint as fen
          from project_year_amounts a join projects p on p.id = a.project_id and p.mof_div_code = a.mof_div_code
          where (p.department_id in (${list}) or p.agency_id in (${list})) and a.fiscal_year = ${fiscalYear}
          group by p.fund_class`),
      );
      for (const r of projectRows) {
        const fen = Number(r.fen ?? 0);
        stats.projects += Number(r.n);
        stats.projectBudgetFen += fen;
        stats.byFundClass[r.fund_class ?? 'unclassified'] = { projects: Number(r.n), amountFen: fen };
      }
      const selfRows = rowsOf<{ grade: string | null; n: number; with_findings: number }>(
        await db.execute(sql`
          select s.grade, count(*)::int as n, count(*) filter (where jsonb_array_length(s.findings) > 0)::int as with_findings
          from self_evaluations s join projects p on p.id = s.project_id and p.mof_div_code = s.mof_div_code
          where (p.department_id in (${list}) or p.agency_id in (${list})) and s.fiscal_year = ${fiscalYear}
          group by s.grade`),
      );
      for (const r of selfRows) {
        stats.selfEvaluations += Number(r.n);
        stats.selfEvaluationsWithFindings += Number(r.with_findings);
        if (r.grade) stats.selfEvalGrades[r.grade] = Number(r.n);
      }
      stats.departments = 1;
      return stats;
    },
  };
}
