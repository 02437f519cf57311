/**
 * The deterministic demo province (`jixiao seed demo`, and the server's first start on an empty database):
 * organizations and users of every division, the fixed demo accounts, funds, an indicator library,
 * scorecard templates with every subject's inputs, thousands of projects and their self-evaluation tables
 * with the checker's results. A seeded random stream drives everything, ids included, so two runs produce
 * the same data. One transaction per step; multi-row inserts in chunks.
 *
 * The generators live in ./demo/ (pure: rows in, rows out); this module does the database work.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, getTableColumns, getTableName, inArray, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../core/demo/demo-accounts.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import {
  batchFromRecords,
  compileTemplate,
  gradeColumn,
  JILIN_FIVE_TIER,
  scoreBatch,
} from '../core/scoring/index.ts';
import { checkSelfEvaluation } from '../core/selfeval/check-self-evaluation.ts';
import { rowsOf, type Db } from './client.ts';
import { ARCHETYPES } from './demo/project-catalog.ts';
import { apportion, generateDepartmentProjects, type ProjectSummary } from './demo/projects.ts';
import { Rng } from './demo/rng.ts';
import {
  DEMO_SCORECARDS,
  drawSubjectInputs,
  latentQualities,
  nextYearQuality,
  type DemoScorecard,
  type SubjectContext,
} from './demo/scorecards.ts';
import { DEMO_ASSET_CLASSES, DEMO_FUNDS, DEMO_REVENUE_ITEMS } from './demo/scorecards-more.ts';
import type { TemplateDefinition } from '../core/indicators/types.ts';
import { drawSelfEvaluationTable } from './demo/selfeval-tables.ts';
import {
  divisionLabel,
  generateFunds,
  generateIndicatorLibrary,
  generateOrganizations,
  generatePeople,
  levelOf,
  PROVINCE,
  type Department,
  type DivisionRow,
  type FundRow,
} from './demo/world.ts';
import { FINANCE_DIVISIONS } from './demo/organizations.ts';
import { REFERENCE_DIR, REFERENCE_TEMPLATE_FILES, seedReference } from './reference-seed.ts';
import { makeStatsRepo } from './repositories/stats-repo.ts';
import * as schema from './schema.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

/** Projects at scale 1. */
export const BASE_PROJECTS = 3000;
/** Self-evaluation tables are generated for every in-library project and year up to this many; above it, a
 * deterministic sample of about this many (scale 10 and more). */
export const DEFAULT_MAX_SELF_EVALUATIONS = 20_000;
export const DEFAULT_YEARS = { from: 2025, to: 2026 } as const;

export interface SeedDemoOptions {
  /** Multiplies the number of projects (3,000 at scale 1); organizations and subjects do not change.
   * Fractions (≥ 0.01) make small databases for tests. Default 1. */
  readonly scale?: number;
  readonly yearFrom?: number;
  readonly yearTo?: number;
  /** Hashes the demo password (src/services/auth/password.ts); db may not import services. */
  readonly hashPassword: (password: string) => Promise<string>;
  /** Delete the business data first (never the reference data). Without it, a database that already has
   * organizations or users is refused. */
  readonly reset?: boolean;
  readonly maxSelfEvaluations?: number;
  readonly onProgress?: (event: DemoSeedProgress) => void;
}

export interface DemoSeedProgress {
  /** organizations | funds | library | scorecards | projects | self_evaluations | stats | reset | reference */
  readonly step: string;
  readonly message: string;
  readonly done?: number;
  readonly total?: number;
}

export interface DemoSeedStep {
  readonly step: string;
  readonly label: string;
  readonly ms: number;
}

export interface ScorecardSpread {
  readonly template: string;
  readonly fiscalYear: number;
  readonly subjects: number;
  /** Subjects per grade label (优/良/中/低/差) under the Jilin five tiers. */
  readonly grades: Readonly<Record<string, number>>;
}

export interface DemoSeedReport {
  readonly scale: number;
  readonly yearFrom: number;
  readonly yearTo: number;
  /** Rows per table after the seed (reference rows of templates/template_versions included). */
  readonly counts: Readonly<Record<string, number>>;
  readonly steps: readonly DemoSeedStep[];
  readonly scorecards: readonly ScorecardSpread[];
  /** In-library project-years that could have a self-evaluation, and how many got one. */
  readonly selfEvaluationCandidates: number;
  readonly selfEvaluations: number;
  readonly selfEvaluationGrades: Readonly<Record<string, number>>;
  readonly referenceSeeded: boolean;
  readonly reset: boolean;
  readonly ms: number;
}

