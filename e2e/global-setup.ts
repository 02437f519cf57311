/**
 * Starts the product the way a user does — `node bin/server.js` — on a fresh data folder, so the demo
 * province is seeded on first start, after building the web app when dist/web is missing or stale.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '..');

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

function newest(dir: string): number {
  let m = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    m = Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return m;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

let server: ChildProcess | null = null;
let dataDir = '';

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('e2e: Debian Chromium is missing — apt-get install -y chromium fonts-noto-cjk');
  }
  const index = join(ROOT, 'dist', 'web', 'index.html');
  const stale =
    !existsSync(index) ||
    statSync(index).mtimeMs <
      Math.max(newest(join(ROOT, 'src', 'web')), newest(join(ROOT, 'src', 'contracts')));
  if (stale) {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('e2e: vite build failed');
  }
  dataDir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(ROOT, 'bin', 'server.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      JIXIAO_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      JIXIAO_SKIP_WEB_BUILD: '1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  server.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`e2e: server exited (${server.exitCode}):\n${out}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // starting
    }
    if (i > 900) throw new Error(`e2e: server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide('e2eBaseUrl', base);
}

export async function teardown(): Promise<void> {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
