/**
 * 评分运行 (scoring runs): the generic machinery that scores subjects — counties, departments, funds … — on a
 * published template version. Inputs per subject (form, API, Excel template and import), runs as jobs over
 * the subjects in scope, league tables with grade distribution and export, and a subject's portrait basics
 * (total, grade, rank, first-level scores against the peer average, every leaf explained, history).
 *
 * Every use case takes the actor first and checks permission and scope on the server: a user sees the
 * subjects of their own division and below (organization-bound roles only their own organization's), and
 * a run only as far as its results lie in that scope. Every write is audited in its own transaction.
 * Decisions: docs/decisions/0005-scoring-runs.md.
 */
import { createHash } from 'node:crypto';
import type { AccessPort, DivisionPort, DivisionRecord } from '../core/access/ports.ts';
import {
  can,
  inDivisionScope,
  inOrganizationScope,
  makeActor,
  requirePermission,
  type Actor,
} from '../core/access/scope.ts';
import { ORGANIZATION_BOUND_ROLES } from '../core/access/roles.ts';
import type { AuditPort } from '../core/audit/ports.ts';
import type { StatsPort } from '../core/dashboard/ports.ts';
import type { JobRecord } from '../core/jobs/ports.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import { compileTemplate, type EvaluationPlan } from '../core/scoring/compile-template.ts';
import { explainSubject, type SubjectExplanation, type Text } from '../core/scoring/explain.ts';
import { JILIN_FIVE_TIER, validateGradeScheme, type GradeScheme } from '../core/scoring/grades.ts';
import { checkImportRows, type RowReport, type SubjectLookup } from '../core/scoring/import-rows.ts';
import {
  checkInputValue,
  inputMetas,
  missingInputs,
  ruleInWords,
  shortLevelLabel,
  type InputMeta,
} from '../core/scoring/inputs.ts';
import {
  INPUT_SOURCES,
  type AttachmentInfo,
  type InputSource,
  type InputValueRecord,
  type InputValueWrite,
  type ResultRow,
  type ResultScope,
  type ResultSort,
  type RunListItem,
  type RunRecord,
  type RunStatus,
  type ScoringPort,
  type ScoringVersionRecord,
  type SubjectRecord,
} from '../core/scoring/ports.ts';
import {
  batchFromValues,
  INCOMPLETE_GRADE,
  scoreSubjects,
  type RunSummary,
  type SubjectValues,
} from '../core/scoring/score-subjects.ts';
import {
  SUBJECT_KIND_FOR_TEMPLATE,
  subjectCandidates,
  subjectDivisionCodes,
} from '../core/scoring/subjects.ts';
import type { Clock } from './clock.ts';
import type { JobContext, JobHandler } from './job-service.ts';
import { readInputWorkbook, writeInputWorkbook } from './scoring/input-workbook.ts';
import { writeResultsWorkbook } from './scoring/results-workbook.ts';
import { inTransaction, type Transact } from './transaction.ts';

export const SCORING_JOB_KINDS = { run: 'scoring.run', import: 'scoring.import' } as const;

interface Ports {
  readonly scoring: ScoringPort;
  readonly access: AccessPort;
  readonly divisions: DivisionPort;
  readonly audit: AuditPort;
  /** The dashboards' pre-aggregated figures (count of runs), kept current on write. */
  readonly stats: StatsPort;
}

export interface ScoringDeps {
  readonly ports: Ports;
  readonly transact: Transact<Ports>;
  readonly clock: Clock;
  /** The job service (late-bound: it is composed beside this one). */
  readonly jobs: () => {
    enqueue(
      actor: Actor,
      kind: string,
      params: unknown,
      mofDivCode: string,
      total?: number | null,
    ): Promise<JobRecord>;
  };
}

type Lang = 'zh' | 'en';

// ---------------------------------------------------------------------------------------------------------
// Views (what the API presents)
// ---------------------------------------------------------------------------------------------------------

export interface VersionView {
  readonly id: string;
  readonly templateId: string;
  readonly templateCode: string;
  readonly templateName: string;
  readonly templateNameEn: string | null;
  readonly subjectKind: string;
  readonly ownerDivisionCode: string;
  readonly ownerDivisionName: string;
  readonly fiscalYear: number;
  readonly versionNo: number;
  readonly status: string;
  readonly publishedAt: Date | null;
  readonly maxScore: number;
  readonly leafCount: number;
  readonly inputCount: number;
}

export interface SubjectStatus {
  readonly id: string;
  readonly refCode: string;
  readonly name: string;
  readonly mofDivCode: string;
  readonly kind: string;
  readonly required: number;
  readonly filled: number;
  readonly missing: number;
  readonly notApplicable: number;
  readonly lastEnteredAt: Date | null;
}

export interface StoredValueView {
  readonly id: string;
  readonly value: number | null;
  readonly source: InputSource;
  readonly evidenceNote: string | null;
  readonly attachment: { readonly id: string; readonly fileName: string; readonly sizeBytes: number } | null;
  readonly enteredAt: Date;
  readonly enteredBy: string | null;
  readonly version: number;
}

export interface InputFieldView {
  readonly key: string;
  readonly leafCode: string;
  readonly leafName: string;
  readonly leafNameEn: string | null;
  readonly path: string;
  readonly weight: number;
  readonly category: string;
  readonly name: string;
  readonly label: string;
  readonly labelEn: string;
  readonly unit: string | null;
  readonly format: InputMeta['format'];
  readonly optional: boolean;
  readonly notApplicableAllowed: boolean;
  readonly levels:
    | readonly {
        index: number;
        label: string;
        short: string;
        labelEn: string | null;
        min: number;
        max: number;
      }[]
    | null;
  readonly rule: Text;
  readonly standard: string | null;
  readonly stored: StoredValueView | null;
}

export interface SubjectInputsView {
  readonly version: VersionView;
  readonly subject: SubjectStatus;
  readonly canEdit: boolean;
  readonly fields: readonly InputFieldView[];
  readonly missing: readonly { key: string; label: string }[];
}

export type InputEntry =
  | {
      readonly key: string;
      readonly value: number | null;
      readonly source: InputSource;
      readonly evidenceNote: string | null;
      readonly attachmentId: string | null;
      /** The version read; null when no value was stored. */
      readonly version: number | null;
    }
  | { readonly key: string; readonly remove: true; readonly version: number };

export interface ImportReport {
  readonly outcome: 'imported' | 'partly_imported' | 'unchanged' | 'rejected';
  readonly fileName: string;
  readonly versionId: string;
  readonly fiscalYear: number;
  readonly division: string;
  readonly rows: number;
  readonly goodRows: number;
  readonly badRows: number;
  readonly valuesWritten: number;
  readonly subjectsChanged: number;
  readonly errors: readonly {
    readonly row: number;
    readonly code: string;
    readonly name: string;
    readonly problems: readonly {
      key: string | null;
      column: string | null;
      message: string;
      messageEn: string;
    }[];
  }[];
}

