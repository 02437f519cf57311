/**
 * 结果应用 (M8, T1, T2, T21): budget consequences of a scoring run's grades and ranks. Rules are data per
 * division and year (region setting `consequence.rules`, edited by finance users with settings.write); the
 * pure core (core/consequences) proposes for every subject the matching rules, the base, the change in
 * integer fen and an explanation. Nothing changes a budget until the deciding division (the run's) confirms
 * a proposal — per row or in bulk, with the confirmed amount stored — or rejects it; every decision is
 * audited. Readers see the rows of subjects in their scope (a department only its own).
 */
import type { DivisionPort, DivisionRecord } from '../core/access/ports.ts';
import { can, inDivisionScope, requirePermission, type Actor } from '../core/access/scope.ts';
import type { AuditPort } from '../core/audit/ports.ts';
import { decisionMachine } from '../core/consequences/decision-machine.ts';
import type {
  ConsequencePort,
  ConsequenceRecord,
  ConsequenceSort,
  ConsequenceStatus,
  ConsequenceTotals,
  NewConsequence,
  RuleSetting,
} from '../core/consequences/ports.ts';
import { compileRules, proposeConsequences, type ConsequenceSubject } from '../core/consequences/propose.ts';
import { parseRuleSet, type ConsequenceAction, type ConsequenceRuleSet } from '../core/consequences/rules.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import type { RunRecord, ScoringPort } from '../core/scoring/ports.ts';
import { transition } from '../core/workflow/machine.ts';
import type { Clock } from './clock.ts';
import { writeConsequencesWorkbook } from './consequences/consequences-workbook.ts';
import { inTransaction, type Transact } from './transaction.ts';

interface Ports {
  readonly consequences: ConsequencePort;
  readonly scoring: ScoringPort;
  readonly divisions: DivisionPort;
  readonly audit: AuditPort;
}

export interface ConsequenceDeps {
  readonly ports: Ports;
  readonly transact: Transact<Ports>;
  readonly clock: Clock;
}

type Lang = 'zh' | 'en';

export interface RulesView {
  readonly division: string;
  readonly divisionName: string;
  readonly fiscalYear: number;
  /** The rules in force (own or inherited), normalized; null when none are configured. */
  readonly ruleSet: ConsequenceRuleSet | null;
  /** Problems of a stored value that is not usable (shown, not hidden). */
  readonly problems: readonly { path: string; message: string; messageEn: string }[];
  readonly fromDivision: string | null;
  readonly fromDivisionName: string | null;
  readonly inherited: boolean;
  readonly locked: boolean;
  /** The division's own row's version (null: it has none; saving creates it). */
  readonly version: number | null;
  readonly note: string | null;
  readonly updatedAt: Date | null;
  readonly canEdit: boolean;
  /** Own rules that can be removed so that a division above applies again. */
  readonly canReset: boolean;
}

export interface RunInfo {
  readonly id: string;
  readonly name: string | null;
  readonly fiscalYear: number;
  readonly targetFiscalYear: number;
  readonly mofDivCode: string;
  readonly divisionName: string;
  readonly templateName: string;
  readonly templateNameEn: string | null;
  readonly subjectKind: string;
  readonly status: string;
}

export interface ConsequencePage {
  readonly run: RunInfo;
  readonly items: readonly ConsequenceRecord[];
  readonly total: number;
  readonly totals: ConsequenceTotals;
  /** The actor decides for this run (the run's division, consequences.confirm). */
  readonly canDecide: boolean;
  readonly bands: readonly { code: string; label: string; labelEn: string; color: string }[];
}

export interface ConsequenceQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly sort?: ConsequenceSort;
  readonly order?: 'asc' | 'desc';
  readonly q?: string;
  readonly status?: readonly ConsequenceStatus[];
  readonly action?: readonly ConsequenceAction[];
}

export interface Decision {
  readonly id: string;
  readonly version: number;
  /** The amount confirmed, if not the proposed one (integer fen). */
  readonly confirmedFen?: number | null;
}

const auditActor = (a: Actor) => ({ userId: a.userId, username: a.username, ip: a.ip });
const invalid = (zh: string, en: string, details?: unknown) =>
  domainError('VALIDATION_FAILED', details, { zh, en });

