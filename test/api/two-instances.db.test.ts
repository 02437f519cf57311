/**
 * Two API instances on one database (two server processes behind a load balancer) share sessions and jobs:
 * sign in on A and use the cookie on B; enqueue on A and B's worker runs it, with progress visible on both.
 * On PGlite both instances share the one in-process database; with JIXIAO_TEST_DB=server, B opens its own
 * connection pool to the same PostgreSQL database.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/api/build-app.ts';
import type { Api } from '../../src/api/types.ts';
import { compose, type App } from '../../src/compose.ts';
import { fromPool, type Database } from '../../src/db/client.ts';
import { scoringJobHandlers } from '../../src/services/scoring-service.ts';
import { testConfig, useTestApi, type Session } from '../api.ts';
import { databaseUrl } from '../db-info.ts';
import { COUNTY_TEMPLATE, publishTemplate, waitForJob } from '../scoring-fixtures.ts';

const a = useTestApi();
let appB: App;
let apiB: Api;

/** The same database as instance A, as instance B opens it. */
async function sameDatabase(): Promise<Database> {
  const info = inject('jixiaoTestDb');
  if (info.kind === 'pglite') {
    return { ...a.app.database, close: async () => {} };
  }
  const name = /\(([a-z0-9_]+)\)/.exec(a.app.dbLocation)?.[1];
  if (!name) throw new Error(`cannot tell the database of ${a.app.dbLocation}`);
  return fromPool(new pg.Pool({ connectionString: databaseUrl(info.adminUrl, name), max: 2 }), `B (${name})`);
}

beforeAll(async () => {
  appB = await compose(testConfig, {
    database: await sameDatabase(),
    jobHandlers: scoringJobHandlers(() => appB.services.scoring),
    jobPollMs: 50,
  });
  apiB = await buildApp({
    services: appB.services,
    webRoot: null,
    logger: false,
    rateLimitPerMinute: 1_000_000,
    trustProxy: false,
    ping: () => appB.ping(),
    version: 'test-b',
    readCache: { ttlMs: 5_000, epoch: () => appB.writeEpoch() },
  });
  await apiB.ready();
  appB.services.jobs.start();
}, 120_000);

afterAll(async () => {
  await apiB?.close();
  await appB?.close();
});

/** A session of instance A used against instance B (same cookie, same CSRF token). */
function onB(s: Session): Session {
  const request: Session['request'] = (method, url, body, headers = {}) =>
    apiB.inject({
      method,
      url,
      headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }), ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  return {
    cookie: s.cookie,
    csrf: s.csrf,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    del: (url) => request('DELETE', url),
  };
}

describe('two API instances on one database', () => {
  it('share sessions: signed in on A, recognised on B', async () => {
    const s = await a.login('sheng');
    const me = await onB(s).get('/api/v1/session');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('sheng');
  });

  it('share jobs: enqueued on A, run by B’s worker, progress visible on both', async () => {
    const { versionId } = await publishTemplate(
      a,
      'two-inst',
      'county_fiscal',
      COUNTY_TEMPLATE,
      2026,
      '双实例测试模板',
    );
    const s = await a.login('sheng');
    const started = await s.post('/api/v1/scoring/runs', { versionId, division: '220100' });
    expect(started.statusCode, started.body).toBe(202);
    const { jobId, run } = started.json() as { jobId: string; run: { id: string } };
    const seenOnA = await waitForJob(s, jobId);
    const seenOnB = await waitForJob(onB(s), jobId);
    expect(seenOnA.status).toBe('succeeded');
    expect(seenOnB).toMatchObject({ status: 'succeeded', progress: seenOnA.progress, total: seenOnA.total });
    expect(seenOnA.progress).toBe(4);
    // A has no worker: the job was B's
    expect((await a.app.repos.jobs.get(jobId))!.lockedBy).toBe(appB.services.jobs.workerId);
    const detailOnA = (await s.get(`/api/v1/scoring/runs/${run.id}`)).json() as { run: { status: string } };
    expect(detailOnA.run.status).toBe('succeeded');
    // a write on B with A's session (CSRF token from A)
    const again = await onB(s).post('/api/v1/scoring/runs', { versionId, division: '220122' });
    expect(again.statusCode, again.body).toBe(202);
    expect((await waitForJob(s, (again.json() as { jobId: string }).jobId)).status).toBe('succeeded');
  });

  it('share writes: a write on A makes B read afresh (its read cache and cached sessions)', async () => {
    const s = await a.login('sheng');
    const url = '/api/v1/indicators?q=%E5%8F%8C%E5%AE%9E%E4%BE%8B';
    expect((await onB(s).get(url)).headers['x-read-cache']).toBeUndefined();
    const cached = await onB(s).get(url);
    expect(cached.headers['x-read-cache']).toBe('hit');
    const before = appB.writeEpoch();
    const created = await s.post('/api/v1/indicators', {
      level1: '产出指标',
      level2: '数量指标',
      scope: 'common',
      direction: 'positive',
      unit: '人次',
      valueBasis: 'plan',
      referenceValue: '≥1000',
      evaluationStandard: '达到年度指标值得满分',
      code: 'TWO-INST-1',
      name: '双实例写入可见性',
    });
    expect(created.statusCode, created.body).toBe(201);
    // B hears of the write (NOTIFY on the server; PGlite delivers it to every listener in the process)
    for (let i = 0; i < 100 && appB.writeEpoch() === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(appB.writeEpoch()).toBeGreaterThan(before);
    const fresh = await onB(s).get(url);
    expect(fresh.headers['x-read-cache']).toBeUndefined();
    expect(JSON.stringify(fresh.json())).toContain('TWO-INST-1');
  });
});
