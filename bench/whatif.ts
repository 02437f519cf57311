/**
 * npm run bench:whatif [-- --json] [--runs 7] [--scale 100] [--year 2026] [--sample-only] [--no-server]
 *
 * 情景模拟 (what-if) on the demo province, as the provincial officer, through WhatIfService — the server
 * time of each call split into loading, scoring (both sides, grades, ranks, consequences) and comparing
 * (summary, transition matrix, one page of rows), against the target of 1 s:
 *
 * Load: the rules and settings in force, the subjects and their stored inputs (one query for the
 * self-evaluations); score: both sides scored or re-graded, ranked, and their consequences proposed;
 * compare: per-subject deltas, summary, transition matrix and one page of rows with their names.
 *
 * - the largest realistic what-if: every project self-evaluation of the year in the province re-graded
 *   under edited grade bands (优 from 92) and every project's next-year budget under edited consequence
 *   rules (中 −10%, 低 −20%, 差 cancelled). Every project evaluates itself every year (单位自评, DOMAIN.md
 *   §1), but the demo seed keeps a sample of 20,000 tables; unless --sample-only, the bench first gives
 *   every other in-library project with a budget in the year a minimal self-evaluation (no table, a formula
 *   total drawn from the project's id), so that the province is fully covered (≈ 240,000 at scale 100);
 * - a scorecard: 市县财政高质量发展评价 over the 73 cities and counties from its latest run, one leaf's weight
 *   raised (its group re-balanced), 优 from 92, the 差 cut raised.
 *
 * Database: the PostgreSQL server when reachable (JIXIAO_BENCH_DATABASE_URL, DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/postgres; a database is created for the run and dropped after) at
 * --scale (default 100); otherwise PGlite in memory at scale 2, said so. One warm-up call, then --runs
 * calls; figures are medians. With --json the last line is {"targetMs", "database", "scale", "year",
 * "cases": {"selfEvaluations"|"scorecard": {"subjects", "loadMs", "scoreMs", "compareMs", "totalMs",
 * "wallMs", "ratio"}}}; ratio = totalMs ÷ target (≤ 1 meets it).
 */
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { compose, type App } from '../src/compose.ts';
import type { Config } from '../src/config.ts';
import { makeActor, type Actor } from '../src/core/access/scope.ts';
import { categoryOf } from '../src/core/indicators/types.ts';
import { JILIN_FIVE_TIER, type GradeScheme } from '../src/core/scoring/grades.ts';
import { setWeight } from '../src/core/whatif/reweight.ts';
import { fromPglite, type Database } from '../src/db/client.ts';
import { serverDatabase } from './server-database.ts';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: '7' },
    scale: { type: 'string' },
    year: { type: 'string', default: '2026' },
    'sample-only': { type: 'boolean', default: false },
    'no-server': { type: 'boolean', default: false },
  },
});
const TARGET_MS = 1000;
const runs = Math.max(1, Number(args.runs));
const year = Number(args.year);
const log = (s: string) => process.stdout.write(`${s}\n`);

const config: Config = {
  database: { kind: 'embedded', dataDir: '/nonexistent' },
  port: 0,
  host: '127.0.0.1',
  production: false,
  logLevel: 'silent',
  adminPassword: undefined,
  rateLimitPerMinute: 1_000_000,
  trustProxy: false,
  skipWebBuild: true,
  dbPoolSize: 4,
  sessionCacheSeconds: 5,
  readCacheSeconds: 5,
};

