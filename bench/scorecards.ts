/**
 * npm run bench:scorecards [-- --json] [--runs 7] [--scale 1] [--year 2026] [--no-server]
 *
 * Scores every scorecard of a year for the whole demo province in one go (ScorecardService.scoreAll: every
 * city, county, department, 处室, fund, asset class and revenue item on all seven published scorecards),
 * as the provincial officer, and prints the pure server time of each call split into loading (versions,
 * subjects, every input value), scoring (columns, batch scoring with cached plans and one reused
 * workspace, grading, ranking, summaries) and storing (runs and results in one transaction), against the
 * target of 200 ms.
 *
 * Databases: PGlite in memory, and the PostgreSQL server when reachable (JIXIAO_BENCH_DATABASE_URL,
 * DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres; a database is created for the run and
 * dropped after). Each is migrated, given the reference data and the demo province at --scale (which only
 * multiplies projects; subjects and inputs are the same at every scale), then scored --runs times after
 * one warm-up call. Figures are medians. With --json the last line is
 * {"targetMs", "year", "subjects", "inputValues", "runs", "databases": {"pglite"|"server": {"loadMs",
 * "scoreMs", "storeMs", "totalMs", "wallMs", "ratio"}}}; ratio = totalMs ÷ target (≤ 1 meets it).
 */
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { compose, type App } from '../src/compose.ts';
import type { Config } from '../src/config.ts';
import { makeActor, type Actor } from '../src/core/access/scope.ts';
import { fromPglite, type Database } from '../src/db/client.ts';
import { serverDatabase } from './server-database.ts';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: '7' },
    scale: { type: 'string', default: '1' },
    year: { type: 'string', default: '2026' },
    'no-server': { type: 'boolean', default: false },
  },
});
const TARGET_MS = 200;
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
  loadMs: number;
  scoreMs: number;
  storeMs: number;
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

let shape = { subjects: 0, inputValues: 0, runs: 0 };

async function measure(name: string, database: Database): Promise<Figures> {
  const app = await compose(config, { database });
  try {
    await app.maintenance.migrate();
    await app.maintenance.seedReference();
    const t0 = performance.now();
    await app.maintenance.seedDemo({ scale: Number(args.scale) });
    log(`${name}: demo province seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const actor = await provincialOfficer(app);
    const samples: Figures[] = [];
    for (let i = 0; i <= runs; i++) {
      const w0 = performance.now();
      const r = await app.services.scorecards.scoreAll(actor, { year, division: '220000' });
      const wallMs = performance.now() - w0;
      if (!r.ok) throw new Error(r.error.message);
      const t = r.value.timings;
      shape = { subjects: r.value.subjects, inputValues: r.value.inputValues, runs: r.value.runs.length };
      const f = { ...t, wallMs, ratio: t.totalMs / TARGET_MS };
      if (i === 0) {
        log(`${name}: warm-up ${f.totalMs.toFixed(1)} ms (not counted)`);
        continue;
      }
      samples.push(f);
      log(
        `${name}: run ${i}: load ${t.loadMs.toFixed(1)} + score ${t.scoreMs.toFixed(1)} + store ${t.storeMs.toFixed(1)} = ${t.totalMs.toFixed(1)} ms (call ${wallMs.toFixed(1)} ms)`,
      );
    }
    const pick = (k: keyof Figures) => r2(median(samples.map((s) => s[k])));
    return {
      loadMs: pick('loadMs'),
      scoreMs: pick('scoreMs'),
      storeMs: pick('storeMs'),
      totalMs: pick('totalMs'),
      wallMs: pick('wallMs'),
      ratio: r2(median(samples.map((s) => s.totalMs)) / TARGET_MS),
    };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const databases: Record<string, Figures> = {};
  databases['pglite'] = await measure('pglite', await fromPglite(await PGlite.create(), 'memory'));
  if (!args['no-server']) {
    const server = await serverDatabase('jixiao_bench_scorecards');
    if (server) {
      try {
        databases['server'] = await measure('server', server.database);
      } finally {
        await server.drop();
      }
    } else {
      log('server: PostgreSQL not reachable, skipped');
    }
  }
  log('');
  log(
    `score all scorecards of ${year}: ${shape.runs} scorecards, ${shape.subjects} subject results, ${shape.inputValues} input values; median of ${runs} runs; target ${TARGET_MS} ms of server time`,
  );
  log('database  load ms  score ms  store ms  total ms  call ms  total/target');
  for (const [name, f] of Object.entries(databases)) {
    log(
      `${name.padEnd(8)} ${f.loadMs.toFixed(1).padStart(8)} ${f.scoreMs.toFixed(1).padStart(9)} ${f.storeMs.toFixed(1).padStart(9)} ${f.totalMs.toFixed(1).padStart(9)} ${f.wallMs.toFixed(1).padStart(8)} ${f.ratio.toFixed(2).padStart(13)}${f.ratio <= 1 ? '' : '  (over target)'}`,
    );
  }
  if (args.json) {
    log(JSON.stringify({ targetMs: TARGET_MS, year, ...shape, runs, scorecards: shape.runs, databases }));
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
