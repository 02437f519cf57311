/**
 * 情景模拟 (what-if, M11): "what if a weight, threshold or cut rate changes — which grades and budgets
 * move". Two kinds, both read-only (nothing is written, not even missing subject rows):
 *
 * - a scorecard (counties, departments, funds …): the published version of a template scored over the
 *   subjects of a division with the inputs stored by its latest finished run (or the current inputs) —
 *   baseline: as published, with the grade scheme and the consequence rules in force; scenario: a draft
 *   version or an edited, unsaved tree, edited grade bands and/or edited consequence rules;
 * - the self-evaluations of a year (every project of a province): formula totals re-graded under an
 *   edited grade scheme, and the projects' budgets of the target year under edited consequence rules.
 *
 * Both sides are scored by the same pure functions (core/whatif) — an unchanged scenario equals its
 * baseline exactly — and compared subject by subject: total, grade, rank and proposed amount, with a
 * summary (moved up/down, ranks, money before/after by grade, the grade → grade matrix). One page of rows
 * is answered (the whole filtered list goes to Excel). Permission `scenarios.run`, division scope on the
 * server: a what-if covers only subjects of a division the user may see.
 */
import type { AccessPort, DivisionPort, DivisionRecord } from '../core/access/ports.ts';
import { inDivisionScope, requirePermission, type Actor } from '../core/access/scope.ts';
import {
  compileRules,
  CONSEQUENCE_ACTION_ORDER,
  type CompiledRules,
  type ConsequenceAmounts,
} from '../core/consequences/propose.ts';
import type { ConsequenceRuleSet } from '../core/consequences/rules.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import { compileTemplate, type EvaluationPlan } from '../core/scoring/compile-template.ts';
import {
  JILIN_FIVE_TIER,
  PRESET_GRADE_SCHEMES,
  validateGradeScheme,
  type GradeScheme,
} from '../core/scoring/grades.ts';
import type { ScoringPort, ScoringVersionRecord, SubjectRecord } from '../core/scoring/ports.ts';
import {
  SUBJECT_KIND_FOR_TEMPLATE,
  subjectCandidates,
  subjectDivisionCodes,
} from '../core/scoring/subjects.ts';
import {
  CHANGED_AMOUNT,
  CHANGED_GRADE,
  CHANGED_RANK,
  CHANGED_TOTAL,
  compareOutcomes,
  type Comparison,
} from '../core/whatif/compare.ts';
import { INCOMPLETE, NO_GRADE } from '../core/whatif/outcome.ts';
import type { ConsequenceReads, WhatIfPort } from '../core/whatif/ports.ts';
import {
  budgetBases,
  proposeSide,
  regradeSides,
  scoreScorecardSides,
  type Bases,
  type ScorecardSubject,
  type ScoredSides,
} from '../core/whatif/simulate.ts';
import type { Clock } from './clock.ts';
import { writeComparisonWorkbook } from './whatif/comparison-workbook.ts';
import { selectRows } from './whatif/select-rows.ts';
import type {
  ScorecardInput,
  SelfEvalInput,
  TableInput,
  Warning,
  WhatIfRowView,
  WhatIfView,
} from './whatif/views.ts';

export type * from './whatif/views.ts';

interface Ports {
  readonly scoring: ScoringPort;
  readonly whatif: WhatIfPort;
  readonly divisions: DivisionPort;
  readonly access: AccessPort;
  /** The consequence rules in force and their bases (the consequence repository). */
  readonly consequences: ConsequenceReads;
}

export interface WhatIfDeps {
  readonly ports: Ports;
  readonly clock: Clock;
}

type Lang = 'zh' | 'en';

/** Everything a computed what-if holds before it is cut into a page. */
interface Computed {
  readonly view: Omit<WhatIfView, 'rows' | 'timings'>;
  readonly sides: ScoredSides;
  readonly cmp: Comparison;
  readonly amounts: { baseline: ConsequenceAmounts | null; scenario: ConsequenceAmounts | null };
  readonly ids: readonly string[];
  readonly divisionOfRow: (i: number) => string;
  /** Name and code of subject i when known without a query (scorecards). */
  readonly nameOf: ((i: number) => { name: string; code: string | null }) | null;
  readonly details: (
    indices: readonly number[],
  ) => Promise<Map<number, { name: string; code: string | null; department: string | null }>>;
  readonly timings: { loadMs: number; scoreMs: number; compareMs: number };
}

/** The most rows an Excel export holds; filter (e.g. changed rows only) beyond it. */
export const WHATIF_EXPORT_MAX_ROWS = 100_000;

const invalid = (zh: string, en: string, details?: unknown) =>
  domainError('VALIDATION_FAILED', details, { zh, en });
const ms = (x: number) => Math.round(x * 100) / 100;

function ruleProblems(e: DomainError): { path: string; message: string; messageEn: string }[] {
  return (
    (e.details as { problems?: { path: string; message: string; messageEn: string }[] } | undefined)
      ?.problems ?? []
  );
}

/** The consequence rules in force for a division and year, checked; null when none (or unusable). */
async function rulesInForce(
  ports: Ports,
  division: string,
  year: number,
): Promise<{
  set: ConsequenceRuleSet | null;
  compiled: CompiledRules | null;
  from: string | null;
  problems: ReturnType<typeof ruleProblems>;
}> {
  const setting = await ports.consequences.getRuleSetting(division, year);
  if (!setting) return { set: null, compiled: null, from: null, problems: [] };
  const c = compileRules(setting.value);
  if (!c.ok)
    return { set: null, compiled: null, from: setting.fromMofDivCode, problems: ruleProblems(c.error) };
  return { set: c.value.set, compiled: c.value, from: setting.fromMofDivCode, problems: [] };
}

