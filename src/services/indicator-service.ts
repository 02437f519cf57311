import type { DivisionPort } from '../core/access/ports.ts';
import { inDivisionScope, requireInScope, requirePermission, type Actor } from '../core/access/scope.ts';
import type { AuditPort } from '../core/audit/ports.ts';
import {
  validityProblem,
  type FundClass,
  type IndicatorDirection,
  type IndicatorScope,
  type IndicatorStatus,
  type LibraryIndicator,
} from '../core/indicators/library.ts';
import type {
  IndicatorFields,
  IndicatorFilter,
  IndicatorPatch,
  IndicatorPort,
  IndicatorSort,
} from '../core/indicators/ports.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import type { Clock } from './clock.ts';
import { writeIndicatorsXlsx } from './indicator-export.ts';
import { ownersFor, upperOwnerRefusal, visibleOwners } from './published-scope.ts';
import { inTransaction, type Transact } from './transaction.ts';

/** 指标库: list, create, edit and retire library indicators within the division scope; export to Excel. */

interface Ports {
  readonly indicators: IndicatorPort;
  readonly audit: AuditPort;
  readonly divisions: DivisionPort;
}

export interface IndicatorDeps {
  readonly ports: Ports;
  readonly transact: Transact<Ports>;
  readonly clock: Clock;
}

export interface IndicatorQuery {
  readonly division?: string;
  readonly owners?: 'usable' | 'all';
  readonly scope?: IndicatorScope;
  readonly level1?: string;
  readonly level2?: string;
  readonly direction?: IndicatorDirection;
  readonly fundClass?: FundClass;
  readonly status?: IndicatorStatus;
  readonly validOn?: string;
  readonly q?: string;
  readonly sort?: IndicatorSort;
  readonly order?: 'asc' | 'desc';
}

export type NewIndicatorInput = IndicatorFields & {
  readonly mofDivCode?: string;
  readonly status?: IndicatorStatus;
};

/** The divisions whose indicators share a code space with `mofDivCode`'s: above it and below it. */
async function codeChain(p: Ports, mofDivCode: string): Promise<string[]> {
  const up = await p.divisions.ancestorCodes(mofDivCode);
  const down = await p.divisions.subtreeCodes(mofDivCode);
  return [...new Set([...up, ...down])];
}

const INDICATOR = { zh: '指标', en: 'indicator' };
const auditActor = (a: Actor) => ({ userId: a.userId, username: a.username, ip: a.ip });

