/**
 * npm run bench:engine [-- --json] [--subjects N]
 *
 * Scores N subjects (default 100,000) on a three-level template with ten leaves of mixed kinds (positive,
 * reverse, banded, qualitative, formula, deduction, bonus) and checks that every route agrees:
 *   (a) the engine: compiled plan, column-at-a-time scoring and grading, explanations on demand;
 *   (b) the baseline: a hand-written loop over Float64Arrays computing the same totals;
 *   (c) one SQL statement on the PostgreSQL server (JIXIAO_BENCH_DATABASE_URL or DATABASE_URL, default
 *       postgres://postgres@127.0.0.1:5432/postgres; reported as unavailable when unreachable), over the
 *       inputs as jixiao stores them (input_values, one row per subject and input), and (c') over a wide
 *       table with one column per input;
 *   (d) the same statement on embedded PGlite (long layout).
 * The SQL routes run in child processes (bench/sql-route.ts) so that the databases' memory is their own:
 * peakRssMb is this process's, which holds the data and the engine.
 * Prints medians and ratios; with --json the last line is one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { unwrap } from '../src/core/kernel/index.ts';
import {
  explainSubject,
  gradeColumn,
  JILIN_FIVE_TIER,
  scoreBatch,
  ScoreWorkspace,
  type Batch,
} from '../src/core/scoring/index.ts';
import { benchBatch, benchPlan, median } from './engine-data.ts';

const { values: args } = parseArgs({
  options: { json: { type: 'boolean', default: false }, subjects: { type: 'string', default: '100000' } },
});
const N = Number(args.subjects);
const log = (s: string) => process.stdout.write(`${s}\n`);

/** The baseline: the benchmark template's rules written out by hand in one fused loop. */
function handLoop(b: Batch, out: Float64Array): void {
  const g = (k: string) => b.columns.get(k)!;
  const c11 = g('C11.actual');
  const c12 = g('C12.actual');
  const c21 = g('C21.actual');
  const c31 = g('C31.actual');
  const lvl = g('E11.level');
  const sc = g('E11.score');
  const emp = g('E12.employed');
  const tr = g('E12.trained');
  const s11 = g('S11.actual');
  const d1 = g('D1.count');
  const d2 = g('D2.count');
  const b1 = g('B1.count');
  for (let i = 0; i < b.n; i++) {
    const p11 = c11[i]! >= 1000 ? 10 : Math.max((c11[i]! / 1000) * 10, 0);
    const p12 = c12[i]! >= 20 ? 10 : Math.max((c12[i]! / 20) * 10, 0);
    const x = c21[i]!;
    const p21 = x >= 95 ? 15 : x >= 90 ? 12 : x >= 80 ? 9 : 0;
    const p31 = c31[i]! <= 800 ? 15 : (800 / c31[i]!) * 15;
    const l = lvl[i]!;
    const lo = l <= 0 ? 12 : l >= 2 ? 0 : 9;
    const hi = l <= 0 ? 15 : l >= 2 ? 9 : 12;
    const s = sc[i]!;
    const pE11 = s !== s ? lo : s < lo ? lo : s > hi ? hi : s;
    const f = Math.min(emp[i]! / tr[i]!, 1) * 15;
    const pE12 = f > 15 ? 15 : f < 0 ? 0 : f;
    const pS11 = s11[i]! >= 90 ? 20 : Math.max((s11[i]! / 90) * 20, 0);
    const ded = Math.max(-Math.min(d1[i]! * 2, 6) - Math.min(d2[i]! * 5, 10), -10);
    const bonus = Math.min(b1[i]!, 5);
    const t = p11 + p12 + p21 + p31 + pE11 + pE12 + pS11 + ded + bonus;
    out[i] = t < 0 ? 0 : t;
  }
}

