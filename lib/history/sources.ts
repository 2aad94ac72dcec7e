/**
 * Where a range's points came from, for the charts' caption ("from CockroachDB's time-series store
 * until 14:02, recorded since"): the backfilled stretches within the range, and the first minute of
 * the metric's data outside them (what this dashboard recorded itself).
 */
import type { HistorySourceSpan } from '../api/types/history';
import type { SqliteStore } from './sqlite-store';

const MINUTE_MS = 60_000;

export function rangeSources(store: Pick<SqliteStore, 'backfilledSpans' | 'metricMinutes'>, cluster: string, metric: string, fromMs: number, toMs: number): HistorySourceSpan[] {
  const spans = store.backfilledSpans(cluster).filter((s) => s.toMs > fromMs && s.fromMs < toMs);
  const out: HistorySourceSpan[] = spans.map((s) => ({ kind: 'tsdb', from: new Date(Math.max(s.fromMs, fromMs)).toISOString(), to: new Date(Math.min(s.toMs, toMs)).toISOString() }));
  // A minute is recorded when it holds data and lies wholly outside every backfilled stretch.
  const recorded = store.metricMinutes(cluster, metric, fromMs, toMs).find((m) => !spans.some((s) => m * MINUTE_MS + MINUTE_MS > s.fromMs && m * MINUTE_MS < s.toMs));
  if (recorded !== undefined) out.push({ kind: 'recorded', from: new Date(Math.max(recorded * MINUTE_MS, fromMs)).toISOString() });
  return out;
}