export function makeIndicatorService(deps: IndicatorDeps) {
  const { ports } = deps;

  async function filterFor(
    actor: Actor,
    q: IndicatorQuery,
  ): Promise<Result<Omit<IndicatorFilter, 'offset' | 'limit'>, DomainError>> {
    const owners = await ownersFor(ports.divisions, actor, q.division, q.owners);
    if (!owners.ok) return owners;
    const { division: _d, owners: _o, ...rest } = q;
    return ok({ ...rest, mofDivCodes: owners.value });
  }

  function checkValidity(from: string | null, to: string | null): Result<true, DomainError> {
    const problem = validityProblem(from, to);
    return problem
      ? err(domainError('VALIDATION_FAILED', { field: 'validTo', validFrom: from, validTo: to }, problem))
      : ok(true);
  }

  /** Loads an indicator the actor may change: NOT_FOUND when invisible, OUT_OF_SCOPE when an upper one. */
  async function loadWritable(
    p: Ports,
    actor: Actor,
    id: string,
  ): Promise<Result<LibraryIndicator, DomainError>> {
    const row = await p.indicators.get(id);
    if (!row || !(await visibleOwners(p.divisions, actor)).has(row.mofDivCode)) {
      return err(domainError('NOT_FOUND', { id }));
    }
    if (!inDivisionScope(actor, row.mofDivCode)) return err(upperOwnerRefusal(row.mofDivCode, INDICATOR));
    return ok(row);
  }

  const service = {
    async list(
      actor: Actor,
      q: IndicatorQuery & { page: number; pageSize: number },
    ): Promise<Result<{ items: LibraryIndicator[]; total: number }, DomainError>> {
      const allowed = requirePermission(actor, 'indicators.read');
      if (!allowed.ok) return allowed;
      const { page, pageSize, ...query } = q;
      const filter = await filterFor(actor, query);
      if (!filter.ok) return filter;
      return ok(
        await ports.indicators.list({ ...filter.value, offset: (page - 1) * pageSize, limit: pageSize }),
      );
    },

    async get(actor: Actor, id: string): Promise<Result<LibraryIndicator, DomainError>> {
      const allowed = requirePermission(actor, 'indicators.read');
      if (!allowed.ok) return allowed;
      const row = await ports.indicators.get(id);
      if (!row || !(await visibleOwners(ports.divisions, actor)).has(row.mofDivCode)) {
        return err(domainError('NOT_FOUND', { id }));
      }
      return ok(row);
    },

    async create(actor: Actor, input: NewIndicatorInput): Promise<Result<LibraryIndicator, DomainError>> {
      const allowed = requirePermission(actor, 'indicators.write');
      if (!allowed.ok) return allowed;
      const { mofDivCode = actor.divisionCode, status = 'active', ...fields } = input;
      const scoped = requireInScope(actor, { mofDivCode });
      if (!scoped.ok) return scoped;
      const valid = checkValidity(fields.validFrom, fields.validTo);
      if (!valid.ok) return valid;
      return inTransaction(deps.transact, async (p) => {
        // A code names one indicator along the chain of divisions that can see it together.
        const chain = await codeChain(p, mofDivCode);
        const taken = await p.indicators.existingCodes(chain, [fields.code]);
        if (taken.length > 0) {
          return err(
            domainError(
              'DUPLICATE',
              { field: 'code', code: fields.code },
              {
                zh: `指标编码“${fields.code}”已被本级、上级或下级指标库使用`,
                en: `indicator code "${fields.code}" is already used here, above or below`,
              },
            ),
          );
        }
        const row = await p.indicators.create({ ...fields, mofDivCode, status, createdBy: actor.userId });
        await p.audit.append({
          actor: auditActor(actor),
          action: 'indicator.create',
          objectType: 'indicator',
          objectId: row.id,
          mofDivCode: row.mofDivCode,
          before: null,
          after: row,
        });
        return ok(row);
      });
    },

    async update(
      actor: Actor,
      id: string,
      version: number,
      patch: IndicatorPatch,
      action: 'update' | 'retire' = 'update',
    ): Promise<Result<LibraryIndicator, DomainError>> {
      const allowed = requirePermission(actor, 'indicators.write');
      if (!allowed.ok) return allowed;
      return inTransaction(deps.transact, async (p) => {
        const loaded = await loadWritable(p, actor, id);
        if (!loaded.ok) return loaded;
        const before = loaded.value;
        if (before.version !== version) {
          return err(domainError('VERSION_CONFLICT', { current: before }));
        }
        const valid = checkValidity(
          patch.validFrom !== undefined ? patch.validFrom : before.validFrom,
          patch.validTo !== undefined ? patch.validTo : before.validTo,
        );
        if (!valid.ok) return valid;
        if (patch.code !== undefined && patch.code !== before.code) {
          const chain = await codeChain(p, before.mofDivCode);
          if ((await p.indicators.existingCodes(chain, [patch.code])).length > 0) {
            return err(
              domainError(
                'DUPLICATE',
                { field: 'code', code: patch.code },
                {
                  zh: `指标编码“${patch.code}”已被本级、上级或下级指标库使用`,
                  en: `indicator code "${patch.code}" is already used here, above or below`,
                },
              ),
            );
          }
        }
        const after = await p.indicators.update(id, version, patch);
        if (!after) {
          return err(domainError('VERSION_CONFLICT', { current: (await p.indicators.get(id)) ?? before }));
        }
        await p.audit.append({
          actor: auditActor(actor),
          action: `indicator.${action}`,
          objectType: 'indicator',
          objectId: id,
          mofDivCode: after.mofDivCode,
          before,
          after,
        });
        return ok(after);
      });
    },

    /** 停用: the indicator stays for history and existing templates, but is no longer offered. */
    retire(actor: Actor, id: string, version: number) {
      return service.update(actor, id, version, { status: 'retired' }, 'retire');
    },

    /** The filtered list (every row, no paging) as an .xlsx workbook. */
    async exportXlsx(
      actor: Actor,
      q: IndicatorQuery & { lang?: 'zh' | 'en' },
    ): Promise<Result<{ body: Uint8Array; filename: string; rows: number }, DomainError>> {
      const allowed = requirePermission(actor, 'indicators.read');
      if (!allowed.ok) return allowed;
      const { lang = 'zh', ...query } = q;
      const filter = await filterFor(actor, query);
      if (!filter.ok) return filter;
      const { items } = await ports.indicators.list({ ...filter.value, offset: 0, limit: null });
      const names = new Map((await ports.divisions.listAll()).map((d) => [d.code, d.name]));
      const day = deps.clock().toISOString().slice(0, 10);
      const body = await writeIndicatorsXlsx(items, { lang, divisionName: (c) => names.get(c) ?? c, day });
      return ok({
        body,
        filename: lang === 'en' ? `indicator-library-${day}.xlsx` : `指标库-${day}.xlsx`,
        rows: items.length,
      });
    },
  };
  return service;
}

export type IndicatorService = ReturnType<typeof makeIndicatorService>;