export function makeConsequenceService(deps: ConsequenceDeps) {
  const { ports } = deps;

  let divisionCache: { rows: Map<string, DivisionRecord>; at: number } | null = null;
  async function divisionName(code: string): Promise<string> {
    const now = deps.clock().getTime();
    if (!divisionCache || now - divisionCache.at > 60_000 || now < divisionCache.at) {
      divisionCache = { rows: new Map((await ports.divisions.listAll()).map((d) => [d.code, d])), at: now };
    }
    const d = divisionCache.rows.get(code);
    return d ? (d.shortName ?? d.name) : code;
  }

  async function rulesView(actor: Actor, division: string, year: number): Promise<RulesView> {
    const s: RuleSetting | null = await ports.consequences.getRuleSetting(division, year);
    const parentCode = (await ports.divisions.get(division))?.parentCode ?? null;
    const canEdit = can(actor, 'settings.write') && actor.organizationIds === null && !(s?.locked ?? false);
    const parsed = s ? parseRuleSet(s.value) : null;
    const problems =
      parsed && !parsed.ok
        ? ((parsed.error.details as { problems?: RulesView['problems'] } | undefined)?.problems ?? [])
        : [];
    return {
      division,
      divisionName: await divisionName(division),
      fiscalYear: year,
      ruleSet: parsed?.ok ? parsed.value : null,
      problems,
      fromDivision: s?.fromMofDivCode ?? null,
      fromDivisionName: s ? await divisionName(s.fromMofDivCode) : null,
      inherited: s?.inherited ?? false,
      locked: s?.locked ?? false,
      version: s?.ownVersion ?? null,
      note: s?.note ?? null,
      updatedAt: s?.updatedAt ?? null,
      canEdit,
      canReset: canEdit && s !== null && !s.inherited && s.ownVersion !== null && parentCode !== null,
    };
  }

  async function runInfo(run: RunRecord, offset: number): Promise<RunInfo> {
    const v = await ports.scoring.getVersion(run.templateVersionId);
    return {
      id: run.id,
      name: run.name,
      fiscalYear: run.fiscalYear,
      targetFiscalYear: run.fiscalYear + offset,
      mofDivCode: run.mofDivCode,
      divisionName: await divisionName(run.mofDivCode),
      templateName: v?.templateName ?? '',
      templateNameEn: v?.templateNameEn ?? null,
      subjectKind: v?.subjectKind ?? 'other',
      status: run.status,
    };
  }

  /** A run the actor may read consequences of: its division in scope, or results of its subjects in scope. */
  async function visibleRun(actor: Actor, runId: string): Promise<Result<RunRecord, DomainError>> {
    const allowed = requirePermission(actor, 'consequences.read');
    if (!allowed.ok) return allowed;
    const run = await ports.scoring.getRun(runId);
    if (!run) return err(domainError('NOT_FOUND', { runId }));
    if (actor.organizationIds === null && inDivisionScope(actor, run.mofDivCode)) return ok(run);
    const counts = await ports.scoring.gradeCounts(runId, {
      divisionCodes: actor.divisionCodes,
      organizationIds: actor.organizationIds,
    });
    if (counts.reduce((s, c) => s + c.count, 0) === 0) return err(domainError('NOT_FOUND', { runId }));
    return ok(run);
  }

  const decides = (actor: Actor, issuer: string | null) =>
    can(actor, 'consequences.confirm') && actor.organizationIds === null && issuer === actor.divisionCode;

  async function offsetFor(run: RunRecord): Promise<number> {
    const s = await ports.consequences.getRuleSetting(run.mofDivCode, run.fiscalYear);
    const parsed = s ? parseRuleSet(s.value) : null;
    return parsed?.ok ? parsed.value.targetYearOffset : 1;
  }

  const bandsOf = (run: RunRecord) =>
    run.gradeScheme.bands.map((b) => ({ code: b.code, label: b.label, labelEn: b.labelEn, color: b.color }));

  const service = {
    async getRules(
      actor: Actor,
      q: { division?: string; year: number },
    ): Promise<Result<RulesView, DomainError>> {
      const allowed = requirePermission(actor, 'consequences.read');
      if (!allowed.ok) return allowed;
      const code = q.division ?? actor.divisionCode;
      if (!inDivisionScope(actor, code)) return err(domainError('OUT_OF_SCOPE', { division: code }));
      return ok(await rulesView(actor, code, q.year));
    },

    /** Saves a division's own rules for a year, checked; stale versions answer 409 with the current rules. */
    async saveRules(
      actor: Actor,
      input: {
        division?: string;
        year: number;
        rules: unknown;
        version: number | null;
        note?: string | null;
      },
    ): Promise<Result<RulesView, DomainError>> {
      const allowed = requirePermission(actor, 'settings.write');
      if (!allowed.ok) return allowed;
      if (actor.organizationIds !== null)
        return err(domainError('FORBIDDEN', { permission: 'settings.write' }));
      const code = input.division ?? actor.divisionCode;
      if (!inDivisionScope(actor, code)) return err(domainError('OUT_OF_SCOPE', { division: code }));
      const parsed = parseRuleSet(input.rules);
      if (!parsed.ok) return parsed;
      const before = await rulesView(actor, code, input.year);
      if (before.locked) {
        return err(
          domainError(
            'FORBIDDEN',
            { lockedBy: before.fromDivision },
            {
              zh: `结果应用规则已由${before.fromDivisionName ?? '上级'}锁定，下级不得调整`,
              en: 'the rules are locked by a division above',
            },
          ),
        );
      }
      const r = await inTransaction(deps.transact, async (p) => {
        const saved = await p.consequences.saveRuleSetting({
          mofDivCode: code,
          fiscalYear: input.year,
          value: parsed.value,
          note: input.note?.trim() || null,
          updatedBy: actor.userId,
          expectedVersion: input.version,
        });
        if (!saved.ok) return saved;
        await p.audit.append({
          actor: auditActor(actor),
          action: 'consequences.rules_save',
          objectType: 'region_setting',
          objectId: `${code}/${input.year}/consequence.rules`,
          mofDivCode: code,
          before: before.inherited
            ? { inheritedFrom: before.fromDivision, rules: before.ruleSet }
            : before.ruleSet,
          after: parsed.value,
        });
        return ok(true);
      });
      if (!r.ok) {
        if (r.error.code !== 'VERSION_CONFLICT') return r;
        return err(
          domainError(
            'VERSION_CONFLICT',
            { current: await rulesView(actor, code, input.year) },
            { zh: '规则已被他人修改，请查看最新规则后再保存', en: 'the rules changed meanwhile' },
          ),
        );
      }
      return ok(await rulesView(actor, code, input.year));
    },

    /** Removes the division's own rules: the inherited ones apply again. */
    async resetRules(
      actor: Actor,
      input: { division?: string; year: number; version: number },
    ): Promise<Result<RulesView, DomainError>> {
      const allowed = requirePermission(actor, 'settings.write');
      if (!allowed.ok) return allowed;
      if (actor.organizationIds !== null)
        return err(domainError('FORBIDDEN', { permission: 'settings.write' }));
      const code = input.division ?? actor.divisionCode;
      if (!inDivisionScope(actor, code)) return err(domainError('OUT_OF_SCOPE', { division: code }));
      const before = await rulesView(actor, code, input.year);
      if (before.version === null) return err(domainError('NOT_FOUND', { division: code, year: input.year }));
      const r = await inTransaction(deps.transact, async (p) => {
        const removed = await p.consequences.removeRuleSetting(code, input.year, input.version);
        if (!removed) return err(domainError('VERSION_CONFLICT', { division: code, year: input.year }));
        await p.audit.append({
          actor: auditActor(actor),
          action: 'consequences.rules_reset',
          objectType: 'region_setting',
          objectId: `${code}/${input.year}/consequence.rules`,
          mofDivCode: code,
          before: before.ruleSet,
          after: null,
        });
        return ok(true);
      });
      if (!r.ok) {
        if (r.error.code !== 'VERSION_CONFLICT') return r;
        return err(domainError('VERSION_CONFLICT', { current: await rulesView(actor, code, input.year) }));
      }
      return ok(await rulesView(actor, code, input.year));
    },

    /** Proposes (again) the consequences of a run under the rules in force; decided rows are kept. */
    async propose(
      actor: Actor,
      runId: string,
    ): Promise<Result<{ written: number; kept: number; totals: ConsequenceTotals }, DomainError>> {
      const allowed = requirePermission(actor, 'consequences.confirm');
      if (!allowed.ok) return allowed;
      const run = await ports.scoring.getRun(runId);
      if (!run || !inDivisionScope(actor, run.mofDivCode)) return err(domainError('NOT_FOUND', { runId }));
      if (!decides(actor, run.mofDivCode)) {
        return err(
          domainError(
            'FORBIDDEN',
            { runId },
            {
              zh: `结果应用由${await divisionName(run.mofDivCode)}确定`,
              en: 'the run’s own division decides its consequences',
            },
          ),
        );
      }
      if (run.status !== 'succeeded') {
        return err(
          domainError(
            'TRANSITION_NOT_ALLOWED',
            { status: run.status },
            { zh: '该评分批次尚未完成', en: 'the run has not finished' },
          ),
        );
      }
      const setting = await ports.consequences.getRuleSetting(run.mofDivCode, run.fiscalYear);
      if (!setting) {
        return err(
          invalid(
            `${await divisionName(run.mofDivCode)}${run.fiscalYear}年度尚未设置结果应用规则，请先在“结果应用规则”中设置`,
            'no consequence rules are configured for the division and year',
          ),
        );
      }
      const compiled = compileRules(setting.value);
      if (!compiled.ok) return compiled;
      const set = compiled.value.set;
      const targetYear = run.fiscalYear + set.targetYearOffset;
      const rows = (
        await ports.scoring.queryResults(runId, {
          scope: { divisionCodes: actor.divisionCodes, organizationIds: null },
          sort: 'rank',
          order: 'asc',
          offset: 0,
          limit: null,
        })
      ).items;
      const tp = await ports.consequences.transferPayments(
        [...new Set(rows.filter((r) => r.subjectKind === 'division').map((r) => r.mofDivCode))],
        run.fiscalYear,
      );
      const db = await ports.consequences.departmentBudgets(
        [...new Set(rows.map((r) => r.organizationId).filter((x): x is string => x !== null))],
        targetYear,
      );
      const subjects: ConsequenceSubject[] = rows.map((r) => ({
        subjectId: r.subjectId,
        kind: r.subjectKind,
        grade: r.grade,
        rank: r.rank,
        bases: {
          transfer_payments: r.subjectKind === 'division' ? (tp.get(r.mofDivCode) ?? null) : null,
          department_budget: r.organizationId ? (db.get(r.organizationId) ?? null) : null,
        },
      }));
      const bands = new Map(run.gradeScheme.bands.map((b) => [b.code, b]));
      const proposals = proposeConsequences(compiled.value, subjects, {
        targetYear,
        gradeLabel: (code) => {
          const b = bands.get(code);
          return b ? { zh: b.label, en: b.labelEn } : { zh: code, en: code };
        },
      });
      const newRows: NewConsequence[] = proposals.map((p, i) => {
        const r = rows[i]!;
        return {
          mofDivCode: r.mofDivCode,
          fiscalYear: run.fiscalYear,
          targetFiscalYear: targetYear,
          sourceId: run.id,
          subjectId: r.subjectId,
          organizationId: r.organizationId,
          issuerMofDivCode: run.mofDivCode,
          rule: {
            from: setting.fromMofDivCode,
            rules: p.applied.map((a) => set.rules.find((x) => x.id === a.ruleId)),
          },
          explanation: {
            zh: p.explanation.zh,
            en: p.explanation.en,
            baseKind: p.baseKind,
            applied: p.applied,
            bases: subjects[i]!.bases,
          },
          action: p.action,
          grade: r.grade,
          rank: r.rank,
          baseAmountFen: p.baseFen,
          proposedFen: p.proposedFen,
          accountabilityReferral: p.accountability,
          createdBy: actor.userId,
        };
      });
      const r = await inTransaction(deps.transact, async (p) => {
        const saved = await p.consequences.saveProposals(newRows);
        const totals = await p.consequences.totals({
          runId,
          divisionCodes: actor.divisionCodes,
          organizationIds: null,
        });
        await p.audit.append({
          actor: auditActor(actor),
          action: 'consequences.propose',
          objectType: 'scoring_run',
          objectId: runId,
          mofDivCode: run.mofDivCode,
          before: null,
          after: {
            rulesFrom: setting.fromMofDivCode,
            targetFiscalYear: targetYear,
            subjects: newRows.length,
            written: saved.written,
            keptDecided: saved.kept,
            proposedFen: totals.proposedFen,
          },
        });
        return ok({ ...saved, totals });
      });
      return r;
    },

    async listForRun(
      actor: Actor,
      runId: string,
      q: ConsequenceQuery,
    ): Promise<Result<ConsequencePage, DomainError>> {
      const vr = await visibleRun(actor, runId);
      if (!vr.ok) return vr;
      const run = vr.value;
      const filter = {
        runId,
        divisionCodes: actor.divisionCodes,
        organizationIds: actor.organizationIds,
        ...(q.status && q.status.length > 0 ? { statuses: q.status } : {}),
        ...(q.action && q.action.length > 0 ? { actions: q.action } : {}),
        ...(q.q ? { q: q.q } : {}),
      };
      const page = await ports.consequences.list({
        ...filter,
        sort: q.sort ?? 'rank',
        order: q.order ?? 'asc',
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      const totals = await ports.consequences.totals(filter);
      const target = page.items[0]?.targetFiscalYear;
      return ok({
        run: await runInfo(run, target !== undefined ? target - run.fiscalYear : await offsetFor(run)),
        items: page.items,
        total: page.total,
        totals,
        canDecide: decides(actor, run.mofDivCode),
        bands: bandsOf(run),
      });
    },

    /** Confirms or rejects proposals (one or many, all or nothing), each audited. */
    async decide(
      actor: Actor,
      input: { action: 'confirm' | 'reject'; decisions: readonly Decision[]; note?: string | null },
    ): Promise<Result<{ decided: ConsequenceRecord[] }, DomainError>> {
      const allowed = requirePermission(actor, 'consequences.confirm');
      if (!allowed.ok) return allowed;
      if (input.decisions.length === 0) return err(invalid('请选择要处理的记录', 'choose at least one row'));
      const note = input.note?.trim() || null;
      if (input.action === 'reject' && !note) {
        return err(invalid('不予采纳时请填写理由', 'say why the proposal is rejected'));
      }
      const ids = new Set<string>();
      const rows: ConsequenceRecord[] = [];
      const problems: string[] = [];
      for (const d of input.decisions) {
        if (ids.has(d.id)) {
          problems.push(`记录 ${d.id} 重复`);
          continue;
        }
        ids.add(d.id);
        const row = await ports.consequences.get(d.id);
        if (!row || !inDivisionScope(actor, row.mofDivCode))
          return err(domainError('NOT_FOUND', { id: d.id }));
        if (!decides(actor, row.issuerMofDivCode)) {
          return err(
            domainError(
              'FORBIDDEN',
              { id: d.id },
              {
                zh: `“${row.subjectName ?? d.id}”的结果应用由${await divisionName(row.issuerMofDivCode ?? '')}确定`,
                en: 'the run’s own division decides',
              },
            ),
          );
        }
        const next = transition(decisionMachine, row.status, input.action);
        if (!next.ok) {
          return err(
            domainError(
              'TRANSITION_NOT_ALLOWED',
              { id: d.id, status: row.status, event: input.action },
              {
                zh: `“${row.subjectName ?? d.id}”已${row.status === 'confirmed' ? '确认' : '不予采纳'}，不能再处理`,
                en: 'already decided',
              },
            ),
          );
        }
        if (input.action === 'confirm' && d.confirmedFen !== undefined && d.confirmedFen !== null) {
          if (!Number.isSafeInteger(d.confirmedFen))
            problems.push(`“${row.subjectName}”的确认金额应为整数（分）`);
          else if (d.confirmedFen < -row.baseAmountFen && row.baseAmountFen > 0)
            problems.push(`“${row.subjectName}”压减金额不能超过基数`);
        }
        rows.push(row);
      }
      if (problems.length > 0)
        return err(invalid(problems.join('；'), `${problems.length} problem(s)`, { problems }));
      const now = deps.clock();
      const byId = new Map(input.decisions.map((d) => [d.id, d]));
      return inTransaction(deps.transact, async (p) => {
        const decided: ConsequenceRecord[] = [];
        const stale: ConsequenceRecord[] = [];
        for (const row of rows) {
          const d = byId.get(row.id)!;
          const confirmedFen = input.action === 'confirm' ? (d.confirmedFen ?? row.proposedFen) : null;
          const updated = await p.consequences.decide(row.id, d.version, {
            status: input.action === 'confirm' ? 'confirmed' : 'rejected',
            confirmedFen,
            note:
              note ??
              (confirmedFen !== null && confirmedFen !== row.proposedFen ? '确认金额与建议金额不同' : null),
            confirmedBy: actor.userId,
            confirmedAt: now,
          });
          if (!updated) {
            const current = await p.consequences.get(row.id);
            if (current) stale.push(current);
            continue;
          }
          await p.audit.append({
            actor: auditActor(actor),
            action: input.action === 'confirm' ? 'consequences.confirm' : 'consequences.reject',
            objectType: 'consequence',
            objectId: row.id,
            mofDivCode: row.mofDivCode,
            before: { status: row.status, proposedFen: row.proposedFen },
            after: {
              status: updated.status,
              confirmedFen: updated.confirmedFen,
              note: updated.note,
              runId: row.sourceId,
              subjectId: row.subjectId,
              action: row.action,
              accountabilityReferral: row.accountabilityReferral,
            },
          });
          decided.push(updated);
        }
        if (stale.length > 0) {
          return err(
            domainError(
              'VERSION_CONFLICT',
              { current: stale },
              {
                zh: `${stale.map((s) => `“${s.subjectName ?? s.id}”`).join('、')}已被他人处理，请刷新后重试`,
                en: `${stale.length} row(s) changed meanwhile`,
              },
            ),
          );
        }
        return ok({ decided });
      });
    },

    /** The filtered table of a run (every matching row) as .xlsx. */
    async exportForRun(
      actor: Actor,
      runId: string,
      q: Omit<ConsequenceQuery, 'page' | 'pageSize'> & { lang?: Lang },
    ): Promise<Result<{ body: Uint8Array; filename: string; rows: number }, DomainError>> {
      const vr = await visibleRun(actor, runId);
      if (!vr.ok) return vr;
      const run = vr.value;
      const { items } = await ports.consequences.list({
        runId,
        divisionCodes: actor.divisionCodes,
        organizationIds: actor.organizationIds,
        ...(q.status && q.status.length > 0 ? { statuses: q.status } : {}),
        ...(q.action && q.action.length > 0 ? { actions: q.action } : {}),
        ...(q.q ? { q: q.q } : {}),
        sort: q.sort ?? 'rank',
        order: q.order ?? 'asc',
        offset: 0,
        limit: null,
      });
      const lang = q.lang ?? 'zh';
      const en = lang === 'en';
      const info = await runInfo(
        run,
        items[0] ? items[0].targetFiscalYear - run.fiscalYear : await offsetFor(run),
      );
      const day = new Date(deps.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const filters: string[] = [];
      if (q.status?.length) filters.push(`${en ? 'status' : '状态'}: ${q.status.join(',')}`);
      if (q.action?.length) filters.push(`${en ? 'action' : '处理方式'}: ${q.action.join(',')}`);
      if (q.q) filters.push(`${en ? 'search' : '搜索'}: ${q.q}`);
      const body = await writeConsequencesWorkbook(
        items,
        {
          title: en
            ? `Result application — ${info.templateNameEn ?? info.templateName} ${info.fiscalYear} → budget ${info.targetFiscalYear} (${info.divisionName})`
            : `${info.divisionName}${info.templateName}结果应用（${info.fiscalYear}年度结果，用于${info.targetFiscalYear}年度预算）`,
          filters: filters.join(en ? '; ' : '；'),
          day,
          bands: bandsOf(run),
        },
        lang,
      );
      return ok({
        body,
        filename: en
          ? `consequences-${info.fiscalYear}-${run.id.slice(0, 8)}.xlsx`
          : `结果应用-${info.templateName}-${info.fiscalYear}年度-${day}.xlsx`,
        rows: items.length,
      });
    },
  };
  return service;
}

export type ConsequenceService = ReturnType<typeof makeConsequenceService>;
