/**
 * Each cluster's backfill status, on globalThis: the start-up code (instrumentation) runs the
 * backfill and the route bundles read its progress, and Next loads them as separate module graphs.
 */
import type { BackfillStatus } from '../api/types/history';

const KEY = Symbol.for('crdb-monitor.ts-backfill-status');
type Holder = { [KEY]?: Map<string, BackfillStatus> };

function all(): Map<string, BackfillStatus> {
  const g = globalThis as Holder;
  g[KEY] ??= new Map();
  return g[KEY];
}

export function idleStatus(cluster: string, note: string | null = null): BackfillStatus {
  return { cluster, state: 'idle', from: null, to: null, done_points: 0, total_points: 0, written_points: 0, requests: 0, eta_s: null, error: null, note };
}

/** The cluster's status; `idle` before the backfill has looked at it. */
export function backfillStatus(cluster: string): BackfillStatus {
  return { ...(all().get(cluster) ?? idleStatus(cluster)) };
}

export function setBackfillStatus(s: BackfillStatus): void {
  all().set(s.cluster, { ...s });
}