/** Tables that hold reference or configuration data: reset leaves them (templates: the reference ones). */
const KEPT_TABLES = new Set([
  'divisions',
  'expenditure_function_classes',
  'grade_schemes',
  'region_settings',
  'audit_events',
  'templates',
  'template_versions',
]);

const COUNTED_TABLES = {
  organizations: schema.organizations,
  users: schema.users,
  user_roles: schema.userRoles,
  agencies: schema.agencies,
  experts: schema.experts,
  funds: schema.funds,
  indicator_library: schema.indicatorLibrary,
  templates: schema.templates,
  template_versions: schema.templateVersions,
  subjects: schema.subjects,
  input_values: schema.inputValues,
  projects: schema.projects,
  project_year_amounts: schema.projectYearAmounts,
  budget_lines: schema.budgetLines,
  budget_reviews: schema.budgetReviews,
  ex_ante_assessments: schema.exAnteAssessments,
  self_evaluations: schema.selfEvaluations,
  division_stats: schema.divisionStats,
} as const;

/** Codes of the templates shipped in reference/ (kept by a reset). */
function referenceTemplateCodes(): string[] {
  return REFERENCE_TEMPLATE_FILES.map(
    (f) => (JSON.parse(readFileSync(join(REFERENCE_DIR, f), 'utf8')) as { code: string }).code,
  );
}
const SEED_LABEL = 'jixiao-demo/v1';

// ---------------------------------------------------------------------------------------------------------
// Entry points besides the seed
// ---------------------------------------------------------------------------------------------------------

/** True when no organization and no user exists (a fresh database, reference data aside). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = rowsOf<{ any: boolean }>(
    await db.execute(
      sql`select (exists (select 1 from organizations) or exists (select 1 from users)) as "any"`,
    ),
  );
  return row?.any !== true;
}

/** True when the fixed demo accounts exist (the admin aside, which production creates too). */
export async function hasDemoData(db: Db): Promise<boolean> {
  const names = DEMO_ACCOUNTS.filter((a) => a.username !== 'admin').map((a) => a.username);
  const [row] = await db
    .select({ n: count() })
    .from(schema.users)
    .where(inArray(sql`lower(${schema.users.username})`, names));
  return (row?.n ?? 0) > 0;
}

/** Business tables of the schema (everything but reference and configuration tables). */
function businessTables(): string[] {
  return (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => is(v, PgTable))
    .map((t) => getTableName(t))
    .filter((name) => !KEPT_TABLES.has(name))
    .sort();
}

/**
 * Deletes all business data — organizations, users and sessions, projects, evaluations, scorecards, ledgers,
 * jobs, attachments — in one transaction. Reference and configuration data stay: divisions, expenditure
 * classes, grade schemes, region settings, the reference templates; and the append-only audit log.
 */
