/**
 * The demo province (src/db/demo-seed.ts) on a fresh database: it seeds at a small scale, is deterministic,
 * its demo accounts can sign in, its templates compile, every subject has its inputs, every stored
 * self-evaluation verdict is what the checker says today, and a reset keeps the reference data.
 * Lives in test/ because it checks the passwords with the real hashing (services), which src/db may not import.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/core/demo/demo-accounts.ts';
import type { TemplateDefinition } from '../src/core/indicators/types.ts';
import { compileTemplate } from '../src/core/scoring/index.ts';
import { checkSelfEvaluation } from '../src/core/selfeval/check-self-evaluation.ts';
import type { SelfEvalTable } from '../src/core/selfeval/types.ts';
import { rowsOf, type Db } from '../src/db/client.ts';
import {
  BASE_PROJECTS,
  hasDemoData,
  isDatabaseEmpty,
  resetBusinessData,
  seedDemo,
  type DemoSeedReport,
} from '../src/db/demo-seed.ts';
import * as s from '../src/db/schema.ts';
import { REFERENCE_TEMPLATE_FILES } from '../src/db/reference-seed.ts';
import { hashPassword, verifyPassword } from '../src/services/auth/password.ts';
import { useTestDatabase } from './db.ts';

const SCALE = 0.05;
// migrated but empty: the seed must load the reference data itself
const t = useTestDatabase();

/** md5 over a table's rows (as jsonb text, without the columns a run may legitimately change). */
async function checksum(db: Db, table: string): Promise<string> {
  const volatile = sql.raw(
    `array['created_at', 'updated_at', 'entered_at', 'password_hash', 'last_seen_at']::text[]`,
  );
  const [row] = rowsOf<{ sum: string | null }>(
    await db.execute(sql`
      select md5(string_agg(j, '|' order by j)) as sum
      from (select (to_jsonb(x) - ${volatile})::text as j from ${sql.identifier(table)} x) r`),
  );
  return row?.sum ?? '';
}

const CHECKED_TABLES = [
  'organizations',
  'users',
  'user_roles',
  'agencies',
  'experts',
  'funds',
  'indicator_library',
  'templates',
  'template_versions',
  'subjects',
  'input_values',
  'projects',
  'project_year_amounts',
  'budget_lines',
  'budget_reviews',
  'ex_ante_assessments',
  'self_evaluations',
];

async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of CHECKED_TABLES) out[table] = await checksum(db, table);
  return out;
}

