/**
 * 通报与整改台账 (M9, T1, T17): notices issued from a scoring run to the subjects that scored low, with the
 * items to rectify proposed from the indicators where each lost the most points; problem clues entered by
 * hand from supervision, audit or inspection with their source document; one ledger of rectification
 * items with owner, deadline, evidence, review (table-driven workflow, core/ledger) and overdue escalation.
 *
 * Scope on the server for every read: an item is seen by the divisions that own it or issued it (and what
 * lies above them); organization-bound users (departments) only see their own organization's items. Owners
 * submit, the issuing division reviews. Every write is one transaction with an audit event.
 */
import { createHash } from 'node:crypto';
import type { AccessPort, DivisionPort, DivisionRecord } from '../core/access/ports.ts';
import {
  can,
  inDivisionScope,
  inOrganizationScope,
  requirePermission,
  type Actor,
} from '../core/access/scope.ts';
import type { AuditPort } from '../core/audit/ports.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import {
  addDays,
  chinaDay,
  isOverdue,
  isValidDay,
  readNoticeDefaults,
  selectSubjects,
  type NoticeDefaults,
} from '../core/ledger/notice-defaults.ts';
import type {
  FileInfo,
  ItemFilter,
  ItemRecord,
  ItemScope,
  ItemSort,
  LedgerPort,
  NewItem,
  NewStep,
  NoticeSummary,
  OrganizationRef,
  StepRecord,
} from '../core/ledger/ports.ts';
import { proposeItems } from '../core/ledger/propose-items.ts';
import {
  allowedEvents,
  itemTransition,
  partyOf,
  type ItemEvent,
  type ItemParty,
} from '../core/ledger/rectification-machine.ts';
import {
  MANUAL_SOURCE_TYPES,
  SOURCE_TYPE_LABELS,
  type ItemStatus,
  type ManualSourceType,
  type Severity,
  type SourceRef,
  type SourceType,
} from '../core/ledger/types.ts';
import { compileTemplate, type EvaluationPlan } from '../core/scoring/compile-template.ts';
import { explainSubject } from '../core/scoring/explain.ts';
import type { ResultRow, RunRecord, ScoringPort } from '../core/scoring/ports.ts';
import { batchFromValues, type SubjectValues } from '../core/scoring/score-subjects.ts';
import type { Clock } from './clock.ts';
import { writeItemsWorkbook } from './ledger/items-workbook.ts';
import { inTransaction, type Transact } from './transaction.ts';

interface Ports {
  readonly ledger: LedgerPort;
  readonly scoring: ScoringPort;
  readonly access: AccessPort;
  readonly divisions: DivisionPort;
  readonly audit: AuditPort;
}

export interface LedgerDeps {
  readonly ports: Ports;
  readonly transact: Transact<Ports>;
  readonly clock: Clock;
  /** How often reads may run the overdue sweep (default once a minute per process). */
  readonly sweepEveryMs?: number;
}

type Lang = 'zh' | 'en';

// ---------------------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------------------

export interface ProposalSubject {
  readonly subjectId: string;
  readonly refCode: string;
  readonly name: string;
  readonly mofDivCode: string;
  readonly kind: string;
  readonly total: number;
  readonly grade: string;
  readonly rank: number | null;
  readonly owner: { readonly id: string; readonly name: string; readonly mofDivCode: string } | null;
  /** Why no owner could be found (the subject cannot be noticed). */
  readonly ownerProblem: string | null;
  readonly items: readonly {
    readonly indicatorCode: string;
    readonly indicatorName: string;
    readonly indicatorPath: string;
    readonly weight: number;
    readonly points: number;
    readonly lost: number;
    readonly title: string;
    readonly titleEn: string;
    readonly requirement: string;
    readonly requirementEn: string;
  }[];
}

export interface NoticeProposal {
  readonly run: {
    readonly id: string;
    readonly name: string | null;
    readonly fiscalYear: number;
    readonly mofDivCode: string;
    readonly divisionName: string;
    readonly templateName: string;
    readonly ranked: number;
  };
  readonly defaults: NoticeDefaults & { readonly deadline: string };
  readonly selection: { readonly grades: readonly string[]; readonly bottomN: number | null };
  readonly bands: readonly { code: string; label: string; labelEn: string; color: string }[];
  /** Every ranked subject of the run in the issuer's scope (for picking others). */
  readonly candidates: readonly {
    readonly subjectId: string;
    readonly refCode: string;
    readonly name: string;
    readonly total: number;
    readonly grade: string;
    readonly rank: number | null;
  }[];
  readonly subjects: readonly ProposalSubject[];
  readonly title: string;
  readonly body: string;
}

export interface ItemView extends ItemRecord {
  readonly ownerDivisionName: string;
  readonly issuerDivisionName: string;
  readonly overdue: boolean;
  readonly sourceLabel: { readonly zh: string; readonly en: string };
}

export interface ItemDetail {
  readonly item: ItemView;
  readonly steps: readonly StepRecord[];
  readonly files: readonly FileInfo[];
  readonly party: ItemParty;
  readonly actions: readonly ItemEvent[];
  /** May upload evidence now (the owner, while the item waits for its rectification). */
  readonly canUpload: boolean;
  readonly notice: { readonly id: string; readonly title: string; readonly docNo: string | null } | null;
  readonly clue: {
    readonly id: string;
    readonly source: string;
    readonly title: string | null;
    readonly description: string;
    readonly sourceDocument: string | null;
    readonly severity: Severity;
    readonly amountFen: number | null;
    readonly file: FileInfo | null;
  } | null;
}

export interface NoticeView extends NoticeSummary {
  readonly divisionName: string;
}

export interface NoticeDetail {
  readonly notice: NoticeView;
  readonly items: readonly ItemView[];
  /** The issuing division's view (all items) or a partial one (only the reader's own). */
  readonly scopeLimited: boolean;
  readonly run: { readonly id: string; readonly name: string | null; readonly templateName: string } | null;
}

export interface ItemQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly sort?: ItemSort;
  readonly order?: 'asc' | 'desc';
  readonly q?: string;
  readonly status?: readonly ItemStatus[];
  readonly overdue?: boolean;
  readonly source?: readonly SourceType[];
  readonly owner?: string;
  /** Owned in this division's subtree. */
  readonly division?: string;
  readonly deadlineFrom?: string;
  readonly deadlineTo?: string;
  readonly noticeId?: string;
  /** 'owner': items my organization owns; 'issuer': items my division issued. */
  readonly role?: 'owner' | 'issuer';
}

