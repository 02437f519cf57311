import type { DivisionPort } from '../core/access/ports.ts';
import { inDivisionScope, requireInScope, requirePermission, type Actor } from '../core/access/scope.ts';
import type { AuditPort } from '../core/audit/ports.ts';
import type { IndicatorPort } from '../core/indicators/ports.ts';
import type { TemplateDefinition } from '../core/indicators/types.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import type { SubjectInputs } from '../core/scoring/batch-input.ts';
import type { SubjectExplanation } from '../core/scoring/explain.ts';
import { JILIN_FIVE_TIER, validateGradeScheme, type GradeScheme } from '../core/scoring/grades.ts';
import {
  checkDefinition,
  libraryCodesOf,
  localGroupCodes,
  type DefinitionIssue,
} from '../core/templates/check-definition.ts';
import type { TemplatePatch, TemplatePort } from '../core/templates/ports.ts';
import { previewScores } from '../core/templates/preview.ts';
import {
  emptyDefinition,
  type TemplateRecord,
  type TemplateSubjectKind,
  type TemplateVersionRecord,
  type TemplateVersionSummary,
} from '../core/templates/types.ts';
import { versionActionRefusal } from '../core/templates/version-rules.ts';
import type { Clock } from './clock.ts';
import { ownersFor, upperOwnerRefusal, visibleOwners } from './published-scope.ts';
import { inTransaction, type Transact } from './transaction.ts';

/**
 * 指标模板: templates a division may use, their yearly versions, drafting (empty or copied, also from an
 * upper division's published version — 派生本级版本), validation that lists every problem, publishing,
 * and preview scoring (试算) that stores nothing. Every write is audited.
 */

/** The region setting naming the grade scheme (等次方案) of a division and year. */
export const GRADE_SCHEME_SETTING = 'grading.scheme';

interface SettingsReader {
  getEffective<T = unknown>(
    mofDivCode: string,
    fiscalYear: number,
    key: string,
  ): Promise<{ readonly value: T } | null>;
}

interface GradeSchemeReader {
  getGradeScheme(code: string): Promise<GradeScheme | null>;
}

interface Ports {
  readonly templates: TemplatePort;
  readonly indicators: IndicatorPort;
  readonly audit: AuditPort;
  readonly divisions: DivisionPort;
  readonly settings: SettingsReader;
  readonly reference: GradeSchemeReader;
}

export interface TemplateDeps {
  readonly ports: Ports;
  readonly transact: Transact<Ports>;
  readonly clock: Clock;
}

/** The upper division's version a version is derived from, with its template. */
export interface Upstream {
  readonly version: TemplateVersionSummary;
  readonly template: TemplateRecord;
  readonly definition: TemplateDefinition;
}

export interface TemplateView extends TemplateRecord {
  readonly divisionName: string;
  /** The actor may change this template and its drafts. */
  readonly writable: boolean;
  readonly versions: readonly TemplateVersionSummary[];
  /** The upper division's template the latest version derives from, if any. */
  readonly upstream: {
    readonly templateId: string;
    readonly name: string;
    readonly mofDivCode: string;
    readonly divisionName: string;
  } | null;
}

export interface VersionView {
  readonly version: TemplateVersionRecord;
  readonly template: TemplateRecord;
  readonly divisionName: string;
  readonly writable: boolean;
  readonly publishable: boolean;
  readonly issues: readonly DefinitionIssue[];
  readonly upstream: {
    readonly versionId: string;
    readonly templateId: string;
    readonly templateName: string;
    readonly mofDivCode: string;
    readonly divisionName: string;
    readonly fiscalYear: number;
    readonly versionNo: number;
    readonly definition: TemplateDefinition;
    /** Groups of the upper version under which local indicators may be added. */
    readonly localGroups: readonly string[];
  } | null;
  /** The grade scheme previews and scoring use: the version's own, else the division's for the year. */
  readonly gradeScheme: GradeScheme;
}

export interface PreviewSample {
  readonly label?: string;
  readonly inputs: SubjectInputs;
}