async function seedOnce(db: Db, reset = false): Promise<DemoSeedReport> {
  const r = await seedDemo(db, { scale: SCALE, hashPassword, reset });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('demo province seed', () => {
  let first: DemoSeedReport;
  let firstPrint: Record<string, string>;

  beforeAll(async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    first = await seedOnce(t.db);
    firstPrint = await fingerprint(t.db);
  }, 120_000);

  it('seeds a small province, loading the reference data first', async () => {
    expect(first.referenceSeeded).toBe(true);
    expect(first.counts['projects']).toBe(Math.round(BASE_PROJECTS * SCALE));
    for (const [table, n] of Object.entries(first.counts)) expect(n, table).toBeGreaterThan(0);
    expect(first.selfEvaluations).toBe(first.selfEvaluationCandidates);
    expect(await isDatabaseEmpty(t.db)).toBe(false);
    expect(await hasDemoData(t.db)).toBe(true);
    // every division except the statistical zones has a finance bureau and the province its 处室
    const [bureaus] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from organizations where kind = 'finance_bureau'`),
    );
    expect(bureaus!.n).toBe(83);
    const kinds = await t.db.selectDistinct({ kind: s.organizations.kind }).from(s.organizations);
    expect(kinds.map((k) => k.kind).sort()).toEqual(
      [
        'agency',
        'budget_department',
        'budget_unit',
        'congress_committee',
        'finance_bureau',
        'finance_division',
        'other',
      ].sort(),
    );
  });

  it('refuses a second seed without reset, and leaves the data alone', async () => {
    const r = await seedDemo(t.db, { scale: SCALE, hashPassword });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('DUPLICATE');
      expect(r.error.message).toContain('--reset');
    }
    expect(await fingerprint(t.db)).toEqual(firstPrint);
  });

  it('has every demo account with its role and division, and the demo password verifies', async () => {
    const users = await t.db
      .select({
        id: s.users.id,
        username: s.users.username,
        displayName: s.users.displayName,
        mofDivCode: s.users.mofDivCode,
        hash: s.users.passwordHash,
        organizationId: s.users.organizationId,
      })
      .from(s.users)
      .where(
        inArray(
          s.users.username,
          DEMO_ACCOUNTS.map((a) => a.username),
        ),
      );
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    for (const a of DEMO_ACCOUNTS) {
      const u = users.find((x) => x.username === a.username)!;
      expect(u.mofDivCode, a.username).toBe(a.divisionCode);
      expect(u.displayName).toBe(a.description);
      const roles = await t.db.select().from(s.userRoles).where(eq(s.userRoles.userId, u.id));
      expect(roles.map((r) => r.role)).toEqual([a.role]);
      expect(await verifyPassword(DEMO_PASSWORD, u.hash), a.username).toBe(true);
      expect(await verifyPassword('wrong-password-1', u.hash)).toBe(false);
    }
    // organizations as the accounts say
    const orgOf = async (username: string) => {
      const u = users.find((x) => x.username === username)!;
      const [o] = await t.db.select().from(s.organizations).where(eq(s.organizations.id, u.organizationId!));
      return o!;
    };
    expect((await orgOf('sheng')).name).toBe('吉林省财政厅绩效管理处');
    expect((await orgOf('chushi')).name).toBe('吉林省财政厅教科文处');
    expect((await orgOf('jiaoyu')).name).toBe('吉林省教育厅');
    expect(await orgOf('danwei')).toMatchObject({ kind: 'budget_unit', name: '吉林省学生资助管理中心' });
    expect((await orgOf('nongan')).name).toBe('农安县财政局');
    expect((await orgOf('renda')).kind).toBe('congress_committee');
    expect((await orgOf('weiyuanhui')).kind).toBe('other');
  });

  it('publishes templates that compile, for both years', async () => {
    const versions = await t.db.select().from(s.templateVersions);
    expect(versions.length).toBeGreaterThanOrEqual(6);
    for (const v of versions) {
      const compiled = compileTemplate(v.definition);
      expect(compiled.ok, `${v.templateId} ${v.fiscalYear} v${v.versionNo}`).toBe(true);
    }
    const published = await t.db
      .select({ code: s.templates.code, year: s.templateVersions.fiscalYear })
      .from(s.templateVersions)
      .innerJoin(s.templates, eq(s.templates.id, s.templateVersions.templateId))
      .where(eq(s.templateVersions.status, 'published'));
    for (const code of ['department-budget-management', 'county-fiscal-high-quality']) {
      expect(
        published
          .filter((p) => p.code === code)
          .map((p) => p.year)
          .sort(),
      ).toEqual([2025, 2026]);
    }
    const templates = await t.db.select().from(s.templates);
    for (const tpl of templates.filter((x) => x.code !== 'project-selfeval-standard')) {
      expect(tpl.description?.length ?? 0).toBeGreaterThan(100);
    }
  });

  it('gives every subject all its required inputs for every year', async () => {
    const versions = await t.db
      .select({
        id: s.templateVersions.id,
        year: s.templateVersions.fiscalYear,
        definition: s.templateVersions.definition,
        kind: s.templates.subjectKind,
      })
      .from(s.templateVersions)
      .innerJoin(s.templates, eq(s.templates.id, s.templateVersions.templateId))
      .where(
        and(
          eq(s.templateVersions.status, 'published'),
          inArray(s.templates.subjectKind, ['department_budget', 'county_fiscal']),
        ),
      );
    expect(versions).toHaveLength(4);
    for (const v of versions) {
      const compiled = compileTemplate(v.definition as TemplateDefinition);
      if (!compiled.ok) throw new Error('template does not compile');
      const required = compiled.value.inputs.filter((i) => !i.optional).map((i) => i.key);
      const subjects = await t.db
        .select()
        .from(s.subjects)
        .where(eq(s.subjects.kind, v.kind === 'department_budget' ? 'department' : 'division'));
      expect(subjects.length).toBeGreaterThan(v.kind === 'department_budget' ? 35 : 70);
      const inputs = await t.db
        .select({
          subjectId: s.inputValues.subjectId,
          key: s.inputValues.inputKey,
          source: s.inputValues.source,
        })
        .from(s.inputValues)
        .where(eq(s.inputValues.templateVersionId, v.id));
      const keys = new Map<string, Set<string>>();
      for (const i of inputs) {
        const set = keys.get(i.subjectId) ?? new Set<string>();
        set.add(i.key);
        keys.set(i.subjectId, set);
      }
      for (const subject of subjects) {
        const have = keys.get(subject.id) ?? new Set<string>();
        expect(
          required.filter((k) => !have.has(k)),
          `${subject.name} ${v.year}`,
        ).toEqual([]);
      }
      expect(new Set(inputs.map((i) => i.source)).size).toBeGreaterThanOrEqual(4);
    }
    // the generated totals spread over all five grades
    const labels = new Set(first.scorecards.flatMap((x) => Object.keys(x.grades)));
    expect([...labels].sort()).toEqual(['中', '优', '低', '差', '良'].sort());
  });

  it('stores with every self-evaluation table exactly what the checker says of it', async () => {
    const rows = await t.db.select().from(s.selfEvaluations);
    expect(rows.length).toBe(first.selfEvaluations);
    const codes = new Set<string>();
    for (const row of rows) {
      const report = checkSelfEvaluation(row.table as SelfEvalTable);
      expect(row.formulaTotal, row.projectName).toBe(report.formulaTotal);
      expect(row.printedTotal).toBe(report.printedTotal);
      expect(row.grade).toBe(report.grade.label);
      expect(row.findings).toEqual(JSON.parse(JSON.stringify(report.findings)));
      for (const f of report.findings) codes.add(f.code);
    }
    // the tables are messy the way real ones are
    expect(codes.size).toBeGreaterThanOrEqual(5);
  });

  it('is deterministic: a reset and a second seed give the same rows and ids', async () => {
    const again = await seedOnce(t.db, true);
    expect(again.counts).toEqual(first.counts);
    expect(again.scorecards).toEqual(first.scorecards);
    expect(await fingerprint(t.db)).toEqual(firstPrint);
  }, 120_000);

  it('reset deletes the business data and keeps the reference data', async () => {
    const before = rowsOf<{ d: number; c: number; g: number; r: number }>(
      await t.db.execute(sql`select
        (select count(*)::int from divisions) as d,
        (select count(*)::int from expenditure_function_classes) as c,
        (select count(*)::int from grade_schemes) as g,
        (select count(*)::int from region_settings) as r`),
    )[0]!;
    await resetBusinessData(t.db);
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    expect(await hasDemoData(t.db)).toBe(false);
    const after = rowsOf<{ d: number; c: number; g: number; r: number }>(
      await t.db.execute(sql`select
        (select count(*)::int from divisions) as d,
        (select count(*)::int from expenditure_function_classes) as c,
        (select count(*)::int from grade_schemes) as g,
        (select count(*)::int from region_settings) as r`),
    )[0]!;
    expect(after).toEqual(before);
    // the reference templates (the standard self-evaluation table and the scorecards) stay
    const templates = await t.db.select({ code: s.templates.code }).from(s.templates);
    expect(templates.map((x) => x.code).sort()).toEqual(
      REFERENCE_TEMPLATE_FILES.map((f) => f.replace(/^templates\/|\.json$/g, '')).sort(),
    );
    for (const table of ['projects', 'self_evaluations', 'input_values', 'subjects', 'funds']) {
      const [row] = rowsOf<{ n: number }>(
        await t.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
      );
      expect(row!.n, table).toBe(0);
    }
  });
});
