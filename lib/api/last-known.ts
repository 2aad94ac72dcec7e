/**
 * "SQL refused" must not erase what was known: the last good answer of each SQL-backed read is kept
 * in memory (one per key: cluster + what was read), and while SQL is unreachable that answer is
 * served again, marked with when it was true and since when SQL has been unreachable. Only outages
 * are covered (sql_unavailable): a privilege error or a bad id is an answer, not an outage.
 */
import { ApiError } from '../errors';
import type { LastKnown } from './types/last-known';

interface Entry {
  value: unknown;
  asOfMs: number;
}

// Bounded: a key per cluster × page (a schedule or job id is a key too); the oldest go first.
const MAX_ENTRIES = 500;
const OUTAGES = new Set(['sql_unavailable']);

// One map per process: route handlers and server components may load this module separately.
const g = globalThis as { __lastKnown?: Map<string, Entry>; __sqlFailingSince?: Map<string, number> };
const store = (g.__lastKnown ??= new Map<string, Entry>());
/** Per cluster: the first failed read since the last good one, whichever page made it. */
const failingSince = (g.__sqlFailingSince ??= new Map<string, number>());

function remember(key: string, value: unknown, asOfMs: number): void {
  store.delete(key);
  store.set(key, { value, asOfMs });
  if (store.size > MAX_ENTRIES) store.delete(store.keys().next().value as string);
}

/**
 * Runs `read`; on success remembers the answer (and when, by the dashboard's clock, as the outage's
 * start is) and returns it with
 * `last_known: null`. On an outage returns the remembered answer, passed through `revive` (to
 * recompute what does not need SQL, e.g. the metric signal), with `last_known` set; without one, the
 * outage is thrown as before.
 */
export async function withLastKnown<T extends object>(
  cluster: string,
  what: string,
  read: () => Promise<T>,
  opts: { revive?: (value: T) => Promise<T> | T; nowMs?: () => number; /** false: remember, never serve a remembered answer (alert evidence). */ serveLast?: boolean } = {},
): Promise<T & { last_known: LastKnown | null }> {
  const now = opts.nowMs ?? Date.now;
  const key = `${cluster}\u0000${what}`;
  try {
    const value = await read();
    failingSince.delete(cluster);
    remember(key, value, now());
    return { ...value, last_known: null };
  } catch (err) {
    if (!(err instanceof ApiError) || !OUTAGES.has(err.code)) throw err;
    if (!failingSince.has(cluster)) failingSince.set(cluster, now());
    const entry = store.get(key);
    if (!entry || opts.serveLast === false) throw err;
    const value = entry.value as T;
    const revived = opts.revive ? await opts.revive(value) : value;
    return {
      ...revived,
      last_known: { as_of: new Date(entry.asOfMs).toISOString(), unreachable_since: new Date(failingSince.get(cluster) as number).toISOString(), error: { code: err.code, message: err.message } },
    };
  }
}

/** For tests: forget everything. */
export function forgetLastKnown(): void {
  store.clear();
  failingSince.clear();
}
