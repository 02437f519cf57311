/**
 * The server: `npm start`. Migrates, loads the reference data, seeds the demo province on an empty
 * database (or, in production, creates the first administrator), builds the web app when needed, serves UI
 * and API, runs background jobs, and shuts down gracefully (in-flight requests and jobs finish first).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';
import { buildApp } from './api/build-app.ts';
import { compose, scorecardJobHandlers, scoringJobHandlers, type App } from './compose.ts';
import { loadConfig, type Config } from './config.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB_ROOT = join(ROOT, 'dist', 'web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/web with Vite when it is missing or older than the sources (development checkouts). */
async function ensureWebBuild(log: (s: string) => void): Promise<void> {
  const index = join(WEB_ROOT, 'index.html');
  const sources = join(ROOT, 'src', 'web');
  if (!existsSync(sources)) return;
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const newest = Math.max(newestMtime(sources), newestMtime(join(ROOT, 'src', 'contracts')));
  if (built >= newest) return;
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    log(
      existsSync(index)
        ? '注意：网页源码比构建新，但未安装 Vite，沿用现有构建'
        : '未安装 Vite，无法构建网页，仅提供接口',
    );
    return;
  }
  log('正在构建网页（首次启动需要约一分钟）/ building the web app …');
  await vite.build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

async function prepareData(app: App, config: Config, log: (s: string) => void): Promise<string[]> {
  const banner: string[] = [];
  const m = await app.maintenance.migrate();
  if (m.applied > 0) log(`数据库迁移 / migrations applied: ${m.applied}`);
  await app.maintenance.seedReference();
  if (!config.production && (await app.maintenance.isEmpty())) {
    log('空数据库：正在生成演示省份数据 / empty database: seeding the demo province …');
    const report = await app.maintenance.seedDemo({ scale: 1 });
    log(`演示数据已生成 / demo data ready (${Math.round(report.ms / 1000)} s)`);
  }
  if (!config.production && (await app.maintenance.hasDemoData())) {
    banner.push('演示账号 / demo accounts (密码 password: Jixiao2026):');
    for (const a of app.maintenance.demoAccounts) banner.push(`  ${a.username.padEnd(12)} ${a.description}`);
  }
  const admin = await app.ensureAdministrator(config.adminPassword);
  if (!admin.ok) throw new Error(`${admin.error.message} / ${admin.error.messageEn}`);
  if (admin.value.created) {
    banner.push(
      admin.value.generatedPassword
        ? `已创建管理员 admin，初始密码（只显示这一次，首次登录须修改）/ first administrator "admin", one-time password: ${admin.value.generatedPassword}`
        : '已按 JIXIAO_ADMIN_PASSWORD 创建管理员 admin / first administrator "admin" created',
    );
  }
  return banner;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = (s: string) => process.stdout.write(`${s}\n`);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  const logger = { level: config.logLevel };
  const app: App = await compose(config, {
    jobHandlers: [
      ...scoringJobHandlers(() => app.services.scoring),
      ...scorecardJobHandlers(() => app.services.scorecards),
    ],
    log: (msg, extra) => process.stderr.write(`${msg} ${extra ? JSON.stringify(extra) : ''}\n`),
  });
  const banner = await prepareData(app, config, log);
  if (!config.skipWebBuild) await ensureWebBuild(log);

  const api = await buildApp({
    services: app.services,
    webRoot: existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : null,
    logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
    ping: () => app.ping(),
    version,
    readCache: { ttlMs: config.readCacheSeconds * 1000, epoch: () => app.writeEpoch() },
  });
  await api.listen({ port: config.port, host: config.host });
  app.services.jobs.start();
  const sweep = setInterval(() => void app.maintenance.sweepSessions().catch(() => {}), 10 * 60_000);

  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  log('');
  log(`jixiao 绩效管理平台已启动 / is running: http://${shown}:${config.port}`);
  log(`接口文档 / API docs: http://${shown}:${config.port}/api/docs`);
  log(`数据库 / database: ${app.dbKind === 'embedded' ? '内置 PGlite' : 'PostgreSQL'} (${app.dbLocation})`);
  for (const line of banner) log(line);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`收到 ${signal}，正在停止（完成进行中的请求与任务）/ stopping after in-flight work …`);
    clearInterval(sweep);
    await api.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

await main();
