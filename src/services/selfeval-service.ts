/**
 * 绩效评价 › 自评表核查: check an uploaded 项目支出绩效自评表 under the settings of the user's division and
 * year, download it annotated, save it as a project's self-evaluation (one per project and year; a re-check
 * replaces it with a version check; the uploaded file kept as an attachment; audited), and read the stored
 * self-evaluations of the projects in scope (list, Excel export, detail, annotated workbook, source file).
 */
import { createHash } from 'node:crypto';
import type { DivisionPort } from '../core/access/ports.ts';
import { inDivisionScope, inOrganizationScope, requirePermission, type Actor } from '../core/access/scope.ts';
import type { AuditPort } from '../core/audit/ports.ts';
import type { StatsPort } from '../core/dashboard/ports.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import { JILIN_FIVE_TIER, type GradeScheme } from '../core/scoring/grades.ts';
import { checkSelfEvaluation, DEFAULT_MIN_EXECUTION_RATE } from '../core/selfeval/check-self-evaluation.ts';
import type {
  DepartmentRef,
  ProjectRef,
  SelfEvaluationPort,
  SelfEvaluationRecord,
  SelfEvaluationSort,
  SelfEvaluationSummary,
} from '../core/selfeval/ports.ts';
import type { SelfEvalReport, SelfEvalTable } from '../core/selfeval/types.ts';
import type { Clock } from './clock.ts';
import { writeSelfEvaluationsXlsx } from './selfeval/list-workbook.ts';
import { toReportView, type CheckReportView } from './selfeval/report-view.ts';
import { exportCheckedWorkbook, readSelfEvaluationFile } from './selfeval/selfeval-service.ts';
import { inTransaction, type Transact } from './transaction.ts';
import { TtlCache } from './ttl-cache.ts';

interface Ports {
  readonly selfEvaluations: SelfEvaluationPort;
  readonly audit: AuditPort;
  readonly divisions: DivisionPort;
  /** The dashboard's pre-aggregated figures, kept current on every save. */
  readonly stats: StatsPort;
}

export interface SelfEvalDeps {
  readonly ports: Ports;
  readonly transact: Transact<Ports>;
  readonly clock: Clock;
}

export interface UploadedFile {
  readonly fileName: string;
  readonly content: Uint8Array;
}

export interface SelfEvalListQuery {
  readonly division?: string;
  readonly year?: number;
  readonly department?: string;
  readonly grades?: readonly string[];
  readonly findings?: boolean;
  readonly q?: string;
  readonly sort: SelfEvaluationSort;
  readonly order: 'asc' | 'desc';
  readonly page: number;
  readonly pageSize: number;
}

export interface SelfEvaluationDetailView {
  readonly selfEvaluation: SelfEvaluationSummary;
  readonly sourceFileName: string | null;
  readonly report: CheckReportView;
}

export interface DownloadFile {
  readonly body: Uint8Array;
  readonly filename: string;
  readonly contentType: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The most rows one export writes; a wider filter is refused with a hint to narrow it. */
const MAX_EXPORT_ROWS = 50_000;

const auditActor = (a: Actor) => ({ userId: a.userId, username: a.username, ip: a.ip });

/** What the audit log keeps of a self-evaluation: the figures, not the whole table. */
const auditView = (r: SelfEvaluationRecord) => ({
  projectId: r.projectId,
  proCode: r.proCode,
  projectName: r.projectName,
  fiscalYear: r.fiscalYear,
  printedTotal: r.printedTotal,
  formulaTotal: r.formulaTotal,
  grade: r.grade,
  findingCount: r.findingCount,
  status: r.status,
  sourceAttachmentId: r.sourceAttachmentId,
  version: r.version,
});

function summaryOf(r: SelfEvaluationRecord): SelfEvaluationSummary {
  const { agencyId: _a, table: _t, findings: _f, submittedBy: _s, createdAt: _c, ...summary } = r;
  return summary;
}

function contentTypeOf(fileName: string): string {
  return /\.json$/iu.test(fileName) ? 'application/json' : XLSX;
}

/** 项目名称-自评表核查.xlsx, without characters file systems refuse. */
function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 80) || 'selfeval';
}