export function makeWhatIfService(deps: WhatIfDeps) {
  const { ports } = deps;
  const now = () => performance.now();

  // Published versions never change: their compiled plans are kept (drafts are compiled every time).
  const plans = new Map<string, EvaluationPlan>();

  let divisionCache: { rows: Map<string, DivisionRecord>; at: number } | null = null;
  async function allDivisions(): Promise<Map<string, DivisionRecord>> {
    const t = deps.clock().getTime();
    if (!divisionCache || t - divisionCache.at > 60_000 || t < divisionCache.at) {
      divisionCache = { rows: new Map((await ports.divisions.listAll()).map((d) => [d.code, d])), at: t };
    }
    return divisionCache.rows;
  }
  const nameOfDivision = (all: Map<string, DivisionRecord>, code: string) => {
    const d = all.get(code);
    return d ? (d.shortName ?? d.name) : code;
  };

  /** The actor may run what-ifs in `division` (default their own): permission, not organization-bound, scope. */
  async function workingDivision(
    actor: Actor,
    division: string | undefined,
  ): Promise<Result<DivisionRecord, DomainError>> {
    const allowed = requirePermission(actor, 'scenarios.run');
    if (!allowed.ok) return allowed;
    if (actor.organizationIds !== null) return err(domainError('FORBIDDEN', { permission: 'scenarios.run' }));
    const code = division ?? actor.divisionCode;
    if (!inDivisionScope(actor, code)) return err(domainError('OUT_OF_SCOPE', { division: code }));
    const d = (await allDivisions()).get(code);
    return d ? ok(d) : err(domainError('NOT_FOUND', { division: code }));
  }

  /** The published (or retired) version that applies to the division: published by it or a division above. */
  async function baselineVersion(
    versionId: string,
    division: DivisionRecord,
  ): Promise<Result<ScoringVersionRecord, DomainError>> {
    const v = await ports.scoring.getVersion(versionId);
    if (!v || v.status === 'draft') return err(domainError('NOT_FOUND', { versionId }));
    if (!(await ports.divisions.ancestorCodes(division.code)).includes(v.mofDivCode)) {
      return err(domainError('NOT_FOUND', { versionId }));
    }
    return ok(v);
  }

  function planOf(v: ScoringVersionRecord): Result<EvaluationPlan, DomainError> {
    const hit = plans.get(v.id);
    if (hit) return ok(hit);
    const r = compileTemplate(v.definition);
    if (!r.ok) {
      return err(
        domainError(
          'TEMPLATE_INVALID',
          { issues: r.error },
          { zh: r.error.map((i) => i.message).join('；'), en: `${r.error.length} problem(s)` },
        ),
      );
    }
    if (v.status !== 'draft') {
      if (plans.size > 64) plans.clear();
      plans.set(v.id, r.value);
    }
    return ok(r.value);
  }

  async function effectiveScheme(
    v: ScoringVersionRecord,
    division: string,
  ): Promise<{ scheme: GradeScheme; from: 'version' | 'setting' | 'default' }> {
    if (v.gradeScheme && validateGradeScheme(v.gradeScheme).ok)
      return { scheme: v.gradeScheme, from: 'version' };
    const configured = await ports.scoring.configuredGradeScheme(division, v.fiscalYear);
    if (configured && validateGradeScheme(configured).ok) return { scheme: configured, from: 'setting' };
    return { scheme: JILIN_FIVE_TIER, from: 'default' };
  }

  /** The subjects a version scores in a division (existing rows only: a what-if creates nothing). */
  async function subjectsOf(v: ScoringVersionRecord, division: DivisionRecord): Promise<SubjectRecord[]> {
    const kind = SUBJECT_KIND_FOR_TEMPLATE[v.subjectKind];
    const divisions = [...(await allDivisions()).values()];
    const organizations =
      kind === 'department' || kind === 'finance_division'
        ? await ports.access.listOrganizations([division.code], null)
        : [];
    const candidates = subjectCandidates(v.subjectKind, division, divisions, organizations);
    const codes = subjectDivisionCodes(v.subjectKind, division, divisions);
    const subjects = await ports.scoring.listSubjects({ kind, divisionCodes: codes, organizationIds: null });
    if (!candidates) return subjects.filter((s) => s.active);
    const wanted = new Set(candidates.map((c) => `${c.mofDivCode}/${c.refCode}`));
    return subjects.filter((s) => wanted.has(`${s.mofDivCode}/${s.refCode}`));
  }

  /**
   * Checks the scenario's parts all at once: a tree that does not compile (422 TEMPLATE_INVALID with
   * compileTemplate's issues), grade bands that are not valid (422 GRADE_SCHEME_INVALID) and rules the
   * consequences core refuses (400 VALIDATION_FAILED) — the first failing part's code, every problem of
   * every part in `details`.
   */
  function checkScenario(parts: {
    definition?: ScoringVersionRecord['definition'] | undefined;
    gradeScheme?: GradeScheme | undefined;
    consequenceRules?: unknown;
  }): Result<
    {
      plan: EvaluationPlan | null;
      scheme: GradeScheme | null;
      rules: CompiledRules | null;
      rulesGiven: boolean;
    },
    DomainError
  > {
    let plan: EvaluationPlan | null = null;
    let issues: unknown[] = [];
    if (parts.definition) {
      const r = compileTemplate(parts.definition);
      if (r.ok) plan = r.value;
      else issues = [...r.error];
    }
    let schemeProblems: string[] = [];
    if (parts.gradeScheme) {
      const v = validateGradeScheme(parts.gradeScheme);
      if (!v.ok) schemeProblems = (v.error.details as { problems: string[] }).problems;
      else if (parts.gradeScheme.bands.length > 10) schemeProblems = ['等次不超过10档'];
    }
    const rulesGiven = parts.consequenceRules !== undefined && parts.consequenceRules !== null;
    let rules: CompiledRules | null = null;
    let rulesProblems: ReturnType<typeof ruleProblems> = [];
    if (rulesGiven) {
      const c = compileRules(parts.consequenceRules);
      if (c.ok) rules = c.value;
      else rulesProblems = ruleProblems(c.error);
    }
    if (issues.length === 0 && schemeProblems.length === 0 && rulesProblems.length === 0) {
      return ok({ plan, scheme: parts.gradeScheme ?? null, rules, rulesGiven });
    }
    const zh = [
      ...(issues.length > 0 ? [`情景模板尚有 ${issues.length} 处问题`] : []),
      ...schemeProblems.map((p) => `等次方案：${p}`),
      ...rulesProblems.map((p) => `结果应用规则：${p.message}`),
    ].join('；');
    const en = [
      ...(issues.length > 0 ? [`the scenario's template has ${issues.length} problem(s)`] : []),
      ...(schemeProblems.length > 0 ? [`${schemeProblems.length} problem(s) with the grade bands`] : []),
      ...rulesProblems.map((p) => `rules: ${p.messageEn}`),
    ].join('; ');
    const code =
      issues.length > 0
        ? 'TEMPLATE_INVALID'
        : schemeProblems.length > 0
          ? 'GRADE_SCHEME_INVALID'
          : 'VALIDATION_FAILED';
    return err(domainError(code, { issues, schemeProblems, ruleProblems: rulesProblems }, { zh, en }));
  }

  // -------------------------------------------------------------------------------------------------------
  // Scorecards
  // -------------------------------------------------------------------------------------------------------

  async function computeScorecard(
    actor: Actor,
    input: ScorecardInput,
  ): Promise<Result<Computed, DomainError>> {
    const t0 = now();
    const wd = await workingDivision(actor, input.division);
    if (!wd.ok) return wd;
    const division = wd.value;
    const bv = await baselineVersion(input.versionId, division);
    if (!bv.ok) return bv;
    const version = bv.value;
    const year = version.fiscalYear;
    const basePlan = planOf(version);
    if (!basePlan.ok) return basePlan;

    // the scenario's template: an unsaved tree, else a draft (or another version) of the same kind
    let draft: ScoringVersionRecord | null = null;
    if (input.scenario.draftVersionId) {
      const d = await ports.scoring.getVersion(input.scenario.draftVersionId);
      const visible =
        d !== null &&
        (d.status === 'draft'
          ? inDivisionScope(actor, d.mofDivCode)
          : inDivisionScope(actor, d.mofDivCode) ||
            (await ports.divisions.ancestorCodes(division.code)).includes(d.mofDivCode));
      if (!d || !visible) return err(domainError('NOT_FOUND', { versionId: input.scenario.draftVersionId }));
      if (d.subjectKind !== version.subjectKind) {
        return err(
          invalid(
            `所选草稿“${d.templateName}”的评价对象与基准模板不同，不能对比`,
            'the draft scores a different kind of subject than the baseline',
            { draftVersionId: d.id },
          ),
        );
      }
      draft = d;
    }
    const checked = checkScenario({
      definition: input.scenario.definition ?? draft?.definition,
      gradeScheme: input.scenario.gradeScheme,
      consequenceRules: input.scenario.consequenceRules,
    });
    if (!checked.ok) return checked;
    const scenPlan = checked.value.plan ?? basePlan.value;

    const base = await effectiveScheme(version, division.code);
    const draftScheme =
      draft?.gradeScheme && validateGradeScheme(draft.gradeScheme).ok ? draft.gradeScheme : null;
    const scenScheme = checked.value.scheme ?? draftScheme ?? base.scheme;
    const inForce = await rulesInForce(ports, division.code, year);
    const scenRules = checked.value.rulesGiven ? checked.value.rules : inForce.compiled;

    // inputs: the latest finished run's snapshots, or the values as they are now
    const run =
      input.source === 'inputs' ? null : await ports.whatif.latestRun(version.id, division.code, year);
    if (input.source === 'run' && !run) {
      return err(
        invalid(
          `${nameOfDivision(await allDivisions(), division.code)}尚未用该版本完成评分运行，请改用“当前评分数据”`,
          'no finished run of this version in the division; use the current inputs',
        ),
      );
    }
    interface Row {
      id: string;
      code: string;
      name: string;
      kind: string;
      mofDivCode: string;
      organizationId: string | null;
      values: Map<string, number | null>;
    }
    let rows: Row[];
    if (run) {
      const results = await ports.scoring.queryResults(run.id, {
        scope: { divisionCodes: actor.divisionCodes, organizationIds: null },
        sort: 'rank',
        order: 'asc',
        offset: 0,
        limit: null,
      });
      rows = results.items.map((r) => ({
        id: r.subjectId,
        code: r.subjectRefCode,
        name: r.subjectName,
        kind: r.subjectKind,
        mofDivCode: r.mofDivCode,
        organizationId: r.organizationId,
        values: new Map(Object.entries(r.inputs ?? {})),
      }));
    } else {
      const subjects = (await subjectsOf(version, division)).filter((s) =>
        inDivisionScope(actor, s.mofDivCode),
      );
      const values = await ports.scoring.listInputValues(
        version.id,
        subjects.map((s) => s.id),
      );
      const bySubject = new Map<string, Map<string, number | null>>();
      for (const v of values) {
        let m = bySubject.get(v.subjectId);
        if (!m) bySubject.set(v.subjectId, (m = new Map()));
        m.set(v.inputKey, v.value);
      }
      rows = subjects.map((s) => ({
        id: s.id,
        code: s.refCode,
        name: s.name,
        kind: s.kind,
        mofDivCode: s.mofDivCode,
        organizationId: s.organizationId,
        values: bySubject.get(s.id) ?? new Map(),
      }));
    }

    // the bases of the consequence rules: transfer payments of the year, department budgets of the target year
    const offsets = [inForce.compiled, scenRules]
      .filter((r): r is CompiledRules => r !== null)
      .map((r) => r.set.targetYearOffset);
    const tp =
      offsets.length > 0
        ? await ports.consequences.transferPayments(
            [...new Set(rows.filter((r) => r.kind === 'division').map((r) => r.mofDivCode))],
            year,
          )
        : new Map<string, number>();
    const orgIds = [...new Set(rows.map((r) => r.organizationId).filter((x): x is string => x !== null))];
    const budgets = new Map<number, Map<string, number>>();
    for (const off of new Set(offsets))
      budgets.set(year + off, await ports.consequences.departmentBudgets(orgIds, year + off));
    const basesFor = (rules: CompiledRules): Bases[] => {
      const byOrg = budgets.get(year + rules.set.targetYearOffset) ?? new Map<string, number>();
      return rows.map((r) => ({
        transfer_payments: r.kind === 'division' ? (tp.get(r.mofDivCode) ?? null) : null,
        department_budget: r.organizationId ? (byOrg.get(r.organizationId) ?? null) : null,
      }));
    };
    const t1 = now();

    const subjects: ScorecardSubject[] = rows.map((r) => ({ id: r.id, kind: r.kind, values: r.values }));
    const sides = scoreScorecardSides(
      subjects,
      { plan: basePlan.value, scheme: base.scheme },
      { plan: scenPlan, scheme: scenScheme },
    );
    const ids = rows.map((r) => r.id);
    const kinds = rows.map((r) => r.kind);
    const bAmounts = inForce.compiled
      ? proposeSide(inForce.compiled, sides.legend, sides.baseline, ids, kinds, basesFor(inForce.compiled))
      : null;
    const sAmounts = scenRules
      ? proposeSide(scenRules, sides.legend, sides.scenario, ids, kinds, basesFor(scenRules))
      : null;
    const tScored = now();
    const cmp = compareOutcomes(
      sides.legend,
      sides.baseline,
      sides.scenario,
      bAmounts?.proposedFen ?? null,
      sAmounts?.proposedFen ?? null,
    );
    const t2 = now();

    const all = await allDivisions();
    const warnings: Warning[] = [];
    if (rows.length === 0) {
      warnings.push({
        code: 'NO_SUBJECTS',
        message: '该区划尚无评价对象或评分数据，请先在“评分数据”中填报',
        messageEn: 'no subjects or inputs in this division yet',
      });
    }
    if (sides.unknownInputs.length > 0) {
      const names = sides.unknownInputs.map(
        (s) => `${scenPlan.nodes[scenPlan.byCode.get(s.leafCode)!]!.name}·${s.label}`,
      );
      warnings.push({
        code: 'UNKNOWN_INPUTS',
        message: `情景模板新增的数据项尚无取值，按“不适用”处理（总分按其余指标折算）：${names.join('、')}`,
        messageEn: `inputs new in the scenario have no values and count as not applicable: ${sides.unknownInputs.map((s) => s.key).join(', ')}`,
      });
    }
    const incomplete = cmp.summary.subjects - cmp.summary.graded.baseline;
    if (incomplete > 0) {
      warnings.push({
        code: 'INCOMPLETE',
        message: `${incomplete} 个评价对象数据不全，不评定等次和排名`,
        messageEn: `${incomplete} subject(s) lack inputs: not graded or ranked`,
      });
    }
    if (run && JSON.stringify(run.gradeScheme.bands) !== JSON.stringify(base.scheme.bands)) {
      warnings.push({
        code: 'RUN_SCHEME_CHANGED',
        message: `评分运行时的等次方案（${run.gradeScheme.name}）与现行方案（${base.scheme.name}）不同，基准按现行方案评定`,
        messageEn: `the run graded with ${run.gradeScheme.nameEn}; the baseline uses the scheme in force (${base.scheme.nameEn})`,
      });
    }
    if (inForce.problems.length > 0) {
      warnings.push({
        code: 'RULES_INVALID',
        message: `现行结果应用规则有误，基准不计算金额：${inForce.problems.map((p) => p.message).join('；')}`,
        messageEn: 'the consequence rules in force are not valid: the baseline has no amounts',
      });
    } else if (!inForce.compiled && !scenRules) {
      warnings.push({
        code: 'NO_RULES',
        message: '本级及上级尚未设置结果应用规则，不计算预算调整金额；可在情景中设置规则试算',
        messageEn: 'no consequence rules are in force: no amounts; set rules in the scenario to try some',
      });
    }

    const template = version.templateName;
    const templateEn = version.templateNameEn ?? version.templateName;
    const scenarioLabel = draft
      ? {
          zh: `${draft.fiscalYear}年度第${draft.versionNo}版${draft.status === 'draft' ? '草稿' : draft.status === 'published' ? '（已发布）' : '（已停用）'}${input.scenario.definition ? '（含未保存的修改）' : ''}`,
          en: `${draft.fiscalYear} version ${draft.versionNo}${draft.status === 'draft' ? ' (draft)' : ''}${input.scenario.definition ? ' with unsaved edits' : ''}`,
        }
      : input.scenario.definition
        ? { zh: '编辑后的模板（未保存）', en: 'Edited template (unsaved)' }
        : {
            zh: `${year}年度第${version.versionNo}版（模板不变）`,
            en: `${year} version ${version.versionNo} (template unchanged)`,
          };
    const divisionName = nameOfDivision(all, division.code);
    const view: Computed['view'] = {
      kind: 'scorecard',
      division: { code: division.code, name: divisionName },
      fiscalYear: year,
      title: `${divisionName}${template}情景模拟（${year}年度）`,
      titleEn: `What-if: ${templateEn}, ${division.name} ${year}`,
      source: run
        ? { kind: 'run', runId: run.id, runName: run.name, finishedAt: run.finishedAt }
        : { kind: 'inputs', runId: null, runName: null, finishedAt: null },
      baseline: {
        label: `${year}年度第${version.versionNo}版（${version.status === 'published' ? '已发布' : '已停用'}）`,
        labelEn: `${year} version ${version.versionNo} (${version.status})`,
        versionId: version.id,
        versionNo: version.versionNo,
        maxScore: basePlan.value.maxScore,
        scheme: base.scheme,
        rules: inForce.set,
        targetFiscalYear: year + (inForce.set?.targetYearOffset ?? 1),
      },
      scenario: {
        label: scenarioLabel.zh,
        labelEn: scenarioLabel.en,
        versionId: draft?.id ?? null,
        versionNo: draft?.versionNo ?? null,
        maxScore: scenPlan.maxScore,
        scheme: scenScheme,
        rules: scenRules?.set ?? null,
        targetFiscalYear: year + (scenRules?.set.targetYearOffset ?? 1),
        edited: {
          template: draft !== null || input.scenario.definition !== undefined,
          scheme: scenScheme !== base.scheme,
          rules: checked.value.rulesGiven,
        },
      },
      grades: sides.legend.entries,
      warnings,
      summary: { ...cmp.summary, byDivision: [] },
    };
    return ok({
      view,
      sides,
      cmp,
      amounts: { baseline: bAmounts, scenario: sAmounts },
      ids,
      divisionOfRow: (i) => rows[i]!.mofDivCode,
      nameOf: (i) => ({ name: rows[i]!.name, code: rows[i]!.code }),
      details: async (indices) =>
        new Map(indices.map((i) => [i, { name: rows[i]!.name, code: rows[i]!.code, department: null }])),
      timings: { loadMs: t1 - t0, scoreMs: tScored - t1, compareMs: t2 - tScored },
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Self-evaluations
  // -------------------------------------------------------------------------------------------------------

  async function computeSelfEvaluations(
    actor: Actor,
    input: SelfEvalInput,
  ): Promise<Result<Computed, DomainError>> {
    const t0 = now();
    const wd = await workingDivision(actor, input.division);
    if (!wd.ok) return wd;
    const division = wd.value;
    const year = input.year;
    const checked = checkScenario({
      gradeScheme: input.scenario.gradeScheme,
      consequenceRules: input.scenario.consequenceRules,
    });
    if (!checked.ok) return checked;
    const [inForce, subtree] = await Promise.all([
      rulesInForce(ports, division.code, year),
      ports.divisions.subtreeCodes(division.code),
    ]);
    const scenRules = checked.value.rulesGiven ? checked.value.rules : inForce.compiled;
    const offsets = new Set([inForce.compiled, scenRules].map((r) => r?.set.targetYearOffset ?? 1));
    const codes = subtree.filter((c) => inDivisionScope(actor, c));
    const [cols, schemesByDivision] = await Promise.all([
      ports.whatif.selfEvaluationColumns({
        divisionCodes: codes,
        fiscalYear: year,
        amountYears: [...offsets].map((o) => year + o),
      }),
      ports.whatif.effectiveGradeSchemes(codes, year),
    ]);
    const t1 = now();

    // the baseline grades each project with its division's scheme (default: Jilin's five tiers)
    const schemes: GradeScheme[] = [];
    const schemeIndex = new Map<string, number>();
    const divisionScheme = Uint8Array.from(cols.divisions, (code) => {
      const s0 = schemesByDivision.get(code);
      const s = s0 && validateGradeScheme(s0).ok ? s0 : JILIN_FIVE_TIER;
      const key = JSON.stringify([s.code, s.bands]);
      let k = schemeIndex.get(key);
      if (k === undefined) {
        k = schemes.length;
        schemes.push(s);
        schemeIndex.set(key, k);
      }
      return k;
    });
    const schemeOf = new Uint8Array(cols.n);
    for (let i = 0; i < cols.n; i++) schemeOf[i] = divisionScheme[cols.divisionOf[i]!]!;
    if (schemes.length === 0) schemes.push(JILIN_FIVE_TIER);
    const sides = regradeSides(cols.totals, schemes, schemeOf, checked.value.scheme);
    const basesFor = (rules: CompiledRules) =>
      budgetBases(cols.amounts.get(year + rules.set.targetYearOffset)!);
    const bAmounts = inForce.compiled
      ? proposeSide(
          inForce.compiled,
          sides.legend,
          sides.baseline,
          cols.ids,
          'project',
          basesFor(inForce.compiled),
        )
      : null;
    const sAmounts = scenRules
      ? proposeSide(scenRules, sides.legend, sides.scenario, cols.ids, 'project', basesFor(scenRules))
      : null;
    const tScored = now();
    const cmp = compareOutcomes(
      sides.legend,
      sides.baseline,
      sides.scenario,
      bAmounts?.proposedFen ?? null,
      sAmounts?.proposedFen ?? null,
    );
    const t2 = now();

    // per division: moves and money
    const D = cols.divisions.length;
    const up = new Int32Array(D);
    const down = new Int32Array(D);
    const count = new Int32Array(D);
    const bFen = new Float64Array(D);
    const sFen = new Float64Array(D);
    for (let i = 0; i < cols.n; i++) {
      const d = cols.divisionOf[i]!;
      count[d]!++;
      const s = cmp.gradeSteps[i]!;
      if (s > 0) up[d]!++;
      else if (s < 0) down[d]!++;
      if (bAmounts) bFen[d]! += bAmounts.proposedFen[i]!;
      if (sAmounts) sFen[d]! += sAmounts.proposedFen[i]!;
    }
    const all = await allDivisions();
    const byDivision = cols.divisions
      .map((code, d) => ({
        code,
        name: nameOfDivision(all, code),
        subjects: count[d]!,
        gradeUp: up[d]!,
        gradeDown: down[d]!,
        baselineFen: bFen[d]!,
        scenarioFen: sFen[d]!,
      }))
      .sort(
        (a, b) =>
          Math.abs(b.scenarioFen - b.baselineFen) - Math.abs(a.scenarioFen - a.baselineFen) ||
          b.gradeUp + b.gradeDown - (a.gradeUp + a.gradeDown) ||
          a.code.localeCompare(b.code),
      );

    const warnings: Warning[] = [];
    if (cols.n === 0) {
      warnings.push({
        code: 'NO_SUBJECTS',
        message: `${year}年度尚无已提交或已审核的项目支出绩效自评表`,
        messageEn: `no submitted or accepted self-evaluations for ${year}`,
      });
    }
    if (schemes.length > 1) {
      warnings.push({
        code: 'MIXED_SCHEMES',
        message: `所辖区划的等次方案不同（${schemes.map((s) => s.name).join('、')}）：基准按各区划现行方案评定${checked.value.scheme ? '，情景统一按所设方案评定' : ''}`,
        messageEn: `divisions grade with different schemes; the baseline uses each division's${checked.value.scheme ? ', the scenario one scheme for all' : ''}`,
      });
    }
    if (inForce.problems.length > 0) {
      warnings.push({
        code: 'RULES_INVALID',
        message: `现行结果应用规则有误，基准不计算金额：${inForce.problems.map((p) => p.message).join('；')}`,
        messageEn: 'the consequence rules in force are not valid: the baseline has no amounts',
      });
    }
    const projectRules = (r: CompiledRules | null) =>
      r !== null && r.rules.some((x) => x.kinds === null || x.kinds.has('project'));
    if (!projectRules(inForce.compiled) && !projectRules(scenRules)) {
      warnings.push({
        code: 'NO_PROJECT_RULES',
        message:
          '结果应用规则中没有适用于项目的规则，预算调整金额均为0；可在情景中添加（如中、低等次压减下年预算，差等次取消）',
        messageEn:
          'no consequence rule applies to projects: all amounts are 0; add project rules in the scenario',
      });
    }

    const divisionName = nameOfDivision(all, division.code);
    const single = (side: 'baseline' | 'scenario') =>
      side === 'scenario' && checked.value.scheme
        ? checked.value.scheme
        : schemes.length === 1
          ? schemes[0]!
          : null;
    const view: Computed['view'] = {
      kind: 'self_evaluation',
      division: { code: division.code, name: divisionName },
      fiscalYear: year,
      title: `${divisionName}${year}年度项目支出绩效自评结果情景模拟`,
      titleEn: `What-if: ${year} project self-evaluations, ${division.name}`,
      source: { kind: 'self_evaluations', runId: null, runName: null, finishedAt: null },
      baseline: {
        label: '现行等次方案与结果应用规则',
        labelEn: 'Grade schemes and rules in force',
        versionId: null,
        versionNo: null,
        maxScore: 100,
        scheme: single('baseline'),
        rules: inForce.set,
        targetFiscalYear: year + (inForce.set?.targetYearOffset ?? 1),
      },
      scenario: {
        label: checked.value.scheme || checked.value.rulesGiven ? '调整后的方案' : '方案不变',
        labelEn: checked.value.scheme || checked.value.rulesGiven ? 'Edited settings' : 'Settings unchanged',
        versionId: null,
        versionNo: null,
        maxScore: 100,
        scheme: single('scenario'),
        rules: scenRules?.set ?? null,
        targetFiscalYear: year + (scenRules?.set.targetYearOffset ?? 1),
        edited: { template: false, scheme: checked.value.scheme !== null, rules: checked.value.rulesGiven },
      },
      grades: sides.legend.entries,
      warnings,
      summary: { ...cmp.summary, byDivision },
    };
    return ok({
      view,
      sides,
      cmp,
      amounts: { baseline: bAmounts, scenario: sAmounts },
      ids: cols.ids,
      divisionOfRow: (i) => cols.divisions[cols.divisionOf[i]!]!,
      nameOf: null,
      details: async (indices) => {
        const rows = await ports.whatif.selfEvaluationDetails(indices.map((i) => cols.ids[i]!));
        const byId = new Map(rows.map((r) => [r.id, r]));
        return new Map(
          indices.map((i) => {
            const r = byId.get(cols.ids[i]!);
            return [
              i,
              { name: r?.projectName ?? '', code: r?.proCode ?? null, department: r?.departmentName ?? null },
            ];
          }),
        );
      },
      timings: { loadMs: t1 - t0, scoreMs: tScored - t1, compareMs: t2 - tScored },
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Rows: filter, sort, page
  // -------------------------------------------------------------------------------------------------------

  async function rowsOf(
    c: Computed,
    q: TableInput,
    limitOverride?: number,
  ): Promise<Result<{ items: WhatIfRowView[]; total: number }, DomainError>> {
    const { sides, cmp } = c;
    const n = cmp.n;
    const legend = sides.legend;
    const gradeIndex = (code: string | undefined): number | null | undefined => {
      if (code === undefined) return undefined;
      if (code === INCOMPLETE) return NO_GRADE;
      return legend.index.get(code) ?? null;
    };
    const from = gradeIndex(q.from);
    const to = gradeIndex(q.to);
    const mask = {
      all: 0,
      changed: 15,
      total: CHANGED_TOTAL,
      grade: CHANGED_GRADE,
      rank: CHANGED_RANK,
      amount: CHANGED_AMOUNT,
    }[q.filter];
    let inDivision: Set<string> | null = null;
    if (q.rowDivision) inDivision = new Set(await ports.divisions.subtreeCodes(q.rowDivision));
    const needle = q.q?.trim().toLowerCase() ?? '';
    const include = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (mask !== 0 && (cmp.changed[i]! & mask) === 0) continue;
      if (from === null || to === null) continue;
      if (from !== undefined && sides.baseline.grades[i] !== from) continue;
      if (to !== undefined && sides.scenario.grades[i] !== to) continue;
      if (inDivision && !inDivision.has(c.divisionOfRow(i))) continue;
      if (needle && c.nameOf) {
        const s = c.nameOf(i);
        if (!s.name.toLowerCase().includes(needle) && !(s.code ?? '').toLowerCase().includes(needle))
          continue;
      }
      include[i] = 1;
    }
    const sort = q.sort ?? 'baselineRank';
    const desc = (q.order ?? (sort.endsWith('Total') ? 'desc' : 'asc')) === 'desc';
    const bFen = c.amounts.baseline?.proposedFen ?? null;
    const sFen = c.amounts.scenario?.proposedFen ?? null;
    const value = (i: number): number => {
      switch (sort) {
        case 'baselineRank':
          return sides.baseline.ranks[i]! || NaN;
        case 'scenarioRank':
          return sides.scenario.ranks[i]! || NaN;
        case 'baselineTotal':
          return sides.baseline.totals[i]!;
        case 'scenarioTotal':
          return sides.scenario.totals[i]!;
        case 'totalDelta':
          return cmp.totalDelta[i]!;
        case 'rankDelta':
          return sides.baseline.ranks[i]! > 0 && sides.scenario.ranks[i]! > 0 ? cmp.rankDelta[i]! : NaN;
        case 'gradeSteps':
          return cmp.gradeSteps[i]!;
        case 'baselineAmount':
          return bFen ? bFen[i]! : NaN;
        case 'scenarioAmount':
          return sFen ? sFen[i]! : NaN;
        case 'amountDelta':
          return cmp.amountDelta[i]!;
      }
    };
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = value(i);
      keys[i] = v !== v ? Infinity : desc ? -v : v;
    }
    const offset = limitOverride !== undefined ? 0 : (q.page - 1) * q.pageSize;
    const limit = limitOverride ?? q.pageSize;
    const picked = selectRows(include, keys, offset, limit);
    const all = await allDivisions();
    const details = await c.details(picked.indices);
    const codes = legend.entries.map((e) => e.code);
    const gradeCode = (g: number) => (g === NO_GRADE ? INCOMPLETE : codes[g]!);
    const action = (a: ConsequenceAmounts | null, i: number) =>
      a ? (CONSEQUENCE_ACTION_ORDER[a.action[i]!] ?? null) : null;
    const items = picked.indices.map((i): WhatIfRowView => {
      const d = details.get(i)!;
      const ch = cmp.changed[i]!;
      const rb = sides.baseline.ranks[i]!;
      const rs = sides.scenario.ranks[i]!;
      return {
        id: c.ids[i]!,
        code: d.code,
        name: d.name,
        mofDivCode: c.divisionOfRow(i),
        divisionName: nameOfDivision(all, c.divisionOfRow(i)),
        department: d.department,
        baseline: {
          total: sides.baseline.totals[i]!,
          grade: gradeCode(sides.baseline.grades[i]!),
          rank: rb > 0 ? rb : null,
          amountFen: bFen ? bFen[i]! : null,
          action: action(c.amounts.baseline, i),
        },
        scenario: {
          total: sides.scenario.totals[i]!,
          grade: gradeCode(sides.scenario.grades[i]!),
          rank: rs > 0 ? rs : null,
          amountFen: sFen ? sFen[i]! : null,
          action: action(c.amounts.scenario, i),
        },
        delta: {
          total: cmp.totalDelta[i]!,
          gradeSteps: cmp.gradeSteps[i]!,
          rank: cmp.rankDelta[i]!,
          amountFen: cmp.amountDelta[i]!,
        },
        changed: {
          total: (ch & CHANGED_TOTAL) !== 0,
          grade: (ch & CHANGED_GRADE) !== 0,
          rank: (ch & CHANGED_RANK) !== 0,
          amount: (ch & CHANGED_AMOUNT) !== 0,
        },
      };
    });
    return ok({ items, total: picked.total });
  }

  async function answer(c: Computed, q: TableInput, t0: number): Promise<Result<WhatIfView, DomainError>> {
    const t2 = now();
    const rows = await rowsOf(c, q);
    if (!rows.ok) return rows;
    const t3 = now();
    return ok({
      ...c.view,
      rows: { ...rows.value, page: q.page, pageSize: q.pageSize },
      timings: {
        loadMs: ms(c.timings.loadMs),
        scoreMs: ms(c.timings.scoreMs),
        compareMs: ms(c.timings.compareMs + (t3 - t2)),
        totalMs: ms(t3 - t0),
      },
    });
  }

  async function exportOf(
    c: Computed,
    q: TableInput & { lang: Lang },
  ): Promise<Result<{ body: Uint8Array; filename: string; rows: number }, DomainError>> {
    const count = await rowsOf(c, q, 0);
    if (!count.ok) return count;
    if (count.value.total > WHATIF_EXPORT_MAX_ROWS) {
      return err(
        invalid(
          `筛选结果共 ${count.value.total.toLocaleString('zh-CN')} 行，超过导出上限 ${WHATIF_EXPORT_MAX_ROWS.toLocaleString('zh-CN')} 行，请先筛选（如“仅看有变化的”）`,
          `${count.value.total} rows exceed the export limit of ${WHATIF_EXPORT_MAX_ROWS}; filter first (e.g. changed rows only)`,
          { rows: count.value.total, max: WHATIF_EXPORT_MAX_ROWS },
        ),
      );
    }
    const rows = await rowsOf(c, q, WHATIF_EXPORT_MAX_ROWS);
    if (!rows.ok) return rows;
    const day = new Date(deps.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const en = q.lang === 'en';
    const body = await writeComparisonWorkbook(c.view, rows.value.items, {
      day,
      filter: q.filter,
      lang: q.lang,
    });
    const filename = en
      ? `what-if-${c.view.kind === 'scorecard' ? 'scorecard' : 'self-evaluations'}-${c.view.fiscalYear}-${day}.xlsx`
      : `情景模拟-${c.view.kind === 'scorecard' ? '综合评价' : '项目自评'}-${c.view.fiscalYear}年度-${day}.xlsx`;
    return ok({ body, filename, rows: rows.value.items.length });
  }

  return {
    /** What the page needs to set up a scorecard what-if: the baseline tree, scheme, rules, run, drafts. */
    async scorecardContext(actor: Actor, q: { versionId: string; division?: string | undefined }) {
      const wd = await workingDivision(actor, q.division);
      if (!wd.ok) return wd;
      const bv = await baselineVersion(q.versionId, wd.value);
      if (!bv.ok) return bv;
      const v = bv.value;
      const all = await allDivisions();
      const scheme = await effectiveScheme(v, wd.value.code);
      const rules = await rulesInForce(ports, wd.value.code, v.fiscalYear);
      const run = await ports.whatif.latestRun(v.id, wd.value.code, v.fiscalYear);
      const drafts = (
        await ports.scoring.listVersions({
          templateDivisionCodes: [v.mofDivCode],
          statuses: ['draft'],
        })
      ).filter((d) => d.templateId === v.templateId && inDivisionScope(actor, d.mofDivCode));
      return ok({
        division: { code: wd.value.code, name: nameOfDivision(all, wd.value.code) },
        version: {
          id: v.id,
          templateId: v.templateId,
          templateName: v.templateName,
          templateNameEn: v.templateNameEn,
          subjectKind: v.subjectKind,
          ownerDivisionName: nameOfDivision(all, v.mofDivCode),
          fiscalYear: v.fiscalYear,
          versionNo: v.versionNo,
          status: v.status,
          definition: v.definition,
        },
        scheme: scheme.scheme,
        schemeFrom: scheme.from,
        rules: rules.set,
        rulesFrom: rules.from ? { code: rules.from, name: nameOfDivision(all, rules.from) } : null,
        ruleProblems: rules.problems,
        latestRun: run
          ? { id: run.id, name: run.name, finishedAt: run.finishedAt, subjects: run.subjectCount }
          : null,
        drafts: drafts.map((d) => ({
          id: d.id,
          versionNo: d.versionNo,
          fiscalYear: d.fiscalYear,
          gradeScheme: d.gradeScheme,
        })),
        presets: [...PRESET_GRADE_SCHEMES],
      });
    },

    async scorecard(actor: Actor, input: ScorecardInput): Promise<Result<WhatIfView, DomainError>> {
      const t0 = now();
      const c = await computeScorecard(actor, input);
      if (!c.ok) return c;
      return answer(c.value, input, t0);
    },

    async scorecardExport(actor: Actor, input: ScorecardInput & { lang: Lang }) {
      const c = await computeScorecard(actor, input);
      if (!c.ok) return c;
      return exportOf(c.value, input);
    },

    /** What the page needs to set up a self-evaluation what-if: how many, the schemes and rules in force. */
    async selfEvaluationContext(actor: Actor, q: { division?: string | undefined; year: number }) {
      const wd = await workingDivision(actor, q.division);
      if (!wd.ok) return wd;
      const all = await allDivisions();
      const codes = (await ports.divisions.subtreeCodes(wd.value.code)).filter((c) =>
        inDivisionScope(actor, c),
      );
      const count = await ports.whatif.countSelfEvaluations(codes, q.year);
      const byDivision = await ports.whatif.effectiveGradeSchemes(codes, q.year);
      const tally = new Map<string, { scheme: GradeScheme; divisions: number }>();
      for (const s0 of byDivision.values()) {
        const s = s0 && validateGradeScheme(s0).ok ? s0 : JILIN_FIVE_TIER;
        const key = JSON.stringify([s.code, s.bands]);
        const t = tally.get(key);
        if (t) t.divisions++;
        else tally.set(key, { scheme: s, divisions: 1 });
      }
      const rules = await rulesInForce(ports, wd.value.code, q.year);
      return ok({
        division: { code: wd.value.code, name: nameOfDivision(all, wd.value.code) },
        fiscalYear: q.year,
        selfEvaluations: count,
        schemes: [...tally.values()].sort((a, b) => b.divisions - a.divisions),
        rules: rules.set,
        rulesFrom: rules.from ? { code: rules.from, name: nameOfDivision(all, rules.from) } : null,
        ruleProblems: rules.problems,
        presets: [...PRESET_GRADE_SCHEMES],
      });
    },

    async selfEvaluations(actor: Actor, input: SelfEvalInput): Promise<Result<WhatIfView, DomainError>> {
      const t0 = now();
      const c = await computeSelfEvaluations(actor, input);
      if (!c.ok) return c;
      return answer(c.value, input, t0);
    },

    async selfEvaluationsExport(actor: Actor, input: SelfEvalInput & { lang: Lang }) {
      const c = await computeSelfEvaluations(actor, input);
      if (!c.ok) return c;
      return exportOf(c.value, input);
    },
  };
}

export type WhatIfService = ReturnType<typeof makeWhatIfService>;