export async function resetBusinessData(db: Db): Promise<void> {
  const tables = businessTables();
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate table ${tables.map((t) => `"${t}"`).join(', ')}`));
    // templates: only the reference ones (reference/templates/*.json, published by the province) stay
    const keep = sql.join(
      referenceTemplateCodes().map((c) => sql`${c}`),
      sql`, `,
    );
    await tx.execute(sql`
      delete from template_versions v using templates t
      where v.template_id = t.id and not (t.mof_div_code = ${PROVINCE} and t.code in (${keep}))`);
    await tx.execute(sql`
      delete from templates t where not (t.mof_div_code = ${PROVINCE} and t.code in (${keep}))`);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Bulk inserts
// ---------------------------------------------------------------------------------------------------------

/**
 * Multi-row inserts in chunks of up to 1,000 rows. Each chunk travels as ONE json parameter unpacked by
 * `json_populate_recordset` on the server: building a 25,000-parameter statement value by value costs more
 * than the insert itself (about 8× slower at scale 100), and the JSON form is the same on PGlite and pg.
 * Columns absent from every row of a chunk get their defaults; the values need no driver mapping (no
 * custom column types among the seeded ones).
 */
async function insertRows<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
  chunk = 1000,
): Promise<number> {
  const columns = Object.entries(getTableColumns(table));
  const name = sql.identifier(getTableName(table));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk) as readonly Record<string, unknown>[];
    const present = columns.filter(([key]) => part.some((r) => r[key] !== undefined));
    const list = sql.raw(present.map(([, c]) => `"${c.name}"`).join(', '));
    const json = JSON.stringify(
      part.map((r) => {
        const o: Record<string, unknown> = {};
        for (const [key, c] of present) if (r[key] !== undefined) o[c.name] = r[key];
        return o;
      }),
    );
    await db.execute(
      sql`insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ${json}::json)`,
    );
  }
  return rows.length;
}

// ---------------------------------------------------------------------------------------------------------
// The seed
// ---------------------------------------------------------------------------------------------------------

function validate(options: SeedDemoOptions): DomainError | null {
  const scale = options.scale ?? 1;
  const from = options.yearFrom ?? DEFAULT_YEARS.from;
  const to = options.yearTo ?? DEFAULT_YEARS.to;
  const problems: string[] = [];
  if (!Number.isFinite(scale) || scale < 0.01 || scale > 1000) problems.push('scale 应在 0.01 至 1000 之间');
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 2000 || to > 2100 || from > to)
    problems.push('年度范围无效（起始年度不得晚于结束年度）');
  else if (to - from > 4) problems.push('年度范围最多5年');
  if (options.maxSelfEvaluations !== undefined && !(options.maxSelfEvaluations >= 0))
    problems.push('maxSelfEvaluations 应为非负数');
  if (problems.length === 0) return null;
  return domainError(
    'VALIDATION_FAILED',
    { problems },
    { zh: problems.join('；'), en: 'scale must be 0.01–1000 and the years a range of at most 5' },
  );
}

export async function seedDemo(
  db: Db,
  options: SeedDemoOptions,
): Promise<Result<DemoSeedReport, DomainError>> {
  const invalid = validate(options);
  if (invalid) return err(invalid);
  const started = performance.now();
  const scale = options.scale ?? 1;
  const yearFrom = options.yearFrom ?? DEFAULT_YEARS.from;
  const yearTo = options.yearTo ?? DEFAULT_YEARS.to;
  const years = Array.from({ length: yearTo - yearFrom + 1 }, (_, i) => yearFrom + i);
  const progress = options.onProgress ?? (() => {});
  const steps: DemoSeedStep[] = [];
  const timed = async <T>(step: string, label: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    progress({ step, message: `${label} …` });
    const result = await fn();
    const ms = Math.round(performance.now() - t0);
    steps.push({ step, label, ms });
    return result;
  };

  // reference data first (divisions, classes, grade schemes, settings)
  let referenceSeeded = false;
  const [ref] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from divisions where code = ${PROVINCE}`),
  );
  if (!ref || Number(ref.n) === 0) {
    await timed('reference', '参考数据 / reference data', () => seedReference(db));
    referenceSeeded = true;
  }

  if (!(await isDatabaseEmpty(db))) {
    if (!options.reset) {
      return err(
        domainError(
          'DUPLICATE',
          { hint: '--reset' },
          {
            zh: '数据库中已有组织机构或用户（演示数据或业务数据），不再重复生成；如需重新生成，请加 --reset（将删除全部业务数据，保留参考数据）',
            en: 'the database already has organizations or users (demo or business data); use --reset to delete the business data (reference data stays) and seed again',
          },
        ),
      );
    }
    await timed('reset', '清除业务数据 / deleting business data', () => resetBusinessData(db));
  }

  // the province (organizations, people, funds per year, library) is the same whatever the years; the
  // scorecards, projects and tables depend on the range
  const root = Rng.of(SEED_LABEL);
  const range = `${yearFrom}-${yearTo}`;
  const divisionList: DivisionRow[] = await db
    .select({
      code: schema.divisions.code,
      name: schema.divisions.name,
      shortName: schema.divisions.shortName,
      level: schema.divisions.level,
      parentCode: schema.divisions.parentCode,
      codeKind: schema.divisions.codeKind,
    })
    .from(schema.divisions)
    .where(sql`${schema.divisions.active}`)
    .orderBy(schema.divisions.sortOrder, schema.divisions.code);
  const exAnteMinFen = await exAnteThreshold(db, yearTo);

  // 1. organizations and people
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  const orgs = generateOrganizations(divisionList, root.fork('organizations'));
  const people = generatePeople(orgs, passwordHash, root.fork('people'));
  await timed('organizations', '组织机构与用户 / organizations and users', () =>
    db.transaction(async (tx) => {
      await insertRows(tx, schema.organizations, orgs.rows);
      await insertRows(tx, schema.users, people.users);
      await insertRows(tx, schema.userRoles, people.roles);
      await insertRows(tx, schema.agencies, people.agencies);
      await insertRows(tx, schema.experts, people.experts);
    }),
  );
  const sheng = people.demoUserIds.get('sheng')!;
  const userByOrg = new Map<string, string>();
  for (const u of people.users)
    if (u.organizationId && !userByOrg.has(u.organizationId)) userByOrg.set(u.organizationId, u.id);

  // 2. funds
  const fundRows = generateFunds(orgs, divisionList, years, root.fork('funds'));
  await timed('funds', '资金 / funds', () =>
    db.transaction((tx) => insertRows(tx, schema.funds, fundRows).then(() => {})),
  );

  // 3. indicator library
  const libraryRows = generateIndicatorLibrary(years, sheng, root.fork('library'));
  await timed('library', '指标库 / indicator library', () =>
    db.transaction((tx) => insertRows(tx, schema.indicatorLibrary, libraryRows).then(() => {})),
  );

  // 4. scorecard templates, subjects and inputs
  const scorecards = await timed(
    'scorecards',
    '评分模板、评价对象与评分数据 / templates, subjects, inputs',
    () =>
      db.transaction((tx) =>
        seedScorecards(tx, { divisionList, orgs, years, sheng, rng: root.fork(`scorecards/${range}`) }),
      ),
  );

  // 5. projects
  const summaries = await timed('projects', '项目库 / projects', () =>
    db.transaction((tx) =>
      seedProjects(tx, {
        divisionList,
        orgs,
        funds: fundRows,
        userByOrg,
        committee: people.demoUserIds.get('weiyuanhui') ?? null,
        agencyIds: people.agencies.map((a) => a.id!),
        yearFrom,
        yearTo,
        exAnteMinFen,
        total: Math.max(1, Math.round(BASE_PROJECTS * scale)),
        rng: root.fork(`projects/${range}`),
        progress,
      }),
    ),
  );

  // 6. self-evaluation tables
  const selfEval = await timed('self_evaluations', '项目支出绩效自评表 / self-evaluation tables', () =>
    db.transaction((tx) =>
      seedSelfEvaluations(tx, {
        summaries,
        yearTo,
        max: options.maxSelfEvaluations ?? DEFAULT_MAX_SELF_EVALUATIONS,
        rng: root.fork(`self-evaluations/${range}`),
        progress,
      }),
    ),
  );

  // 7. the dashboards' pre-aggregated figures
  await timed('stats', '首页统计 / dashboard figures', async () => {
    const stats = makeStatsRepo(db);
    const codes = divisionList.map((d) => d.code);
    for (const year of years) await stats.refresh(codes, year);
  });

  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(COUNTED_TABLES)) {
    const [row] = await db.select({ n: count() }).from(table);
    counts[name] = row?.n ?? 0;
  }
  return ok({
    scale,
    yearFrom,
    yearTo,
    counts,
    steps,
    scorecards,
    selfEvaluationCandidates: selfEval.candidates,
    selfEvaluations: selfEval.inserted,
    selfEvaluationGrades: selfEval.grades,
    referenceSeeded,
    reset: options.reset === true,
    ms: Math.round(performance.now() - started),
  });
}

