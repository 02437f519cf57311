import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/scope.ts';
import type { Api } from '../types.ts';
import { registerReadCache } from './read-cache.ts';

/** A bare app: `x-user` names the signed-in user, /n counts the handler's runs, /slow answers after 50 ms. */
async function appWith(ttlMs: number) {
  let epoch = 0;
  let runs = 0;
  let status = 200;
  const app = Fastify() as unknown as Api;
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const user = request.headers['x-user'];
    if (typeof user === 'string') request.actor = { userId: user } as unknown as Actor;
  });
  registerReadCache(app, { ttlMs, epoch: () => epoch });
  app.get('/n', { config: { readCache: true } }, async (_request, reply) => {
    runs++;
    return reply.code(status).send({ runs });
  });
  app.get('/slow', { config: { readCache: true } }, async () => {
    runs++;
    await new Promise((r) => setTimeout(r, 50));
    return { runs };
  });
  app.get('/uncached', async () => ({ runs: ++runs }));
  // A route's own onRequest hook (the rate limit is one) runs on hits as well.
  let limited = 0;
  app.get(
    '/limited',
    {
      config: { readCache: true },
      onRequest: async (_request, reply) => {
        if (++limited > 2) return reply.code(429).send({ code: 'TOO_MANY_REQUESTS' });
      },
    },
    async () => ({ runs: ++runs }),
  );
  await app.ready();
  const get = (url: string, user = 'u1') => app.inject({ method: 'GET', url, headers: { 'x-user': user } });
  return {
    app,
    get,
    write: () => epoch++,
    runs: () => runs,
    failWith: (code: number) => (status = code),
  };
}

const apps: Api[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});
async function make(ttlMs = 5_000) {
  const t = await appWith(ttlMs);
  apps.push(t.app);
  return t;
}

describe('the read cache', () => {
  it('answers a user’s repeated GET from the body it sent, until a write', async () => {
    const t = await make();
    const first = await t.get('/n?a=1');
    expect(first.json()).toEqual({ runs: 1 });
    expect(first.headers['x-read-cache']).toBeUndefined();
    const second = await t.get('/n?a=1');
    expect(second.json()).toEqual({ runs: 1 });
    expect(second.headers['x-read-cache']).toBe('hit');
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    t.write();
    expect((await t.get('/n?a=1')).json()).toEqual({ runs: 2 });
    expect(t.runs()).toBe(2);
  });

  it('keys on the user and the whole URL', async () => {
    const t = await make();
    await t.get('/n?a=1', 'u1');
    expect((await t.get('/n?a=1', 'u2')).json()).toEqual({ runs: 2 });
    expect((await t.get('/n?a=2', 'u1')).json()).toEqual({ runs: 3 });
    expect((await t.get('/n?a=1', 'u1')).json()).toEqual({ runs: 1 });
  });

  it('never caches for anonymous requests, errors, or routes that do not ask for it', async () => {
    const t = await make();
    await t.app.inject({ method: 'GET', url: '/n' });
    expect((await t.app.inject({ method: 'GET', url: '/n' })).json()).toEqual({ runs: 2 });
    t.failWith(404);
    await t.get('/n?e=1');
    expect((await t.get('/n?e=1')).statusCode).toBe(404);
    expect(t.runs()).toBe(4);
    await t.get('/uncached');
    expect((await t.get('/uncached')).json()).toEqual({ runs: 6 });
  });

  it('runs the route’s own hooks (the rate limit) before answering from the cache', async () => {
    const t = await make();
    expect((await t.get('/limited')).json()).toEqual({ runs: 1 });
    expect((await t.get('/limited')).headers['x-read-cache']).toBe('hit');
    expect((await t.get('/limited')).statusCode).toBe(429);
  });

  it('forgets a body after its time-to-live', async () => {
    const t = await make(30);
    await t.get('/n');
    expect((await t.get('/n')).json()).toEqual({ runs: 1 });
    await new Promise((r) => setTimeout(r, 40));
    expect((await t.get('/n')).json()).toEqual({ runs: 2 });
  });

  it('is off with a time-to-live of 0', async () => {
    const t = await make(0);
    await t.get('/n');
    expect((await t.get('/n')).json()).toEqual({ runs: 2 });
  });

  it('lets identical requests that arrive during a read wait for its body', async () => {
    const t = await make();
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.get('/slow')));
    expect(answers.map((a) => a.json())).toEqual(Array.from({ length: 10 }, () => ({ runs: 1 })));
    expect(t.runs()).toBe(1);
  });

  it('does not keep a body read while a write landed', async () => {
    const t = await make();
    const reading = t.get('/slow');
    await new Promise((r) => setTimeout(r, 10));
    t.write();
    expect((await reading).json()).toEqual({ runs: 1 });
    expect((await t.get('/slow')).json()).toEqual({ runs: 2 });
  });
});
