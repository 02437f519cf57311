import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io.ts';
import { run } from './seed-demo.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-cli-demo-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function io(): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { stdout, stderr, env: { JIXIAO_DATA_DIR: dataDir }, out: () => out, err: () => err };
}

describe('jixiao seed demo (embedded database in a data folder)', () => {
  it('refuses bad arguments with the usage (exit 2)', async () => {
    for (const args of [
      ['--scale'],
      ['--scale', 'x'],
      ['--scale', '0'],
      ['--year-from', '2027'],
      ['--all'],
    ]) {
      const a = io();
      expect(await run(args, a), args.join(' ')).toBe(2);
      expect(a.err()).toContain('jixiao seed demo');
    }
  });

  it('migrates and seeds an empty database, printing progress, counts and the demo accounts', async () => {
    const a = io();
    expect(await run(['--scale', '0.02'], a)).toBe(0);
    const out = a.out();
    expect(out).toContain('projects 60/60');
    expect(out).toMatch(/projects\s+60\n/);
    expect(out).toContain('demo data seeded: scale 0.02, 2025–2026');
    for (const username of ['admin', 'sheng', 'nongan', 'danwei', 'renda']) expect(out).toContain(username);
    expect(out).toContain('Jixiao2026');
  }, 120_000);

  it('refuses a second run without --reset (exit 2) and says how to redo it', async () => {
    const a = io();
    expect(await run(['--scale', '0.02'], a)).toBe(2);
    expect(a.err()).toContain('--reset');
    expect(a.out()).not.toContain('demo data seeded');
  });

  it('seeds again with --reset', async () => {
    const a = io();
    expect(await run(['--scale', '0.02', '--reset'], a)).toBe(0);
    expect(a.out()).toContain('deleting business data');
    expect(a.out()).toMatch(/projects\s+60\n/);
  }, 120_000);
});