function time(runs: number, f: () => void): number {
  for (let i = 0; i < 5; i++) f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

function maxDiff(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

interface RouteResult {
  ms: number;
  loadMs: number;
  peakRssMb: number;
  totals: Float64Array;
}

/** Runs one SQL route in a child process; null when the database is unreachable. */
function sqlRoute(route: 'postgres' | 'pglite', layout: 'long' | 'wide'): RouteResult | null {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const out = join(dir, 'totals.bin');
  try {
    const script = fileURLToPath(new URL('./sql-route.ts', import.meta.url));
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        script,
        '--route',
        route,
        '--layout',
        layout,
        '--subjects',
        String(N),
        '--out',
        out,
      ],
      { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 },
    );
    if (r.status === 3) {
      log(`  PostgreSQL 服务器不可用 / server unreachable: ${r.stderr.trim()}`);
      return null;
    }
    if (r.status !== 0) throw new Error(`sql route ${route}/${layout} failed: ${r.stderr}`);
    const line = r.stdout.trim().split('\n').pop()!;
    const parsed = JSON.parse(line) as Omit<RouteResult, 'totals'>;
    const bytes = readFileSync(out);
    const totals = new Float64Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    return { ...parsed, totals };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const plan = benchPlan();
  const batch = benchBatch(plan, N);
  const values = plan.inputs.length * N;
  log(
    `引擎基准 / engine benchmark: ${N.toLocaleString('en')} subjects × ${plan.leaves.length} leaves (${values.toLocaleString('en')} input values)`,
  );

  // (a) the engine. Like the hand loop's output array, its memory is allocated once and reused across
  // runs. It keeps the totals, the grades and the first-level points (what league tables and portraits
  // show); any other node's points are explained on demand. (a') keeps every node's column too.
  const workspace = new ScoreWorkspace();
  let engineTotals: Float64Array = new Float64Array(0);
  let grades: Uint8Array = new Uint8Array(0);
  const engineMs = time(25, () => {
    const s = unwrap(scoreBatch(plan, batch, { keep: 'first-level', workspace }));
    engineTotals = s.totals;
    grades = gradeColumn(JILIN_FIVE_TIER, s.totals, N);
  });
  engineTotals = Float64Array.from(engineTotals);
  const allWorkspace = new ScoreWorkspace();
  const engineAllMs = time(25, () => {
    const s = unwrap(scoreBatch(plan, batch, { keep: 'all', workspace: allWorkspace }));
    gradeColumn(JILIN_FIVE_TIER, s.totals, N);
  });
  const t0 = performance.now();
  const ex = explainSubject(plan, batch, N - 1, JILIN_FIVE_TIER);
  const explainMs = performance.now() - t0;

  // (b) the baseline
  const handTotals = new Float64Array(N);
  const handLoopMs = time(25, () => handLoop(batch, handTotals));
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

  const problems: string[] = [];
  const dHand = maxDiff(engineTotals, handTotals);
  if (dHand > 1e-9) problems.push(`engine and hand loop differ by ${dHand}`);
  if (Math.abs(ex.total - engineTotals[N - 1]!) > 1e-9) problems.push('explanation disagrees with the batch');

  // (c), (c'), (d): SQL in child processes
  const pgLong = sqlRoute('postgres', 'long');
  const pgWide = pgLong ? sqlRoute('postgres', 'wide') : null;
  const lite = sqlRoute('pglite', 'long');
  for (const [name, r] of [
    ['PostgreSQL (input_values)', pgLong],
    ['PostgreSQL (wide table)', pgWide],
    ['PGlite (input_values)', lite],
  ] as const) {
    if (!r) continue;
    const d = maxDiff(engineTotals, r.totals);
    if (d > 1e-6) problems.push(`engine and ${name} differ by ${d}`);
  }

  const counts = JILIN_FIVE_TIER.bands
    .map((b, i) => `${b.label} ${grades.filter((g) => g === i).length}`)
    .join('，');
  const f = (x: number) => x.toFixed(2);
  log(`等次分布 / grades: ${counts}`);
  log(
    `(a)  engine, score + grade            ${f(engineMs)} ms  (${f(engineMs / (values / 1e6))} ms per million values)`,
  );
  log(`(a') engine keeping every node        ${f(engineAllMs)} ms`);
  log(
    `(b)  hand-written loop (baseline)     ${f(handLoopMs)} ms  engine / loop = ${f(engineMs / handLoopMs)}×  (target ≤ 2×)`,
  );
  if (pgLong) {
    log(
      `(c)  one SQL statement, PostgreSQL     ${f(pgLong.ms)} ms  SQL / engine = ${f(pgLong.ms / engineMs)}×  (target ≥ 20×; inputs as stored, in input_values)`,
    );
  } else log('(c)  PostgreSQL server unavailable');
  if (pgWide) {
    log(
      `(c') same on a wide table, PostgreSQL ${f(pgWide.ms)} ms  SQL / engine = ${f(pgWide.ms / engineMs)}×`,
    );
  }
  if (lite)
    log(`(d)  one SQL statement, PGlite         ${f(lite.ms)} ms  SQL / engine = ${f(lite.ms / engineMs)}×`);
  log(`explain one subject on demand         ${f(explainMs)} ms`);
  log(
    `peak RSS, engine process             ${peakRssMb} MB (target ≤ 500 MB)${lite ? `; PGlite child ${lite.peakRssMb} MB` : ''}${pgLong ? `; PostgreSQL client child ${pgLong.peakRssMb} MB` : ''}`,
  );
  log(
    problems.length === 0
      ? '所有路线结果一致 / all routes agree'
      : `不一致 / DISAGREEMENT: ${problems.join('; ')}`,
  );
  if (args.json) {
    log(
      JSON.stringify({
        subjects: N,
        values,
        engineMs: Number(f(engineMs)),
        handLoopMs: Number(f(handLoopMs)),
        sqlPostgresMs: pgLong ? Number(f(pgLong.ms)) : null,
        sqlPgliteMs: lite ? Number(f(lite.ms)) : null,
        peakRssMb,
        engineAllNodesMs: Number(f(engineAllMs)),
        sqlPostgresWideMs: pgWide ? Number(f(pgWide.ms)) : null,
      }),
    );
  }
  if (problems.length > 0) process.exitCode = 1;
}

main();