const TEMPLATE = { zh: '指标模板', en: 'template' };
const auditActor = (a: Actor) => ({ userId: a.userId, username: a.username, ip: a.ip });
const summaryOf = ({
  definition: _d,
  gradeScheme: _g,
  ...rest
}: TemplateVersionRecord): TemplateVersionSummary => rest;

export function makeTemplateService(deps: TemplateDeps) {
  const { ports } = deps;

  async function divisionName(p: Ports, code: string): Promise<string> {
    return (await p.divisions.get(code))?.name ?? code;
  }

  /** A version's drafts are seen only inside the owner's scope; published and retired ones by all below. */
  function versionVisible(actor: Actor, v: { status: string; mofDivCode: string }): boolean {
    return v.status !== 'draft' || inDivisionScope(actor, v.mofDivCode);
  }

  async function loadTemplate(
    p: Ports,
    actor: Actor,
    id: string,
  ): Promise<Result<TemplateRecord, DomainError>> {
    const t = await p.templates.getTemplate(id);
    if (!t || !(await visibleOwners(p.divisions, actor)).has(t.mofDivCode)) {
      return err(domainError('NOT_FOUND', { what: 'template', id }));
    }
    return ok(t);
  }

  async function loadVersion(
    p: Ports,
    actor: Actor,
    id: string,
  ): Promise<Result<{ version: TemplateVersionRecord; template: TemplateRecord }, DomainError>> {
    const v = await p.templates.getVersion(id);
    if (!v || !versionVisible(actor, v)) return err(domainError('NOT_FOUND', { what: 'version', id }));
    const t = await loadTemplate(p, actor, v.templateId);
    if (!t.ok) return err(domainError('NOT_FOUND', { what: 'version', id }));
    return ok({ version: v, template: t.value });
  }

  function requireWritable(actor: Actor, t: TemplateRecord): Result<true, DomainError> {
    return inDivisionScope(actor, t.mofDivCode) ? ok(true) : err(upperOwnerRefusal(t.mofDivCode, TEMPLATE));
  }

  /**
   * The upper division's version a version derives from: follow `basedOnVersionId` through the template's
   * own division; the first version of another division is the upstream when that division lies above.
   */
  async function upstreamOf(
    p: Ports,
    start: { basedOnVersionId: string | null; mofDivCode: string },
  ): Promise<Upstream | null> {
    const above = new Set((await p.divisions.ancestorCodes(start.mofDivCode)).slice(0, -1));
    let next = start.basedOnVersionId;
    for (let hops = 0; next !== null && hops < 100; hops++) {
      const v = await p.templates.getVersion(next);
      if (!v) return null;
      if (v.mofDivCode !== start.mofDivCode) {
        if (!above.has(v.mofDivCode)) return null;
        const template = await p.templates.getTemplate(v.templateId);
        return template ? { version: summaryOf(v), template, definition: v.definition } : null;
      }
      next = v.basedOnVersionId;
    }
    return null;
  }

  async function libraryCodesFor(p: Ports, owner: string, definition: TemplateDefinition) {
    const used = libraryCodesOf(definition);
    if (used.length === 0) return new Set<string>();
    const chain = await p.divisions.ancestorCodes(owner);
    return new Set(await p.indicators.existingCodes(chain, used));
  }

  async function check(p: Ports, owner: string, definition: TemplateDefinition, upstream: Upstream | null) {
    return checkDefinition(definition, {
      libraryCodes: await libraryCodesFor(p, owner, definition),
      ...(upstream ? { base: upstream.definition } : {}),
    });
  }

  async function effectiveScheme(p: Ports, mofDivCode: string, fiscalYear: number): Promise<GradeScheme> {
    const setting = await p.settings.getEffective<unknown>(mofDivCode, fiscalYear, GRADE_SCHEME_SETTING);
    const value = setting?.value;
    if (typeof value === 'string') return (await p.reference.getGradeScheme(value)) ?? JILIN_FIVE_TIER;
    if (value && typeof value === 'object' && Array.isArray((value as GradeScheme).bands)) {
      const v = validateGradeScheme(value as GradeScheme);
      if (v.ok) return v.value;
    }
    return JILIN_FIVE_TIER;
  }

  /** A copy source: a version the actor can see, published when it belongs to another division. */
  async function copySource(
    p: Ports,
    actor: Actor,
    id: string,
    targetDivision: string,
  ): Promise<Result<TemplateVersionRecord, DomainError>> {
    const src = await loadVersion(p, actor, id);
    if (!src.ok) return src;
    const v = src.value.version;
    if (v.mofDivCode !== targetDivision && v.status !== 'published') {
      return err(
        domainError(
          'TRANSITION_NOT_ALLOWED',
          { copyFromVersionId: id, status: v.status },
          {
            zh: '只能从其他区划已发布的版本复制或派生',
            en: "only another division's published version can be copied or derived",
          },
        ),
      );
    }
    return ok(v);
  }

  const service = {
    async list(
      actor: Actor,
      q: { division?: string; owners?: 'usable' | 'all'; subjectKind?: TemplateSubjectKind; q?: string },
    ): Promise<Result<TemplateView[], DomainError>> {
      const allowed = requirePermission(actor, 'templates.read');
      if (!allowed.ok) return allowed;
      const owners = await ownersFor(ports.divisions, actor, q.division, q.owners);
      if (!owners.ok) return owners;
      let rows = await ports.templates.listTemplates({
        mofDivCodes: owners.value,
        ...(q.subjectKind ? { subjectKind: q.subjectKind } : {}),
      });
      if (q.q) {
        const needle = q.q.toLowerCase();
        rows = rows.filter((t) =>
          [t.code, t.name, t.nameEn ?? '', t.description ?? ''].some((s) => s.toLowerCase().includes(needle)),
        );
      }
      const summaries = await ports.templates.listVersionSummaries(rows.map((t) => t.id));
      const names = new Map((await ports.divisions.listAll()).map((d) => [d.code, d.name]));
      const views: TemplateView[] = [];
      for (const t of rows) {
        const versions = summaries.filter((v) => v.templateId === t.id && versionVisible(actor, v));
        const latest = versions[0];
        const up = latest ? await upstreamOf(ports, latest) : null;
        views.push({
          ...t,
          divisionName: names.get(t.mofDivCode) ?? t.mofDivCode,
          writable: inDivisionScope(actor, t.mofDivCode) && actor.permissions.has('templates.write'),
          versions,
          upstream: up
            ? {
                templateId: up.template.id,
                name: up.template.name,
                mofDivCode: up.template.mofDivCode,
                divisionName: names.get(up.template.mofDivCode) ?? up.template.mofDivCode,
              }
            : null,
        });
      }
      return ok(views);
    },

    async get(actor: Actor, id: string): Promise<Result<TemplateView, DomainError>> {
      const allowed = requirePermission(actor, 'templates.read');
      if (!allowed.ok) return allowed;
      const t = await loadTemplate(ports, actor, id);
      if (!t.ok) return t;
      const versions = (await ports.templates.listVersionSummaries([id])).filter((v) =>
        versionVisible(actor, v),
      );
      const latest = versions[0];
      const up = latest ? await upstreamOf(ports, latest) : null;
      return ok({
        ...t.value,
        divisionName: await divisionName(ports, t.value.mofDivCode),
        writable: inDivisionScope(actor, t.value.mofDivCode) && actor.permissions.has('templates.write'),
        versions,
        upstream: up
          ? {
              templateId: up.template.id,
              name: up.template.name,
              mofDivCode: up.template.mofDivCode,
              divisionName: await divisionName(ports, up.template.mofDivCode),
            }
          : null,
      });
    },

    /** A new template with its first draft: empty, or copied (derived) from a version. */
    async create(
      actor: Actor,
      input: {
        mofDivCode?: string;
        code: string;
        name: string;
        nameEn?: string | null;
        subjectKind: TemplateSubjectKind;
        description?: string | null;
        fiscalYear: number;
        copyFromVersionId?: string;
        changeNote?: string | null;
      },
    ): Promise<Result<{ template: TemplateRecord; version: TemplateVersionRecord }, DomainError>> {
      const allowed = requirePermission(actor, 'templates.write');
      if (!allowed.ok) return allowed;
      const mofDivCode = input.mofDivCode ?? actor.divisionCode;
      const scoped = requireInScope(actor, { mofDivCode });
      if (!scoped.ok) return scoped;
      return inTransaction(deps.transact, async (p) => {
        let source: TemplateVersionRecord | null = null;
        if (input.copyFromVersionId) {
          const s = await copySource(p, actor, input.copyFromVersionId, mofDivCode);
          if (!s.ok) return s;
          source = s.value;
        }
        if (await p.templates.getTemplateByCode(mofDivCode, input.code)) {
          return err(
            domainError(
              'DUPLICATE',
              { field: 'code', code: input.code },
              { zh: `模板编码“${input.code}”已存在`, en: `template code "${input.code}" exists` },
            ),
          );
        }
        const created = await p.templates.createTemplate({
          mofDivCode,
          code: input.code,
          name: input.name,
          nameEn: input.nameEn ?? null,
          subjectKind: input.subjectKind,
          description: input.description ?? null,
          createdBy: actor.userId,
        });
        if (!created.ok) return created;
        const template = created.value;
        const version = await p.templates.createVersion({
          templateId: template.id,
          fiscalYear: input.fiscalYear,
          definition: source ? source.definition : emptyDefinition(),
          gradeScheme: source?.gradeScheme ?? null,
          basedOnVersionId: source?.id ?? null,
          changeNote: input.changeNote ?? null,
          createdBy: actor.userId,
        });
        if (!version.ok) return version;
        await p.audit.append({
          actor: auditActor(actor),
          action: 'template.create',
          objectType: 'template',
          objectId: template.id,
          mofDivCode,
          before: null,
          after: { template, versionId: version.value.id, copiedFrom: source?.id ?? null },
        });
        await p.audit.append({
          actor: auditActor(actor),
          action: 'template_version.create',
          objectType: 'template_version',
          objectId: version.value.id,
          mofDivCode,
          before: null,
          after: summaryOf(version.value),
        });
        return ok({ template, version: version.value });
      });
    },

    async update(
      actor: Actor,
      id: string,
      version: number,
      patch: TemplatePatch,
    ): Promise<Result<TemplateRecord, DomainError>> {
      const allowed = requirePermission(actor, 'templates.write');
      if (!allowed.ok) return allowed;
      return inTransaction(deps.transact, async (p) => {
        const t = await loadTemplate(p, actor, id);
        if (!t.ok) return t;
        const w = requireWritable(actor, t.value);
        if (!w.ok) return w;
        if (t.value.version !== version) return err(domainError('VERSION_CONFLICT', { current: t.value }));
        const after = await p.templates.updateTemplate(id, version, patch);
        if (!after) {
          return err(
            domainError('VERSION_CONFLICT', { current: (await p.templates.getTemplate(id)) ?? t.value }),
          );
        }
        await p.audit.append({
          actor: auditActor(actor),
          action: 'template.update',
          objectType: 'template',
          objectId: id,
          mofDivCode: after.mofDivCode,
          before: t.value,
          after,
        });
        return ok(after);
      });
    },

    /** A new draft for a year: empty, or a copy of a version (of any year; 复制版本). */
    async createVersion(
      actor: Actor,
      templateId: string,
      input: { fiscalYear: number; copyFromVersionId?: string; changeNote?: string | null },
    ): Promise<Result<TemplateVersionRecord, DomainError>> {
      const allowed = requirePermission(actor, 'templates.write');
      if (!allowed.ok) return allowed;
      return inTransaction(deps.transact, async (p) => {
        const t = await loadTemplate(p, actor, templateId);
        if (!t.ok) return t;
        const w = requireWritable(actor, t.value);
        if (!w.ok) return w;
        if (t.value.status === 'retired') {
          return err(
            domainError(
              'TRANSITION_NOT_ALLOWED',
              { templateId, status: 'retired' },
              { zh: '模板已停用，不能新建版本', en: 'the template is retired; no new versions' },
            ),
          );
        }
        let source: TemplateVersionRecord | null = null;
        if (input.copyFromVersionId) {
          const s = await copySource(p, actor, input.copyFromVersionId, t.value.mofDivCode);
          if (!s.ok) return s;
          source = s.value;
        }
        const created = await p.templates.createVersion({
          templateId,
          fiscalYear: input.fiscalYear,
          definition: source ? source.definition : emptyDefinition(),
          gradeScheme: source?.gradeScheme ?? null,
          basedOnVersionId: source?.id ?? null,
          changeNote:
            input.changeNote ??
            (source
              ? `复制自${source.mofDivCode !== t.value.mofDivCode ? '上级' : ''}${source.fiscalYear}年度第${source.versionNo}版`
              : null),
          createdBy: actor.userId,
        });
        if (!created.ok) return created;
        await p.audit.append({
          actor: auditActor(actor),
          action: 'template_version.create',
          objectType: 'template_version',
          objectId: created.value.id,
          mofDivCode: created.value.mofDivCode,
          before: null,
          after: { ...summaryOf(created.value), copiedFrom: source?.id ?? null },
        });
        return ok(created.value);
      });
    },

    async getVersion(actor: Actor, id: string): Promise<Result<VersionView, DomainError>> {
      const allowed = requirePermission(actor, 'templates.read');
      if (!allowed.ok) return allowed;
      const loaded = await loadVersion(ports, actor, id);
      if (!loaded.ok) return loaded;
      const { version, template } = loaded.value;
      const up = await upstreamOf(ports, version);
      const checked = await check(ports, template.mofDivCode, version.definition, up);
      const writable =
        inDivisionScope(actor, template.mofDivCode) && actor.permissions.has('templates.write');
      return ok({
        version,
        template,
        divisionName: await divisionName(ports, template.mofDivCode),
        writable: writable && version.status === 'draft',
        publishable:
          version.status === 'draft' &&
          inDivisionScope(actor, template.mofDivCode) &&
          actor.permissions.has('templates.publish'),
        issues: checked.issues,
        upstream: up
          ? {
              versionId: up.version.id,
              templateId: up.template.id,
              templateName: up.template.name,
              mofDivCode: up.template.mofDivCode,
              divisionName: await divisionName(ports, up.template.mofDivCode),
              fiscalYear: up.version.fiscalYear,
              versionNo: up.version.versionNo,
              definition: up.definition,
              localGroups: localGroupCodes(up.definition),
            }
          : null,
        gradeScheme:
          version.gradeScheme ?? (await effectiveScheme(ports, template.mofDivCode, version.fiscalYear)),
      });
    },

    /**
     * Saves a draft's whole definition. Problems the engine finds are returned, not refused (a draft may
     * be unfinished; publishing refuses them); changes to the upper division's nodes are refused.
     */
    async saveDraft(
      actor: Actor,
      id: string,
      input: { version: number; definition: TemplateDefinition; changeNote?: string | null },
    ): Promise<Result<{ version: TemplateVersionRecord; issues: readonly DefinitionIssue[] }, DomainError>> {
      const allowed = requirePermission(actor, 'templates.write');
      if (!allowed.ok) return allowed;
      return inTransaction(deps.transact, async (p) => {
        const loaded = await loadVersion(p, actor, id);
        if (!loaded.ok) return loaded;
        const { version: before, template } = loaded.value;
        const w = requireWritable(actor, template);
        if (!w.ok) return w;
        const refused = versionActionRefusal(before.status, 'edit', { id });
        if (refused) return err(refused);
        if (before.version !== input.version) {
          return err(domainError('VERSION_CONFLICT', { current: before }));
        }
        const up = await upstreamOf(p, before);
        const checked = await check(p, template.mofDivCode, input.definition, up);
        const local = checked.issues.filter((i) =>
          [
            'MAX_SCORE_CHANGED',
            'BASE_NODE_MISSING',
            'BASE_NODE_CHANGED',
            'BASE_NODE_MOVED',
            'LOCAL_NODE_NOT_ALLOWED',
          ].includes(i.code),
        );
        if (local.length > 0) {
          return err(
            domainError(
              'TEMPLATE_INVALID',
              { issues: local },
              {
                zh: `本版本派生自上级模板，上级指标须保持不变，本级指标只能加在允许增加的指标组下（${local.length}处问题）`,
                en: `this version derives from an upper template: keep its indicators unchanged and add local ones only under groups that allow them (${local.length} problem(s))`,
              },
            ),
          );
        }
        const saved = await p.templates.updateDraft(id, {
          expectedVersion: input.version,
          definition: input.definition,
          ...(input.changeNote !== undefined ? { changeNote: input.changeNote } : {}),
        });
        if (!saved.ok) {
          if (saved.error.code === 'VERSION_CONFLICT') {
            return err(
              domainError('VERSION_CONFLICT', { current: (await p.templates.getVersion(id)) ?? before }),
            );
          }
          return saved;
        }
        await p.audit.append({
          actor: auditActor(actor),
          action: 'template_version.update',
          objectType: 'template_version',
          objectId: id,
          mofDivCode: saved.value.mofDivCode,
          before: { definition: before.definition, changeNote: before.changeNote, version: before.version },
          after: {
            definition: saved.value.definition,
            changeNote: saved.value.changeNote,
            version: saved.value.version,
            problems: checked.issues.length,
          },
        });
        return ok({ version: saved.value, issues: checked.issues });
      });
    },

    /** Every problem of a definition (the stored one, or one being edited) in the version's context. */
    async validate(
      actor: Actor,
      id: string,
      definition?: TemplateDefinition,
    ): Promise<Result<{ valid: boolean; issues: readonly DefinitionIssue[] }, DomainError>> {
      const allowed = requirePermission(actor, 'templates.read');
      if (!allowed.ok) return allowed;
      const loaded = await loadVersion(ports, actor, id);
      if (!loaded.ok) return loaded;
      const { version, template } = loaded.value;
      const up = await upstreamOf(ports, version);
      const checked = await check(ports, template.mofDivCode, definition ?? version.definition, up);
      return ok({ valid: checked.issues.length === 0, issues: checked.issues });
    },

    /** 发布: only a draft without problems; the version published before for the year is retired. */
    async publish(
      actor: Actor,
      id: string,
      version: number,
    ): Promise<
      Result<{ version: TemplateVersionRecord; retired: TemplateVersionSummary | null }, DomainError>
    > {
      const allowed = requirePermission(actor, 'templates.publish');
      if (!allowed.ok) return allowed;
      return inTransaction(deps.transact, async (p) => {
        const loaded = await loadVersion(p, actor, id);
        if (!loaded.ok) return loaded;
        const { version: draft, template } = loaded.value;
        const w = requireWritable(actor, template);
        if (!w.ok) return w;
        const refused = versionActionRefusal(draft.status, 'publish', { id });
        if (refused) return err(refused);
        if (draft.version !== version) return err(domainError('VERSION_CONFLICT', { current: draft }));
        const up = await upstreamOf(p, draft);
        const checked = await check(p, template.mofDivCode, draft.definition, up);
        if (checked.issues.length > 0) {
          return err(
            domainError(
              'TEMPLATE_INVALID',
              { issues: checked.issues },
              {
                zh: `尚有 ${checked.issues.length} 处问题，修改后才能发布`,
                en: `${checked.issues.length} problem(s) must be fixed before publishing`,
              },
            ),
          );
        }
        const previous = await p.templates.getPublishedVersion(draft.templateId, draft.fiscalYear);
        const published = await p.templates.publishVersion(id, {
          expectedVersion: version,
          publishedBy: actor.userId,
        });
        if (!published.ok) return published;
        if (previous) {
          await p.audit.append({
            actor: auditActor(actor),
            action: 'template_version.retire',
            objectType: 'template_version',
            objectId: previous.id,
            mofDivCode: previous.mofDivCode,
            before: { status: 'published', versionNo: previous.versionNo },
            after: { status: 'retired', replacedBy: id },
          });
        }
        await p.audit.append({
          actor: auditActor(actor),
          action: 'template_version.publish',
          objectType: 'template_version',
          objectId: id,
          mofDivCode: published.value.mofDivCode,
          before: { status: 'draft' },
          after: {
            status: 'published',
            fiscalYear: published.value.fiscalYear,
            versionNo: published.value.versionNo,
            retired: previous?.id ?? null,
          },
        });
        const retired = previous ? await p.templates.getVersion(previous.id) : null;
        return ok({ version: published.value, retired: retired ? summaryOf(retired) : null });
      });
    },

    /** Discards a draft (never a published or retired version). */
    async deleteDraft(actor: Actor, id: string): Promise<Result<true, DomainError>> {
      const allowed = requirePermission(actor, 'templates.write');
      if (!allowed.ok) return allowed;
      return inTransaction(deps.transact, async (p) => {
        const loaded = await loadVersion(p, actor, id);
        if (!loaded.ok) return loaded;
        const { version: v, template } = loaded.value;
        const w = requireWritable(actor, template);
        if (!w.ok) return w;
        const refused = versionActionRefusal(v.status, 'delete', { id });
        if (refused) return err(refused);
        if (!(await p.templates.deleteDraft(id))) {
          return err(
            domainError(
              'TRANSITION_NOT_ALLOWED',
              { id },
              { zh: '已有其他版本复制自该草稿，不能删除', en: 'other versions were copied from this draft' },
            ),
          );
        }
        await p.audit.append({
          actor: auditActor(actor),
          action: 'template_version.delete',
          objectType: 'template_version',
          objectId: id,
          mofDivCode: v.mofDivCode,
          before: summaryOf(v),
          after: null,
        });
        return ok(true);
      });
    },

    /**
     * 试算: scores sample inputs with a definition and explains every sample, storing nothing. The grade
     * scheme is the version's own, else the division's for the year (default 吉林五档).
     */
    async preview(
      actor: Actor,
      input: {
        definition: TemplateDefinition;
        samples: readonly PreviewSample[];
        fiscalYear: number;
        division?: string;
        versionId?: string;
      },
    ): Promise<
      Result<
        { gradeScheme: GradeScheme; results: { label: string; explanation: SubjectExplanation }[] },
        DomainError
      >
    > {
      const allowed = requirePermission(actor, 'templates.read');
      if (!allowed.ok) return allowed;
      const division = input.division ?? actor.divisionCode;
      if (!(await visibleOwners(ports.divisions, actor)).has(division)) {
        return err(domainError('OUT_OF_SCOPE', { division }));
      }
      let scheme: GradeScheme | null = null;
      if (input.versionId) {
        const loaded = await loadVersion(ports, actor, input.versionId);
        if (!loaded.ok) return loaded;
        scheme = loaded.value.version.gradeScheme;
      }
      scheme ??= await effectiveScheme(ports, division, input.fiscalYear);
      const checked = checkDefinition(input.definition);
      if (!checked.plan) {
        return err(
          domainError(
            'TEMPLATE_INVALID',
            { issues: checked.issues },
            {
              zh: `模板尚有 ${checked.issues.length} 处问题，无法试算`,
              en: `the template has ${checked.issues.length} problem(s); it cannot be scored`,
            },
          ),
        );
      }
      const scored = previewScores(
        checked.plan,
        input.samples.map((s) => s.inputs),
        scheme,
      );
      if (!scored.ok) return scored;
      return ok({
        gradeScheme: scheme,
        results: scored.value.map((explanation, i) => ({
          label: input.samples[i]?.label ?? `样例${i + 1}`,
          explanation,
        })),
      });
    },
  };
  return service;
}

export type TemplateService = ReturnType<typeof makeTemplateService>;
