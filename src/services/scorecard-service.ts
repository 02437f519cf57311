/**
 * 综合评价与画像 across scorecards: score every city, county, department, 处室, fund, asset class and revenue
 * item on every published scorecard of a year in one go (as runs the scoring pages show like any other),
 * the catalogue of a year's scorecards with their latest results, side-by-side comparison of 2–5 subjects,
 * and a subject among its peers and the province's average (portraits).
 *
 * Score-all reads in a fixed number of queries whatever the number of versions — versions, organizations,
 * subjects, input values, grade setting — scores with compiled plans kept per published version and one
 * reused ScoreWorkspace, and writes every run and result in one transaction (a few statements). Scoping
 * follows the scoring service: a user sees results of subjects in their division and below (organization-
 * bound roles only their organization's); aggregates (averages, counts, ranks) are shown as the run has them.
 */
import { randomUUID } from 'node:crypto';
import type { AccessPort, DivisionPort, DivisionRecord } from '../core/access/ports.ts';
import { ORGANIZATION_BOUND_ROLES } from '../core/access/roles.ts';
import {
  can,
  inDivisionScope,
  inOrganizationScope,
  makeActor,
  requirePermission,
  type Actor,
} from '../core/access/scope.ts';
import type { AuditPort } from '../core/audit/ports.ts';
import type { StatsPort } from '../core/dashboard/ports.ts';
import type { JobRecord } from '../core/jobs/ports.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import { compareResults, COMPARE_MAX, COMPARE_MIN, type ComparisonRow } from '../core/scorecards/compare.ts';
import { comparePeers, peerBasisOf, type PeerBasis } from '../core/scorecards/peers.ts';
import type { FinishedRun, ResultBrief, ScorecardPort } from '../core/scorecards/ports.ts';
import { scoreVersionBatch, type ValueRow } from '../core/scorecards/score-all.ts';
import { compileTemplate, type EvaluationPlan } from '../core/scoring/compile-template.ts';
import { JILIN_FIVE_TIER, validateGradeScheme, type GradeScheme } from '../core/scoring/grades.ts';
import type {
  NewSubject,
  ResultScope,
  RunRecord,
  ScoringPort,
  ScoringVersionRecord,
  SubjectKind,
  SubjectRecord,
} from '../core/scoring/ports.ts';
import { ScoreWorkspace } from '../core/scoring/score-batch.ts';
import { INCOMPLETE_GRADE, type RunSummary } from '../core/scoring/score-subjects.ts';
import {
  SUBJECT_KIND_FOR_TEMPLATE,
  subjectCandidates,
  subjectDivisionCodes,
} from '../core/scoring/subjects.ts';
import type { Clock } from './clock.ts';
import type { JobContext, JobHandler } from './job-service.ts';
import { inTransaction, type Transact } from './transaction.ts';

export const SCORECARD_JOB_KINDS = { scoreAll: 'scorecards.score_all' } as const;

interface Ports {
  readonly scoring: ScoringPort;
  readonly scorecards: ScorecardPort;
  readonly access: AccessPort;
  readonly divisions: DivisionPort;
  readonly audit: AuditPort;
  readonly stats: StatsPort;
}

export interface ScorecardDeps {
  readonly ports: Ports;
  readonly transact: Transact<Ports>;
  readonly clock: Clock;
  readonly jobs: () => {
    enqueue(
      actor: Actor,
      kind: string,
      params: unknown,
      mofDivCode: string,
      total?: number | null,
    ): Promise<JobRecord>;
  };
  /** Run ids (tests and the demo seed pass deterministic ones). */
  readonly newId?: () => string;
}

/** Template kinds scored as scorecards (project templates are scored by self-evaluation, not here). */
const PROJECT_KINDS = new Set(['project_selfeval', 'project_evaluation']);

export interface Timings {
  readonly loadMs: number;
  readonly scoreMs: number;
  readonly storeMs: number;
  readonly totalMs: number;
}

export interface ScoreAllRun {
  readonly runId: string;
  readonly versionId: string;
  readonly versionNo: number;
  readonly templateId: string;
  readonly templateCode: string;
  readonly templateName: string;
  readonly templateNameEn: string | null;
  readonly subjectKind: string;
  readonly subjects: number;
  readonly ranked: number;
  readonly incomplete: number;
  readonly averageTotal: number | null;
  readonly gradeCounts: Readonly<Record<string, number>>;
}

