/**
 * One SQL route of `npm run bench:engine`, run in its own process so that the database's memory does not
 * count against the engine's. Usage: node --import tsx bench/sql-route.ts --route postgres|pglite
 * --layout long|wide --subjects N --out FILE. Writes the totals (Float64Array, subject order) to FILE and
 * prints one JSON line {"ms", "loadMs", "peakRssMb"}; exit 3 when the server is unreachable.
 *
 * Layouts: `long` is how jixiao stores inputs (table input_values: one row per subject and input key), so
 * the statement pivots them (FILTER aggregates) and scores; `wide` is one row per subject with a column
 * per input, the friendliest layout SQL could get.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { benchBatch, benchPlan, median } from './engine-data.ts';
import { planToSql, sqlColumn } from './plan-to-sql.ts';
import type { Batch, EvaluationPlan } from '../src/core/scoring/index.ts';

const { values: args } = parseArgs({
  options: {
    route: { type: 'string' },
    layout: { type: 'string', default: 'long' },
    subjects: { type: 'string', default: '100000' },
    out: { type: 'string' },
  },
});

type Exec = (sql: string) => Promise<unknown>;
type Query = (sql: string) => Promise<{ id: number; total: number }[]>;

async function load(exec: Exec, plan: EvaluationPlan, batch: Batch, layout: string): Promise<void> {
  const chunk = 5000;
  if (layout === 'wide') {
    const cols = plan.inputs.map((s) => sqlColumn(s.key));
    await exec(
      `CREATE TABLE bench_inputs (id integer PRIMARY KEY, ${cols.map((c) => `${c} float8`).join(', ')})`,
    );
    for (let start = 0; start < batch.n; start += chunk) {
      const rows: string[] = [];
      for (let i = start; i < Math.min(batch.n, start + chunk); i++) {
        const vals = plan.inputs.map((s) => {
          const v = batch.columns.get(s.key)![i]!;
          return v === v ? String(v) : 'NULL';
        });
        rows.push(`(${i},${vals.join(',')})`);
      }
      await exec(`INSERT INTO bench_inputs VALUES ${rows.join(',')}`);
    }
    await exec('ANALYZE bench_inputs');
    return;
  }
  await exec(
    'CREATE TABLE bench_input_values (subject_id integer, input_key text, value float8, PRIMARY KEY (subject_id, input_key))',
  );
  const perChunk = Math.max(1, Math.floor(chunk / plan.inputs.length));
  for (let start = 0; start < batch.n; start += perChunk) {
    const rows: string[] = [];
    for (let i = start; i < Math.min(batch.n, start + perChunk); i++) {
      for (const s of plan.inputs) {
        const v = batch.columns.get(s.key)![i]!;
        if (v === v) rows.push(`(${i},'${s.key}',${v})`);
      }
    }
    if (rows.length > 0) await exec(`INSERT INTO bench_input_values VALUES ${rows.join(',')}`);
  }
  await exec('ANALYZE bench_input_values');
}

function statement(plan: EvaluationPlan, layout: string): string {
  const score = planToSql(plan);
  if (layout === 'wide') return `SELECT id, ${score} AS total FROM bench_inputs ORDER BY id`;
  const pivot = plan.inputs
    .map((s) => `max(value) FILTER (WHERE input_key = '${s.key}') AS ${sqlColumn(s.key)}`)
    .join(', ');
  return `SELECT id, ${score} AS total FROM (SELECT subject_id AS id, ${pivot} FROM bench_input_values GROUP BY subject_id) AS s ORDER BY id`;
}

async function main(): Promise<number> {
  const n = Number(args.subjects);
  const plan = benchPlan();
  const batch = benchBatch(plan, n);
  const layout = args.layout === 'wide' ? 'wide' : 'long';
  let exec: Exec;
  let query: Query;
  let close: () => Promise<void>;
  if (args.route === 'postgres') {
    const adminUrl =
      process.env['JIXIAO_BENCH_DATABASE_URL'] ??
      process.env['DATABASE_URL'] ??
      'postgres://postgres@127.0.0.1:5432/postgres';
    const admin = new pg.Client({ connectionString: adminUrl });
    try {
      await admin.connect();
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 3;
    }
    const dbName = `jixiao_bench_${process.pid}`;
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    exec = (s) => client.query(s);
    query = async (s) => (await client.query<{ id: number; total: number }>(s)).rows;
    close = async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
      await admin.end();
    };
  } else {
    const lite = await PGlite.create();
    exec = (s) => lite.exec(s);
    query = async (s) => (await lite.query<{ id: number; total: number }>(s)).rows;
    close = () => lite.close();
  }
  try {
    const t0 = performance.now();
    await load(exec, plan, batch, layout);
    const loadMs = performance.now() - t0;
    const sql = statement(plan, layout);
    let rows: { id: number; total: number }[] = [];
    const ts: number[] = [];
    const runs = args.route === 'postgres' ? 5 : 3;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      rows = await query(sql);
      ts.push(performance.now() - t);
    }
    const totals = Float64Array.from(rows, (r) => r.total);
    writeFileSync(args.out!, new Uint8Array(totals.buffer));
    process.stdout.write(
      `${JSON.stringify({ ms: median(ts.slice(1)), loadMs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
    );
    return 0;
  } finally {
    await close();
  }
}

process.exitCode = await main();
