import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io.ts';
import { run as migrateRun } from './db-migrate.ts';
import { run as seedRun } from './db-seed.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-cli-db-'));
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

describe('jixiao db migrate / db seed (embedded database in a data folder)', () => {
  it('refuses unknown flags with a usage message (exit 2)', async () => {
    const a = io();
    expect(await seedRun(['--all'], a)).toBe(2);
    expect(a.err()).toContain('--reference');
    const b = io();
    expect(await seedRun([], b)).toBe(2);
    const c = io();
    expect(await migrateRun(['--force'], c)).toBe(2);
  });

  it('migrates and seeds the reference data', async () => {
    const a = io();
    expect(await migrateRun([], a)).toBe(0);
    expect(a.out()).toMatch(/applied (\d+) of \1 migrations/);
    const b = io();
    expect(await seedRun(['--reference'], b)).toBe(0);
    expect(b.out()).toContain('divisions: 83');
    expect(b.out()).toContain('reference data loaded');
  });
});
