/**
 * npm run bench:api [-- --json] [--scale 10] [--connections 200] [--duration 10] [--processes 1]
 *
 * Seeds the demo province at --scale on the PostgreSQL server (a database created for this run and dropped
 * after), starts the server (`node bin/server.js`, --processes instances on one port range behind nothing
 * but the kernel: each autocannon run targets one instance unless --processes > 1, in which case the
 * connections are spread evenly over the instances), signs in as the provincial officer, and runs
 * autocannon on 127.0.0.1 with --connections connections against:
 *   dashboard  GET /api/v1/dashboard?division=220000&year=2026      (the whole province)
 *   list       GET /api/v1/selfeval?year=2026&page=1&pageSize=20     (self-evaluations, province-wide)
 *   detail     GET /api/v1/selfeval/:id                               (one self-evaluation with its check)
 * Prints requests per second and p50/p99 latency per endpoint; with --json the last line is
 * {"connections", "endpoints": {"<name>": {"rps", "p50Ms", "p99Ms", "non2xx"}},
 *  "withoutReadCache": {"<name>": {…}}}.
 * Targets: p99 ≤ 50 ms for list and detail, ≤ 150 ms for the dashboard, zero non-2xx.
 * The servers run as shipped, with the read cache of ADR 0007 (a user's repeated GET answered from the
 * body sent a moment ago while nothing was written). For comparison the same endpoints are measured
 * again on a server started with JIXIAO_READ_CACHE_SECONDS=0, where every request reads the database.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    scale: { type: 'string', default: '10' },
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '10' },
    processes: { type: 'string', default: '1' },
  },
});
const log = (s: string) => process.stdout.write(`${s}\n`);
const connections = Number(args.connections);
const duration = Number(args.duration);
const processes = Math.max(1, Number(args.processes));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function waitHealthy(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

async function hit(urls: string[], cookie: string): Promise<Figures> {
  const per = Math.max(1, Math.floor(connections / urls.length));
  const results = await Promise.all(
    urls.map((url, i) =>
      autocannon({
        url,
        connections: i === urls.length - 1 ? connections - per * (urls.length - 1) : per,
        duration,
        headers: { cookie },
      }),
    ),
  );
  const rps = results.reduce((s, r) => s + r.requests.average, 0);
  // With several instances, report the worst instance's latency percentiles.
  return {
    rps: Math.round(rps),
    p50Ms: Math.max(...results.map((r) => r.latency.p50)),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0),
  };
}

async function main(): Promise<void> {
  const adminUrl =
    process.env['JIXIAO_BENCH_DATABASE_URL'] ??
    process.env['DATABASE_URL'] ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `jixiao_bench_api_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const children: ChildProcess[] = [];
  try {
    log(`生成演示省份 scale ${args.scale}（PostgreSQL 服务器）/ seeding the scale-${args.scale} province …`);
    const t0 = Date.now();
    // In child processes (the CLI), so that this process — which also runs autocannon — starts the
    // measurement with a small heap: a big one would add its own GC pauses to the measured latencies.
    const cli = fileURLToPath(new URL('../bin/jixiao.js', import.meta.url));
    for (const argv of [
      ['db', 'migrate'],
      ['db', 'seed', '--reference'],
      ['seed', 'demo', '--scale', String(Number(args.scale))],
    ]) {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [cli, ...argv], {
          env: { ...process.env, DATABASE_URL: databaseUrl },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        child.once('error', reject);
        child.once('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`jixiao ${argv.join(' ')} exited with ${code}`)),
        );
      });
    }
    log(`  已完成 / done in ${Math.round((Date.now() - t0) / 1000)} s`);

    const start = async (extraEnv: Record<string, string>): Promise<string[]> => {
      const started: string[] = [];
      for (let i = 0; i < processes; i++) {
        const port = await freePort();
        const child = spawn(process.execPath, [fileURLToPath(new URL('../bin/server.js', import.meta.url))], {
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl,
            PORT: String(port),
            HOST: '127.0.0.1',
            NODE_ENV: 'production',
            JIXIAO_ADMIN_PASSWORD: 'BenchAdmin2026',
            JIXIAO_RATE_LIMIT: '100000000',
            JIXIAO_SKIP_WEB_BUILD: '1',
            LOG_LEVEL: 'warn',
            ...extraEnv,
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        children.push(child);
        const base = `http://127.0.0.1:${port}`;
        await waitHealthy(base, child);
        started.push(base);
      }
      return started;
    };
    const stopAll = async () => {
      for (const c of children.splice(0)) {
        const exited = new Promise((r) => c.once('exit', r));
        c.kill('SIGTERM');
        await exited;
      }
    };
    let bases = await start({});

    const login = await fetch(`${bases[0]}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sheng', password: 'Jixiao2026' }),
    });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const list = (await (
      await fetch(`${bases[0]}/api/v1/selfeval?year=2026&page=1&pageSize=20`, { headers: { cookie } })
    ).json()) as {
      items: { id: string }[];
      total: number;
    };
    const detailId = list.items[0]?.id;
    if (!detailId) throw new Error('no self-evaluation to read');

    const endpoints: Record<string, string> = {
      dashboard: '/api/v1/dashboard?division=220000&year=2026',
      list: '/api/v1/selfeval?year=2026&page=1&pageSize=20',
      detail: `/api/v1/selfeval/${detailId}`,
    };
    const measure = async (names: string[]): Promise<Record<string, Figures>> => {
      const figures: Record<string, Figures> = {};
      for (const name of names) {
        const urls = bases.map((b) => `${b}${endpoints[name]!}`);
        await hit(urls, cookie); // warm-up (JIT, pools, caches)
        figures[name] = await hit(urls, cookie);
        const f = figures[name]!;
        const target = name === 'dashboard' ? 150 : 50;
        log(
          `  ${name.padEnd(10)} ${String(f.rps).padStart(7)} req/s   p50 ${String(f.p50Ms).padStart(4)} ms   p99 ${String(f.p99Ms).padStart(4)} ms (target ≤ ${target})   non-2xx ${f.non2xx}`,
        );
      }
      return figures;
    };
    log(
      `autocannon: ${connections} connections × ${duration} s, ${processes} server process(es); list total ${list.total}`,
    );
    const figures = await measure(Object.keys(endpoints));
    log(
      '不使用读缓存（JIXIAO_READ_CACHE_SECONDS=0，每个请求都查询数据库）/ without the read cache, for comparison:',
    );
    await stopAll();
    bases = await start({ JIXIAO_READ_CACHE_SECONDS: '0' });
    const uncached = await measure(Object.keys(endpoints));
    if (args.json) log(JSON.stringify({ connections, endpoints: figures, withoutReadCache: uncached }));
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

await main();
