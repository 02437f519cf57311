/**
 * The read cache of ADR 0007: a GET route that says `config: { readCache: true }` answers a user's repeated
 * request from the body it sent that user a moment ago, as long as nothing has been written since (the
 * app's write epoch counts every transaction of this process and, through NOTIFY, of every other process
 * on the database) and the body is younger than the time-to-live. Keys hold the user and the whole URL, so
 * scope and permissions are exactly those of the request that produced the body; authentication, CSRF,
 * permissions and the rate limit run before the cache is consulted (only query validation is skipped: the
 * URL is the one that was validated when the body was made).
 */
import type { FastifyReply } from 'fastify';
import type { Api } from '../types.ts';

export interface ReadCacheOptions {
  /** How long a body may be reused; 0 turns the cache off. */
  readonly ttlMs: number;
  /** The app's write epoch (App.writeEpoch). */
  readonly epoch: () => number;
  readonly maxEntries?: number;
  /** Bodies larger than this are not kept. */
  readonly maxBodyChars?: number;
}

interface Entry {
  /** UTF-8 bytes: sent as they are, with no encoding of a string on every hit. */
  readonly body: Buffer;
  readonly epoch: number;
  readonly at: number;
}

interface Flight {
  readonly body: Promise<Buffer | null>;
  readonly settle: (body: Buffer | null) => void;
  readonly epoch: number;
}

interface Pending {
  readonly key: string;
  readonly epoch: number;
  readonly at: number;
  /** Set when this request reads for the others that wait on the same key. */
  readonly flight: Flight | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    readCachePending: Pending | null;
  }
  interface FastifyContextConfig {
    /** Repeated GETs of one user may be answered from the read cache (ADR 0007). */
    readCache?: boolean;
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Registers the cache's hooks; call after the auth hook (it needs `request.actor`). */
export function registerReadCache(app: Api, options: ReadCacheOptions): void {
  app.decorateRequest('readCachePending', null);
  if (options.ttlMs <= 0) return;
  const maxEntries = options.maxEntries ?? 2_000;
  const maxBodyChars = options.maxBodyChars ?? 256 * 1024;
  const entries = new Map<string, Entry>();

  // The first miss of a key reads; identical requests arriving meanwhile wait for its body.
  const inFlight = new Map<string, Flight>();
  const settle = (pending: Pending, body: Buffer | null) => {
    if (!pending.flight) return;
    if (inFlight.get(pending.key) === pending.flight) inFlight.delete(pending.key);
    pending.flight.settle(body);
  };

  // preValidation: after the auth hook and after the routes' own onRequest hooks (the rate limit).
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'GET' || reply.sent || !request.routeOptions.config.readCache) return;
    const actor = request.actor;
    if (!actor) return;
    const key = `${actor.userId}\u0000${request.url}`;
    const now = Date.now();
    const epoch = options.epoch();
    const hit = entries.get(key);
    if (hit && hit.epoch === epoch && now >= hit.at && now - hit.at < options.ttlMs) {
      return send(reply, hit.body);
    }
    if (hit) entries.delete(key);
    const waiting = inFlight.get(key);
    if (waiting && waiting.epoch === epoch) {
      const body = await Promise.race([waiting.body, delay(options.ttlMs)]);
      if (body !== null && options.epoch() === epoch) return send(reply, body);
    }
    // The epoch is taken before the handler reads: a write that lands meanwhile makes this body stale at once.
    let flight: Flight | null = null;
    if (!inFlight.has(key)) {
      let resolve: (body: Buffer | null) => void = () => {};
      const body = new Promise<Buffer | null>((r) => (resolve = r));
      flight = { body, settle: resolve, epoch };
      inFlight.set(key, flight);
    }
    request.readCachePending = { key, epoch, at: now, flight };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.readCachePending;
    if (!pending) return payload;
    const keep =
      reply.statusCode === 200 &&
      typeof payload === 'string' &&
      payload.length <= maxBodyChars &&
      pending.epoch === options.epoch();
    if (!keep) {
      settle(pending, null);
      return payload;
    }
    if (entries.size >= maxEntries) {
      // Drop the oldest tenth at once rather than one per insert.
      let drop = Math.ceil(maxEntries / 10);
      for (const k of entries.keys()) {
        entries.delete(k);
        if (--drop === 0) break;
      }
    }
    const body = Buffer.from(payload);
    entries.set(pending.key, { body, epoch: pending.epoch, at: pending.at });
    settle(pending, body);
    return body;
  });

  // A request that ends without sending (an error before onSend, a client gone) releases its followers.
  app.addHook('onResponse', async (request) => {
    if (request.readCachePending) settle(request.readCachePending, null);
  });
  app.addHook('onRequestAbort', async (request) => {
    if (request.readCachePending) settle(request.readCachePending, null);
  });
}

function send(reply: FastifyReply, body: Buffer) {
  return reply.code(200).header('content-type', JSON_TYPE).header('x-read-cache', 'hit').send(body);
}

function delay(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms).unref());
}
