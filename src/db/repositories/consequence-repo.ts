/**
 * 结果应用 (implements core/consequences ConsequencePort): proposals and decisions per subject of a scoring
 * run, the base amounts the rules apply to, and the rule setting of a division and year (region setting
 * `consequence.rules`, inherited downward). Listings filter by the division codes (and organization ids)
 * they are given; the services decide what those are.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type {
  ConsequenceFilter,
  ConsequencePort,
  ConsequenceRecord,
  ConsequenceSort,
  ConsequenceStatus,
  RuleSetting,
} from '../../core/consequences/ports.ts';
import { CONSEQUENCE_RULES_SETTING } from '../../core/consequences/rules.ts';
import { domainError, err, ok } from '../../core/kernel/index.ts';
import type { Db } from '../client.ts';
import {
  consequences,
  funds,
  projects,
  projectYearAmounts,
  regionSettings,
  subjects,
  users,
} from '../schema.ts';
import { makeSettingRepo } from './setting-repo.ts';

const c = consequences;

const columns = {
  id: c.id,
  mofDivCode: c.mofDivCode,
  fiscalYear: c.fiscalYear,
  targetFiscalYear: c.targetFiscalYear,
  sourceId: c.sourceId,
  subjectId: c.subjectId,
  subjectName: subjects.name,
  subjectRefCode: subjects.refCode,
  subjectKind: subjects.kind,
  organizationId: c.organizationId,
  issuerMofDivCode: c.issuerMofDivCode,
  rule: c.rule,
  explanation: c.explanation,
  action: c.action,
  grade: c.grade,
  rank: c.rank,
  baseAmountFen: c.baseAmountFen,
  proposedFen: c.proposedFen,
  confirmedFen: c.confirmedFen,
  status: c.status,
  accountabilityReferral: c.accountabilityReferral,
  note: c.note,
  confirmedBy: c.confirmedBy,
  confirmedByName: sql<
    string | null
  >`(select u.display_name from ${users} u where u.id = ${sql.raw('"consequences"."confirmed_by"')})`,
  confirmedAt: c.confirmedAt,
  version: c.version,
  updatedAt: c.updatedAt,
};

const SORTS: Record<ConsequenceSort, SQL> = {
  rank: sql`${c.rank}`,
  proposedFen: sql`${c.proposedFen}`,
  confirmedFen: sql`${c.confirmedFen}`,
  baseAmountFen: sql`${c.baseAmountFen}`,
  name: sql`${subjects.name}`,
};

const likeOf = (q: string) => `%${q.replace(/[%_\\]/g, (x) => `\\${x}`)}%`;

export function makeConsequenceRepo(db: Db): ConsequencePort {
  const settings = makeSettingRepo(db);

  const base = () =>
    db
      .select(columns)
      .from(c)
      .leftJoin(subjects, and(eq(subjects.id, c.subjectId), eq(subjects.mofDivCode, c.mofDivCode)));

  function where(f: Omit<ConsequenceFilter, 'sort' | 'order' | 'offset' | 'limit'>): SQL | undefined {
    if (f.divisionCodes.length === 0) return sql`false`;
    const conds: (SQL | undefined)[] = [
      eq(c.source, 'scorecard'),
      eq(c.sourceId, f.runId),
      inArray(c.mofDivCode, [...f.divisionCodes]),
    ];
    if (f.organizationIds !== null) {
      conds.push(
        f.organizationIds.length === 0 ? sql`false` : inArray(c.organizationId, [...f.organizationIds]),
      );
    }
    if (f.statuses && f.statuses.length > 0) conds.push(inArray(c.status, [...f.statuses]));
    if (f.actions && f.actions.length > 0) conds.push(inArray(c.action, [...f.actions]));
    if (f.q) {
      const like = likeOf(f.q);
      conds.push(or(ilike(subjects.name, like), ilike(subjects.refCode, like)));
    }
    return and(...conds);
  }

  async function get(id: string): Promise<ConsequenceRecord | null> {
    const [row] = await base().where(eq(c.id, id)).limit(1);
    return (row as ConsequenceRecord | undefined) ?? null;
  }

  function toSetting(
    eff: { value: unknown; fromMofDivCode: string; inherited: boolean; locked: boolean },
    own: { version: number; note: string | null; updatedAt: Date } | undefined,
  ): RuleSetting {
    return {
      value: eff.value,
      fromMofDivCode: eff.fromMofDivCode,
      inherited: eff.inherited,
      locked: eff.locked,
      ownVersion: own?.version ?? null,
      note: own?.note ?? null,
      updatedAt: own?.updatedAt ?? null,
    };
  }

  async function ownRow(mofDivCode: string, fiscalYear: number) {
    const [row] = await db
      .select({
        version: regionSettings.version,
        note: regionSettings.note,
        updatedAt: regionSettings.updatedAt,
      })
      .from(regionSettings)
      .where(
        and(
          eq(regionSettings.mofDivCode, mofDivCode),
          eq(regionSettings.fiscalYear, fiscalYear),
          eq(regionSettings.key, CONSEQUENCE_RULES_SETTING),
        ),
      );
    return row;
  }

  return {
    async saveProposals(rows) {
      if (rows.length === 0) return { written: 0, kept: 0 };
      let written = 0;
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const out = await db
          .insert(c)
          .values(
            chunk.map((r) => ({
              mofDivCode: r.mofDivCode,
              fiscalYear: r.fiscalYear,
              targetFiscalYear: r.targetFiscalYear,
              source: 'scorecard' as const,
              sourceId: r.sourceId,
              subjectId: r.subjectId,
              organizationId: r.organizationId,
              issuerMofDivCode: r.issuerMofDivCode,
              departmentId: r.organizationId,
              rule: r.rule,
              explanation: r.explanation,
              action: r.action,
              grade: r.grade,
              rank: r.rank,
              baseAmountFen: r.baseAmountFen,
              proposedFen: r.proposedFen,
              accountabilityReferral: r.accountabilityReferral,
              createdBy: r.createdBy,
            })),
          )
          .onConflictDoUpdate({
            target: [c.source, c.sourceId, c.subjectId, c.targetFiscalYear],
            set: {
              rule: sql`excluded.rule`,
              explanation: sql`excluded.explanation`,
              action: sql`excluded.action`,
              grade: sql`excluded.grade`,
              rank: sql`excluded.rank`,
              baseAmountFen: sql`excluded.base_amount_fen`,
              proposedFen: sql`excluded.proposed_fen`,
              accountabilityReferral: sql`excluded.accountability_referral`,
              version: sql`${c.version} + 1`,
              updatedAt: sql`now()`,
            },
            setWhere: eq(c.status, 'proposed'),
          })
          .returning({ id: c.id });
        written += out.length;
      }
      return { written, kept: rows.length - written };
    },

    async list(f) {
      const w = where(f);
      const [total] = await db
        .select({ n: count() })
        .from(c)
        .leftJoin(subjects, and(eq(subjects.id, c.subjectId), eq(subjects.mofDivCode, c.mofDivCode)))
        .where(w);
      const dir = f.order === 'desc' ? desc : asc;
      const nulls = f.order === 'desc' ? sql`nulls last` : sql`nulls last`;
      let q = base()
        .where(w)
        .orderBy(sql`${dir(SORTS[f.sort])} ${nulls}`, asc(subjects.refCode), asc(c.id))
        .offset(f.offset)
        .$dynamic();
      if (f.limit !== null) q = q.limit(f.limit);
      return { items: (await q) as ConsequenceRecord[], total: Number(total?.n ?? 0) };
    },

    async totals(f) {
      const rows = await db
        .select({
          status: c.status,
          n: sql<number>`count(*)::int`,
          proposed: sql<string>`coalesce(sum(${c.proposedFen}), 0)::text`,
          confirmed: sql<string>`coalesce(sum(${c.confirmedFen}), 0)::text`,
          referrals: sql<number>`count(*) filter (where ${c.accountabilityReferral})::int`,
        })
        .from(c)
        .leftJoin(subjects, and(eq(subjects.id, c.subjectId), eq(subjects.mofDivCode, c.mofDivCode)))
        .where(where(f))
        .groupBy(c.status);
      const byStatus: Record<ConsequenceStatus, number> = { proposed: 0, confirmed: 0, rejected: 0 };
      let countAll = 0;
      let proposedFen = 0;
      let confirmedFen = 0;
      let referrals = 0;
      for (const r of rows) {
        byStatus[r.status] = Number(r.n);
        countAll += Number(r.n);
        proposedFen += Number(r.proposed);
        confirmedFen += Number(r.confirmed);
        referrals += Number(r.referrals);
      }
      return { count: countAll, proposedFen, confirmedFen, byStatus, referrals };
    },

    get,

    async decide(id, expectedVersion, patch) {
      const [row] = await db
        .update(c)
        .set({ ...patch, version: sql`${c.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(c.id, id), eq(c.version, expectedVersion)))
        .returning({ id: c.id });
      return row ? get(row.id) : null;
    },

    async transferPayments(divisionCodes, fiscalYear) {
      const out = new Map<string, number>();
      if (divisionCodes.length === 0) return out;
      const rows = await db
        .select({
          code: funds.mofDivCode,
          fen: sql<string>`sum(${funds.amountFen})::text`,
        })
        .from(funds)
        .where(
          and(
            inArray(funds.mofDivCode, [...divisionCodes]),
            eq(funds.fiscalYear, fiscalYear),
            eq(funds.fundType, 'transfer_payment'),
            eq(funds.status, 'active'),
          ),
        )
        .groupBy(funds.mofDivCode);
      for (const r of rows) out.set(r.code, Number(r.fen));
      return out;
    },

    async departmentBudgets(departmentIds, fiscalYear) {
      const out = new Map<string, number>();
      if (departmentIds.length === 0) return out;
      const rows = await db
        .select({
          dept: projects.departmentId,
          fen: sql<string>`sum(${projectYearAmounts.amountFen})::text`,
        })
        .from(projectYearAmounts)
        .innerJoin(
          projects,
          and(
            eq(projects.id, projectYearAmounts.projectId),
            eq(projects.mofDivCode, projectYearAmounts.mofDivCode),
          ),
        )
        .where(
          and(
            inArray(projects.departmentId, [...departmentIds]),
            eq(projectYearAmounts.fiscalYear, fiscalYear),
            inArray(projects.libraryStatus, ['in_library', 'under_review']),
          ),
        )
        .groupBy(projects.departmentId);
      for (const r of rows) out.set(r.dept, Number(r.fen));
      return out;
    },

    async getRuleSetting(mofDivCode, fiscalYear) {
      const eff = await settings.getEffective(mofDivCode, fiscalYear, CONSEQUENCE_RULES_SETTING);
      if (!eff) return null;
      return toSetting(eff, await ownRow(mofDivCode, fiscalYear));
    },

    async saveRuleSetting(input) {
      const own = await ownRow(input.mofDivCode, input.fiscalYear);
      if ((own?.version ?? null) !== input.expectedVersion) {
        return err(
          domainError('VERSION_CONFLICT', {
            key: CONSEQUENCE_RULES_SETTING,
            expectedVersion: input.expectedVersion,
            currentVersion: own?.version ?? null,
          }),
        );
      }
      const r = await settings.set({
        mofDivCode: input.mofDivCode,
        fiscalYear: input.fiscalYear,
        key: CONSEQUENCE_RULES_SETTING,
        value: input.value,
        note: input.note,
        updatedBy: input.updatedBy,
        ...(input.expectedVersion !== null ? { expectedVersion: input.expectedVersion } : {}),
      });
      if (!r.ok) return r;
      const eff = await settings.getEffective(input.mofDivCode, input.fiscalYear, CONSEQUENCE_RULES_SETTING);
      return ok(toSetting(eff!, await ownRow(input.mofDivCode, input.fiscalYear)));
    },

    async removeRuleSetting(mofDivCode, fiscalYear, expectedVersion) {
      const rows = await db
        .delete(regionSettings)
        .where(
          and(
            eq(regionSettings.mofDivCode, mofDivCode),
            eq(regionSettings.fiscalYear, fiscalYear),
            eq(regionSettings.key, CONSEQUENCE_RULES_SETTING),
            eq(regionSettings.version, expectedVersion),
          ),
        )
        .returning({ key: regionSettings.key });
      return rows.length > 0;
    },
  };
}