/** The T20 threshold from the province's settings for the year (default 30,000,000 yuan). */
async function exAnteThreshold(db: Db, year: number): Promise<number> {
  const rows = rowsOf<{ value: unknown }>(
    await db.execute(sql`
      select value from region_settings
      where mof_div_code = ${PROVINCE} and key = 'gate.ex_ante_assessment_min_fen' and fiscal_year <= ${year}
      order by fiscal_year desc limit 1`),
  );
  const v = Number(rows[0]?.value);
  return Number.isFinite(v) && v > 0 ? v : 3_000_000_000;
}

// ---------------------------------------------------------------------------------------------------------
// Scorecards
// ---------------------------------------------------------------------------------------------------------

interface ScorecardInput {
  readonly divisionList: readonly DivisionRow[];
  readonly orgs: ReturnType<typeof generateOrganizations>;
  readonly years: readonly number[];
  readonly sheng: string;
  readonly rng: Rng;
}

async function seedScorecards(db: Db, input: ScorecardInput): Promise<ScorecardSpread[]> {
  const { divisionList, orgs, years, sheng, rng } = input;
  const ids = rng.fork('ids');
  const spreads: ScorecardSpread[] = [];

  // subjects: every provincial budget department and 处室; every prefecture, county and district; the
  // government investment funds; the asset classes and revenue items of the province and every city
  type Subject = typeof schema.subjects.$inferInsert & {
    id: string;
    mofDivCode: string;
    ctx: Omit<SubjectContext, 'year'>;
  };
  const departmentSubjects: Subject[] = orgs.departments
    .filter((d) => d.mofDivCode === PROVINCE)
    .map((d, i) => ({
      id: ids.uuid(),
      mofDivCode: PROVINCE,
      kind: 'department',
      refCode: d.code,
      name: d.name,
      organizationId: d.id,
      sortOrder: (i + 1) * 10,
      ctx: { name: d.name, level: 'department' },
    }));
  const divisionSubjects: Subject[] = divisionList.flatMap((d, i) => {
    const level = levelOf(d);
    if (level === 'province' || level === 'zone') return [];
    return [
      {
        id: ids.uuid(),
        mofDivCode: d.code,
        kind: 'division',
        refCode: d.code,
        name: d.name,
        organizationId: orgs.financeBureauByDivision.get(d.code)?.id ?? null,
        sortOrder: (i + 1) * 10,
        ctx: {
          name: divisionLabel(d),
          level,
          // 长白山's economic management districts run no state capital budget of their own
          noStateCapital: level === 'district',
        },
      },
    ];
  });
  const financeDivisionSubjects: Subject[] = FINANCE_DIVISIONS.flatMap((fd, i) => {
    const org = orgs.financeDivisions.get(fd.name);
    if (!org) return [];
    return [
      {
        id: ids.uuid(),
        mofDivCode: PROVINCE,
        kind: 'finance_division',
        refCode: org.code ?? fd.code,
        name: org.name,
        organizationId: org.id,
        sortOrder: (i + 1) * 10,
        ctx: { name: org.name, level: 'finance_division', noSectors: fd.sectors.length === 0 },
      },
    ];
  });
  const divisionByCode = new Map(divisionList.map((d) => [d.code, d]));
  const fundSubjects: Subject[] = DEMO_FUNDS.map((f, i) => {
    const dept = f.dept
      ? orgs.departments.find((d) => d.mofDivCode === PROVINCE && d.code === f.dept)
      : undefined;
    const division = divisionByCode.get(f.division);
    return {
      id: ids.uuid(),
      mofDivCode: f.division,
      kind: 'fund',
      refCode: f.code,
      name: f.name,
      organizationId: dept?.id ?? orgs.financeBureauByDivision.get(f.division)?.id ?? null,
      sortOrder: (i + 1) * 10,
      ctx: { name: f.name, level: 'fund', divisionName: division ? divisionLabel(division) : '' },
    };
  });
  // the province and the prefecture-level divisions (cities, 延边州, 长白山管委会)
  const upper = divisionList.filter((d) => levelOf(d) === 'province' || levelOf(d) === 'prefecture');
  const perDivision = <T extends { code: string; name: string }>(
    items: readonly T[],
    kind: 'asset_class' | 'revenue_item',
    ctx: (item: T, label: string, d: DivisionRow) => Omit<SubjectContext, 'year'>,
  ): Subject[] =>
    upper.flatMap((d, di) => {
      const label = divisionLabel(d);
      return items.map((item, k) => ({
        id: ids.uuid(),
        mofDivCode: d.code,
        kind,
        refCode: item.code,
        name: `${label}${item.name}`,
        organizationId: orgs.financeBureauByDivision.get(d.code)?.id ?? null,
        sortOrder: (di + 1) * 100 + k,
        ctx: ctx(item, label, d),
      }));
    });
  const assetSubjects = perDivision(DEMO_ASSET_CLASSES, 'asset_class', (c, label, d) => ({
    name: `${label}${c.name}`,
    level: 'asset',
    assetClass: c.assetClass,
    divisionName: label,
    divisionLevel: levelOf(d) === 'province' ? 'province' : 'prefecture',
  }));
  const revenueSubjects = perDivision(DEMO_REVENUE_ITEMS, 'revenue_item', (r, label, d) => ({
    name: `${label}${r.name}`,
    level: 'revenue',
    revenueKind: r.kind,
    divisionName: label,
    divisionLevel: levelOf(d) === 'province' ? 'province' : 'prefecture',
  }));
  await insertRows(
    db,
    schema.subjects,
    [
      ...departmentSubjects,
      ...divisionSubjects,
      ...financeDivisionSubjects,
      ...fundSubjects,
      ...assetSubjects,
      ...revenueSubjects,
    ].map(({ ctx: _ctx, ...row }) => row),
  );
  const subjectsOf: Record<DemoScorecard['subjects'], Subject[]> = {
    departments: departmentSubjects,
    divisions: divisionSubjects,
    finance_divisions: financeDivisionSubjects,
    funds: fundSubjects,
    asset_classes: assetSubjects,
    revenue_items: revenueSubjects,
  };

  // the templates are the province's reference templates (reference/templates/*.json); a year they are not
  // published for gets a copy of the nearest published year's tree
  const published = rowsOf<{
    template_id: string;
    code: string;
    name: string;
    version_id: string;
    fiscal_year: number;
    definition: TemplateDefinition | string;
  }>(
    await db.execute(sql`
      select t.id as template_id, t.code, t.name, v.id as version_id, v.fiscal_year, v.definition
      from templates t join template_versions v on v.template_id = t.id
      where t.mof_div_code = ${PROVINCE} and v.status = 'published'
        and t.code in (${sql.join(
          DEMO_SCORECARDS.map((c) => sql`${c.code}`),
          sql`, `,
        )})
      order by t.code, v.fiscal_year`),
  ).map((r) => ({
    ...r,
    fiscal_year: Number(r.fiscal_year),
    definition: (typeof r.definition === 'string'
      ? JSON.parse(r.definition)
      : r.definition) as TemplateDefinition,
  }));

  for (const card of DEMO_SCORECARDS) {
    const versions = published.filter((p) => p.code === card.code);
    if (versions.length === 0) {
      throw new Error(`demo scorecard ${card.code}: the reference template is not published (run db seed)`);
    }
    const subjects = subjectsOf[card.subjects];
    const trng = rng.fork(card.code);
    let quality = latentQualities(subjects.length, trng.fork('quality'), card.qualityRange);
    for (const [yi, year] of years.entries()) {
      if (yi > 0) quality = quality.map((q, i) => nextYearQuality(q, trng.fork(`quality/${year}/${i}`)));
      let version = versions.find((v) => v.fiscal_year === year);
      if (!version) {
        const nearest = [...versions].sort(
          (a, b) => Math.abs(a.fiscal_year - year) - Math.abs(b.fiscal_year - year),
        )[0]!;
        const id = ids.uuid();
        await insertRows(db, schema.templateVersions, [
          {
            id,
            templateId: nearest.template_id,
            mofDivCode: PROVINCE,
            fiscalYear: year,
            versionNo: 1,
            status: 'published',
            definition: nearest.definition,
            changeNote: `演示数据：沿用${nearest.fiscal_year}年度指标和分值`,
            createdBy: sheng,
            publishedAt: new Date(Date.UTC(year, 2, 15)),
            publishedBy: sheng,
          },
        ]);
        version = { ...nearest, version_id: id, fiscal_year: year };
        versions.push(version);
      }
      const definition = version.definition;
      const compiled = compileTemplate(definition);
      if (!compiled.ok) {
        throw new Error(
          `template ${card.code} ${year} does not compile: ${compiled.error.map((e) => e.message).join('; ')}`,
        );
      }

      const yrng = trng.fork(`inputs/${year}`);
      const records: Record<string, number | null>[] = [];
      const rows: (typeof schema.inputValues.$inferInsert)[] = [];
      subjects.forEach((s, i) => {
        const drawn = drawSubjectInputs(
          card,
          definition,
          { ...s.ctx, year },
          quality[i]!,
          yrng.fork(s.refCode),
        );
        const record: Record<string, number | null> = {};
        for (const d of drawn) {
          record[d.key] = d.value;
          rows.push({
            id: yrng.uuid(),
            templateVersionId: version.version_id,
            subjectId: s.id,
            fiscalYear: year,
            mofDivCode: s.mofDivCode,
            inputKey: d.key,
            value: d.value,
            source: d.source,
            evidenceNote: d.evidenceNote,
            enteredBy: sheng,
          });
        }
        records.push(record);
      });
      await insertRows(db, schema.inputValues, rows);

      const plan = compiled.value;
      const scored = scoreBatch(plan, batchFromRecords(plan, records), { keep: 'totals' });
      const grades: Record<string, number> = {};
      if (scored.ok) {
        for (const g of gradeColumn(JILIN_FIVE_TIER, scored.value.totals)) {
          const label = JILIN_FIVE_TIER.bands[g]!.label;
          grades[label] = (grades[label] ?? 0) + 1;
        }
      }
      spreads.push({ template: version.name, fiscalYear: year, subjects: subjects.length, grades });
    }
  }
  return spreads;
}