/**
 * Reads an uploaded table. A file whose content does not fit the table format (a malformed JSON table) is
 * as unreadable as a broken workbook: both answer FILE_UNREADABLE (422) with the reader's explanation.
 */
async function readTable(file: UploadedFile): Promise<Result<SelfEvalTable, DomainError>> {
  const r = await readSelfEvaluationFile(file.content, file.fileName);
  if (r.ok || r.error.code !== 'VALIDATION_FAILED') return r;
  const strip = (m: string) => m.replace(/^[^：:]*[：:]\s*/u, '');
  return err(
    domainError('FILE_UNREADABLE', r.error.details, {
      zh: strip(r.error.message),
      en: strip(r.error.messageEn),
    }),
  );
}

export function makeSelfEvalService(deps: SelfEvalDeps) {
  const countCache = new TtlCache<number>(5_000);
  const settingsCache = new TtlCache<
    Awaited<ReturnType<SelfEvalDeps['ports']['selfEvaluations']['checkSettings']>>
  >(5_000);
  const { ports } = deps;

  async function settingsFor(
    mofDivCode: string,
    fiscalYear: number,
  ): Promise<{ scheme: GradeScheme; minExecutionRate: number }> {
    // Settings change rarely: read them at most every few seconds per division and year (ADR 0007).
    const s = await settingsCache.get(`${mofDivCode}|${fiscalYear}`, deps.clock().getTime(), () =>
      ports.selfEvaluations.checkSettings(mofDivCode, fiscalYear),
    );
    return {
      scheme: s.gradeScheme ?? JILIN_FIVE_TIER,
      minExecutionRate: s.minExecutionRate ?? DEFAULT_MIN_EXECUTION_RATE,
    };
  }

  async function checkTable(
    table: SelfEvalTable,
    mofDivCode: string,
    fiscalYear: number,
  ): Promise<{ report: SelfEvalReport; view: CheckReportView }> {
    const { scheme, minExecutionRate } = await settingsFor(mofDivCode, fiscalYear);
    const report = checkSelfEvaluation(table, { gradeScheme: scheme, minExecutionRate });
    return { report, view: toReportView(table, report, scheme, minExecutionRate) };
  }

  /** The division and year whose settings apply to an upload: the asked ones, in scope. */
  function where(
    actor: Actor,
    q: { division?: string; year?: number },
  ): Result<{ division: string; year: number }, DomainError> {
    const division = q.division ?? actor.divisionCode;
    if (!inDivisionScope(actor, division)) return err(domainError('OUT_OF_SCOPE', { division }));
    return ok({ division, year: q.year ?? deps.clock().getFullYear() });
  }

  function visibleProject(actor: Actor, p: ProjectRef | null): p is ProjectRef {
    return (
      p !== null &&
      inDivisionScope(actor, p.mofDivCode) &&
      (inOrganizationScope(actor, p.departmentId) || inOrganizationScope(actor, p.agencyId))
    );
  }

  function visibleRecord(actor: Actor, r: SelfEvaluationRecord | null): r is SelfEvaluationRecord {
    if (!r || !inDivisionScope(actor, r.mofDivCode)) return false;
    if (actor.organizationIds === null) return true;
    return (
      (r.departmentId !== null && inOrganizationScope(actor, r.departmentId)) ||
      (r.agencyId !== null && inOrganizationScope(actor, r.agencyId))
    );
  }

  async function load(actor: Actor, id: string): Promise<Result<SelfEvaluationRecord, DomainError>> {
    const allowed = requirePermission(actor, 'selfeval.read');
    if (!allowed.ok) return allowed;
    const r = await ports.selfEvaluations.get(id);
    return visibleRecord(actor, r) ? ok(r) : err(domainError('NOT_FOUND', { id }));
  }

  function storedTable(r: SelfEvaluationRecord): SelfEvalTable {
    return r.table as SelfEvalTable;
  }

  async function listFilter(actor: Actor, q: Omit<SelfEvalListQuery, 'page' | 'pageSize'>) {
    let divisionCodes = actor.divisionCodes;
    if (q.division) {
      if (!inDivisionScope(actor, q.division))
        return err(domainError('OUT_OF_SCOPE', { division: q.division }));
      divisionCodes = await ports.divisions.subtreeCodes(q.division);
    }
    return ok({
      divisionCodes,
      organizationIds: actor.organizationIds,
      ...(q.year !== undefined ? { fiscalYear: q.year } : {}),
      ...(q.department ? { departmentId: q.department } : {}),
      ...(q.grades && q.grades.length > 0 ? { grades: q.grades } : {}),
      ...(q.findings !== undefined ? { hasFindings: q.findings } : {}),
      ...(q.q ? { q: q.q } : {}),
      sort: q.sort,
      order: q.order,
    });
  }

  return {
    /** Reads and checks an uploaded table; nothing is stored. */
    async check(
      actor: Actor,
      file: UploadedFile,
      q: { division?: string; year?: number },
    ): Promise<Result<{ fileName: string; report: CheckReportView }, DomainError>> {
      const allowed = requirePermission(actor, 'selfeval.check');
      if (!allowed.ok) return allowed;
      const at = where(actor, q);
      if (!at.ok) return at;
      const table = await readTable(file);
      if (!table.ok) return table;
      const { view } = await checkTable(table.value, at.value.division, at.value.year);
      return ok({ fileName: file.fileName, report: view });
    },

    /** The uploaded table as the annotated workbook (公式得分 and 核查意见 columns, 核查结果 sheet). */
    async checkedWorkbook(
      actor: Actor,
      file: UploadedFile,
      q: { division?: string; year?: number },
    ): Promise<Result<DownloadFile, DomainError>> {
      const allowed = requirePermission(actor, 'selfeval.check');
      if (!allowed.ok) return allowed;
      const at = where(actor, q);
      if (!at.ok) return at;
      const table = await readTable(file);
      if (!table.ok) return table;
      const { report } = await checkTable(table.value, at.value.division, at.value.year);
      const stem = file.fileName.replace(/\.[^.]+$/u, '');
      return ok({
        body: await exportCheckedWorkbook(table.value, report),
        filename: `${safeName(stem)}-核查.xlsx`,
        contentType: XLSX,
      });
    },

    /**
     * Saves a checked table as the project's self-evaluation for the year. When one exists, `version` must
     * name it (VERSION_CONFLICT with the current one otherwise), and the new table replaces it.
     */
    async save(
      actor: Actor,
      file: UploadedFile,
      input: { projectId: string; fiscalYear: number; version?: number },
    ): Promise<Result<{ selfEvaluation: SelfEvaluationSummary; replaced: boolean }, DomainError>> {
      const allowed = requirePermission(actor, 'selfeval.check');
      if (!allowed.ok) return allowed;
      const project = await ports.selfEvaluations.getProject(input.projectId);
      if (!visibleProject(actor, project)) {
        return err(
          domainError(
            'NOT_FOUND',
            { projectId: input.projectId },
            {
              zh: '项目不存在或不在您的管理范围内',
              en: 'the project does not exist or is outside your scope',
            },
          ),
        );
      }
      const table = await readTable(file);
      if (!table.ok) return table;
      const { report } = await checkTable(table.value, project.mofDivCode, input.fiscalYear);
      const now = deps.clock();
      const sha256 = createHash('sha256').update(file.content).digest('hex');

      // This process's cached totals would miss the new row: forget them (others catch up within seconds).
      countCache.clear();
      return inTransaction(deps.transact, async (p) => {
        const existing = await p.selfEvaluations.findByProjectYear(project.id, input.fiscalYear);
        if (existing && existing.version !== input.version) {
          return err(
            domainError(
              'VERSION_CONFLICT',
              { current: summaryOf(existing) },
              {
                zh: `项目“${project.name}”${input.fiscalYear}年度已有自评表（第${existing.version}版），请确认后替换`,
                en: `project "${project.name}" already has a ${input.fiscalYear} self-evaluation (version ${existing.version}); confirm to replace it`,
              },
            ),
          );
        }
        const attachment = await p.selfEvaluations.addAttachment({
          mofDivCode: project.mofDivCode,
          fileName: file.fileName,
          contentType: contentTypeOf(file.fileName),
          content: file.content,
          sha256,
          objectType: 'self_evaluation',
          objectId: existing?.id ?? null,
          uploadedBy: actor.userId,
        });
        const row = {
          mofDivCode: project.mofDivCode,
          fiscalYear: input.fiscalYear,
          projectId: project.id,
          proCode: project.proCode,
          projectName: project.name,
          table: table.value,
          formulaTotal: report.formulaTotal,
          printedTotal: report.printedTotal,
          grade: report.grade.label,
          findings: report.findings,
          status: 'submitted' as const,
          sourceAttachmentId: attachment.id,
          submittedBy: actor.userId,
          submittedAt: now,
        };
        let saved: SelfEvaluationRecord | null;
        if (existing) {
          saved = await p.selfEvaluations.replace(existing.id, existing.version, row);
          if (!saved) {
            const current = await p.selfEvaluations.get(existing.id);
            return err(domainError('VERSION_CONFLICT', { current: current ? summaryOf(current) : null }));
          }
        } else {
          saved = await p.selfEvaluations.insert(row);
          await p.selfEvaluations.linkAttachment(attachment.id, saved.id);
        }
        await p.stats.refresh([saved.mofDivCode], saved.fiscalYear);
        await p.audit.append({
          actor: auditActor(actor),
          action: existing ? 'selfeval.replace' : 'selfeval.save',
          objectType: 'self_evaluation',
          objectId: saved.id,
          mofDivCode: saved.mofDivCode,
          before: existing ? auditView(existing) : null,
          after: { ...auditView(saved), sourceFileName: file.fileName },
        });
        return ok({ selfEvaluation: summaryOf(saved), replaced: existing !== null });
      });
    },

    async list(actor: Actor, q: SelfEvalListQuery) {
      const allowed = requirePermission(actor, 'selfeval.read');
      if (!allowed.ok) return allowed;
      const filter = await listFilter(actor, q);
      if (!filter.ok) return filter;
      // The total of a filter is counted at most every few seconds (ADR 0007); the rows are always fresh.
      const { sort: _sort, order: _order, ...counted } = filter.value;
      const knownTotal = await countCache.get(JSON.stringify(counted), deps.clock().getTime(), () =>
        ports.selfEvaluations.count({ ...filter.value, offset: 0, limit: null }),
      );
      const page = await ports.selfEvaluations.list({
        ...filter.value,
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
        knownTotal,
      });
      return ok(page);
    },

    /** Every row the list's filter matches, as .xlsx. */
    async exportList(
      actor: Actor,
      q: Omit<SelfEvalListQuery, 'page' | 'pageSize'>,
      lang: 'zh' | 'en',
    ): Promise<Result<DownloadFile, DomainError>> {
      const allowed = requirePermission(actor, 'selfeval.read');
      if (!allowed.ok) return allowed;
      const filter = await listFilter(actor, q);
      if (!filter.ok) return filter;
      const page = await ports.selfEvaluations.list({
        ...filter.value,
        offset: 0,
        limit: MAX_EXPORT_ROWS + 1,
      });
      if (page.items.length > MAX_EXPORT_ROWS) {
        return err(
          domainError(
            'VALIDATION_FAILED',
            { total: page.total, max: MAX_EXPORT_ROWS },
            {
              zh: `符合条件的自评表有 ${page.total} 份，超过一次导出的上限 ${MAX_EXPORT_ROWS} 份，请缩小筛选范围`,
              en: `${page.total} rows match, more than the ${MAX_EXPORT_ROWS} one export holds; narrow the filter`,
            },
          ),
        );
      }
      const names = new Map((await ports.divisions.listAll()).map((d) => [d.code, d.name]));
      const day = deps.clock().toISOString().slice(0, 10);
      const parts: string[] = [];
      if (q.division) parts.push(names.get(q.division) ?? q.division);
      if (q.year !== undefined) parts.push(lang === 'en' ? `FY${q.year}` : `${q.year}年度`);
      if (q.grades?.length) parts.push(q.grades.join('/'));
      if (q.findings === true) parts.push(lang === 'en' ? 'with findings' : '有核查问题');
      if (q.findings === false) parts.push(lang === 'en' ? 'no findings' : '无核查问题');
      if (q.q) parts.push(`“${q.q}”`);
      const filterText = parts.length > 0 ? parts.join('，') : lang === 'en' ? 'all in scope' : '全部';
      const body = await writeSelfEvaluationsXlsx(page.items, {
        lang,
        day,
        filter: filterText,
        divisionName: (code) => names.get(code) ?? code,
      });
      return ok({
        body,
        filename: lang === 'en' ? `self-evaluations-${day}.xlsx` : `自评表-${day}.xlsx`,
        contentType: XLSX,
      });
    },

    /** A stored self-evaluation checked again under its division's and year's settings. */
    async get(actor: Actor, id: string): Promise<Result<SelfEvaluationDetailView, DomainError>> {
      const r = await load(actor, id);
      if (!r.ok) return r;
      const record = r.value;
      const { view } = await checkTable(storedTable(record), record.mofDivCode, record.fiscalYear);
      const sourceFileName = record.sourceAttachmentId
        ? await ports.selfEvaluations.attachmentName(record.sourceAttachmentId)
        : null;
      return ok({
        selfEvaluation: summaryOf(record),
        sourceFileName,
        report: view,
      });
    },

    async workbook(actor: Actor, id: string): Promise<Result<DownloadFile, DomainError>> {
      const r = await load(actor, id);
      if (!r.ok) return r;
      const record = r.value;
      const table = storedTable(record);
      const { report } = await checkTable(table, record.mofDivCode, record.fiscalYear);
      return ok({
        body: await exportCheckedWorkbook(table, report),
        filename: `${safeName(record.projectName)}-${record.fiscalYear}年度自评表核查.xlsx`,
        contentType: XLSX,
      });
    },

    /** The file the table was saved from. */
    async source(actor: Actor, id: string): Promise<Result<DownloadFile, DomainError>> {
      const r = await load(actor, id);
      if (!r.ok) return r;
      const file = r.value.sourceAttachmentId
        ? await ports.selfEvaluations.getAttachment(r.value.sourceAttachmentId)
        : null;
      if (!file) {
        return err(
          domainError(
            'NOT_FOUND',
            { id },
            { zh: '该自评表没有保存原始文件', en: 'no source file was kept for this self-evaluation' },
          ),
        );
      }
      return ok({ body: file.content, filename: file.fileName, contentType: file.contentType });
    },

    /** Projects the user may save a self-evaluation for (name or code contains `q`). */
    async projects(
      actor: Actor,
      q: { q?: string; division?: string },
    ): Promise<Result<ProjectRef[], DomainError>> {
      const allowed = requirePermission(actor, 'selfeval.check');
      if (!allowed.ok) return allowed;
      let divisionCodes = actor.divisionCodes;
      if (q.division) {
        if (!inDivisionScope(actor, q.division))
          return err(domainError('OUT_OF_SCOPE', { division: q.division }));
        divisionCodes = await ports.divisions.subtreeCodes(q.division);
      }
      return ok(
        await ports.selfEvaluations.searchProjects({
          divisionCodes,
          organizationIds: actor.organizationIds,
          ...(q.q ? { q: q.q } : {}),
          limit: 50,
        }),
      );
    },

    /** Budget departments in scope, for the list's department filter. */
    async departments(actor: Actor, division?: string): Promise<Result<DepartmentRef[], DomainError>> {
      const allowed = requirePermission(actor, 'selfeval.read');
      if (!allowed.ok) return allowed;
      let divisionCodes = actor.divisionCodes;
      if (division) {
        if (!inDivisionScope(actor, division)) return err(domainError('OUT_OF_SCOPE', { division }));
        divisionCodes = await ports.divisions.subtreeCodes(division);
      }
      return ok(await ports.selfEvaluations.listDepartments(divisionCodes, actor.organizationIds));
    },
  };
}

export type SelfEvalService = ReturnType<typeof makeSelfEvalService>;
