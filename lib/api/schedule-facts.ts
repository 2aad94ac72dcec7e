/**
 * A cluster's schedules as the alert engine last read them (every ALERTS_SQL_INTERVAL), for the
 * answers that must add no statement of their own: `/metrics` and the fleet. On a replica that does
 * not evaluate (ALERTS_EVALUATE=false) they are read here, at most once a minute per cluster.
 */
import { staticConfig, type ClusterConfig } from '../config';
import { withReadOnly } from '../sql/session';
import { alertEngine } from './alerts-evaluator';
import { readSchedules } from './schedule-state';
import type { ScheduleRow } from './types/schedules';

/** Without an evaluating engine (ALERTS_EVALUATE=false), the schedules are read at most this often. */
const OWN_READ_TTL_MS = 60_000;

const KEY = Symbol.for('crdb-monitor.schedule-facts');
type Cache = Map<string, { at: number; rows: Promise<ScheduleRow[]> }>;
const cache: Cache = ((globalThis as { [KEY]?: Cache })[KEY] ??= new Map());

/** `rows` null when unknown: no SQL, not read yet (`atMs` null) or the read failed (`error`). */
export async function schedulesOf(cluster: ClusterConfig): Promise<{ rows: ScheduleRow[] | null; ok: boolean; atMs: number | null; error?: string }> {
  if (cluster.sqlUrl === null) return { rows: null, ok: false, atMs: null };
  const engine = alertEngine();
  if (engine) {
    const f = engine.sqlFacts(cluster.id);
    if (f === null) return { rows: null, ok: false, atMs: null };
    return f.ok ? { rows: f.schedules, ok: true, atMs: f.at_ms } : { rows: null, ok: false, atMs: f.at_ms, error: f.error };
  }
  let hit = cache.get(cluster.id);
  if (!hit || Date.now() - hit.at > OWN_READ_TTL_MS) {
    const rows = withReadOnly(cluster, 'reading schedules', (c, info) => readSchedules(c, info, staticConfig().freshness)).then((s) => s.schedules.map((x) => x.row));
    hit = { at: Date.now(), rows };
    cache.set(cluster.id, hit);
  }
  const at = hit.at;
  return hit.rows.then(
    (rows) => ({ rows, ok: true, atMs: at }),
    (err: unknown) => ({ rows: null, ok: false, atMs: at, error: err instanceof Error ? err.message : String(err) }),
  );
}
