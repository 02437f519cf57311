import type { DivisionPort } from '../core/access/ports.ts';
import { can, inDivisionScope, requirePermission, type Actor } from '../core/access/scope.ts';
import { FUND_CLASS_LABELS, type StatsPort } from '../core/dashboard/ports.ts';
import type { JobPort } from '../core/jobs/ports.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import { JILIN_FIVE_TIER, PRESET_GRADE_SCHEMES } from '../core/scoring/grades.ts';
import type { Clock } from './clock.ts';
import { TtlCache } from './ttl-cache.ts';

export interface DashboardView {
  division: { code: string; name: string };
  fiscalYear: number;
  counts: {
    projects: number;
    departments: number;
    templates: number;
    scoringRuns: number;
    selfEvaluations: number;
    selfEvaluationsWithFindings: number;
  };
  amounts: {
    projectBudgetFen: number;
    byFundClass: { fundClass: string; label: string; projects: number; amountFen: number }[];
  };
  grades: { grade: string; label: string; color: string; count: number }[];
  tasks: {
    kind: string;
    title: string;
    titleEn: string;
    count: number;
    link: string;
    dueDate: string | null;
  }[];
  updatedAt: string;
}

/** 首页: pre-aggregated figures of the chosen division's subtree (or of the user's own organization). */
export function makeDashboardService(deps: {
  ports: {
    stats: StatsPort;
    divisions: DivisionPort;
    jobs: JobPort;
    templates: { listTemplatesFor(mofDivCode: string): Promise<readonly unknown[]> };
  };
  clock: Clock;
  defaultYear: () => number;
  /** How long the figures of a division and year may be reused (pre-aggregated, stamped with updatedAt). */
  cacheMs?: number;
  /** How many writes this process has made: a cached figure older than the last write is read again. */
  writeCount?: () => number;
  /** Other contexts' 待办 (e.g. the rectification ledger's), asked at most every few seconds per user,
   * division and year (ADR 0007). */
  taskSources?: readonly ((
    actor: Actor,
    q: { division: string; year: number },
  ) => Promise<DashboardView['tasks']>)[];
}) {
  const { stats, divisions, jobs, templates } = deps.ports;
  const figuresCache = new TtlCache<{
    figures: Awaited<ReturnType<StatsPort['sum']>>['stats'];
    updatedAt: Date;
    templateCount: number;
  }>(deps.cacheMs ?? 5_000);
  const divisionCache = new TtlCache<Awaited<ReturnType<DivisionPort['get']>>>(60_000);
  const tasksCache = new TtlCache<DashboardView['tasks']>(deps.cacheMs ?? 5_000);
  const written = deps.writeCount ?? (() => 0);
  const jobsCache = new TtlCache<Awaited<ReturnType<JobPort['list']>>>(deps.cacheMs ?? 5_000);
  return {
    async get(
      actor: Actor,
      q: { division?: string; year?: number },
    ): Promise<Result<DashboardView, DomainError>> {
      const allowed = requirePermission(actor, 'dashboard.read');
      if (!allowed.ok) return allowed;
      const code = q.division ?? actor.divisionCode;
      if (!inDivisionScope(actor, code)) return err(domainError('OUT_OF_SCOPE', { division: code }));
      const division = await divisionCache.get(code, deps.clock().getTime(), () => divisions.get(code));
      if (!division) return err(domainError('NOT_FOUND', { division: code }));
      const year = q.year ?? deps.defaultYear();

      const scopeKey = actor.organizationIds === null ? '*' : actor.organizationIds.join(',');
      const { figures, updatedAt, templateCount } = await figuresCache.get(
        `${code}|${year}|${scopeKey}|${written()}`,
        deps.clock().getTime(),
        async () => {
          const templateCount = (await templates.listTemplatesFor(code)).length;
          if (actor.organizationIds !== null) {
            return {
              figures: await stats.organizationFigures(actor.organizationIds, year),
              updatedAt: deps.clock(),
              templateCount,
            };
          }
          const summed = await stats.sum(await divisions.subtreeCodes(code), year);
          return { figures: summed.stats, updatedAt: summed.updatedAt ?? deps.clock(), templateCount };
        },
      );

      const order = Object.keys(FUND_CLASS_LABELS);
      const byFundClass = Object.entries(figures.byFundClass)
        .map(([fundClass, v]) => ({
          fundClass,
          label: FUND_CLASS_LABELS[fundClass]?.zh ?? fundClass,
          projects: v.projects,
          amountFen: v.amountFen,
        }))
        .sort((a, b) => order.indexOf(a.fundClass) - order.indexOf(b.fundClass));

      // Grades in the order of the five tiers, then any labels of other schemes.
      const bands = [...JILIN_FIVE_TIER.bands, ...PRESET_GRADE_SCHEMES.flatMap((s) => s.bands)];
      const seen = new Set<string>();
      const grades = bands
        .filter((b) => !seen.has(b.label) && seen.add(b.label))
        .map((b) => ({
          grade: b.code,
          label: b.label,
          color: b.color,
          count: figures.selfEvalGrades[b.label] ?? 0,
        }));

      const tasks: DashboardView['tasks'] = [];
      if (figures.selfEvaluationsWithFindings > 0 && can(actor, 'selfeval.read')) {
        tasks.push({
          kind: 'selfeval_findings',
          title: '自评表核查发现问题，待复核',
          titleEn: 'Self-evaluation tables with findings to review',
          count: figures.selfEvaluationsWithFindings,
          link: `/selfeval?division=${code}&year=${year}&findings=1`,
          dueDate: null,
        });
      }
      const sources = deps.taskSources ?? [];
      if (sources.length > 0) {
        const more = await tasksCache.get(
          `${actor.userId}|${code}|${year}|${written()}`,
          deps.clock().getTime(),
          async () =>
            (await Promise.all(sources.map((source) => source(actor, { division: code, year })))).flat(),
        );
        tasks.push(...more);
      }
      const myJobs = await jobsCache.get(`${actor.userId}|${written()}`, deps.clock().getTime(), async () =>
        (await jobs.list({ divisionCodes: null, createdBy: actor.userId, limit: 20 })).filter(
          (j) => j.status === 'queued' || j.status === 'running',
        ),
      );
      if (myJobs.length > 0) {
        tasks.push({
          kind: 'jobs_running',
          title: '正在执行的后台任务',
          titleEn: 'Background jobs in progress',
          count: myJobs.length,
          link: '/jobs',
          dueDate: null,
        });
      }

      return ok({
        division: { code: division.code, name: division.name },
        fiscalYear: year,
        counts: {
          projects: figures.projects,
          departments: figures.departments,
          templates: templateCount,
          scoringRuns: figures.scoringRuns,
          selfEvaluations: figures.selfEvaluations,
          selfEvaluationsWithFindings: figures.selfEvaluationsWithFindings,
        },
        amounts: { projectBudgetFen: figures.projectBudgetFen, byFundClass },
        grades,
        tasks,
        updatedAt: updatedAt.toISOString(),
      });
    },
  };
}

export type DashboardService = ReturnType<typeof makeDashboardService>;