// ---------------------------------------------------------------------------------------------------------
// Projects
// ---------------------------------------------------------------------------------------------------------

interface ProjectsInput {
  readonly divisionList: readonly DivisionRow[];
  readonly orgs: ReturnType<typeof generateOrganizations>;
  readonly funds: readonly FundRow[];
  readonly userByOrg: ReadonlyMap<string, string>;
  readonly committee: string | null;
  readonly agencyIds: readonly string[];
  readonly yearFrom: number;
  readonly yearTo: number;
  readonly exAnteMinFen: number;
  readonly total: number;
  readonly rng: Rng;
  readonly progress: (event: DemoSeedProgress) => void;
}

/** Province 30%, prefectures 20%, counties and districts 50% of the projects. */
const LEVEL_SHARES = { province: 0.3, prefecture: 0.2, county: 0.5 } as const;

async function seedProjects(db: Db, input: ProjectsInput): Promise<ProjectSummary[]> {
  const { divisionList, orgs, yearFrom, yearTo, total, rng, progress } = input;
  const divisionByCode = new Map(divisionList.map((d) => [d.code, d]));
  const fundsByDivision = new Map<string, FundRow[]>();
  for (const f of input.funds) {
    const list = fundsByDivision.get(f.mofDivCode) ?? [];
    list.push(f);
    fundsByDivision.set(f.mofDivCode, list);
  }

  // how many projects each department gets
  const groups = { province: [] as number[], prefecture: [] as number[], county: [] as number[] };
  const weights = { province: [] as number[], prefecture: [] as number[], county: [] as number[] };
  orgs.departments.forEach((d, i) => {
    const level = levelOf(divisionByCode.get(d.mofDivCode)!);
    const key = level === 'province' ? 'province' : level === 'prefecture' ? 'prefecture' : 'county';
    groups[key].push(i);
    weights[key].push(d.weight * (level === 'district' ? 0.3 : 1));
  });
  const perLevel = apportion(total, [LEVEL_SHARES.province, LEVEL_SHARES.prefecture, LEVEL_SHARES.county]);
  const counts = new Array<number>(orgs.departments.length).fill(0);
  (['province', 'prefecture', 'county'] as const).forEach((key, k) => {
    apportion(perLevel[k]!, weights[key]).forEach((n, j) => (counts[groups[key][j]!] = n));
  });

  // reviews are decided by the 处室 overseeing the sector (province) or by the local finance bureau
  const reviewerOf = (d: Department): string | null => {
    if (d.mofDivCode !== PROVINCE) {
      const bureau = orgs.financeBureauByDivision.get(d.mofDivCode);
      return bureau ? (input.userByOrg.get(bureau.id) ?? null) : null;
    }
    const fd =
      FINANCE_DIVISIONS.find((f) => f.sectors.some((s) => d.sectors.includes(s))) ?? FINANCE_DIVISIONS[2]!;
    const org = orgs.financeDivisions.get(fd.name);
    return org ? (input.userByOrg.get(org.id) ?? null) : null;
  };
  const summaries: ProjectSummary[] = [];
  let projects: (typeof schema.projects.$inferInsert)[] = [];
  let yearAmounts: (typeof schema.projectYearAmounts.$inferInsert)[] = [];
  let lines: (typeof schema.budgetLines.$inferInsert)[] = [];
  let reviews: (typeof schema.budgetReviews.$inferInsert)[] = [];
  let assessments: (typeof schema.exAnteAssessments.$inferInsert)[] = [];
  let written = 0;
  const flush = async () => {
    await insertRows(db, schema.projects, projects);
    await insertRows(db, schema.projectYearAmounts, yearAmounts);
    await insertRows(db, schema.budgetLines, lines);
    await insertRows(db, schema.budgetReviews, reviews);
    await insertRows(db, schema.exAnteAssessments, assessments);
    written += projects.length;
    projects = [];
    yearAmounts = [];
    lines = [];
    reviews = [];
    assessments = [];
    progress({ step: 'projects', message: `项目 / projects ${written}/${total}`, done: written, total });
  };

  for (const [i, department] of orgs.departments.entries()) {
    const n = counts[i]!;
    if (n === 0) continue;
    const division = divisionByCode.get(department.mofDivCode)!;
    const level = levelOf(division);
    if (level === 'zone') continue;
    const generated = generateDepartmentProjects(
      {
        division,
        level,
        department,
        funds: fundsByDivision.get(division.code) ?? [],
        yearFrom,
        yearTo,
        exAnteMinFen: input.exAnteMinFen,
        createdBy: input.userByOrg.get(department.id) ?? null,
        reviewer: reviewerOf(department),
        committee: input.committee,
        agencyIds: input.agencyIds,
      },
      n,
      rng.fork(`${division.code}/${department.code}`),
    );
    projects.push(...generated.projects);
    yearAmounts.push(...generated.yearAmounts);
    lines.push(...generated.budgetLines);
    reviews.push(...generated.reviews);
    assessments.push(...generated.assessments);
    summaries.push(...generated.summaries);
    if (projects.length >= 5000) await flush();
  }
  await flush();
  return summaries;
}

