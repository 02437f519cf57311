/**
 * A small per-process cache of values that may be a few seconds old: pre-aggregated dashboard figures and
 * list totals. Concurrent misses for one key share one load. Never used for anything a write must see
 * at once (docs/decisions/0007-session-read-cache.md).
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5_000,
  ) {}

  async get(key: string, nowMs: number, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && nowMs - hit.at < this.ttlMs && nowMs >= hit.at) return hit.value;
    if (this.entries.size >= this.maxEntries) {
      const first = this.entries.keys().next();
      if (!first.done) this.entries.delete(first.value);
    }
    const value = load();
    this.entries.set(key, { value, at: nowMs });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
