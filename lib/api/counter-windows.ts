/**
 * The status tiles' headline for counters: how much they grew in the last hour and day, summed over
 * the nodes, from history (reset-aware increase, as PromQL's increase()), instead of the lifetime
 * totals a node restart zeroes and a down node silently drops from a sum. Cached per scrape: every
 * viewer's refresh of one scrape costs one read of history.
 */
import { historyStore } from '../history/store-holder';
import type { CounterWindow } from './types/metrics';

export const WINDOWED_COUNTERS = ['schedules_BACKUP_failed', 'jobs_backup_resume_retry_error', 'jobs_restore_resume_retry_error'] as const;
export const COUNTER_WINDOWS_S = [3_600, 86_400] as const;

// Buckets fine enough that "the last hour" is off by at most a minute; coarse enough to read the rollup.
const STEP_S: Record<number, number> = { 3_600: 60, 86_400: 300 };

const cache = ((globalThis as { __counterWindows?: Map<string, { seq: number; value: Promise<Record<string, CounterWindow[]>> }> }).__counterWindows ??= new Map());

async function windowOf(cluster: string, metric: string, windowS: number, nowMs: number): Promise<CounterWindow> {
  const stepS = STEP_S[windowS] ?? 60;
  const fromMs = nowMs - windowS * 1000;
  const series = await historyStore().range({ cluster, metric, nodes: null, fromMs, toMs: nowMs, stepS, fn: 'increase' });
  let value = 0;
  let first = Infinity;
  const nodes: number[] = [];
  for (const s of series) {
    if (s.points.length === 0) continue;
    nodes.push(s.node_id);
    first = Math.min(first, s.points[0][0]);
    for (const [, v] of s.points) if (Number.isFinite(v)) value += v;
  }
  if (nodes.length === 0) return { window_s: windowS, value: null, covered_from: null, nodes };
  // History younger than the window (a dashboard started 10 min ago): the sum covers only part of it.
  return { window_s: windowS, value, covered_from: first > fromMs + stepS * 1000 ? new Date(first).toISOString() : null, nodes };
}

/** Per windowed counter, its increase over each window; an unreadable history gives no windows (the tiles keep the totals). */
export function counterWindows(cluster: string, scrapeSeq: number, nowMs: number = Date.now()): Promise<Record<string, CounterWindow[]>> {
  const hit = cache.get(cluster);
  if (hit && hit.seq === scrapeSeq) return hit.value;
  const value = (async () => {
    const out: Record<string, CounterWindow[]> = {};
    for (const m of WINDOWED_COUNTERS) out[m] = await Promise.all(COUNTER_WINDOWS_S.map((w) => windowOf(cluster, m, w, nowMs)));
    return out;
  })().catch((err: unknown) => {
    console.error(`counter windows of ${cluster} unavailable: ${(err as Error).message}`);
    return {};
  });
  cache.set(cluster, { seq: scrapeSeq, value });
  return value;
}