export interface ScoreAllReport {
  readonly batchId: string;
  readonly fiscalYear: number;
  readonly division: string;
  readonly divisionName: string;
  readonly scheme: GradeScheme;
  readonly runs: readonly ScoreAllRun[];
  readonly subjects: number;
  readonly inputValues: number;
  readonly timings: Timings;
}

export interface FirstLevelNode {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly weight: number;
  readonly category: 'base' | 'deduction' | 'bonus';
}

export interface CatalogueItem {
  readonly versionId: string;
  readonly versionNo: number;
  readonly versionStatus: string;
  readonly templateId: string;
  readonly templateCode: string;
  readonly templateName: string;
  readonly templateNameEn: string | null;
  readonly subjectKind: string;
  readonly ownerDivisionCode: string;
  readonly ownerDivisionName: string;
  readonly fiscalYear: number;
  readonly maxScore: number;
  readonly leafCount: number;
  readonly firstLevel: readonly FirstLevelNode[];
  /** The latest finished run of this version made by the division or a division above it. */
  readonly run: {
    readonly id: string;
    readonly name: string | null;
    readonly mofDivCode: string;
    readonly divisionName: string;
    readonly finishedAt: Date | null;
    readonly subjectCount: number;
    readonly ranked: number | null;
    readonly averageTotal: number | null;
    readonly scheme: GradeScheme;
    /** Results of the run the user may see, within the requested division, by grade. */
    readonly visible: number;
    readonly gradeCounts: readonly {
      grade: string;
      label: string;
      labelEn: string;
      color: string;
      count: number;
    }[];
  } | null;
}

export interface PeersView {
  readonly runId: string;
  readonly version: { readonly id: string; readonly versionNo: number; readonly fiscalYear: number };
  readonly subject: { readonly id: string; readonly name: string; readonly mofDivCode: string };
  readonly basis: PeerBasis;
  /** The peers' common parent division (basis same_parent), or the item (basis same_item). */
  readonly groupLabel: string;
  readonly peerCount: number;
  readonly rankAmongPeers: number | null;
  readonly peerAverageTotal: number | null;
  readonly provinceAverageTotal: number | null;
  readonly provinceCount: number;
  readonly total: number;
  readonly firstLevel: readonly (FirstLevelNode & {
    readonly points: number;
    readonly peerAverage: number | null;
    readonly provinceAverage: number | null;
  })[];
  /** Peers the user may see (a county sees only itself), best first. */
  readonly peers: readonly {
    readonly subjectId: string;
    readonly name: string;
    readonly mofDivCode: string;
    readonly total: number;
    readonly grade: string;
    readonly self: boolean;
  }[];
}

export interface CompareView {
  readonly run: {
    readonly id: string;
    readonly name: string | null;
    readonly fiscalYear: number;
    readonly mofDivCode: string;
    readonly versionId: string;
    readonly versionNo: number;
    readonly templateId: string;
    readonly templateName: string;
    readonly templateNameEn: string | null;
  };
  readonly scheme: GradeScheme;
  readonly maxScore: number;
  readonly subjects: readonly {
    readonly subjectId: string;
    readonly name: string;
    readonly refCode: string;
    readonly mofDivCode: string;
    readonly total: number;
    readonly grade: string;
    readonly rank: number | null;
  }[];
  readonly averageTotal: number | null;
  readonly rows: readonly ComparisonRow[];
}

const auditActor = (a: Actor) => ({ userId: a.userId, username: a.username, ip: a.ip });
const ms = (x: number) => Math.round(x * 100) / 100;

