/**
 * A small read-through cache for the backup reads that touch cloud storage (SHOW BACKUPS IN lists
 * a bucket; SHOW BACKUP reads a chain's manifests): slow, and on a real cluster each one is billed.
 * Per key: a time to live chosen per value (a per-collection error is kept only briefly), single
 * flight (callers that arrive while a read runs share it, `fresh` included, so a burst of "Re-list"
 * clicks costs one read), and a bound on the number of entries (least recently used goes first).
 * A read that rejects (the connection was lost) is never kept: the next caller tries again.
 */

export interface Cached<T> {
  value: T;
  /** When the read finished (ms, the cache's clock): how old the answer is. */
  at: number;
}

export interface TtlCacheOptions<T> {
  /** How long a value is served, given the value (so an error result can be kept for less). */
  ttlMs: (value: T) => number;
  /** Entries kept at most; the least recently used one is dropped first. */
  max: number;
  /** The clock (ms); tests pass a fake one. */
  now?: () => number;
}

interface Entry<T> {
  done?: Cached<T> & { ttl: number };
  inflight?: Promise<Cached<T>>;
}

export class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;

  constructor(private readonly opts: TtlCacheOptions<T>) {
    this.now = opts.now ?? (() => Date.now());
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The value for `key`: the kept one while it is younger than its TTL (unless `fresh`), else the
   * read already running for it, else a new read by `load`.
   */
  get(key: string, load: () => Promise<T>, opts: { fresh?: boolean } = {}): Promise<Cached<T>> {
    const e = this.entries.get(key) ?? {};
    // Re-inserting marks the key as the most recently used (a Map iterates in insertion order).
    this.entries.delete(key);
    this.entries.set(key, e);
    if (e.inflight) return e.inflight;
    if (!opts.fresh && e.done && this.now() - e.done.at < e.done.ttl) return Promise.resolve({ value: e.done.value, at: e.done.at });
    const p = load().then(
      (value) => {
        const done = { value, at: this.now(), ttl: this.opts.ttlMs(value) };
        if (this.entries.get(key) === e) {
          e.done = done;
          e.inflight = undefined;
        }
        return { value, at: done.at };
      },
      (err: unknown) => {
        if (this.entries.get(key) === e) {
          e.inflight = undefined;
          // A failed `fresh` re-read leaves a still-valid value; anything else is forgotten.
          if (!e.done || this.now() - e.done.at >= e.done.ttl) this.entries.delete(key);
        }
        throw err;
      },
    );
    e.inflight = p;
    this.evict();
    return p;
  }

  /** Drops the least recently used entries past the bound (a dropped read still answers its callers). */
  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.opts.max) return;
      this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