export interface IssueNoticeInput {
  readonly runId: string;
  readonly title: string;
  readonly docNo: string | null;
  readonly body: string;
  readonly deadline: string;
  readonly subjects: readonly {
    readonly subjectId: string;
    readonly items: readonly {
      readonly title: string;
      readonly requirement: string;
      readonly deadline?: string | null;
      readonly indicatorCode?: string | null;
    }[];
  }[];
}

export interface ClueInput {
  readonly source: ManualSourceType;
  readonly title: string;
  readonly description: string;
  readonly sourceDocument: string;
  readonly severity: Severity;
  readonly amountFen: number | null;
  readonly fiscalYear: number | null;
  readonly ownerOrgId: string;
  readonly requirement: string;
  readonly deadline: string;
}

export interface LedgerTask {
  readonly kind: string;
  readonly title: string;
  readonly titleEn: string;
  readonly count: number;
  readonly link: string;
  readonly dueDate: string | null;
}

// ---------------------------------------------------------------------------------------------------------

const auditActor = (a: Actor) => ({ userId: a.userId, username: a.username, ip: a.ip });
const invalid = (zh: string, en: string, details?: unknown) =>
  domainError('VALIDATION_FAILED', details, { zh, en });

export function makeLedgerService(deps: LedgerDeps) {
  const { ports } = deps;
  const today = () => chinaDay(deps.clock());

  // ----- divisions (names) -----
  let divisionCache: { rows: Map<string, DivisionRecord>; at: number } | null = null;
  async function divisions(): Promise<Map<string, DivisionRecord>> {
    const now = deps.clock().getTime();
    if (divisionCache && now - divisionCache.at < 60_000 && now >= divisionCache.at)
      return divisionCache.rows;
    divisionCache = { rows: new Map((await ports.divisions.listAll()).map((d) => [d.code, d])), at: now };
    return divisionCache.rows;
  }
  async function divisionName(code: string): Promise<string> {
    const d = (await divisions()).get(code);
    return d ? (d.shortName ?? d.name) : code;
  }

  // ----- compiled plans of published versions -----
  const plans = new Map<string, EvaluationPlan>();
  async function planOf(versionId: string): Promise<Result<EvaluationPlan, DomainError>> {
    const hit = plans.get(versionId);
    if (hit) return ok(hit);
    const v = await ports.scoring.getVersion(versionId);
    if (!v) return err(domainError('NOT_FOUND', { versionId }));
    const c = compileTemplate(v.definition);
    if (!c.ok) return err(domainError('TEMPLATE_INVALID', { issues: c.error }));
    if (plans.size > 64) plans.clear();
    plans.set(versionId, c.value);
    return ok(c.value);
  }

  const scopeOf = (actor: Actor): ItemScope => ({
    divisionCodes: actor.divisionCodes,
    organizationIds: actor.organizationIds,
  });

  const canSeeItem = (actor: Actor, item: ItemRecord) =>
    (inDivisionScope(actor, item.mofDivCode) || inDivisionScope(actor, item.issuerMofDivCode)) &&
    inOrganizationScope(actor, item.ownerOrgId);

  async function itemView(item: ItemRecord, day = today()): Promise<ItemView> {
    return {
      ...item,
      ownerDivisionName: await divisionName(item.mofDivCode),
      issuerDivisionName: await divisionName(item.issuerMofDivCode),
      overdue: isOverdue(item, day),
      sourceLabel: SOURCE_TYPE_LABELS[item.sourceType],
    };
  }

  async function noticeView(n: NoticeSummary): Promise<NoticeView> {
    return { ...n, divisionName: await divisionName(n.mofDivCode) };
  }

  /** The organization that rectifies for a subject: the county's finance bureau, or the department itself. */
  async function ownerOf(row: {
    subjectKind: string;
    mofDivCode: string;
    organizationId: string | null;
  }): Promise<Result<OrganizationRef, string>> {
    if (row.subjectKind === 'division') {
      const bureau = await ports.ledger.financeBureauOf(row.mofDivCode);
      return bureau
        ? ok(bureau)
        : err(`${await divisionName(row.mofDivCode)}没有登记财政部门，无法确定整改责任单位`);
    }
    if (row.organizationId) {
      const org = await ports.ledger.getOrganization(row.organizationId);
      if (org) return ok(org);
    }
    return err('该评价对象没有对应的单位，无法确定整改责任单位');
  }

  /** The issuing unit (红头): the finance bureau of the actor's division, else the actor's organization. */
  async function issuerOrgOf(actor: Actor): Promise<string | null> {
    return (await ports.ledger.financeBureauOf(actor.divisionCode))?.id ?? actor.organizationId;
  }

  // ----- overdue escalation (idempotent; a sweep at most once a minute per process, and on demand) -----
  let lastSweep: { at: number; day: string } | null = null;
  async function sweepOverdue(): Promise<number> {
    const now = deps.clock();
    const day = chinaDay(now);
    const r = await inTransaction(deps.transact, async (p) => {
      const marked = await p.ledger.escalateOverdue(day, now);
      if (marked.length === 0) return ok(0);
      await p.ledger.appendSteps(
        marked.map((m) => ({
          itemId: m.id,
          mofDivCode: m.mofDivCode,
          event: 'escalate' as const,
          fromStatus: m.status,
          toStatus: m.status,
          actorId: null,
          actorName: null,
          opinion: `已超过整改期限（${m.deadline}）仍未通过审核，已升级督办`,
          evidence: null,
          attachments: [],
          at: now,
        })),
      );
      const byDivision = new Map<string, ItemRecord[]>();
      for (const m of marked) byDivision.set(m.mofDivCode, [...(byDivision.get(m.mofDivCode) ?? []), m]);
      for (const [code, list] of byDivision) {
        await p.audit.append({
          actor: { userId: null, username: 'system', ip: null },
          action: 'ledger.items_escalate',
          objectType: 'rectification_item',
          objectId: list.length === 1 ? list[0]!.id : null,
          mofDivCode: code,
          before: null,
          after: { day, items: list.map((m) => ({ id: m.id, deadline: m.deadline, status: m.status })) },
        });
      }
      return ok(marked.length);
    });
    lastSweep = { at: now.getTime(), day };
    return r.ok ? r.value : 0;
  }
  async function sweepIfDue(): Promise<void> {
    const now = deps.clock();
    const every = deps.sweepEveryMs ?? 60_000;
    if (
      lastSweep &&
      lastSweep.day === chinaDay(now) &&
      now.getTime() - lastSweep.at < every &&
      now.getTime() >= lastSweep.at
    )
      return;
    await sweepOverdue();
  }

  /** A run the actor may issue a notice on: in scope, finished. */
  async function issuableRun(actor: Actor, runId: string): Promise<Result<RunRecord, DomainError>> {
    const allowed = requirePermission(actor, 'ledger.issue');
    if (!allowed.ok) return allowed;
    if (actor.organizationIds !== null) return err(domainError('FORBIDDEN', { permission: 'ledger.issue' }));
    const run = await ports.scoring.getRun(runId);
    if (!run || !inDivisionScope(actor, run.mofDivCode)) return err(domainError('NOT_FOUND', { runId }));
    if (run.status !== 'succeeded') {
      return err(
        domainError(
          'TRANSITION_NOT_ALLOWED',
          { status: run.status },
          { zh: '该评分批次尚未完成，不能据此通报', en: 'the run has not finished' },
        ),
      );
    }
    return ok(run);
  }

  async function runRows(actor: Actor, runId: string): Promise<ResultRow[]> {
    const page = await ports.scoring.queryResults(runId, {
      scope: { divisionCodes: actor.divisionCodes, organizationIds: actor.organizationIds },
      sort: 'rank',
      order: 'asc',
      offset: 0,
      limit: null,
    });
    return page.items;
  }

  /** Explains subjects of a run from the inputs kept with its results (the batch the run scored). */
  async function explainer(run: RunRecord) {
    const plan = await planOf(run.templateVersionId);
    if (!plan.ok) return plan;
    const all = await ports.scoring.allResults(run.id);
    const rows: SubjectValues[] = all.map((r) => ({
      subjectId: r.subjectId,
      values: new Map(Object.entries(r.inputs ?? {})),
    }));
    const batch = batchFromValues(plan.value, rows);
    const index = new Map(rows.map((r, i) => [r.subjectId, i]));
    return ok({
      plan: plan.value,
      explain: (subjectId: string) => {
        const i = index.get(subjectId);
        return i === undefined ? null : explainSubject(plan.value, batch, i, run.gradeScheme);
      },
    });
  }

  function noticeText(run: RunRecord, templateName: string, division: string) {
    return {
      title: `关于${run.fiscalYear}年度${templateName}结果的通报`,
      body:
        `根据${run.fiscalYear}年度${templateName}${run.name ? `（${run.name}）` : ''}结果，现将${division}评价等次较低单位的主要失分问题予以通报。` +
        '请各相关单位高度重视，对照整改事项逐项分析原因、制定整改措施，于整改期限前通过系统报送整改情况及佐证材料。逾期未整改的，将升级督办，并与预算安排和资金分配挂钩。',
    };
  }

  async function itemNotFound(id: string) {
    return err(domainError('NOT_FOUND', { itemId: id }));
  }

  /** Closes the items of a notice or clue (and the notice or clue) once every one is accepted. */
  async function closeIfAllAccepted(p: Ports, item: ItemRecord, now: Date): Promise<string[]> {
    const of = item.noticeId ? { noticeId: item.noticeId } : item.clueId ? { clueId: item.clueId } : null;
    if (!of) return [];
    const siblings = await p.ledger.itemsOf(of);
    if (siblings.length === 0 || !siblings.every((s) => s.status === 'accepted' || s.status === 'closed'))
      return [];
    const system: ItemParty = { isOwner: false, isIssuer: false, isSystem: true };
    const closed: string[] = [];
    const steps: NewStep[] = [];
    for (const s of siblings) {
      if (s.status !== 'accepted') continue;
      const next = itemTransition(s.status, 'close', system);
      if (!next.ok) continue;
      const updated = await p.ledger.updateItem(s.id, s.version, { status: next.value, closedAt: now });
      if (!updated) continue;
      closed.push(s.id);
      steps.push({
        itemId: s.id,
        mofDivCode: s.mofDivCode,
        event: 'close',
        fromStatus: 'accepted',
        toStatus: 'closed',
        actorId: null,
        actorName: null,
        opinion: item.noticeId
          ? '通报的全部整改事项均已通过审核，予以销号'
          : '问题线索整改已通过审核，予以销号',
        evidence: null,
        attachments: [],
        at: now,
      });
    }
    await p.ledger.appendSteps(steps);
    if (item.noticeId) await p.ledger.setNoticeStatus(item.noticeId, 'closed', now);
    if (item.clueId) await p.ledger.setClueStatus(item.clueId, 'closed');
    return closed;
  }

  function itemQueryFilter(actor: Actor, q: Omit<ItemQuery, 'page' | 'pageSize'>, day: string) {
    return async (): Promise<Result<Omit<ItemFilter, 'offset' | 'limit'>, DomainError>> => {
      let ownerDivisionCodes: string[] | undefined;
      if (q.division) {
        if (!inDivisionScope(actor, q.division))
          return err(domainError('OUT_OF_SCOPE', { division: q.division }));
        ownerDivisionCodes = await ports.divisions.subtreeCodes(q.division);
      }
      if (q.deadlineFrom && !isValidDay(q.deadlineFrom))
        return err(invalid('整改期限起始日期无效', 'bad deadline from'));
      if (q.deadlineTo && !isValidDay(q.deadlineTo))
        return err(invalid('整改期限截止日期无效', 'bad deadline to'));
      let ownerOrgIds: readonly string[] | undefined = q.owner ? [q.owner] : undefined;
      let issuerMofDivCode: string | undefined;
      if (q.role === 'owner') {
        const mine = actor.organizationIds ?? (actor.organizationId ? [actor.organizationId] : []);
        ownerOrgIds = q.owner ? mine.filter((m) => m === q.owner) : mine;
      }
      if (q.role === 'issuer') issuerMofDivCode = actor.divisionCode;
      return ok({
        scope: scopeOf(actor),
        today: day,
        sort: q.sort ?? 'deadline',
        order: q.order ?? 'asc',
        ...(q.status && q.status.length > 0 ? { statuses: q.status } : {}),
        ...(q.overdue !== undefined ? { overdue: q.overdue } : {}),
        ...(q.source && q.source.length > 0 ? { sourceTypes: q.source } : {}),
        ...(ownerOrgIds ? { ownerOrgIds } : {}),
        ...(ownerDivisionCodes ? { ownerDivisionCodes } : {}),
        ...(issuerMofDivCode ? { issuerMofDivCode } : {}),
        ...(q.noticeId ? { noticeId: q.noticeId } : {}),
        ...(q.deadlineFrom ? { deadlineFrom: q.deadlineFrom } : {}),
        ...(q.deadlineTo ? { deadlineTo: q.deadlineTo } : {}),
        ...(q.q ? { q: q.q } : {}),
      });
    };
  }

  async function detail(actor: Actor, item: ItemRecord): Promise<ItemDetail> {
    const party = partyOf(actor, item);
    const steps = await ports.ledger.listSteps(item.id);
    const files = await ports.ledger.filesOf('rectification_evidence', item.id);
    const notice = item.noticeId ? await ports.ledger.getNotice(item.noticeId) : null;
    const clue = item.clueId ? await ports.ledger.getClue(item.clueId) : null;
    const clueFile = clue?.attachmentId
      ? ((await ports.ledger.listFiles([clue.attachmentId]))[0] ?? null)
      : null;
    return {
      item: await itemView(item),
      steps,
      files,
      party,
      actions: allowedEvents(item.status, party),
      canUpload: party.isOwner && (item.status === 'open' || item.status === 'returned'),
      notice: notice ? { id: notice.id, title: notice.title, docNo: notice.docNo } : null,
      clue: clue
        ? {
            id: clue.id,
            source: clue.source,
            title: clue.title,
            description: clue.description,
            sourceDocument: clue.sourceDocument,
            severity: clue.severity,
            amountFen: clue.amountFen,
            file: clueFile,
          }
        : null,
    };
  }

  /** A stale write: the current item, read inside the same transaction (`p`). */
  const conflict = async (p: Ports, id: string) => {
    const current = await p.ledger.getItem(id);
    return err(
      domainError(
        'VERSION_CONFLICT',
        { current: current ? { ...current, overdue: isOverdue(current, today()) } : null },
        { zh: '该整改事项已被他人处理，请查看最新状态', en: 'the item changed meanwhile' },
      ),
    );
  };

  const service = {
    sweepOverdue,

    /** The subjects a notice on a run would go to, each with the items proposed from its lost points. */
    async proposeNotice(
      actor: Actor,
      runId: string,
      q: {
        grades?: readonly string[];
        bottomN?: number | null;
        subjectIds?: readonly string[];
        itemsPerSubject?: number;
      },
    ): Promise<Result<NoticeProposal, DomainError>> {
      const r = await issuableRun(actor, runId);
      if (!r.ok) return r;
      const run = r.value;
      const version = await ports.scoring.getVersion(run.templateVersionId);
      const defaults = readNoticeDefaults(
        await ports.ledger.noticeDefaults(actor.divisionCode, run.fiscalYear),
      );
      const rows = await runRows(actor, runId);
      const bandCodes = new Set(run.gradeScheme.bands.map((b) => b.code));
      let grades = q.grades && q.grades.length > 0 ? [...q.grades] : [...defaults.grades];
      if (!grades.some((g) => bandCodes.has(g))) grades = [run.gradeScheme.bands.at(-1)!.code];
      const bottomN = q.bottomN !== undefined ? q.bottomN : q.grades ? null : defaults.bottomN;
      const picked = q.subjectIds
        ? q.subjectIds.filter((id) => rows.some((x) => x.subjectId === id))
        : selectSubjects(
            rows.map((x) => ({ subjectId: x.subjectId, grade: x.grade, rank: x.rank })),
            { grades, bottomN },
          );
      const ex = await explainer(run);
      if (!ex.ok) return ex;
      const perSubject = q.itemsPerSubject ?? defaults.itemsPerSubject;
      const byId = new Map(rows.map((x) => [x.subjectId, x]));
      const subjects: ProposalSubject[] = [];
      for (const id of picked) {
        const row = byId.get(id)!;
        const owner = await ownerOf({
          subjectKind: row.subjectKind,
          mofDivCode: row.mofDivCode,
          organizationId: row.organizationId,
        });
        const explanation = ex.value.explain(id);
        const items = explanation ? proposeItems(explanation, { maxItems: perSubject }) : [];
        subjects.push({
          subjectId: id,
          refCode: row.subjectRefCode,
          name: row.subjectName,
          mofDivCode: row.mofDivCode,
          kind: row.subjectKind,
          total: row.total,
          grade: row.grade,
          rank: row.rank,
          owner: owner.ok
            ? { id: owner.value.id, name: owner.value.name, mofDivCode: owner.value.mofDivCode }
            : null,
          ownerProblem: owner.ok ? null : owner.error,
          items: items.map((it) => ({
            indicatorCode: it.indicatorCode,
            indicatorName: it.indicatorName,
            indicatorPath: it.indicatorPath,
            weight: it.weight,
            points: it.points,
            lost: it.lost,
            title: it.title.zh,
            titleEn: it.title.en,
            requirement: it.requirement.zh,
            requirementEn: it.requirement.en,
          })),
        });
      }
      const templateName = version?.templateName ?? '综合评价';
      const division = await divisionName(run.mofDivCode);
      const text = noticeText(run, templateName, division);
      return ok({
        run: {
          id: run.id,
          name: run.name,
          fiscalYear: run.fiscalYear,
          mofDivCode: run.mofDivCode,
          divisionName: division,
          templateName,
          ranked: rows.filter((x) => x.rank !== null).length,
        },
        defaults: { ...defaults, deadline: addDays(today(), defaults.deadlineDays) },
        selection: { grades, bottomN: bottomN ?? null },
        bands: run.gradeScheme.bands.map((b) => ({
          code: b.code,
          label: b.label,
          labelEn: b.labelEn,
          color: b.color,
        })),
        candidates: rows
          .filter((x) => x.rank !== null)
          .map((x) => ({
            subjectId: x.subjectId,
            refCode: x.subjectRefCode,
            name: x.subjectName,
            total: x.total,
            grade: x.grade,
            rank: x.rank,
          })),
        subjects,
        ...text,
      });
    },

    /** Issues a notice on a run: the notice, its items (owners resolved here, never taken from the client). */
    async issueNotice(actor: Actor, input: IssueNoticeInput): Promise<Result<NoticeDetail, DomainError>> {
      const r = await issuableRun(actor, input.runId);
      if (!r.ok) return r;
      const run = r.value;
      const day = today();
      const problems: string[] = [];
      if (!isValidDay(input.deadline)) problems.push('整改期限不是有效日期');
      else if (input.deadline < day) problems.push(`整改期限（${input.deadline}）早于今天`);
      if (input.subjects.length === 0) problems.push('请至少选择一个被通报对象');
      const rows = new Map((await runRows(actor, run.id)).map((x) => [x.subjectId, x]));
      const plan = await planOf(run.templateVersionId);
      if (!plan.ok) return plan;
      const seen = new Set<string>();
      const issuerOrgId = await issuerOrgOf(actor);
      const newItems: Omit<NewItem, 'noticeId'>[] = [];
      let itemNo = 0;
      for (const s of input.subjects) {
        const row = rows.get(s.subjectId);
        if (!row) {
          problems.push(`评价对象 ${s.subjectId} 不在该评分批次或不在您的管理范围内`);
          continue;
        }
        if (seen.has(s.subjectId)) problems.push(`“${row.subjectName}”重复`);
        seen.add(s.subjectId);
        const owner = await ownerOf({
          subjectKind: row.subjectKind,
          mofDivCode: row.mofDivCode,
          organizationId: row.organizationId,
        });
        if (!owner.ok) {
          problems.push(`“${row.subjectName}”：${owner.error}`);
          continue;
        }
        if (s.items.length === 0) problems.push(`“${row.subjectName}”没有整改事项`);
        s.items.forEach((it, k) => {
          const where = `“${row.subjectName}”第${k + 1}项`;
          if (!it.title.trim()) problems.push(`${where}缺少事项名称`);
          if (!it.requirement.trim()) problems.push(`${where}缺少整改要求`);
          const deadline = it.deadline || input.deadline;
          if (!isValidDay(deadline)) problems.push(`${where}的整改期限无效`);
          else if (deadline < day) problems.push(`${where}的整改期限早于今天`);
          const code = it.indicatorCode ?? null;
          const node = code ? plan.value.nodes[plan.value.byCode.get(code) ?? -1] : undefined;
          if (code && !node) problems.push(`${where}的指标 ${code} 不在该模板中`);
          const points = code ? (row.nodePoints[code] ?? 0) : null;
          const ref: SourceRef = {
            runId: run.id,
            runName: run.name,
            subjectId: row.subjectId,
            subjectName: row.subjectName,
            total: row.total,
            grade: row.grade,
            rank: row.rank,
            ...(node && points !== null
              ? {
                  indicatorCode: node.code,
                  indicatorName: node.name,
                  indicatorPath: node.path,
                  weight: node.weight,
                  points: Math.round(points * 100) / 100,
                  lost:
                    Math.round(
                      (node.category === 'base' ? Math.max(0, node.weight - points) : Math.abs(points)) * 100,
                    ) / 100,
                }
              : {}),
          };
          newItems.push({
            mofDivCode: owner.value.mofDivCode,
            fiscalYear: run.fiscalYear,
            clueId: null,
            itemNo: ++itemNo,
            ownerOrgId: owner.value.id,
            issuerMofDivCode: actor.divisionCode,
            issuerOrgId,
            subjectId: row.subjectId,
            title: it.title.trim(),
            requirement: it.requirement.trim(),
            deadline,
            sourceType: 'scorecard',
            sourceId: run.id,
            sourceRef: ref,
            createdBy: actor.userId,
          });
        });
      }
      if (!input.title.trim()) problems.push('请填写通报标题');
      if (problems.length > 0) {
        return err(invalid(problems.join('；'), `${problems.length} problem(s)`, { problems }));
      }
      const now = deps.clock();
      const created = await inTransaction(deps.transact, async (p) => {
        const notice = await p.ledger.createNotice({
          mofDivCode: actor.divisionCode,
          fiscalYear: run.fiscalYear,
          title: input.title.trim(),
          docNo: input.docNo?.trim() || null,
          body: input.body.trim(),
          sourceRunId: run.id,
          issuerOrgId,
          deadline: input.deadline,
          issuedBy: actor.userId,
          issuedAt: now,
        });
        const inserted = await p.ledger.insertItems(newItems.map((it) => ({ ...it, noticeId: notice.id })));
        await p.ledger.appendSteps(
          inserted.map((it) => ({
            itemId: it.id,
            mofDivCode: it.mofDivCode,
            event: 'issue' as const,
            fromStatus: null,
            toStatus: 'open' as const,
            actorId: actor.userId,
            actorName: actor.displayName,
            opinion: `${notice.docNo ? `${notice.docNo} ` : ''}${notice.title}`,
            evidence: null,
            attachments: [],
            at: now,
          })),
        );
        await p.audit.append({
          actor: auditActor(actor),
          action: 'ledger.notice_issue',
          objectType: 'notice',
          objectId: notice.id,
          mofDivCode: actor.divisionCode,
          before: null,
          after: {
            title: notice.title,
            docNo: notice.docNo,
            runId: run.id,
            deadline: input.deadline,
            items: inserted.map((it) => ({
              id: it.id,
              ownerOrgId: it.ownerOrgId,
              mofDivCode: it.mofDivCode,
              title: it.title,
              deadline: it.deadline,
              indicator: it.sourceRef.indicatorCode ?? null,
            })),
          },
        });
        return ok(notice.id);
      });
      if (!created.ok) return created;
      return service.getNotice(actor, created.value);
    },

    async listNotices(
      actor: Actor,
      q: { page: number; pageSize: number; year?: number; runId?: string; q?: string },
    ): Promise<Result<{ items: NoticeView[]; total: number }, DomainError>> {
      const allowed = requirePermission(actor, 'ledger.read');
      if (!allowed.ok) return allowed;
      await sweepIfDue();
      const page = await ports.ledger.listNotices({
        scope: scopeOf(actor),
        today: today(),
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
        ...(q.year ? { fiscalYear: q.year } : {}),
        ...(q.runId ? { runId: q.runId } : {}),
        ...(q.q ? { q: q.q } : {}),
      });
      const items: NoticeView[] = [];
      for (const n of page.items) items.push(await noticeView(n));
      return ok({ items, total: page.total });
    },

    async getNotice(actor: Actor, id: string): Promise<Result<NoticeDetail, DomainError>> {
      const allowed = requirePermission(actor, 'ledger.read');
      if (!allowed.ok) return allowed;
      await sweepIfDue();
      const notice = await ports.ledger.getNotice(id);
      if (!notice) return err(domainError('NOT_FOUND', { noticeId: id }));
      const day = today();
      const all = await ports.ledger.itemsOf({ noticeId: id });
      const issuerView = actor.organizationIds === null && inDivisionScope(actor, notice.mofDivCode);
      const visible = issuerView ? all : all.filter((i) => canSeeItem(actor, i));
      if (!issuerView && visible.length === 0) return err(domainError('NOT_FOUND', { noticeId: id }));
      const run = notice.sourceRunId ? await ports.scoring.getRun(notice.sourceRunId) : null;
      const version = run ? await ports.scoring.getVersion(run.templateVersionId) : null;
      const items: ItemView[] = [];
      for (const it of visible) items.push(await itemView(it, day));
      return ok({
        notice: await noticeView({
          ...notice,
          itemCount: visible.length,
          acceptedCount: visible.filter((i) => i.status === 'accepted' || i.status === 'closed').length,
          overdueCount: visible.filter((i) => isOverdue(i, day)).length,
          ownerCount: new Set(visible.map((i) => i.ownerOrgId)).size,
        }),
        items,
        scopeLimited: visible.length < all.length,
        run: run ? { id: run.id, name: run.name, templateName: version?.templateName ?? '' } : null,
      });
    },

    async listItems(
      actor: Actor,
      q: ItemQuery,
    ): Promise<Result<{ items: ItemView[]; total: number }, DomainError>> {
      const allowed = requirePermission(actor, 'ledger.read');
      if (!allowed.ok) return allowed;
      await sweepIfDue();
      const day = today();
      const f = await itemQueryFilter(actor, q, day)();
      if (!f.ok) return f;
      const page = await ports.ledger.listItems({
        ...f.value,
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      const items: ItemView[] = [];
      for (const it of page.items) items.push(await itemView(it, day));
      return ok({ items, total: page.total });
    },

    /** The filtered ledger (every matching row, in the shown order) as .xlsx. */
    async exportItems(
      actor: Actor,
      q: Omit<ItemQuery, 'page' | 'pageSize'> & { lang?: Lang },
    ): Promise<Result<{ body: Uint8Array; filename: string; rows: number }, DomainError>> {
      const allowed = requirePermission(actor, 'ledger.read');
      if (!allowed.ok) return allowed;
      const day = today();
      const f = await itemQueryFilter(actor, q, day)();
      if (!f.ok) return f;
      const { items } = await ports.ledger.listItems({ ...f.value, offset: 0, limit: null });
      const views: ItemView[] = [];
      for (const it of items) views.push(await itemView(it, day));
      const lang = q.lang ?? 'zh';
      const en = lang === 'en';
      const filters: string[] = [];
      if (q.status?.length) filters.push(`${en ? 'status' : '状态'}: ${q.status.join(',')}`);
      if (q.overdue !== undefined)
        filters.push(en ? (q.overdue ? 'overdue' : 'not overdue') : q.overdue ? '已逾期' : '未逾期');
      if (q.source?.length)
        filters.push(
          `${en ? 'source' : '来源'}: ${q.source.map((s) => SOURCE_TYPE_LABELS[s][lang]).join(',')}`,
        );
      if (q.division) filters.push(`${en ? 'division' : '区划'}: ${await divisionName(q.division)}`);
      if (q.deadlineFrom || q.deadlineTo)
        filters.push(`${en ? 'deadline' : '整改期限'}: ${q.deadlineFrom ?? ''}–${q.deadlineTo ?? ''}`);
      if (q.role)
        filters.push(
          q.role === 'owner' ? (en ? 'owned by me' : '本单位承办') : en ? 'issued by us' : '本级下达',
        );
      if (q.q) filters.push(`${en ? 'search' : '搜索'}: ${q.q}`);
      const body = await writeItemsWorkbook(
        views,
        {
          title: en
            ? `Rectification ledger — ${await divisionName(actor.divisionCode)}`
            : `${await divisionName(actor.divisionCode)}整改台账`,
          filters: filters.join(en ? '; ' : '；'),
          day,
        },
        lang,
      );
      return ok({
        body,
        filename: en ? `rectification-ledger-${day}.xlsx` : `整改台账-${day}.xlsx`,
        rows: views.length,
      });
    },

    async getItem(actor: Actor, id: string): Promise<Result<ItemDetail, DomainError>> {
      const allowed = requirePermission(actor, 'ledger.read');
      if (!allowed.ok) return allowed;
      await sweepIfDue();
      const item = await ports.ledger.getItem(id);
      if (!item || !canSeeItem(actor, item)) return itemNotFound(id);
      return ok(await detail(actor, item));
    },

    /** Stores an evidence file (佐证材料) of an item; only its owner, while the item waits for rectification. */
    async uploadEvidence(
      actor: Actor,
      itemId: string,
      file: { fileName: string; contentType: string; content: Uint8Array },
    ): Promise<Result<FileInfo, DomainError>> {
      const allowed = requirePermission(actor, 'ledger.submit');
      if (!allowed.ok) return allowed;
      const item = await ports.ledger.getItem(itemId);
      if (!item || !canSeeItem(actor, item)) return itemNotFound(itemId);
      if (!partyOf(actor, item).isOwner) {
        return err(
          domainError(
            'FORBIDDEN',
            { itemId },
            { zh: '只有整改责任单位可以上传佐证材料', en: 'only the owner uploads evidence' },
          ),
        );
      }
      if (item.status !== 'open' && item.status !== 'returned') {
        return err(
          domainError(
            'TRANSITION_NOT_ALLOWED',
            { status: item.status },
            {
              zh: '该事项已报送或已办结，不能再上传佐证材料',
              en: 'the item is no longer waiting for evidence',
            },
          ),
        );
      }
      if (file.content.byteLength === 0) return err(invalid('文件是空的', 'the file is empty'));
      const r = await inTransaction(deps.transact, async (p) => {
        const f = await p.ledger.createFile({
          mofDivCode: item.mofDivCode,
          fileName: file.fileName,
          contentType: file.contentType || 'application/octet-stream',
          content: file.content,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          objectType: 'rectification_evidence',
          objectId: item.id,
          uploadedBy: actor.userId,
        });
        await p.audit.append({
          actor: auditActor(actor),
          action: 'ledger.evidence_upload',
          objectType: 'attachment',
          objectId: f.id,
          mofDivCode: item.mofDivCode,
          before: null,
          after: { itemId: item.id, fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256 },
        });
        return ok(f);
      });
      return r;
    },

    /** An evidence file or a clue's source document, for those who may see the item or clue. */
    async getFile(
      actor: Actor,
      id: string,
    ): Promise<Result<FileInfo & { content: Uint8Array }, DomainError>> {
      const allowed = requirePermission(actor, 'ledger.read');
      if (!allowed.ok) return allowed;
      const f = await ports.ledger.getFile(id);
      const notFound = err(domainError('NOT_FOUND', { fileId: id }));
      if (!f || !f.objectId) return notFound;
      if (f.objectType === 'rectification_evidence') {
        const item = await ports.ledger.getItem(f.objectId);
        return item && canSeeItem(actor, item) ? ok(f) : notFound;
      }
      if (f.objectType === 'problem_clue') {
        const items = await ports.ledger.itemsOf({ clueId: f.objectId });
        return items.some((i) => canSeeItem(actor, i)) ? ok(f) : notFound;
      }
      return notFound;
    },

    /** The owner reports its rectification: text and the evidence files uploaded for the item. */
    async submit(
      actor: Actor,
      id: string,
      input: { version: number; evidence: string; attachmentIds: readonly string[] },
    ): Promise<Result<ItemDetail, DomainError>> {
      const allowed = requirePermission(actor, 'ledger.submit');
      if (!allowed.ok) return allowed;
      const item = await ports.ledger.getItem(id);
      if (!item || !canSeeItem(actor, item)) return itemNotFound(id);
      const next = itemTransition(item.status, 'submit', partyOf(actor, item));
      if (!next.ok) return next;
      const evidence = input.evidence.trim();
      if (evidence.length === 0) return err(invalid('请填写整改情况说明', 'describe the rectification'));
      const files = await ports.ledger.listFiles(input.attachmentIds);
      const bad = input.attachmentIds.filter(
        (a) =>
          !files.some((f) => f.id === a && f.objectType === 'rectification_evidence' && f.objectId === id),
      );
      if (bad.length > 0)
        return err(invalid('佐证材料不存在或不属于该整改事项', 'unknown evidence file', { bad }));
      const now = deps.clock();
      const r = await inTransaction(deps.transact, async (p) => {
        const updated = await p.ledger.updateItem(id, input.version, {
          status: next.value,
          evidence,
          submittedAt: now,
        });
        if (!updated) return conflict(p, id);
        await p.ledger.appendSteps([
          {
            itemId: id,
            mofDivCode: item.mofDivCode,
            event: 'submit',
            fromStatus: item.status,
            toStatus: next.value,
            actorId: actor.userId,
            actorName: actor.displayName,
            opinion: null,
            evidence,
            attachments: files.map((f) => ({ id: f.id, fileName: f.fileName })),
            at: now,
          },
        ]);
        await p.audit.append({
          actor: auditActor(actor),
          action: 'ledger.item_submit',
          objectType: 'rectification_item',
          objectId: id,
          mofDivCode: item.mofDivCode,
          before: { status: item.status, evidence: item.evidence },
          after: { status: next.value, evidence, attachments: files.map((f) => f.id) },
        });
        return ok(updated);
      });
      if (!r.ok) return r;
      return ok(await detail(actor, r.value));
    },

    /** The issuer accepts the rectification or returns it with an opinion; all accepted → closed (销号). */
    async review(
      actor: Actor,
      id: string,
      input: { version: number; decision: 'accept' | 'return'; opinion: string },
    ): Promise<Result<ItemDetail, DomainError>> {
      const allowed = requirePermission(actor, 'ledger.review');
      if (!allowed.ok) return allowed;
      const item = await ports.ledger.getItem(id);
      if (!item || !canSeeItem(actor, item)) return itemNotFound(id);
      const next = itemTransition(item.status, input.decision, partyOf(actor, item));
      if (!next.ok) return next;
      const opinion = input.opinion.trim();
      if (input.decision === 'return' && opinion.length === 0) {
        return err(invalid('退回时请填写审核意见，说明需要补充或改正的内容', 'say why the item is returned'));
      }
      const now = deps.clock();
      const r = await inTransaction(deps.transact, async (p) => {
        const updated = await p.ledger.updateItem(id, input.version, {
          status: next.value,
          reviewedBy: actor.userId,
          reviewedAt: now,
          reviewNote: opinion || null,
        });
        if (!updated) return conflict(p, id);
        await p.ledger.appendSteps([
          {
            itemId: id,
            mofDivCode: item.mofDivCode,
            event: input.decision,
            fromStatus: item.status,
            toStatus: next.value,
            actorId: actor.userId,
            actorName: actor.displayName,
            opinion: opinion || (input.decision === 'accept' ? '整改到位，审核通过' : null),
            evidence: null,
            attachments: [],
            at: now,
          },
        ]);
        const closed = input.decision === 'accept' ? await closeIfAllAccepted(p, updated, now) : [];
        await p.audit.append({
          actor: auditActor(actor),
          action: input.decision === 'accept' ? 'ledger.item_accept' : 'ledger.item_return',
          objectType: 'rectification_item',
          objectId: id,
          mofDivCode: item.mofDivCode,
          before: { status: item.status },
          after: { status: next.value, opinion: opinion || null, closed },
        });
        return ok(updated);
      });
      if (!r.ok) return r;
      const fresh = (await ports.ledger.getItem(id))!;
      return ok(await detail(actor, fresh));
    },

    /** 问题线索 entered by hand (supervision, audit, inspection …) with its source document, into the ledger. */
    async createClue(actor: Actor, input: ClueInput): Promise<Result<ItemDetail, DomainError>> {
      const allowed = requirePermission(actor, 'ledger.issue');
      if (!allowed.ok) return allowed;
      if (actor.organizationIds !== null)
        return err(domainError('FORBIDDEN', { permission: 'ledger.issue' }));
      const owner = await ports.ledger.getOrganization(input.ownerOrgId);
      if (!owner || !inDivisionScope(actor, owner.mofDivCode)) {
        return err(
          domainError(
            'OUT_OF_SCOPE',
            { ownerOrgId: input.ownerOrgId },
            { zh: '整改责任单位不在您的管理范围内', en: 'the owner is outside your scope' },
          ),
        );
      }
      const problems: string[] = [];
      if (!(MANUAL_SOURCE_TYPES as readonly string[]).includes(input.source)) problems.push('线索来源无效');
      if (!input.description.trim()) problems.push('请填写问题描述');
      if (!input.sourceDocument.trim()) problems.push('请填写来源文件（文号或名称）');
      if (!input.requirement.trim()) problems.push('请填写整改要求');
      if (!isValidDay(input.deadline)) problems.push('整改期限不是有效日期');
      else if (input.deadline < today()) problems.push('整改期限早于今天');
      if (input.amountFen !== null && (!Number.isSafeInteger(input.amountFen) || input.amountFen < 0))
        problems.push('涉及金额无效');
      if (problems.length > 0)
        return err(invalid(problems.join('；'), `${problems.length} problem(s)`, { problems }));
      const now = deps.clock();
      const issuerOrgId = await issuerOrgOf(actor);
      const title = input.title.trim() || input.description.trim().slice(0, 60);
      const r = await inTransaction(deps.transact, async (p) => {
        const clue = await p.ledger.createClue({
          mofDivCode: owner.mofDivCode,
          fiscalYear: input.fiscalYear,
          reportedMofDivCode: actor.divisionCode,
          source: input.source,
          sourceType: 'document',
          sourceId: null,
          subjectOrgId: owner.id,
          title,
          description: input.description.trim(),
          sourceDocument: input.sourceDocument.trim(),
          attachmentId: null,
          severity: input.severity,
          amountFen: input.amountFen,
          createdBy: actor.userId,
        });
        await p.ledger.setClueStatus(clue.id, 'in_rectification');
        const [item] = await p.ledger.insertItems([
          {
            mofDivCode: owner.mofDivCode,
            fiscalYear: input.fiscalYear,
            noticeId: null,
            clueId: clue.id,
            itemNo: 1,
            ownerOrgId: owner.id,
            issuerMofDivCode: actor.divisionCode,
            issuerOrgId,
            subjectId: null,
            title,
            requirement: input.requirement.trim(),
            deadline: input.deadline,
            sourceType: input.source,
            sourceId: clue.id,
            sourceRef: { clueId: clue.id, document: input.sourceDocument.trim() },
            createdBy: actor.userId,
          },
        ]);
        await p.ledger.appendSteps([
          {
            itemId: item!.id,
            mofDivCode: item!.mofDivCode,
            event: 'issue',
            fromStatus: null,
            toStatus: 'open',
            actorId: actor.userId,
            actorName: actor.displayName,
            opinion: `${SOURCE_TYPE_LABELS[input.source].zh}问题线索：${input.sourceDocument.trim()}`,
            evidence: null,
            attachments: [],
            at: now,
          },
        ]);
        await p.audit.append({
          actor: auditActor(actor),
          action: 'ledger.clue_create',
          objectType: 'problem_clue',
          objectId: clue.id,
          mofDivCode: owner.mofDivCode,
          before: null,
          after: {
            source: input.source,
            title,
            sourceDocument: input.sourceDocument.trim(),
            severity: input.severity,
            amountFen: input.amountFen,
            itemId: item!.id,
            ownerOrgId: owner.id,
            deadline: input.deadline,
          },
        });
        return ok(item!);
      });
      if (!r.ok) return r;
      return ok(await detail(actor, r.value));
    },

    /** Attaches the source document (a scan of the audit report …) to a clue the actor's division entered. */
    async uploadClueDocument(
      actor: Actor,
      clueId: string,
      file: { fileName: string; contentType: string; content: Uint8Array },
    ): Promise<Result<FileInfo, DomainError>> {
      const allowed = requirePermission(actor, 'ledger.issue');
      if (!allowed.ok) return allowed;
      const clue = await ports.ledger.getClue(clueId);
      if (
        !clue ||
        actor.organizationIds !== null ||
        clue.reportedMofDivCode === null ||
        !inDivisionScope(actor, clue.reportedMofDivCode) ||
        !inDivisionScope(actor, clue.mofDivCode)
      ) {
        return err(domainError('NOT_FOUND', { clueId }));
      }
      if (file.content.byteLength === 0) return err(invalid('文件是空的', 'the file is empty'));
      return inTransaction(deps.transact, async (p) => {
        const f = await p.ledger.createFile({
          mofDivCode: clue.mofDivCode,
          fileName: file.fileName,
          contentType: file.contentType || 'application/octet-stream',
          content: file.content,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          objectType: 'problem_clue',
          objectId: clue.id,
          uploadedBy: actor.userId,
        });
        await p.ledger.setClueAttachment(clue.id, f.id);
        await p.audit.append({
          actor: auditActor(actor),
          action: 'ledger.clue_document_upload',
          objectType: 'problem_clue',
          objectId: clue.id,
          mofDivCode: clue.mofDivCode,
          before: { attachmentId: clue.attachmentId },
          after: { attachmentId: f.id, fileName: f.fileName, sha256: f.sha256 },
        });
        return ok(f);
      });
    },

    /** Organizations an issuer may make responsible for a clue: finance bureaus and departments in scope. */
    async ownerOptions(
      actor: Actor,
      q: { division?: string },
    ): Promise<
      Result<
        { id: string; name: string; mofDivCode: string; divisionName: string; kind: string }[],
        DomainError
      >
    > {
      const allowed = requirePermission(actor, 'ledger.issue');
      if (!allowed.ok) return allowed;
      if (actor.organizationIds !== null)
        return err(domainError('FORBIDDEN', { permission: 'ledger.issue' }));
      const code = q.division ?? actor.divisionCode;
      if (!inDivisionScope(actor, code)) return err(domainError('OUT_OF_SCOPE', { division: code }));
      const codes = await ports.divisions.subtreeCodes(code);
      const orgs = await ports.access.listOrganizations(codes, null);
      const out = [];
      for (const o of orgs) {
        if (o.status !== 'active') continue;
        if (!['finance_bureau', 'budget_department', 'finance_division'].includes(o.kind)) continue;
        out.push({
          id: o.id,
          name: o.name,
          mofDivCode: o.mofDivCode,
          divisionName: await divisionName(o.mofDivCode),
          kind: o.kind,
        });
      }
      return ok(out);
    },

    /** 待办 for the dashboard: the owner's 待整改/已逾期 and the issuer's 待审核/逾期未整改. */
    async tasks(actor: Actor, q: { division: string; year: number }): Promise<LedgerTask[]> {
      if (!can(actor, 'ledger.read')) return [];
      const ownerOrgIds =
        can(actor, 'ledger.submit') && actor.organizationId
          ? (actor.organizationIds ?? [actor.organizationId])
          : [];
      const issuer =
        can(actor, 'ledger.review') && actor.organizationIds === null && q.division === actor.divisionCode
          ? actor.divisionCode
          : null;
      if (ownerOrgIds.length === 0 && !issuer) return [];
      const day = today();
      const counts = await ports.ledger.taskCounts({ ownerOrgIds, issuerMofDivCode: issuer, today: day });
      const base = `/ledger/items?division=${q.division}&year=${q.year}`;
      const tasks: LedgerTask[] = [];
      if (counts.ownerPending > 0)
        tasks.push({
          kind: 'ledger_owner_pending',
          title: '待整改事项',
          titleEn: 'Rectification items to do',
          count: counts.ownerPending,
          link: `${base}&role=owner&status=open,returned`,
          dueDate: counts.ownerNextDeadline,
        });
      if (counts.ownerOverdue > 0)
        tasks.push({
          kind: 'ledger_owner_overdue',
          title: '已逾期的整改事项',
          titleEn: 'Overdue rectification items',
          count: counts.ownerOverdue,
          link: `${base}&role=owner&overdue=1`,
          dueDate: null,
        });
      if (counts.issuerToReview > 0)
        tasks.push({
          kind: 'ledger_issuer_review',
          title: '待审核的整改报送',
          titleEn: 'Rectification reports to review',
          count: counts.issuerToReview,
          link: `${base}&role=issuer&status=submitted`,
          dueDate: null,
        });
      if (counts.issuerOverdue > 0)
        tasks.push({
          kind: 'ledger_issuer_overdue',
          title: '逾期未整改事项',
          titleEn: 'Overdue items not rectified',
          count: counts.issuerOverdue,
          link: `${base}&role=issuer&overdue=1`,
          dueDate: null,
        });
      return tasks;
    },
  };
  return service;
}

export type LedgerService = ReturnType<typeof makeLedgerService>;