interface Figures {
  subjects: number;
  loadMs: number;
  scoreMs: number;
  compareMs: number;
  totalMs: number;
  wallMs: number;
  ratio: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const r2 = (x: number) => Math.round(x * 100) / 100;

const EDITED_BANDS: GradeScheme = {
  ...JILIN_FIVE_TIER,
  code: 'bench-edited',
  name: '调整后（优≥92）',
  nameEn: 'Edited (excellent ≥ 92)',
  bands: JILIN_FIVE_TIER.bands.map((b) => (b.code === 'excellent' ? { ...b, min: 92 } : b)),
};
const PROJECT_RULES = {
  targetYearOffset: 1,
  rules: [
    {
      id: 'project-fair',
      label: '项目自评为中，压减下年预算10%',
      subjectKinds: ['project'],
      when: { grades: ['fair'] },
      action: 'cut',
      ratio: 0.1,
    },
    {
      id: 'project-low',
      label: '项目自评为低，压减下年预算20%',
      subjectKinds: ['project'],
      when: { grades: ['low'] },
      action: 'cut',
      ratio: 0.2,
    },
    {
      id: 'project-poor',
      label: '项目自评为差，取消以后年度预算',
      subjectKinds: ['project'],
      when: { grades: ['poor'] },
      action: 'cancel',
      accountability: true,
    },
  ],
};

async function provincialOfficer(app: App): Promise<Actor> {
  const user = await app.repos.access.findUserByUsername('sheng');
  if (!user) throw new Error('the demo province has no user sheng');
  return makeActor({
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    divisionCode: user.mofDivCode,
    organizationId: user.organizationId,
    divisionCodes: await app.repos.divisions.subtreeCodes(user.mofDivCode),
    organizationTree: [],
    ip: null,
  });
}

/**
 * Every in-library project with a budget in the year gets a self-evaluation (submitted), unless it has
 * one: the formula total is drawn from a hash of the project's id (100 − 45·u⁴, u uniform: about 70% 优,
 * as the demo's sample), the table left empty — the what-if reads only totals.
 */
async function fullCoverage(app: App): Promise<number> {
  const r = await app.db.execute(sql`
    insert into self_evaluations (mof_div_code, fiscal_year, project_id, pro_code, project_name, "table",
      formula_total, grade, status, submitted_at)
    select p.mof_div_code, y.fiscal_year, p.id, p.pro_code, p.name, '{}'::jsonb, t.total,
      case when t.total >= 90 then '优' when t.total >= 80 then '良' when t.total >= 70 then '中'
           when t.total >= 60 then '低' else '差' end,
      'submitted', make_timestamptz(y.fiscal_year, 11, 15, 9, 0, 0, 'Asia/Shanghai')
    from projects p
    join project_year_amounts y on y.project_id = p.id and y.mof_div_code = p.mof_div_code
    cross join lateral (
      select round((100 - 45 * power((hashtext(p.id::text || y.fiscal_year::text)::bigint & 1048575)
        / 1048576.0, 4))::numeric, 2) as total) t
    where p.library_status = 'in_library' and y.fiscal_year = ${year}
      and not exists (select 1 from self_evaluations s where s.project_id = p.id and s.fiscal_year = y.fiscal_year)`);
  await app.db.execute(sql`vacuum (analyze) self_evaluations`);
  const done = r as unknown as { rowCount?: number | null; affectedRows?: number };
  return done.rowCount ?? done.affectedRows ?? 0;
}

async function measure(name: string, database: Database, scale: number): Promise<Record<string, Figures>> {
  const app = await compose(config, { database });
  try {
    await app.maintenance.migrate();
    await app.maintenance.seedReference();
    const t0 = performance.now();
    await app.maintenance.seedDemo({ scale });
    log(
      `${name}: demo province seeded at scale ${scale} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (!args['sample-only']) {
      const t1 = performance.now();
      const added = await fullCoverage(app);
      log(
        `${name}: full coverage — ${added.toLocaleString('en')} minimal self-evaluations added for ${year} in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
      );
    }
    const actor = await provincialOfficer(app);
    const versions = await app.repos.scoring.listVersions({
      templateDivisionCodes: ['220000'],
      fiscalYear: year,
      statuses: ['published'],
    });
    const county = versions.find((v) => v.subjectKind === 'county_fiscal');
    if (!county) throw new Error('no published county scorecard');
    const firstLeaf = (() => {
      for (const n of county.definition.nodes) {
        if (n.type === 'group') {
          const leaf = n.children.find((c) => c.type === 'leaf' && categoryOf(c) === 'base');
          if (leaf) return leaf;
        }
      }
      throw new Error('no leaf');
    })();
    const edited = setWeight(county.definition, firstLeaf.code, firstLeaf.weight + 5);
    if (!edited.ok) throw new Error(edited.error);
    const countyRules = await app.repos.consequences.getRuleSetting('220000', year);
    const rulesValue = countyRules?.value as {
      targetYearOffset: number;
      rules: { id: string; ratio?: number }[];
    };
    const scenarioRules = rulesValue
      ? {
          ...rulesValue,
          rules: rulesValue.rules.map((r) => (r.id === 'county-poor' ? { ...r, ratio: 0.15 } : r)),
        }
      : undefined;

    const cases: Record<string, () => Promise<{ subjects: number; t: Figures }>> = {
      selfEvaluations: async () => {
        const w0 = performance.now();
        const r = await app.services.whatif.selfEvaluations(actor, {
          year,
          scenario: { gradeScheme: EDITED_BANDS, consequenceRules: PROJECT_RULES },
          page: 1,
          pageSize: 20,
          filter: 'changed',
          sort: 'amountDelta',
        });
        const wallMs = performance.now() - w0;
        if (!r.ok) throw new Error(r.error.message);
        const t = r.value.timings;
        return {
          subjects: r.value.summary.subjects,
          t: { subjects: r.value.summary.subjects, ...t, wallMs, ratio: t.totalMs / TARGET_MS },
        };
      },
      scorecard: async () => {
        const w0 = performance.now();
        const r = await app.services.whatif.scorecard(actor, {
          versionId: county.id,
          source: 'auto',
          scenario: {
            definition: edited.value,
            gradeScheme: EDITED_BANDS,
            ...(scenarioRules ? { consequenceRules: scenarioRules } : {}),
          },
          page: 1,
          pageSize: 20,
          filter: 'all',
        });
        const wallMs = performance.now() - w0;
        if (!r.ok) throw new Error(r.error.message);
        const t = r.value.timings;
        return {
          subjects: r.value.summary.subjects,
          t: { subjects: r.value.summary.subjects, ...t, wallMs, ratio: t.totalMs / TARGET_MS },
        };
      },
    };

    const out: Record<string, Figures> = {};
    for (const [caseName, run] of Object.entries(cases)) {
      const samples: Figures[] = [];
      for (let i = 0; i <= runs; i++) {
        const { t } = await run();
        if (i === 0) {
          log(`${name} ${caseName}: warm-up ${t.totalMs.toFixed(1)} ms (not counted)`);
          continue;
        }
        samples.push(t);
        log(
          `${name} ${caseName}: run ${i}: ${t.subjects.toLocaleString('en')} subjects, load ${t.loadMs.toFixed(1)} + score ${t.scoreMs.toFixed(1)} + compare ${t.compareMs.toFixed(1)} = ${t.totalMs.toFixed(1)} ms (call ${t.wallMs.toFixed(1)} ms)`,
        );
      }
      const pick = (k: keyof Figures) => r2(median(samples.map((s) => s[k])));
      out[caseName] = {
        subjects: samples[0]!.subjects,
        loadMs: pick('loadMs'),
        scoreMs: pick('scoreMs'),
        compareMs: pick('compareMs'),
        totalMs: pick('totalMs'),
        wallMs: pick('wallMs'),
        ratio: r2(median(samples.map((s) => s.totalMs)) / TARGET_MS),
      };
    }
    return out;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  let databaseName: 'server' | 'pglite';
  let scale: number;
  let cases: Record<string, Figures>;
  const server = args['no-server'] ? null : await serverDatabase('jixiao_bench_whatif');
  if (server) {
    databaseName = 'server';
    scale = Number(args.scale ?? 100);
    try {
      cases = await measure('server', server.database, scale);
    } finally {
      await server.drop();
    }
  } else {
    databaseName = 'pglite';
    scale = Number(args.scale ?? 2);
    log(
      `PostgreSQL server ${args['no-server'] ? 'not used (--no-server)' : 'not reachable'}: PGlite in memory at scale ${scale} instead of 100`,
    );
    cases = await measure('pglite', await fromPglite(await PGlite.create(), 'memory'), scale);
  }
  log('');
  log(
    `what-if on the demo province (${databaseName}, scale ${scale}, ${year}${args['sample-only'] ? ', sampled self-evaluations only' : ', every project self-evaluated'}); median of ${runs} runs; target ${TARGET_MS} ms of server time`,
  );
  log('case              subjects   load ms  score ms  compare ms  total ms  call ms  total/target');
  for (const [name, f] of Object.entries(cases)) {
    log(
      `${name.padEnd(16)} ${f.subjects.toLocaleString('en').padStart(9)} ${f.loadMs.toFixed(1).padStart(9)} ${f.scoreMs.toFixed(1).padStart(9)} ${f.compareMs.toFixed(1).padStart(11)} ${f.totalMs.toFixed(1).padStart(9)} ${f.wallMs.toFixed(1).padStart(8)} ${f.ratio.toFixed(2).padStart(13)}${f.ratio <= 1 ? '' : '  (over target)'}`,
    );
  }
  if (args.json) {
    log(
      JSON.stringify({
        targetMs: TARGET_MS,
        database: databaseName,
        scale,
        year,
        fullCoverage: !args['sample-only'],
        runs,
        cases,
      }),
    );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