export interface RunView {
  readonly id: string;
  readonly name: string | null;
  readonly status: RunStatus;
  readonly fiscalYear: number;
  readonly mofDivCode: string;
  readonly divisionName: string;
  readonly templateId: string;
  readonly templateName: string;
  readonly templateNameEn: string | null;
  readonly subjectKind: string;
  readonly versionId: string;
  readonly versionNo: number;
  readonly subjectCount: number;
  readonly ranked: number | null;
  readonly incomplete: number | null;
  readonly jobId: string | null;
  readonly error: unknown;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

export interface RunDetail {
  readonly run: RunView;
  readonly scheme: GradeScheme;
  readonly summary: RunSummary | null;
  /** Only part of the run's subjects lie in the user's scope. */
  readonly scopeLimited: boolean;
  readonly visible: number;
  readonly gradeCounts: readonly {
    grade: string;
    label: string;
    labelEn: string;
    color: string;
    count: number;
  }[];
  readonly incompleteSubjects: readonly {
    subjectId: string;
    refCode: string;
    name: string;
    missing: readonly { key: string; label: string }[];
  }[];
}

export interface ResultItem {
  readonly subjectId: string;
  readonly refCode: string;
  readonly name: string;
  readonly mofDivCode: string;
  readonly total: number;
  readonly grade: string;
  readonly rank: number | null;
  readonly firstLevel: Readonly<Record<string, number>>;
  readonly missingCount: number;
}

export interface ResultQueryInput {
  readonly page: number;
  readonly pageSize: number;
  readonly sort?: string;
  readonly order?: 'asc' | 'desc';
  readonly q?: string;
  readonly grade?: string;
  readonly division?: string;
}

export interface PortraitView {
  readonly run: RunView;
  readonly scheme: GradeScheme;
  readonly subject: { id: string; refCode: string; name: string; mofDivCode: string; kind: string };
  readonly total: number;
  readonly grade: string;
  readonly rank: number | null;
  readonly ranked: number;
  readonly averageTotal: number | null;
  readonly maxScore: number;
  readonly firstLevel: readonly {
    code: string;
    name: string;
    nameEn: string | null;
    weight: number;
    category: 'base' | 'deduction' | 'bonus';
    points: number;
    average: number | null;
  }[];
  readonly missing: readonly { key: string; label: string }[];
  readonly explanation: SubjectExplanation;
  readonly inputs: readonly {
    key: string;
    leafCode: string;
    label: string;
    labelEn: string;
    unit: string | null;
    format: InputMeta['format'];
    /** The value the run scored (null = not applicable; absent = no value). */
    scored: number | null | undefined;
    levelLabel: string | null;
    stored: StoredValueView | null;
    changedSinceRun: boolean;
  }[];
  readonly history: readonly {
    runId: string;
    runName: string | null;
    fiscalYear: number;
    versionNo: number;
    finishedAt: Date | null;
    total: number;
    grade: string;
    gradeLabel: string;
    gradeLabelEn: string;
    gradeColor: string;
    rank: number | null;
    ranked: number;
  }[];
}

// ---------------------------------------------------------------------------------------------------------

const auditActor = (a: Actor) => ({ userId: a.userId, username: a.username, ip: a.ip });

const invalid = (zh: string, en: string, details?: unknown) =>
  domainError('VALIDATION_FAILED', details, { zh, en });

export function makeScoringService(deps: ScoringDeps) {
  const { ports } = deps;

  // Published versions never change: their compiled plans are kept (a few dozen at most).
  const plans = new Map<string, { plan: EvaluationPlan; metas: InputMeta[] }>();
  function compiled(
    version: ScoringVersionRecord,
  ): Result<{ plan: EvaluationPlan; metas: InputMeta[] }, DomainError> {
    const hit = plans.get(version.id);
    if (hit) return ok(hit);
    const r = compileTemplate(version.definition);
    if (!r.ok) {
      return err(
        domainError(
          'TEMPLATE_INVALID',
          { issues: r.error },
          { zh: r.error.map((i) => i.message).join('；'), en: `${r.error.length} problem(s)` },
        ),
      );
    }
    const value = { plan: r.value, metas: inputMetas(r.value) };
    if (version.status !== 'draft') {
      if (plans.size > 64) plans.clear();
      plans.set(version.id, value);
    }
    return ok(value);
  }

  let divisionCache: { rows: DivisionRecord[]; at: number } | null = null;
  async function allDivisions(): Promise<DivisionRecord[]> {
    const now = deps.clock().getTime();
    if (divisionCache && now - divisionCache.at < 60_000 && now >= divisionCache.at)
      return divisionCache.rows;
    divisionCache = { rows: await ports.divisions.listAll(), at: now };
    return divisionCache.rows;
  }
  async function divisionName(code: string): Promise<string> {
    const d = (await allDivisions()).find((x) => x.code === code);
    return d ? (d.shortName ?? d.name) : code;
  }
  async function ancestorsOf(code: string): Promise<string[]> {
    return ports.divisions.ancestorCodes(code);
  }

  /** The actor behind a job: the user as they are now (permissions may have changed since). */
  async function actorOf(userId: string | null): Promise<Actor | null> {
    if (!userId) return null;
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

  const scopeOf = (actor: Actor): ResultScope => ({
    divisionCodes: actor.divisionCodes,
    organizationIds: actor.organizationIds,
  });
  const subjectInScope = (actor: Actor, s: { mofDivCode: string; organizationId: string | null }) =>
    inDivisionScope(actor, s.mofDivCode) && inOrganizationScope(actor, s.organizationId);

  /** A version the actor may see: published by a division above theirs, by theirs, or below it. */
  async function visibleVersion(
    actor: Actor,
    id: string,
  ): Promise<Result<ScoringVersionRecord, DomainError>> {
    const v = await ports.scoring.getVersion(id);
    if (!v || v.status === 'draft') return err(domainError('NOT_FOUND', { versionId: id }));
    const up = await ancestorsOf(actor.divisionCode);
    if (!up.includes(v.mofDivCode) && !inDivisionScope(actor, v.mofDivCode)) {
      return err(domainError('NOT_FOUND', { versionId: id }));
    }
    return ok(v);
  }

  /** The division a request works in (default the actor's own), where the version's template applies. */
  async function workingDivision(
    actor: Actor,
    version: ScoringVersionRecord,
    division: string | undefined,
  ): Promise<Result<DivisionRecord, DomainError>> {
    const code = division ?? actor.divisionCode;
    if (!inDivisionScope(actor, code)) return err(domainError('OUT_OF_SCOPE', { division: code }));
    const d = (await allDivisions()).find((x) => x.code === code);
    if (!d) return err(domainError('NOT_FOUND', { division: code }));
    if (!(await ancestorsOf(code)).includes(version.mofDivCode)) {
      return err(
        invalid(
          `模板“${version.templateName}”由${await divisionName(version.mofDivCode)}发布，不适用于${d.shortName ?? d.name}`,
          `template "${version.templateName}" does not apply to ${d.name}`,
          { division: code, owner: version.mofDivCode },
        ),
      );
    }
    return ok(d);
  }

  /**
   * The subjects a version scores in a division, creating the missing subject rows from the divisions and
   * organizations the template's subject kind implies (audited as the actor's write).
   */
  async function subjectsOf(
    actor: Actor,
    version: ScoringVersionRecord,
    division: DivisionRecord,
  ): Promise<SubjectRecord[]> {
    const kind = SUBJECT_KIND_FOR_TEMPLATE[version.subjectKind];
    const divisions = await allDivisions();
    const organizations =
      kind === 'department' || kind === 'finance_division'
        ? await ports.access.listOrganizations([division.code], null)
        : [];
    const candidates = subjectCandidates(version.subjectKind, division, divisions, organizations);
    const codes = subjectDivisionCodes(version.subjectKind, division, divisions);
    let subjects = await ports.scoring.listSubjects({ kind, divisionCodes: codes, organizationIds: null });
    if (candidates) {
      const have = new Set(subjects.map((s) => `${s.mofDivCode}/${s.refCode}`));
      const missing = candidates.filter((c) => !have.has(`${c.mofDivCode}/${c.refCode}`));
      if (missing.length > 0) {
        await inTransaction(deps.transact, async (p) => {
          const created = await p.scoring.insertMissingSubjects(missing);
          if (created.length > 0) {
            await p.audit.append({
              actor: auditActor(actor),
              action: 'scoring.subjects_create',
              objectType: 'subject',
              objectId: null,
              mofDivCode: division.code,
              before: null,
              after: created.map((s) => ({ id: s.id, kind: s.kind, refCode: s.refCode, name: s.name })),
            });
          }
          return ok(created.length);
        });
        subjects = await ports.scoring.listSubjects({ kind, divisionCodes: codes, organizationIds: null });
      }
      const wanted = new Set(candidates.map((c) => `${c.mofDivCode}/${c.refCode}`));
      subjects = subjects.filter((s) => wanted.has(`${s.mofDivCode}/${s.refCode}`));
    }
    return subjects;
  }

  async function versionView(v: ScoringVersionRecord, plan: EvaluationPlan | null): Promise<VersionView> {
    return {
      id: v.id,
      templateId: v.templateId,
      templateCode: v.templateCode,
      templateName: v.templateName,
      templateNameEn: v.templateNameEn,
      subjectKind: v.subjectKind,
      ownerDivisionCode: v.mofDivCode,
      ownerDivisionName: await divisionName(v.mofDivCode),
      fiscalYear: v.fiscalYear,
      versionNo: v.versionNo,
      status: v.status,
      publishedAt: v.publishedAt,
      maxScore: plan?.maxScore ?? v.definition.maxScore,
      leafCount: plan?.leaves.length ?? 0,
      inputCount: plan?.inputs.length ?? 0,
    };
  }

  function keyLabel(plan: EvaluationPlan, key: string, lang: Lang = 'zh'): string {
    const spec = plan.inputs.find((s) => s.key === key);
    const node = spec ? plan.nodes[plan.byCode.get(spec.leafCode)!] : undefined;
    if (!spec || !node) return key;
    return lang === 'en' ? `${node.nameEn ?? node.name} · ${spec.labelEn}` : `${node.name}·${spec.label}`;
  }

  async function storedViews(records: readonly InputValueRecord[]): Promise<Map<string, StoredValueView>> {
    const attachmentIds = [...new Set(records.map((r) => r.attachmentId).filter((x): x is string => !!x))];
    const files = new Map((await ports.scoring.listAttachmentInfo(attachmentIds)).map((a) => [a.id, a]));
    const userIds = [...new Set(records.map((r) => r.enteredBy).filter((x): x is string => !!x))];
    const names = new Map<string, string>();
    for (const id of userIds) {
      const u = await ports.access.getUser(id);
      if (u) names.set(id, u.displayName);
    }
    const out = new Map<string, StoredValueView>();
    for (const r of records) {
      const a = r.attachmentId ? files.get(r.attachmentId) : undefined;
      out.set(r.inputKey, {
        id: r.id,
        value: r.value,
        source: r.source,
        evidenceNote: r.evidenceNote,
        attachment: a ? { id: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes } : null,
        enteredAt: r.enteredAt,
        enteredBy: r.enteredBy ? (names.get(r.enteredBy) ?? null) : null,
        version: r.version,
      });
    }
    return out;
  }

  function statusOf(
    plan: EvaluationPlan,
    subject: SubjectRecord,
    records: readonly InputValueRecord[],
  ): SubjectStatus {
    const stored = new Map(records.map((r) => [r.inputKey, r.value]));
    const required = plan.leaves
      .map((li) => plan.nodes[li]!)
      .filter((n) => n.category === 'base')
      .reduce((s, n) => s + n.leaf!.inputs.filter((i) => !i.optional).length, 0);
    const missing = missingInputs(plan, stored).length;
    let last: Date | null = null;
    for (const r of records) if (!last || r.enteredAt > last) last = r.enteredAt;
    return {
      id: subject.id,
      refCode: subject.refCode,
      name: subject.name,
      mofDivCode: subject.mofDivCode,
      kind: subject.kind,
      required,
      filled: required - missing,
      missing,
      notApplicable: records.filter((r) => r.value === null).length,
      lastEnteredAt: last,
    };
  }

  async function runView(run: RunRecord, item?: RunListItem): Promise<RunView> {
    let info = item;
    if (!info) {
      const v = await ports.scoring.getVersion(run.templateVersionId);
      info = {
        ...run,
        templateId: v?.templateId ?? '',
        templateName: v?.templateName ?? '',
        templateNameEn: v?.templateNameEn ?? null,
        subjectKind: v?.subjectKind ?? 'other',
        versionNo: v?.versionNo ?? 0,
      };
    }
    const summary = run.summary as RunSummary | null;
    return {
      id: run.id,
      name: run.name,
      status: run.status,
      fiscalYear: run.fiscalYear,
      mofDivCode: run.mofDivCode,
      divisionName: await divisionName(run.mofDivCode),
      templateId: info.templateId,
      templateName: info.templateName,
      templateNameEn: info.templateNameEn,
      subjectKind: info.subjectKind,
      versionId: run.templateVersionId,
      versionNo: info.versionNo,
      subjectCount: run.subjectCount,
      ranked: summary?.ranked ?? null,
      incomplete: summary?.incomplete ?? null,
      jobId: run.jobId,
      error: run.error,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
    };
  }

  /** A run the actor may see: fully (its division is theirs) or through results in their scope. */
  async function visibleRun(
    actor: Actor,
    id: string,
  ): Promise<Result<{ run: RunRecord; full: boolean }, DomainError>> {
    const allowed = requirePermission(actor, 'scoring.read');
    if (!allowed.ok) return allowed;
    const run = await ports.scoring.getRun(id);
    if (!run) return err(domainError('NOT_FOUND', { runId: id }));
    if (actor.organizationIds === null && inDivisionScope(actor, run.mofDivCode))
      return ok({ run, full: true });
    const counts = await ports.scoring.gradeCounts(id, scopeOf(actor));
    if (counts.reduce((s, c) => s + c.count, 0) === 0) return err(domainError('NOT_FOUND', { runId: id }));
    return ok({ run, full: false });
  }

  /** The grade scheme a run grades with: the version's own, else the division's setting, else Jilin's. */
  async function effectiveScheme(version: ScoringVersionRecord, division: string): Promise<GradeScheme> {
    if (version.gradeScheme && validateGradeScheme(version.gradeScheme).ok) return version.gradeScheme;
    const configured = await ports.scoring.configuredGradeScheme(division, version.fiscalYear);
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

  function resultQuery(
    actor: Actor,
    plan: EvaluationPlan | null,
    q: ResultQueryInput,
    divisionCodes: readonly string[] | undefined,
  ): Result<Parameters<ScoringPort['queryResults']>[1], DomainError> {
    const sort = (q.sort ?? 'rank') as string;
    if (!['rank', 'total', 'name', 'code'].includes(sort)) {
      const code = sort.startsWith('node:') ? sort.slice(5) : '';
      if (!plan || !plan.byCode.has(code)) {
        return err(invalid(`不能按“${sort}”排序`, `cannot sort by "${sort}"`, { sort }));
      }
    }
    return ok({
      scope: scopeOf(actor),
      ...(q.q ? { q: q.q } : {}),
      ...(q.grade ? { grade: q.grade } : {}),
      ...(divisionCodes ? { divisionCodes } : {}),
      sort: sort as ResultSort,
      order: q.order ?? (sort === 'total' || sort.startsWith('node:') ? 'desc' : 'asc'),
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    });
  }

  const toItem = (r: ResultRow, firstLevel: readonly { code: string }[]): ResultItem => ({
    subjectId: r.subjectId,
    refCode: r.subjectRefCode,
    name: r.subjectName,
    mofDivCode: r.mofDivCode,
    total: r.total,
    grade: r.grade,
    rank: r.rank,
    firstLevel: Object.fromEntries(firstLevel.map((f) => [f.code, r.nodePoints[f.code] ?? 0])),
    missingCount: r.missing?.length ?? 0,
  });

  // -------------------------------------------------------------------------------------------------------
  // Jobs
  // -------------------------------------------------------------------------------------------------------

  interface ImportParams {
    readonly versionId: string;
    readonly division: string;
    readonly keepGoodRows: boolean;
    readonly attachmentId: string;
    readonly fileName: string;
    readonly userId: string;
    readonly lang: Lang;
  }

  class JobFailure extends Error {
    constructor(
      readonly code: string,
      message: string,
      readonly messageEn: string,
      readonly details?: unknown,
    ) {
      super(message);
    }
    toJSON() {
      return { code: this.code, message: this.message, messageEn: this.messageEn, details: this.details };
    }
  }
  const failWith = (e: DomainError): never => {
    throw new JobFailure(e.code, e.message, e.messageEn, e.details);
  };

  async function runImport(job: JobRecord, ctx: JobContext): Promise<ImportReport> {
    const p = job.params as ImportParams;
    await ctx.progress(0, 3, '正在读取文件');
    const actor = await actorOf(p.userId);
    if (!actor || !can(actor, 'scoring.input'))
      failWith(domainError('FORBIDDEN', { permission: 'scoring.input' }));
    const a = actor!;
    const v = await visibleVersion(a, p.versionId);
    if (!v.ok) return failWith(v.error);
    const version = v.value;
    const c = compiled(version);
    if (!c.ok) return failWith(c.error);
    const { plan, metas } = c.value;
    const division = await workingDivision(a, version, p.division);
    if (!division.ok) return failWith(division.error);
    const file = await ports.scoring.getAttachment(p.attachmentId);
    if (!file) return failWith(domainError('NOT_FOUND', { attachmentId: p.attachmentId }));
    const parsed = await readInputWorkbook(file.content);
    if (!parsed.ok) return failWith(parsed.error);
    if (parsed.value.versionId !== version.id) {
      const other = await ports.scoring.getVersion(parsed.value.versionId);
      return failWith(
        domainError(
          'FILE_UNREADABLE',
          { fileVersionId: parsed.value.versionId },
          {
            zh: other
              ? `该文件是“${other.templateName}”${other.fiscalYear}年度第${other.versionNo}版的填报模板，与所选模板版本不符`
              : '该文件不是所选模板版本的填报模板',
            en: 'the file is the input template of another template version',
          },
        ),
      );
    }
    await ctx.progress(1, 3, `正在校验 ${parsed.value.rows.length} 行`);

    const subjects = await subjectsOf(a, version, division.value);
    const kind = SUBJECT_KIND_FOR_TEMPLATE[version.subjectKind];
    const byCode = new Map(subjects.map((s) => [s.refCode, s]));
    let everywhere: Map<string, SubjectRecord> | null = null;
    const lookups = new Map<string, SubjectLookup>();
    for (const row of parsed.value.rows) {
      if (row.code === '' || lookups.has(row.code)) continue;
      const s = byCode.get(row.code);
      if (s) {
        lookups.set(
          row.code,
          subjectInScope(a, s)
            ? { status: 'ok', subjectId: s.id, name: s.name }
            : { status: 'out_of_scope', name: s.name },
        );
        continue;
      }
      everywhere ??= new Map(
        (
          await ports.scoring.listSubjects({
            kind,
            divisionCodes: (await allDivisions()).map((d) => d.code),
            organizationIds: null,
          })
        ).map((x) => [x.refCode, x]),
      );
      const elsewhere = everywhere.get(row.code);
      lookups.set(
        row.code,
        !elsewhere
          ? { status: 'unknown' }
          : subjectInScope(a, elsewhere)
            ? {
                status: 'other_division',
                name: elsewhere.name,
                division: await divisionName(division.value.code),
              }
            : { status: 'out_of_scope', name: elsewhere.name },
      );
    }
    const inScopeIds = subjects.filter((s) => subjectInScope(a, s)).map((s) => s.id);
    const records = await ports.scoring.listInputValues(version.id, inScopeIds);
    const stored = new Map<string, Map<string, number | null>>();
    for (const r of records) {
      const m = stored.get(r.subjectId) ?? new Map<string, number | null>();
      m.set(r.inputKey, r.value);
      stored.set(r.subjectId, m);
    }
    const check = checkImportRows(
      plan,
      metas,
      parsed.value.rows,
      (code) => lookups.get(code) ?? { status: 'unknown' },
      (id) => stored.get(id) ?? new Map(),
    );
    const columnOf = (key: string | null) => (key ? keyLabel(plan, key, p.lang) : null);
    const errors = check.bad.map((b: RowReport) => ({
      row: b.rowNumber,
      code: b.code,
      name: b.name,
      problems: b.problems.map((x) => ({
        key: x.key,
        column: columnOf(x.key),
        message: x.message.zh,
        messageEn: x.message.en,
      })),
    }));
    const base = {
      fileName: p.fileName,
      versionId: version.id,
      fiscalYear: version.fiscalYear,
      division: division.value.code,
      rows: check.rows,
      goodRows: check.good.length,
      badRows: check.bad.length,
      errors,
    };
    if (check.rows === 0) {
      failWith(
        domainError(
          'IMPORT_REJECTED',
          { ...base, outcome: 'rejected', valuesWritten: 0, subjectsChanged: 0 },
          {
            zh: '文件中没有任何评价对象的数据',
            en: 'the file holds no rows',
          },
        ),
      );
    }
    if (check.bad.length > 0 && !p.keepGoodRows) {
      failWith(
        domainError(
          'IMPORT_REJECTED',
          { ...base, outcome: 'rejected', valuesWritten: 0, subjectsChanged: 0 },
          {
            zh: `${check.bad.length} 行有错误，未导入任何数据；请修改后重新上传，或选择“仅导入无误的行”`,
            en: `${check.bad.length} row(s) have errors; nothing was imported`,
          },
        ),
      );
    }
    await ctx.progress(2, 3, '正在写入');
    const now = deps.clock();
    const writes: InputValueWrite[] = [];
    const subjectById = new Map(subjects.map((s) => [s.id, s]));
    for (const g of check.good) {
      const s = subjectById.get(g.subjectId)!;
      for (const [key, value] of g.changes) {
        writes.push({
          templateVersionId: version.id,
          subjectId: s.id,
          fiscalYear: version.fiscalYear,
          mofDivCode: s.mofDivCode,
          inputKey: key,
          value,
          source: 'import',
          evidenceNote: `Excel导入：${p.fileName}（第${g.rowNumber}行）`,
          attachmentId: p.attachmentId,
          enteredBy: a.userId,
          enteredAt: now,
        });
      }
    }
    const changedSubjects = check.good.filter((g) => g.changes.size > 0);
    const report: ImportReport = {
      ...base,
      outcome: check.bad.length > 0 ? 'partly_imported' : writes.length === 0 ? 'unchanged' : 'imported',
      valuesWritten: writes.length,
      subjectsChanged: changedSubjects.length,
    };
    if (writes.length > 0) {
      const r = await inTransaction(deps.transact, async (tx) => {
        await tx.scoring.upsertInputValues(writes);
        await tx.audit.append({
          actor: auditActor(a),
          action: 'scoring.inputs_import',
          objectType: 'template_version',
          objectId: version.id,
          mofDivCode: division.value.code,
          before: null,
          after: {
            file: p.fileName,
            attachmentId: p.attachmentId,
            rows: check.rows,
            skippedRows: check.bad.map((b) => b.rowNumber),
            values: writes.length,
            subjects: changedSubjects.map((g) => ({
              subjectId: g.subjectId,
              row: g.rowNumber,
              changes: Object.fromEntries(g.changes),
            })),
          },
        });
        return ok(true);
      });
      if (!r.ok) failWith(r.error);
    }
    await ctx.progress(3, 3, '导入完成');
    return report;
  }

  async function executeRun(job: JobRecord, ctx: JobContext): Promise<unknown> {
    const { runId } = job.params as { runId: string };
    const run = await ports.scoring.getRun(runId);
    if (!run) return failWith(domainError('NOT_FOUND', { runId }));
    if (run.status === 'succeeded') return { runId, summary: run.summary };
    try {
      const t0 = deps.clock().getTime();
      await ports.scoring.markRun(runId, { status: 'running', error: null });
      await ctx.progress(0, 4, '正在读取模板与评价对象');
      const actor = await actorOf(run.createdBy);
      if (!actor || !can(actor, 'scoring.run'))
        failWith(domainError('FORBIDDEN', { permission: 'scoring.run' }));
      const version = await ports.scoring.getVersion(run.templateVersionId);
      if (!version) return failWith(domainError('NOT_FOUND', { versionId: run.templateVersionId }));
      const c = compiled(version);
      if (!c.ok) return failWith(c.error);
      const { plan } = c.value;
      const division = (await allDivisions()).find((d) => d.code === run.mofDivCode);
      if (!division) return failWith(domainError('NOT_FOUND', { division: run.mofDivCode }));
      const subjects = await subjectsOf(actor!, version, division);
      await ctx.progress(1, 4, `正在读取 ${subjects.length} 个评价对象的评分数据`);
      const records = await ports.scoring.listInputValues(
        version.id,
        subjects.map((s) => s.id),
      );
      const bySubject = new Map<string, Map<string, number | null>>();
      for (const r of records) {
        const m = bySubject.get(r.subjectId) ?? new Map<string, number | null>();
        m.set(r.inputKey, r.value);
        bySubject.set(r.subjectId, m);
      }
      const t1 = deps.clock().getTime();
      await ctx.progress(2, 4, '正在计算得分、等次和排名');
      const rows: SubjectValues[] = subjects.map((s) => ({
        subjectId: s.id,
        values: bySubject.get(s.id) ?? new Map(),
      }));
      const s0 = performance.now();
      const { results, summary } = scoreSubjects(plan, run.gradeScheme, rows);
      const scoreMs = performance.now() - s0;
      const t2 = deps.clock().getTime();
      await ctx.progress(3, 4, '正在保存结果');
      const subjectById = new Map(subjects.map((s) => [s.id, s]));
      const finishedAt = deps.clock();
      const fullSummary = {
        ...summary,
        inputValues: records.length,
        timings: { loadMs: t1 - t0, scoreMs: Math.round(scoreMs * 1000) / 1000, writeMs: 0 },
      };
      const w = await inTransaction(deps.transact, async (tx) => {
        await tx.scoring.replaceResults(
          runId,
          results.map((r) => ({
            runId,
            subjectId: r.subjectId,
            mofDivCode: subjectById.get(r.subjectId)!.mofDivCode,
            total: r.total,
            grade: r.grade,
            rank: r.rank,
            nodePoints: r.nodePoints,
            inputs: r.inputs,
            missing: r.missing,
          })),
        );
        fullSummary.timings.writeMs = deps.clock().getTime() - t2;
        await tx.scoring.markRun(runId, {
          status: 'succeeded',
          subjectCount: results.length,
          summary: fullSummary,
          error: null,
          finishedAt,
        });
        await tx.stats.refresh([run.mofDivCode], run.fiscalYear);
        await tx.audit.append({
          actor: auditActor(actor!),
          action: 'scoring.run_finish',
          objectType: 'scoring_run',
          objectId: runId,
          mofDivCode: run.mofDivCode,
          before: null,
          after: {
            templateVersionId: version.id,
            subjects: results.length,
            ranked: summary.ranked,
            incomplete: summary.incomplete,
            gradeCounts: summary.gradeCounts,
          },
        });
        return ok(true);
      });
      if (!w.ok) failWith(w.error);
      await ctx.progress(4, 4, '评分完成');
      return {
        runId,
        subjects: results.length,
        ranked: summary.ranked,
        incomplete: summary.incomplete,
        timings: fullSummary.timings,
      };
    } catch (e) {
      const error =
        e instanceof JobFailure
          ? e.toJSON()
          : { code: 'JOB_FAILED', message: '评分运行失败', messageEn: (e as Error)?.message ?? String(e) };
      // A worker that lost the job (taken over) must not mark it: the new worker owns it now.
      if (!(e instanceof Error && e.constructor.name === 'TakenOver')) {
        await ports.scoring.markRun(runId, { status: 'failed', error, finishedAt: deps.clock() });
      }
      throw e;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Use cases
  // -------------------------------------------------------------------------------------------------------

  const service = {
    /** Job handlers of this service; register them with the job worker (src/main.ts). */
    jobHandlers(): JobHandler[] {
      return [
        { kind: SCORING_JOB_KINDS.run, run: executeRun },
        { kind: SCORING_JOB_KINDS.import, run: runImport },
      ];
    },

    /** Published template versions usable in a division (its own and those published above it). */
    async listVersions(
      actor: Actor,
      q: { year?: number; division?: string },
    ): Promise<Result<VersionView[], DomainError>> {
      const allowed = requirePermission(actor, 'scoring.read');
      if (!allowed.ok) return allowed;
      const code = q.division ?? actor.divisionCode;
      if (!inDivisionScope(actor, code)) return err(domainError('OUT_OF_SCOPE', { division: code }));
      const versions = await ports.scoring.listVersions({
        templateDivisionCodes: await ancestorsOf(code),
        ...(q.year ? { fiscalYear: q.year } : {}),
        statuses: ['published'],
      });
      const out: VersionView[] = [];
      for (const v of versions) {
        if (v.subjectKind === 'project_selfeval' || v.subjectKind === 'project_evaluation') continue;
        const c = compiled(v);
        out.push(await versionView(v, c.ok ? c.value.plan : null));
      }
      return ok(out);
    },

    /** The subjects of a version in a division that the actor may see, with how complete their inputs are. */
    async listSubjects(
      actor: Actor,
      versionId: string,
      q: { division?: string },
    ): Promise<Result<{ version: VersionView; division: string; subjects: SubjectStatus[] }, DomainError>> {
      const allowed = requirePermission(actor, 'scoring.read');
      if (!allowed.ok) return allowed;
      const v = await visibleVersion(actor, versionId);
      if (!v.ok) return v;
      const c = compiled(v.value);
      if (!c.ok) return c;
      const division = await workingDivision(actor, v.value, q.division);
      if (!division.ok) return division;
      const subjects = (await subjectsOf(actor, v.value, division.value)).filter((s) =>
        subjectInScope(actor, s),
      );
      const records = await ports.scoring.listInputValues(
        versionId,
        subjects.map((s) => s.id),
      );
      const bySubject = new Map<string, InputValueRecord[]>();
      for (const r of records) bySubject.set(r.subjectId, [...(bySubject.get(r.subjectId) ?? []), r]);
      return ok({
        version: await versionView(v.value, c.value.plan),
        division: division.value.code,
        subjects: subjects.map((s) => statusOf(c.value.plan, s, bySubject.get(s.id) ?? [])),
      });
    },

    /** One subject's input form: every input with its rule, the stored value, source and evidence. */
    async getSubjectInputs(
      actor: Actor,
      versionId: string,
      subjectId: string,
    ): Promise<Result<SubjectInputsView, DomainError>> {
      const allowed = requirePermission(actor, 'scoring.read');
      if (!allowed.ok) return allowed;
      const v = await visibleVersion(actor, versionId);
      if (!v.ok) return v;
      const c = compiled(v.value);
      if (!c.ok) return c;
      const { plan, metas } = c.value;
      const subject = await ports.scoring.getSubject(subjectId);
      if (
        !subject ||
        !subjectInScope(actor, subject) ||
        subject.kind !== SUBJECT_KIND_FOR_TEMPLATE[v.value.subjectKind]
      ) {
        return err(domainError('NOT_FOUND', { subjectId }));
      }
      const records = await ports.scoring.listInputValues(versionId, [subjectId]);
      const stored = await storedViews(records);
      const fields: InputFieldView[] = metas.map((m) => {
        const node = plan.nodes[plan.byCode.get(m.leafCode)!]!;
        return {
          key: m.key,
          leafCode: m.leafCode,
          leafName: node.name,
          leafNameEn: node.nameEn ?? null,
          path: node.path,
          weight: node.weight,
          category: node.category,
          name: m.name,
          label: m.label,
          labelEn: m.labelEn,
          unit: m.unit,
          format: m.format,
          optional: m.optional,
          notApplicableAllowed: m.notApplicableAllowed,
          levels: m.levels
            ? m.levels.map((l, index) => ({
                index,
                label: l.label,
                short: shortLevelLabel(l),
                labelEn: l.labelEn ?? null,
                min: l.min,
                max: l.max,
              }))
            : null,
          rule: ruleInWords(node),
          standard: node.source.type === 'leaf' ? (node.source.standard ?? null) : null,
          stored: stored.get(m.key) ?? null,
        };
      });
      const values = new Map(records.map((r) => [r.inputKey, r.value]));
      return ok({
        version: await versionView(v.value, plan),
        subject: statusOf(plan, subject, records),
        canEdit: can(actor, 'scoring.input') && v.value.status === 'published',
        fields,
        missing: missingInputs(plan, values).map((key) => ({ key, label: keyLabel(plan, key) })),
      });
    },

    /** Saves a subject's values (each with the version it was read at); all or nothing, audited. */
    async saveSubjectInputs(
      actor: Actor,
      versionId: string,
      subjectId: string,
      entries: readonly InputEntry[],
    ): Promise<Result<SubjectInputsView, DomainError>> {
      const allowed = requirePermission(actor, 'scoring.input');
      if (!allowed.ok) return allowed;
      const v = await visibleVersion(actor, versionId);
      if (!v.ok) return v;
      if (v.value.status !== 'published') {
        return err(
          domainError(
            'TRANSITION_NOT_ALLOWED',
            { status: v.value.status },
            { zh: '该模板版本已停用，不能再录入数据', en: 'this template version is retired' },
          ),
        );
      }
      const c = compiled(v.value);
      if (!c.ok) return c;
      const { plan, metas } = c.value;
      const subject = await ports.scoring.getSubject(subjectId);
      if (
        !subject ||
        !subjectInScope(actor, subject) ||
        subject.kind !== SUBJECT_KIND_FOR_TEMPLATE[v.value.subjectKind]
      ) {
        return err(domainError('NOT_FOUND', { subjectId }));
      }
      const before = await ports.scoring.listInputValues(versionId, [subjectId]);
      const current = new Map(before.map((r) => [r.inputKey, r]));
      // Check every entry against the state it would produce, listing every problem at once.
      const merged = new Map(before.map((r) => [r.inputKey, r.value as number | null]));
      const keys = new Set<string>();
      const problems: { key: string; message: string; messageEn: string }[] = [];
      for (const e of entries) {
        if (keys.has(e.key))
          problems.push({ key: e.key, message: '同一数据项提交了两次', messageEn: 'submitted twice' });
        keys.add(e.key);
        if (!metas.some((m) => m.key === e.key)) {
          problems.push({
            key: e.key,
            message: `模板中没有数据项“${e.key}”`,
            messageEn: `no input "${e.key}"`,
          });
          continue;
        }
        if ('remove' in e) merged.delete(e.key);
        else merged.set(e.key, e.value);
      }
      for (const e of entries) {
        const meta = metas.find((m) => m.key === e.key);
        if (!meta || 'remove' in e) continue;
        const label = keyLabel(plan, e.key);
        if (!INPUT_SOURCES.includes(e.source)) {
          problems.push({ key: e.key, message: `${label}：数据来源无效`, messageEn: 'invalid source' });
        }
        const p = checkInputValue(plan, meta, e.value, (leaf) => merged.get(`${leaf}.level`));
        if (p) problems.push({ key: e.key, message: `${label}：${p.zh}`, messageEn: `${e.key}: ${p.en}` });
        if (e.value === null && !meta.optional && !(e.evidenceNote ?? '').trim()) {
          problems.push({
            key: e.key,
            message: `${label}：标记“不适用”时请在佐证说明中写明原因`,
            messageEn: `${e.key}: say why the indicator does not apply`,
          });
        }
      }
      // Evidence files must belong to this subject (uploaded for it).
      const attachmentIds = entries.flatMap((e) =>
        'remove' in e || !e.attachmentId ? [] : [e.attachmentId],
      );
      if (attachmentIds.length > 0) {
        const files = new Map((await ports.scoring.listAttachmentInfo(attachmentIds)).map((a) => [a.id, a]));
        for (const id of attachmentIds) {
          const a = files.get(id);
          const already = before.some((r) => r.attachmentId === id);
          if (!already && (!a || a.objectType !== 'scoring_evidence' || a.objectId !== subjectId)) {
            problems.push({
              key: id,
              message: '佐证附件不存在或不属于该评价对象',
              messageEn: 'unknown evidence file',
            });
          }
        }
      }
      if (problems.length > 0) {
        return err(
          domainError(
            'VALIDATION_FAILED',
            { problems },
            {
              zh: problems.map((p) => p.message).join('；'),
              en: problems.map((p) => p.messageEn).join('; '),
            },
          ),
        );
      }
      const now = deps.clock();
      const changed = entries.filter((e) => {
        const cur = current.get(e.key);
        if ('remove' in e) return cur !== undefined;
        return (
          !cur ||
          cur.value !== e.value ||
          cur.source !== e.source ||
          (cur.evidenceNote ?? null) !== (e.evidenceNote ?? null) ||
          (cur.attachmentId ?? null) !== (e.attachmentId ?? null)
        );
      });
      const r = await inTransaction(deps.transact, async (p) => {
        const conflicts: string[] = [];
        for (const e of changed) {
          const cur = current.get(e.key);
          if ('remove' in e) {
            if (!cur || !(await p.scoring.deleteInputValue(cur.id, e.version))) conflicts.push(e.key);
            continue;
          }
          const saved = await p.scoring.saveInputValue(
            {
              templateVersionId: versionId,
              subjectId,
              fiscalYear: v.value.fiscalYear,
              mofDivCode: subject.mofDivCode,
              inputKey: e.key,
              value: e.value,
              source: e.source,
              evidenceNote: e.evidenceNote?.trim() || null,
              attachmentId: e.attachmentId,
              enteredBy: actor.userId,
              enteredAt: now,
            },
            e.version,
          );
          if (!saved) conflicts.push(e.key);
        }
        if (conflicts.length > 0) {
          const fresh = await p.scoring.listInputValues(versionId, [subjectId]);
          return err(
            domainError(
              'VERSION_CONFLICT',
              { keys: conflicts, current: fresh.filter((x) => conflicts.includes(x.inputKey)) },
              {
                zh: `${conflicts.map((k) => keyLabel(plan, k)).join('、')}已被他人修改`,
                en: `${conflicts.join(', ')} changed meanwhile`,
              },
            ),
          );
        }
        if (changed.length > 0) {
          const pick = (
            x: { value: number | null; source: string; evidenceNote: string | null } | undefined,
          ) => (x ? { value: x.value, source: x.source, evidenceNote: x.evidenceNote } : null);
          await p.audit.append({
            actor: auditActor(actor),
            action: 'scoring.inputs_save',
            objectType: 'subject',
            objectId: subjectId,
            mofDivCode: subject.mofDivCode,
            before: Object.fromEntries(changed.map((e) => [e.key, pick(current.get(e.key))])),
            after: Object.fromEntries(
              changed.map((e) => [
                e.key,
                'remove' in e ? null : { value: e.value, source: e.source, evidenceNote: e.evidenceNote },
              ]),
            ),
          });
        }
        return ok(true);
      });
      if (!r.ok) return r;
      return service.getSubjectInputs(actor, versionId, subjectId);
    },

    /** Stores an evidence file (佐证材料) for a subject's inputs. */
    async uploadEvidence(
      actor: Actor,
      subjectId: string,
      file: { fileName: string; contentType: string; content: Uint8Array },
    ): Promise<Result<AttachmentInfo, DomainError>> {
      const allowed = requirePermission(actor, 'scoring.input');
      if (!allowed.ok) return allowed;
      const subject = await ports.scoring.getSubject(subjectId);
      if (!subject || !subjectInScope(actor, subject)) return err(domainError('NOT_FOUND', { subjectId }));
      if (file.content.byteLength === 0) return err(invalid('文件是空的', 'the file is empty'));
      return inTransaction(deps.transact, async (p) => {
        const a = await p.scoring.createAttachment({
          mofDivCode: subject.mofDivCode,
          fileName: file.fileName,
          contentType: file.contentType,
          content: file.content,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          objectType: 'scoring_evidence',
          objectId: subjectId,
          uploadedBy: actor.userId,
        });
        await p.audit.append({
          actor: auditActor(actor),
          action: 'scoring.evidence_upload',
          objectType: 'attachment',
          objectId: a.id,
          mofDivCode: subject.mofDivCode,
          before: null,
          after: { subjectId, fileName: a.fileName, sizeBytes: a.sizeBytes, sha256: a.sha256 },
        });
        return ok(a);
      });
    },

    /** An evidence file or an imported workbook, for those who may see what it belongs to. */
    async getAttachment(
      actor: Actor,
      id: string,
    ): Promise<Result<AttachmentInfo & { content: Uint8Array }, DomainError>> {
      const allowed = requirePermission(actor, 'scoring.read');
      if (!allowed.ok) return allowed;
      const a = await ports.scoring.getAttachment(id);
      const notFound = err(domainError('NOT_FOUND', { attachmentId: id }));
      if (!a || !inDivisionScope(actor, a.mofDivCode)) return notFound;
      if (a.objectType === 'scoring_evidence') {
        const s = a.objectId ? await ports.scoring.getSubject(a.objectId) : null;
        if (!s || !subjectInScope(actor, s)) return notFound;
      } else if (a.objectType === 'scoring_import') {
        if (a.uploadedBy !== actor.userId && actor.organizationIds !== null) return notFound;
      } else {
        return notFound;
      }
      return ok(a);
    },

    /** The Excel input template of a version for the subjects in the actor's scope, values filled in. */
    async inputTemplate(
      actor: Actor,
      versionId: string,
      q: { division?: string; lang?: Lang },
    ): Promise<Result<{ body: Uint8Array; filename: string }, DomainError>> {
      const list = await service.listSubjects(actor, versionId, q.division ? { division: q.division } : {});
      if (!list.ok) return list;
      const v = (await visibleVersion(actor, versionId)) as { ok: true; value: ScoringVersionRecord };
      const c = compiled(v.value) as { ok: true; value: { plan: EvaluationPlan; metas: InputMeta[] } };
      const subjects = await Promise.all(list.value.subjects.map((s) => ports.scoring.getSubject(s.id)));
      const records = await ports.scoring.listInputValues(
        versionId,
        list.value.subjects.map((s) => s.id),
      );
      const values = new Map(records.map((r) => [`${r.subjectId}/${r.inputKey}`, r.value]));
      const day = deps.clock().toISOString().slice(0, 10);
      const lang = q.lang ?? 'zh';
      const body = await writeInputWorkbook(
        c.value.plan,
        c.value.metas,
        subjects.filter((s): s is SubjectRecord => s !== null),
        (sid, key) => values.get(`${sid}/${key}`),
        {
          versionId,
          templateName:
            lang === 'en' ? (v.value.templateNameEn ?? v.value.templateName) : v.value.templateName,
          fiscalYear: v.value.fiscalYear,
          versionNo: v.value.versionNo,
          divisionName: await divisionName(list.value.division),
          day,
          subjectKind:
            SUBJECT_KIND_FOR_TEMPLATE[v.value.subjectKind] === 'division' ? 'division' : 'organization',
        },
        lang,
      );
      return ok({
        body,
        filename:
          lang === 'en'
            ? `inputs-${v.value.templateCode}-${v.value.fiscalYear}-v${v.value.versionNo}.xlsx`
            : `${v.value.templateName}评分数据填报模板（${v.value.fiscalYear}年度第${v.value.versionNo}版）.xlsx`,
      });
    },

    /** Uploads a filled-in template and starts its import as a job (checked row by row before writing). */
    async startImport(
      actor: Actor,
      versionId: string,
      input: {
        division?: string;
        keepGoodRows: boolean;
        fileName: string;
        contentType: string;
        content: Uint8Array;
        lang?: Lang;
      },
    ): Promise<Result<JobRecord, DomainError>> {
      const allowed = requirePermission(actor, 'scoring.input');
      if (!allowed.ok) return allowed;
      const v = await visibleVersion(actor, versionId);
      if (!v.ok) return v;
      if (v.value.status !== 'published') {
        return err(
          domainError(
            'TRANSITION_NOT_ALLOWED',
            { status: v.value.status },
            { zh: '该模板版本已停用', en: 'retired version' },
          ),
        );
      }
      const division = await workingDivision(actor, v.value, input.division);
      if (!division.ok) return division;
      if (input.content.byteLength === 0) return err(invalid('上传的文件是空的', 'the file is empty'));
      if (!/\.xlsx$/iu.test(input.fileName)) {
        return err(
          domainError(
            'FILE_UNREADABLE',
            { fileName: input.fileName },
            {
              zh: '请上传.xlsx格式的Excel文件（系统下载的填报模板）',
              en: 'upload an .xlsx workbook (the downloaded template)',
            },
          ),
        );
      }
      const stored = await inTransaction(deps.transact, async (p) => {
        const a = await p.scoring.createAttachment({
          mofDivCode: division.value.code,
          fileName: input.fileName,
          contentType: input.contentType,
          content: input.content,
          sha256: createHash('sha256').update(input.content).digest('hex'),
          objectType: 'scoring_import',
          objectId: versionId,
          uploadedBy: actor.userId,
        });
        await p.audit.append({
          actor: auditActor(actor),
          action: 'scoring.import_upload',
          objectType: 'attachment',
          objectId: a.id,
          mofDivCode: division.value.code,
          before: null,
          after: {
            versionId,
            fileName: a.fileName,
            sizeBytes: a.sizeBytes,
            keepGoodRows: input.keepGoodRows,
          },
        });
        return ok(a);
      });
      if (!stored.ok) return stored;
      const params: ImportParams = {
        versionId,
        division: division.value.code,
        keepGoodRows: input.keepGoodRows,
        attachmentId: stored.value.id,
        fileName: input.fileName,
        userId: actor.userId,
        lang: input.lang ?? 'zh',
      };
      return ok(await deps.jobs().enqueue(actor, SCORING_JOB_KINDS.import, params, division.value.code, 3));
    },

    /** Starts a scoring run of a version over the subjects of a division (a job). */
    async startRun(
      actor: Actor,
      input: { versionId: string; division?: string; name?: string | null },
    ): Promise<Result<{ run: RunView; job: JobRecord }, DomainError>> {
      const allowed = requirePermission(actor, 'scoring.run');
      if (!allowed.ok) return allowed;
      if (actor.organizationIds !== null) return err(domainError('FORBIDDEN', { permission: 'scoring.run' }));
      const v = await visibleVersion(actor, input.versionId);
      if (!v.ok) return v;
      if (v.value.status !== 'published') {
        return err(
          domainError(
            'TRANSITION_NOT_ALLOWED',
            { status: v.value.status },
            {
              zh: '只能用已发布的模板版本评分',
              en: 'only published versions can be scored',
            },
          ),
        );
      }
      const c = compiled(v.value);
      if (!c.ok) return c;
      const division = await workingDivision(actor, v.value, input.division);
      if (!division.ok) return division;
      const scheme = await effectiveScheme(v.value, division.value.code);
      const created = await inTransaction(deps.transact, async (p) => {
        const run = await p.scoring.createRun({
          templateVersionId: v.value.id,
          fiscalYear: v.value.fiscalYear,
          mofDivCode: division.value.code,
          name: input.name?.trim() || null,
          gradeScheme: scheme,
          createdBy: actor.userId,
        });
        await p.stats.refresh([run.mofDivCode], run.fiscalYear);
        await p.audit.append({
          actor: auditActor(actor),
          action: 'scoring.run_start',
          objectType: 'scoring_run',
          objectId: run.id,
          mofDivCode: run.mofDivCode,
          before: null,
          after: {
            templateVersionId: run.templateVersionId,
            fiscalYear: run.fiscalYear,
            name: run.name,
            gradeScheme: scheme.code,
          },
        });
        return ok(run);
      });
      if (!created.ok) return created;
      const job = await deps
        .jobs()
        .enqueue(actor, SCORING_JOB_KINDS.run, { runId: created.value.id }, division.value.code, 4);
      await ports.scoring.setRunJob(created.value.id, job.id);
      const run = (await ports.scoring.getRun(created.value.id))!;
      return ok({ run: await runView(run), job });
    },

    async listRuns(
      actor: Actor,
      q: {
        year?: number;
        templateId?: string;
        versionId?: string;
        division?: string;
        page: number;
        pageSize: number;
      },
    ): Promise<Result<{ items: RunView[]; total: number }, DomainError>> {
      const allowed = requirePermission(actor, 'scoring.read');
      if (!allowed.ok) return allowed;
      // Runs of the division (and below), and runs elsewhere that scored subjects of it.
      let codes = actor.divisionCodes;
      if (q.division) {
        if (!inDivisionScope(actor, q.division))
          return err(domainError('OUT_OF_SCOPE', { division: q.division }));
        codes = await ports.divisions.subtreeCodes(q.division);
      }
      const page = await ports.scoring.listRuns({
        runDivisionCodes: actor.organizationIds === null ? codes : [],
        scope: { divisionCodes: codes, organizationIds: actor.organizationIds },
        ...(q.year ? { fiscalYear: q.year } : {}),
        ...(q.templateId ? { templateId: q.templateId } : {}),
        ...(q.versionId ? { templateVersionId: q.versionId } : {}),
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      const items: RunView[] = [];
      for (const item of page.items) items.push(await runView(item, item));
      return ok({ items, total: page.total });
    },

    async getRun(actor: Actor, runId: string): Promise<Result<RunDetail, DomainError>> {
      const vr = await visibleRun(actor, runId);
      if (!vr.ok) return vr;
      const { run, full } = vr.value;
      const counts = await ports.scoring.gradeCounts(runId, scopeOf(actor));
      const byGrade = new Map(counts.map((c) => [c.grade, c.count]));
      const gradeCounts = [
        ...run.gradeScheme.bands.map((b) => ({
          grade: b.code,
          label: b.label,
          labelEn: b.labelEn,
          color: b.color,
          count: byGrade.get(b.code) ?? 0,
        })),
      ];
      const incompleteCount = byGrade.get(INCOMPLETE_GRADE) ?? 0;
      if (incompleteCount > 0) {
        gradeCounts.push({
          grade: INCOMPLETE_GRADE,
          label: '数据不全',
          labelEn: 'Incomplete',
          color: 'default',
          count: incompleteCount,
        });
      }
      const visible = counts.reduce((s, c) => s + c.count, 0);
      let incompleteSubjects: RunDetail['incompleteSubjects'] = [];
      if (incompleteCount > 0) {
        const version = await ports.scoring.getVersion(run.templateVersionId);
        const c = version ? compiled(version) : null;
        const rows = await ports.scoring.queryResults(runId, {
          scope: scopeOf(actor),
          grade: INCOMPLETE_GRADE,
          sort: 'code',
          order: 'asc',
          offset: 0,
          limit: 200,
        });
        incompleteSubjects = rows.items.map((r) => ({
          subjectId: r.subjectId,
          refCode: r.subjectRefCode,
          name: r.subjectName,
          missing: (r.missing ?? []).map((key) => ({
            key,
            label: c?.ok ? keyLabel(c.value.plan, key) : key,
          })),
        }));
      }
      const summary = (run.summary as RunSummary | null) ?? null;
      return ok({
        run: await runView(run),
        scheme: run.gradeScheme,
        summary,
        scopeLimited: !full || (summary !== null && visible < summary.subjects),
        visible,
        gradeCounts,
        incompleteSubjects,
      });
    },

    async queryResults(
      actor: Actor,
      runId: string,
      q: ResultQueryInput,
    ): Promise<Result<{ items: ResultItem[]; total: number }, DomainError>> {
      const vr = await visibleRun(actor, runId);
      if (!vr.ok) return vr;
      const version = await ports.scoring.getVersion(vr.value.run.templateVersionId);
      const c = version ? compiled(version) : null;
      const plan = c?.ok ? c.value.plan : null;
      let divisionCodes: string[] | undefined;
      if (q.division) {
        if (!inDivisionScope(actor, q.division))
          return err(domainError('OUT_OF_SCOPE', { division: q.division }));
        divisionCodes = await ports.divisions.subtreeCodes(q.division);
      }
      const query = resultQuery(actor, plan, q, divisionCodes);
      if (!query.ok) return query;
      const page = await ports.scoring.queryResults(runId, query.value);
      const firstLevel = (vr.value.run.summary as RunSummary | null)?.firstLevel ?? [];
      return ok({ items: page.items.map((r) => toItem(r, firstLevel)), total: page.total });
    },

    /** The filtered league table (every row that matches, no paging) as .xlsx. */
    async exportResults(
      actor: Actor,
      runId: string,
      q: Omit<ResultQueryInput, 'page' | 'pageSize'> & { lang?: Lang },
    ): Promise<Result<{ body: Uint8Array; filename: string; rows: number }, DomainError>> {
      const vr = await visibleRun(actor, runId);
      if (!vr.ok) return vr;
      const { run } = vr.value;
      const version = await ports.scoring.getVersion(run.templateVersionId);
      const c = version ? compiled(version) : null;
      const plan = c?.ok ? c.value.plan : null;
      let divisionCodes: string[] | undefined;
      if (q.division) {
        if (!inDivisionScope(actor, q.division))
          return err(domainError('OUT_OF_SCOPE', { division: q.division }));
        divisionCodes = await ports.divisions.subtreeCodes(q.division);
      }
      const query = resultQuery(actor, plan, { ...q, page: 1, pageSize: 1 }, divisionCodes);
      if (!query.ok) return query;
      const { items } = await ports.scoring.queryResults(runId, { ...query.value, offset: 0, limit: null });
      const lang = q.lang ?? 'zh';
      const en = lang === 'en';
      const view = await runView(run);
      const filters: string[] = [];
      if (q.grade) {
        const g = gradeLabel(run.gradeScheme, q.grade);
        filters.push(en ? `grade: ${g.labelEn}` : `等次：${g.label}`);
      }
      if (q.division)
        filters.push(
          en ? `division: ${await divisionName(q.division)}` : `区划：${await divisionName(q.division)}`,
        );
      if (q.q) filters.push(en ? `search: ${q.q}` : `搜索：${q.q}`);
      const day = deps.clock().toISOString().slice(0, 10);
      const isDivision =
        SUBJECT_KIND_FOR_TEMPLATE[view.subjectKind as keyof typeof SUBJECT_KIND_FOR_TEMPLATE] === 'division';
      const body = await writeResultsWorkbook(
        items,
        {
          title: en
            ? `${view.templateNameEn ?? view.templateName} — results ${view.fiscalYear} (${view.divisionName})`
            : `${view.divisionName}${view.templateName}结果（${view.fiscalYear}年度${view.name ? `，${view.name}` : ''}）`,
          filters: filters.join(en ? '; ' : '；'),
          day,
          scheme: run.gradeScheme,
          firstLevel: (run.summary as RunSummary | null)?.firstLevel ?? [],
          codeHeader: isDivision
            ? { zh: '区划代码', en: 'Division code' }
            : { zh: '单位代码', en: 'Organization code' },
          missingLabel: (key) => (plan ? keyLabel(plan, key, lang) : key),
        },
        lang,
      );
      return ok({
        body,
        filename: en
          ? `results-${view.fiscalYear}-${run.id.slice(0, 8)}.xlsx`
          : `${view.templateName}结果-${view.fiscalYear}年度-${day}.xlsx`,
        rows: items.length,
      });
    },

    /** 画像 basics of one subject in a run: scores, peers, every leaf explained, inputs, history. */
    async portrait(
      actor: Actor,
      runId: string,
      subjectId: string,
    ): Promise<Result<PortraitView, DomainError>> {
      const vr = await visibleRun(actor, runId);
      if (!vr.ok) return vr;
      const { run } = vr.value;
      if (run.status !== 'succeeded') {
        return err(
          domainError(
            'TRANSITION_NOT_ALLOWED',
            { status: run.status },
            { zh: '该评分批次尚未完成', en: 'the run has not finished' },
          ),
        );
      }
      const row = await ports.scoring.getResult(runId, subjectId);
      if (
        !row ||
        !subjectInScope(actor, { mofDivCode: row.mofDivCode, organizationId: row.organizationId })
      ) {
        return err(domainError('NOT_FOUND', { runId, subjectId }));
      }
      const version = await ports.scoring.getVersion(run.templateVersionId);
      if (!version) return err(domainError('NOT_FOUND', { versionId: run.templateVersionId }));
      const c = compiled(version);
      if (!c.ok) return c;
      const { plan, metas } = c.value;
      // The batch the run scored, rebuilt from the inputs kept with its results.
      const all = await ports.scoring.allResults(runId);
      const rows: SubjectValues[] = all.map((r) => ({
        subjectId: r.subjectId,
        values: new Map(Object.entries(r.inputs ?? {})),
      }));
      const index = rows.findIndex((r) => r.subjectId === subjectId);
      const explanation = explainSubject(plan, batchFromValues(plan, rows), index, run.gradeScheme);
      const summary = run.summary as RunSummary | null;
      const records = await ports.scoring.listInputValues(version.id, [subjectId]);
      const stored = await storedViews(records);
      const scoredValues = row.inputs ?? {};
      const history = await ports.scoring.history(subjectId, version.templateId);
      return ok({
        run: await runView(run),
        scheme: run.gradeScheme,
        subject: {
          id: row.subjectId,
          refCode: row.subjectRefCode,
          name: row.subjectName,
          mofDivCode: row.mofDivCode,
          kind: row.subjectKind,
        },
        total: row.total,
        grade: row.grade,
        rank: row.rank,
        ranked: summary?.ranked ?? 0,
        averageTotal: summary?.averages.total ?? null,
        maxScore: plan.maxScore,
        firstLevel: plan.roots.map((ri) => {
          const node = plan.nodes[ri]!;
          return {
            code: node.code,
            name: node.name,
            nameEn: node.nameEn ?? null,
            weight: node.weight,
            category: node.category,
            points: row.nodePoints[node.code] ?? 0,
            average: summary?.averages.nodes[node.code] ?? null,
          };
        }),
        missing: (row.missing ?? []).map((key) => ({ key, label: keyLabel(plan, key) })),
        explanation,
        inputs: metas.map((m) => {
          const scored = Object.prototype.hasOwnProperty.call(scoredValues, m.key)
            ? scoredValues[m.key]
            : undefined;
          const s = stored.get(m.key) ?? null;
          const level =
            m.format === 'level' && typeof scored === 'number' && m.levels?.[scored]
              ? shortLevelLabel(m.levels[scored]!)
              : null;
          return {
            key: m.key,
            leafCode: m.leafCode,
            label: m.label,
            labelEn: m.labelEn,
            unit: m.unit,
            format: m.format,
            scored,
            levelLabel: level,
            stored: s,
            changedSinceRun: (s ? s.value : undefined) !== scored,
          };
        }),
        history: history.map((h) => {
          const g = gradeLabel(h.gradeScheme, h.grade);
          return {
            runId: h.runId,
            runName: h.runName,
            fiscalYear: h.fiscalYear,
            versionNo: h.versionNo,
            finishedAt: h.finishedAt,
            total: h.total,
            grade: h.grade,
            gradeLabel: g.label,
            gradeLabelEn: g.labelEn,
            gradeColor: g.color,
            rank: h.rank,
            ranked: h.ranked,
          };
        }),
      });
    },
  };
  return service;
}

export type ScoringService = ReturnType<typeof makeScoringService>;

/** The scoring job handlers, bound late to the service (handlers exist before the services are composed). */
export function scoringJobHandlers(service: () => ScoringService): JobHandler[] {
  return Object.values(SCORING_JOB_KINDS).map((kind) => ({
    kind,
    run: (job, ctx) => {
      const handler = service()
        .jobHandlers()
        .find((h) => h.kind === kind)!;
      return handler.run(job, ctx);
    },
  }));
}