export function makeScorecardService(deps: ScorecardDeps) {
  const { ports } = deps;
  const newId = deps.newId ?? randomUUID;
  const workspace = new ScoreWorkspace();

  // Published versions never change: their compiled plans are kept.
  const plans = new Map<string, EvaluationPlan>();
  function planOf(v: ScoringVersionRecord): Result<EvaluationPlan, DomainError> {
    const hit = plans.get(v.id);
    if (hit) return ok(hit);
    const r = compileTemplate(v.definition);
    if (!r.ok) {
      return err(
        domainError(
          'TEMPLATE_INVALID',
          { versionId: v.id, issues: r.error },
          {
            zh: `“${v.templateName}”${v.fiscalYear}年度第${v.versionNo}版不能计分：${r.error.map((i) => i.message).join('；')}`,
            en: `"${v.templateNameEn ?? v.templateName}" ${v.fiscalYear} v${v.versionNo} does not compile`,
          },
        ),
      );
    }
    if (v.status !== 'draft') {
      if (plans.size > 128) plans.clear();
      plans.set(v.id, r.value);
    }
    return ok(r.value);
  }

  let divisionCache: { rows: DivisionRecord[]; byCode: Map<string, DivisionRecord>; at: number } | null =
    null;
  async function divisions() {
    const now = deps.clock().getTime();
    if (!divisionCache || now - divisionCache.at > 60_000 || now < divisionCache.at) {
      const rows = await ports.divisions.listAll();
      divisionCache = { rows, byCode: new Map(rows.map((d) => [d.code, d])), at: now };
    }
    return divisionCache;
  }
  const nameOf = (d: DivisionRecord | undefined, code: string) => (d ? (d.shortName ?? d.name) : code);
  const within = (d: DivisionRecord, root: DivisionRecord) =>
    d.path === root.path || d.path.startsWith(`${root.path}/`);
  /** The division and the divisions above it (from the cached tree; no query). */
  const chainOf = (d: DivisionRecord) => d.path.split('/');

  const scopeOf = (actor: Actor): ResultScope => ({
    divisionCodes: actor.divisionCodes,
    organizationIds: actor.organizationIds,
  });
  const subjectInScope = (actor: Actor, s: { mofDivCode: string; organizationId: string | null }) =>
    inDivisionScope(actor, s.mofDivCode) && inOrganizationScope(actor, s.organizationId);

  async function workingDivision(
    actor: Actor,
    code: string | undefined,
  ): Promise<Result<DivisionRecord, DomainError>> {
    const c = code ?? actor.divisionCode;
    if (!inDivisionScope(actor, c)) return err(domainError('OUT_OF_SCOPE', { division: c }));
    const d = (await divisions()).byCode.get(c);
    return d ? ok(d) : err(domainError('NOT_FOUND', { division: c }));
  }

  /** The grade scheme a run grades with: the version's own, else the division's setting, else Jilin's. */
  function schemeFor(v: ScoringVersionRecord, configured: GradeScheme | null): GradeScheme {
    if (v.gradeScheme && validateGradeScheme(v.gradeScheme).ok) return v.gradeScheme;
    if (configured && validateGradeScheme(configured).ok) return configured;
    return JILIN_FIVE_TIER;
  }

  function gradeLabel(scheme: GradeScheme, grade: string) {
    if (grade === INCOMPLETE_GRADE) return { label: '数据不全', labelEn: 'Incomplete', color: 'default' };
    const band = scheme.bands.find((b) => b.code === grade);
    return band
      ? { label: band.label, labelEn: band.labelEn, color: band.color }
      : { label: grade, labelEn: grade, color: 'default' };
  }

  const firstLevelOf = (plan: EvaluationPlan): FirstLevelNode[] =>
    plan.roots.map((r) => {
      const node = plan.nodes[r]!;
      return {
        code: node.code,
        name: node.name,
        nameEn: node.nameEn ?? null,
        weight: node.weight,
        category: node.category,
      };
    });

  /** The actor behind a job: the user as they are now. */
  async function actorOf(userId: string): Promise<Actor | null> {
    const user = await ports.access.getUser(userId);
    if (!user || user.status !== 'active') return null;
    const bound = user.roles.some((r) => ORGANIZATION_BOUND_ROLES.includes(r));
    return makeActor({
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      divisionCode: user.mofDivCode,
      organizationId: user.organizationId,
      divisionCodes: await ports.divisions.subtreeCodes(user.mofDivCode),
      organizationTree:
        bound && user.organizationId ? await ports.access.organizationTree(user.organizationId) : [],
      ip: null,
    });
  }

  /** A run the actor may see: fully (its division is theirs) or through results in their scope. */
  async function visibleRun(actor: Actor, id: string): Promise<Result<RunRecord, DomainError>> {
    const allowed = requirePermission(actor, 'scoring.read');
    if (!allowed.ok) return allowed;
    const run = await ports.scoring.getRun(id);
    if (!run) return err(domainError('NOT_FOUND', { runId: id }));
    if (actor.organizationIds === null && inDivisionScope(actor, run.mofDivCode)) return ok(run);
    const counts = await ports.scoring.gradeCounts(id, scopeOf(actor));
    if (counts.reduce((s, c) => s + c.count, 0) === 0) return err(domainError('NOT_FOUND', { runId: id }));
    return ok(run);
  }

  // -------------------------------------------------------------------------------------------------------
  // Score every scorecard of a year
  // -------------------------------------------------------------------------------------------------------

  async function scoreAll(
    actor: Actor,
    input: { year: number; division?: string; jobId?: string | null; progress?: JobContext['progress'] },
  ): Promise<Result<ScoreAllReport, DomainError>> {
    const allowed = requirePermission(actor, 'scoring.run');
    if (!allowed.ok) return allowed;
    if (actor.organizationIds !== null) return err(domainError('FORBIDDEN', { permission: 'scoring.run' }));
    const t0 = performance.now();
    const wd = await workingDivision(actor, input.division);
    if (!wd.ok) return wd;
    const division = wd.value;
    const tree = await divisions();
    const year = input.year;

    // 1. the year's published scorecards usable here (published by this division or one above it)
    const versions = (
      await ports.scoring.listVersions({
        templateDivisionCodes: chainOf(division),
        fiscalYear: year,
        statuses: ['published'],
      })
    ).filter((v) => !PROJECT_KINDS.has(v.subjectKind));
    if (versions.length === 0) {
      return err(
        domainError(
          'VALIDATION_FAILED',
          { year, division: division.code },
          {
            zh: `${year}年度没有已发布的评价模板，请先在“指标库与模板”中发布模板版本`,
            en: `no published scorecard template for ${year}`,
          },
        ),
      );
    }
    const compiled: EvaluationPlan[] = [];
    for (const v of versions) {
      const p = planOf(v);
      if (!p.ok) return p;
      compiled.push(p.value);
    }

    // 2. subjects of every kind at once; the missing ones derived from divisions and organizations
    const kinds = [...new Set(versions.map((v) => SUBJECT_KIND_FOR_TEMPLATE[v.subjectKind]))];
    const subtree = tree.rows.filter((d) => within(d, division)).map((d) => d.code);
    const needsOrgs = kinds.includes('department') || kinds.includes('finance_division');
    const [organizations, firstSubjects, configured] = await Promise.all([
      needsOrgs ? ports.access.listOrganizations([division.code], null) : Promise.resolve([]),
      ports.scorecards.listSubjectsOfKinds(kinds, subtree),
      ports.scoring.configuredGradeScheme(division.code, year),
    ]);
    let allSubjects = firstSubjects;
    const plansFor = versions.map((v) => ({
      kind: SUBJECT_KIND_FOR_TEMPLATE[v.subjectKind] as SubjectKind,
      codes: new Set(subjectDivisionCodes(v.subjectKind, division, tree.rows)),
      candidates: subjectCandidates(v.subjectKind, division, tree.rows, organizations),
    }));
    const have = new Set(allSubjects.map((s) => `${s.kind}/${s.mofDivCode}/${s.refCode}`));
    const missing = new Map<string, NewSubject>();
    for (const p of plansFor) {
      for (const c of p.candidates ?? []) {
        const key = `${c.kind}/${c.mofDivCode}/${c.refCode}`;
        if (!have.has(key) && !missing.has(key)) missing.set(key, c);
      }
    }
    if (missing.size > 0) {
      const created = await inTransaction(deps.transact, async (p) => {
        const rows = await p.scoring.insertMissingSubjects([...missing.values()]);
        if (rows.length > 0) {
          await p.audit.append({
            actor: auditActor(actor),
            action: 'scoring.subjects_create',
            objectType: 'subject',
            objectId: null,
            mofDivCode: division.code,
            before: null,
            after: rows.map((s) => ({ id: s.id, kind: s.kind, refCode: s.refCode, name: s.name })),
          });
        }
        return ok(rows.length);
      });
      if (!created.ok) return created;
      allSubjects = await ports.scorecards.listSubjectsOfKinds(kinds, subtree);
    }
    const subjectsOf: SubjectRecord[][] = plansFor.map((p) => {
      const wanted = p.candidates ? new Set(p.candidates.map((c) => `${c.mofDivCode}/${c.refCode}`)) : null;
      return allSubjects.filter(
        (s) =>
          s.kind === p.kind &&
          p.codes.has(s.mofDivCode) &&
          (wanted === null || wanted.has(`${s.mofDivCode}/${s.refCode}`)),
      );
    });

    // 3. every stored value of every version, in one query
    const values = await ports.scorecards.loadValues(
      versions.map((v) => v.id),
      subtree,
      year,
    );
    await input.progress?.(1, 3, '正在计算得分、等次和排名');
    const t1 = performance.now();

    // 4. score: the rows of each version become its columns; one workspace for all
    const versionIndex = new Map(versions.map((v, i) => [v.id, i]));
    const subjectIndex = subjectsOf.map((list) => new Map(list.map((s, i) => [s.id, i])));
    const rowsOf: ValueRow[][] = versions.map(() => []);
    const counts = new Int32Array(versions.length);
    for (let r = 0; r < values.versionIds.length; r++) {
      const vi = versionIndex.get(values.versionIds[r]!);
      if (vi === undefined) continue;
      const si = subjectIndex[vi]!.get(values.subjectIds[r]!);
      if (si === undefined) continue;
      rowsOf[vi]!.push({ subject: si, key: values.keys[r]!, value: values.values[r]! });
      counts[vi]!++;
    }
    const schemes = versions.map((v) => schemeFor(v, configured));
    const scored = versions.map((v, vi) =>
      scoreVersionBatch(
        {
          plan: compiled[vi]!,
          scheme: schemes[vi]!,
          subjectIds: subjectsOf[vi]!.map((s) => s.id),
          rows: rowsOf[vi]!,
        },
        workspace,
      ),
    );
    const t2 = performance.now();
    await input.progress?.(2, 3, '正在保存结果');

    // 5. store every run and result in one transaction
    const batchId = input.jobId ?? newId();
    const finishedAt = deps.clock();
    const runName = `${year}年度综合评价（一键评分）`;
    const loadMs = ms(t1 - t0);
    const scoreMs = ms(t2 - t1);
    const runs: FinishedRun[] = versions.map((v, vi) => {
      const byId = new Map(subjectsOf[vi]!.map((s) => [s.id, s]));
      const { results, summary } = scored[vi]!;
      return {
        id: newId(),
        templateVersionId: v.id,
        fiscalYear: year,
        mofDivCode: division.code,
        name: runName,
        gradeScheme: schemes[vi]!,
        subjectCount: results.length,
        summary: {
          ...summary,
          inputValues: counts[vi]!,
          timings: { loadMs, scoreMs, writeMs: 0 },
          scoreAll: { batchId, versions: versions.length },
        },
        jobId: input.jobId ?? null,
        createdBy: actor.userId,
        finishedAt,
        results: results.map((r) => ({
          subjectId: r.subjectId,
          mofDivCode: byId.get(r.subjectId)!.mofDivCode,
          total: r.total,
          grade: r.grade,
          rank: r.rank,
          nodePoints: r.nodePoints,
          inputs: r.inputs,
          missing: r.missing,
        })),
      };
    });
    const report = (storeMs: number): ScoreAllReport => ({
      batchId,
      fiscalYear: year,
      division: division.code,
      divisionName: nameOf(division, division.code),
      scheme: schemes[0]!,
      runs: versions.map((v, vi) => {
        const s = scored[vi]!.summary;
        return {
          runId: runs[vi]!.id,
          versionId: v.id,
          versionNo: v.versionNo,
          templateId: v.templateId,
          templateCode: v.templateCode,
          templateName: v.templateName,
          templateNameEn: v.templateNameEn,
          subjectKind: v.subjectKind,
          subjects: s.subjects,
          ranked: s.ranked,
          incomplete: s.incomplete,
          averageTotal: s.averages.total,
          gradeCounts: s.gradeCounts,
        };
      }),
      subjects: runs.reduce((n, r) => n + r.subjectCount, 0),
      inputValues: values.versionIds.length,
      timings: { loadMs, scoreMs, storeMs, totalMs: ms(loadMs + scoreMs + storeMs) },
    });
    const t3 = performance.now();
    const stored = await inTransaction(deps.transact, async (p) => {
      await p.scorecards.insertFinishedRuns(runs);
      await p.stats.refresh([division.code], year);
      await p.audit.append({
        actor: auditActor(actor),
        action: 'scorecards.score_all',
        objectType: 'scoring_run',
        objectId: null,
        mofDivCode: division.code,
        before: null,
        after: {
          batchId,
          fiscalYear: year,
          runs: report(0).runs.map((r) => ({
            runId: r.runId,
            templateVersionId: r.versionId,
            template: r.templateName,
            subjects: r.subjects,
            ranked: r.ranked,
            incomplete: r.incomplete,
            gradeCounts: r.gradeCounts,
          })),
        },
      });
      return ok(true);
    });
    if (!stored.ok) return stored;
    return ok(report(ms(performance.now() - t3)));
  }

  async function runScoreAllJob(job: JobRecord, ctx: JobContext): Promise<unknown> {
    const p = job.params as { year: number; division: string; userId: string };
    // a job re-run after a crash finds its runs already written (one transaction): nothing to redo
    const done = await ports.scorecards.runsOfJob(job.id);
    if (done.length > 0) return { batchId: job.id, runs: done.map((r) => r.id), alreadyStored: true };
    await ctx.progress(0, 3, '正在读取模板、评价对象和评分数据');
    const actor = await actorOf(p.userId);
    if (!actor || !can(actor, 'scoring.run')) {
      throw Object.assign(new Error('缺少权限 scoring.run'), { code: 'FORBIDDEN' });
    }
    const r = await scoreAll(actor, {
      year: p.year,
      division: p.division,
      jobId: job.id,
      progress: (d, t, m) => ctx.progress(d, t, m),
    });
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    await ctx.progress(3, 3, '评分完成');
    return r.value;
  }

  // -------------------------------------------------------------------------------------------------------
  // Use cases
  // -------------------------------------------------------------------------------------------------------

  const service = {
    jobHandlers(): JobHandler[] {
      return [{ kind: SCORECARD_JOB_KINDS.scoreAll, run: runScoreAllJob }];
    },

    scoreAll: (actor: Actor, input: { year: number; division?: string }) => scoreAll(actor, input),

    /** Score-all as a user who is not signed in (the demo province is scored once per seeded year). */
    async scoreAllAsUser(
      userId: string,
      input: { year: number; division?: string },
    ): Promise<Result<ScoreAllReport, DomainError>> {
      const actor = await actorOf(userId);
      if (!actor) return err(domainError('NOT_FOUND', { userId }));
      return scoreAll(actor, input);
    },

    /** Starts score-all as a background job (for very large provinces; the API answers 202). */
    async startScoreAll(
      actor: Actor,
      input: { year: number; division?: string },
    ): Promise<Result<JobRecord, DomainError>> {
      const allowed = requirePermission(actor, 'scoring.run');
      if (!allowed.ok) return allowed;
      if (actor.organizationIds !== null) return err(domainError('FORBIDDEN', { permission: 'scoring.run' }));
      const wd = await workingDivision(actor, input.division);
      if (!wd.ok) return wd;
      return ok(
        await deps
          .jobs()
          .enqueue(
            actor,
            SCORECARD_JOB_KINDS.scoreAll,
            { year: input.year, division: wd.value.code, userId: actor.userId },
            wd.value.code,
            3,
          ),
      );
    },

    /** The year's scorecards usable in a division, each with its latest results the user may see. */
    async catalogue(
      actor: Actor,
      q: { year: number; division?: string },
    ): Promise<Result<CatalogueItem[], DomainError>> {
      const allowed = requirePermission(actor, 'scoring.read');
      if (!allowed.ok) return allowed;
      const wd = await workingDivision(actor, q.division);
      if (!wd.ok) return wd;
      const division = wd.value;
      const tree = await divisions();
      const chain = chainOf(division);
      const versions = (
        await ports.scoring.listVersions({
          templateDivisionCodes: chain,
          fiscalYear: q.year,
          statuses: ['published'],
        })
      ).filter((v) => !PROJECT_KINDS.has(v.subjectKind));
      const runs = await ports.scorecards.latestRuns(
        versions.map((v) => v.id),
        chain,
      );
      const runOf = new Map(runs.map((r) => [r.templateVersionId, r]));
      const subtree = tree.rows.filter((d) => within(d, division)).map((d) => d.code);
      const scope: ResultScope = {
        divisionCodes: actor.divisionCodes.filter((c) => subtree.includes(c)),
        organizationIds: actor.organizationIds,
      };
      const out: CatalogueItem[] = [];
      for (const v of versions) {
        const plan = planOf(v);
        if (!plan.ok) continue;
        const run = runOf.get(v.id);
        let runView: CatalogueItem['run'] = null;
        if (run) {
          const counts = await ports.scoring.gradeCounts(run.id, scope);
          const byGrade = new Map(counts.map((c) => [c.grade, c.count]));
          const summary = run.summary as RunSummary | null;
          const gradeCounts = run.gradeScheme.bands.map((b) => ({
            grade: b.code,
            label: b.label,
            labelEn: b.labelEn,
            color: b.color,
            count: byGrade.get(b.code) ?? 0,
          }));
          const incomplete = byGrade.get(INCOMPLETE_GRADE) ?? 0;
          if (incomplete > 0) {
            gradeCounts.push({
              grade: INCOMPLETE_GRADE,
              ...gradeLabel(run.gradeScheme, INCOMPLETE_GRADE),
              count: incomplete,
            });
          }
          runView = {
            id: run.id,
            name: run.name,
            mofDivCode: run.mofDivCode,
            divisionName: nameOf(tree.byCode.get(run.mofDivCode), run.mofDivCode),
            finishedAt: run.finishedAt,
            subjectCount: run.subjectCount,
            ranked: summary?.ranked ?? null,
            averageTotal: summary?.averages.total ?? null,
            scheme: run.gradeScheme,
            visible: counts.reduce((s, c) => s + c.count, 0),
            gradeCounts,
          };
          // organization-bound users see only the scorecards that hold a result of theirs
          if (actor.organizationIds !== null && runView.visible === 0) continue;
        } else if (actor.organizationIds !== null) {
          continue;
        }
        out.push({
          versionId: v.id,
          versionNo: v.versionNo,
          versionStatus: v.status,
          templateId: v.templateId,
          templateCode: v.templateCode,
          templateName: v.templateName,
          templateNameEn: v.templateNameEn,
          subjectKind: v.subjectKind,
          ownerDivisionCode: v.mofDivCode,
          ownerDivisionName: nameOf(tree.byCode.get(v.mofDivCode), v.mofDivCode),
          fiscalYear: v.fiscalYear,
          maxScore: plan.value.maxScore,
          leafCount: plan.value.leaves.length,
          firstLevel: firstLevelOf(plan.value),
          run: runView,
        });
      }
      return ok(out);
    },

    /** A subject among its peers and against the province's average (portrait). */
    async peers(actor: Actor, runId: string, subjectId: string): Promise<Result<PeersView, DomainError>> {
      const vr = await visibleRun(actor, runId);
      if (!vr.ok) return vr;
      const run = vr.value;
      const version = await ports.scoring.getVersion(run.templateVersionId);
      if (!version) return err(domainError('NOT_FOUND', { versionId: run.templateVersionId }));
      const plan = planOf(version);
      if (!plan.ok) return plan;
      const briefs = await ports.scorecards.resultBriefs(runId);
      const me = briefs.find((b) => b.subjectId === subjectId);
      if (!me || !subjectInScope(actor, me)) return err(domainError('NOT_FOUND', { runId, subjectId }));
      const tree = await divisions();
      const parentOf = (code: string) => tree.byCode.get(code)?.parentCode ?? null;
      const basis = peerBasisOf(me.kind);
      const first = firstLevelOf(plan.value);
      const c = comparePeers(
        basis,
        me,
        briefs,
        first.map((f) => f.code),
        parentOf,
      );
      const byId = new Map(briefs.map((b) => [b.subjectId, b]));
      const parent = parentOf(me.mofDivCode);
      const groupLabel =
        basis === 'same_parent'
          ? nameOf(parent ? tree.byCode.get(parent) : undefined, parent ?? '')
          : basis === 'same_item'
            ? me.name
            : '';
      return ok({
        runId,
        version: { id: version.id, versionNo: version.versionNo, fiscalYear: version.fiscalYear },
        subject: { id: me.subjectId, name: me.name, mofDivCode: me.mofDivCode },
        basis,
        groupLabel,
        peerCount: c.peerCount,
        rankAmongPeers: c.rankAmongPeers,
        peerAverageTotal: c.peerAverageTotal,
        provinceAverageTotal: c.provinceAverageTotal,
        provinceCount: c.provinceCount,
        total: me.total,
        firstLevel: first.map((f, i) => ({ ...f, ...c.firstLevel[i]! })),
        peers: c.peers
          .map((p) => byId.get(p.subjectId)!)
          .filter((b) => subjectInScope(actor, b))
          .map((b: ResultBrief) => ({
            subjectId: b.subjectId,
            name: b.name,
            mofDivCode: b.mofDivCode,
            total: b.total,
            grade: b.grade,
            self: b.subjectId === subjectId,
          })),
      });
    },

    /** 2–5 subjects of a run side by side: every indicator's points and the values scored. */
    async compare(
      actor: Actor,
      runId: string,
      subjectIds: readonly string[],
    ): Promise<Result<CompareView, DomainError>> {
      const ids = [...new Set(subjectIds)];
      if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) {
        return err(
          domainError(
            'VALIDATION_FAILED',
            { count: ids.length },
            {
              zh: `请选择${COMPARE_MIN}至${COMPARE_MAX}个评价对象进行对比（当前${ids.length}个）`,
              en: `choose ${COMPARE_MIN} to ${COMPARE_MAX} subjects to compare`,
            },
          ),
        );
      }
      const vr = await visibleRun(actor, runId);
      if (!vr.ok) return vr;
      const run = vr.value;
      const version = await ports.scoring.getVersion(run.templateVersionId);
      if (!version) return err(domainError('NOT_FOUND', { versionId: run.templateVersionId }));
      const plan = planOf(version);
      if (!plan.ok) return plan;
      const rows = await Promise.all(ids.map((id) => ports.scoring.getResult(runId, id)));
      for (const [i, r] of rows.entries()) {
        if (!r || !subjectInScope(actor, { mofDivCode: r.mofDivCode, organizationId: r.organizationId })) {
          return err(domainError('NOT_FOUND', { runId, subjectId: ids[i] }));
        }
      }
      const results = rows.map((r) => r!);
      const summary = run.summary as RunSummary | null;
      return ok({
        run: {
          id: run.id,
          name: run.name,
          fiscalYear: run.fiscalYear,
          mofDivCode: run.mofDivCode,
          versionId: version.id,
          versionNo: version.versionNo,
          templateId: version.templateId,
          templateName: version.templateName,
          templateNameEn: version.templateNameEn,
        },
        scheme: run.gradeScheme,
        maxScore: plan.value.maxScore,
        subjects: results.map((r) => ({
          subjectId: r.subjectId,
          name: r.subjectName,
          refCode: r.subjectRefCode,
          mofDivCode: r.mofDivCode,
          total: r.total,
          grade: r.grade,
          rank: r.rank,
        })),
        averageTotal: summary?.averages.total ?? null,
        rows: compareResults(plan.value, results, summary?.averages.nodes ?? null),
      });
    },
  };
  return service;
}

export type ScorecardService = ReturnType<typeof makeScorecardService>;

/** The scorecard job handlers, bound late to the service (handlers exist before the services). */
export function scorecardJobHandlers(service: () => ScorecardService): JobHandler[] {
  return Object.values(SCORECARD_JOB_KINDS).map((kind) => ({
    kind,
    run: (job, ctx) =>
      service()
        .jobHandlers()
        .find((h) => h.kind === kind)!
        .run(job, ctx),
  }));
}