// ---------------------------------------------------------------------------------------------------------
// Self-evaluations
// ---------------------------------------------------------------------------------------------------------

interface SelfEvalInput {
  readonly summaries: readonly ProjectSummary[];
  readonly yearTo: number;
  readonly max: number;
  readonly rng: Rng;
  readonly progress: (event: DemoSeedProgress) => void;
}

async function seedSelfEvaluations(
  db: Db,
  input: SelfEvalInput,
): Promise<{ candidates: number; inserted: number; grades: Record<string, number> }> {
  const { summaries, yearTo, max, rng, progress } = input;
  // every in-library project-year is a candidate; above `max`, the `max` with the smallest sampling keys
  const streams = (p: ProjectSummary, year: number) => rng.fork(`${p.proCode}/${year}`);
  const candidates = summaries.reduce((s, p) => s + p.amounts.size, 0);
  let threshold = Infinity;
  if (candidates > max) {
    const keys = new Float64Array(candidates);
    let k = 0;
    for (const p of summaries) for (const year of p.amounts.keys()) keys[k++] = streams(p, year).next();
    threshold = max === 0 ? -1 : keys.sort()[max - 1]!;
  }
  const expected = Math.min(candidates, max);
  const grades: Record<string, number> = {};
  let rows: (typeof schema.selfEvaluations.$inferInsert)[] = [];
  let inserted = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    inserted += await insertRows(db, schema.selfEvaluations, rows, 500);
    rows = [];
    progress({
      step: 'self_evaluations',
      message: `自评表 / self-evaluations ${inserted}/${expected}`,
      done: inserted,
      total: expected,
    });
  };

  for (const project of summaries) {
    for (const [year, amountFen] of project.amounts) {
      const trng = streams(project, year);
      if (!(trng.next() <= threshold)) continue;
      const table = drawSelfEvaluationTable(
        {
          projectName: project.name,
          department: project.department,
          implementingUnit: project.unit,
          archetype: ARCHETYPES[project.archetype]!,
          fiscalYear: year,
          amountFen,
          performance: Math.min(1, Math.max(0, project.performance + trng.normal(0, 0.08))),
        },
        trng,
      );
      const report = checkSelfEvaluation(table);
      grades[report.grade.label] = (grades[report.grade.label] ?? 0) + 1;
      const status =
        year < yearTo
          ? trng.weighted<'accepted' | 'submitted' | 'returned'>([
              ['accepted', 70],
              ['submitted', 20],
              ['returned', 10],
            ])
          : trng.weighted<'draft' | 'submitted' | 'returned'>([
              ['draft', 40],
              ['submitted', 50],
              ['returned', 10],
            ]);
      rows.push({
        id: trng.uuid(),
        mofDivCode: project.mofDivCode,
        fiscalYear: year,
        projectId: project.id,
        proCode: project.proCode,
        projectName: project.name,
        table,
        formulaTotal: report.formulaTotal,
        printedTotal: report.printedTotal,
        grade: report.grade.label,
        findings: report.findings,
        status,
        submittedBy: status === 'draft' ? null : project.createdBy,
        // tables of past years were submitted early the next year; the last year's ahead of its close
        submittedAt:
          status === 'draft'
            ? null
            : year < yearTo
              ? new Date(Date.UTC(year + 1, trng.int(0, 2), trng.int(1, 28), trng.int(1, 9)))
              : new Date(Date.UTC(year, 10, trng.int(1, 20), trng.int(1, 9))),
      });
      if (rows.length >= 2000) await flush();
    }
  }
  await flush();
  return { candidates, inserted, grades };
}
