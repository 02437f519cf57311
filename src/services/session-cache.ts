import type { SessionRecord, UserRecord } from '../core/access/ports.ts';
import type { Actor } from '../core/access/scope.ts';

export interface CachedSession {
  session: SessionRecord;
  readonly user: UserRecord;
  /** The actor without the request's address (added per request). */
  readonly actor: Actor;
}

/**
 * A short-lived, per-process read cache of resolved sessions, so that a signed-in request does not cost
 * three queries. The database stays the only truth (docs/decisions/0007-session-read-cache.md): entries
 * live `ttlMs` at most, this process evicts them at once on sign-out, password change and user changes,
 * and another process notices such changes within `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, { value: CachedSession; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  get(id: string, nowMs: number): CachedSession | null {
    const hit = this.entries.get(id);
    if (!hit) return null;
    if (nowMs - hit.at >= this.ttlMs || nowMs < hit.at) {
      this.entries.delete(id);
      return null;
    }
    return hit.value;
  }

  set(id: string, value: CachedSession, nowMs: number): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      // Drop the oldest insertion (Map keeps insertion order).
      const first = this.entries.keys().next();
      if (!first.done) this.entries.delete(first.value);
    }
    this.entries.set(id, { value, at: nowMs });
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  /** Forgets every session (another process wrote: it may have changed a user). */
  clear(): void {
    this.entries.clear();
  }

  /** Forgets every session of a user (their roles, status or password changed). */
  deleteUser(userId: string): void {
    for (const [id, e] of this.entries) if (e.value.user.id === userId) this.entries.delete(id);
  }
}
