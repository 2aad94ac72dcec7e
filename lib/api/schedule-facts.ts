/**
 * A cluster's schedules as the alert engine last read them (every ALERTS_SQL_INTERVAL), for the
 * answers that must add no statement of their own: `/metrics` and the fleet. On a replica that does
 * not evaluate (ALERTS_EVALUATE=false) they are read here, at most once a minute per cluster.
 */
import { staticConfig, type ClusterConfig } from '../config';
import { withReadOnly } from '../sql/session';
import { alertEngine } from './alerts-evaluator';
import { groupSchedules } from '../domain/schedule-groups';
import { readSchedules } from './schedule-state';
import type { ScheduleGroup, ScheduleRow } from './types/schedules';

/** Without an evaluating engine (ALERTS_EVALUATE=false), the schedules are read at most this often. */
const OWN_READ_TTL_MS = 60_000;

const KEY = Symbol.for('crdb-monitor.schedule-facts');
interface Read {
  rows: ScheduleRow[];
  groups: ScheduleGroup[];
}
type Cache = Map<string, { at: number; read: Promise<Read> }>;
const cache: Cache = ((globalThis as { [KEY]?: Cache })[KEY] ??= new Map());

export interface ScheduleFactsAnswer {
  /** Null when unknown: no SQL, not read yet (`atMs` null) or the read failed (`error`). */
  rows: ScheduleRow[] | null;
  /** The backups (full/incremental pairs), problems first, judged on the cluster's clock at the read. */
  groups: ScheduleGroup[] | null;
  ok: boolean;
  atMs: number | null;
  error?: string;
}

export async function schedulesOf(cluster: ClusterConfig): Promise<ScheduleFactsAnswer> {
  if (cluster.sqlUrl === null) return { rows: null, groups: null, ok: false, atMs: null };
  const engine = alertEngine();
  if (engine) {
    const f = engine.sqlFacts(cluster.id);
    if (f === null) return { rows: null, groups: null, ok: false, atMs: null };
    return f.ok ? { rows: f.schedules, groups: f.groups, ok: true, atMs: f.at_ms } : { rows: null, groups: null, ok: false, atMs: f.at_ms, error: f.error };
  }
  let hit = cache.get(cluster.id);
  if (!hit || Date.now() - hit.at > OWN_READ_TTL_MS) {
    const policy = staticConfig().freshness;
    const read = withReadOnly(cluster, 'reading schedules', (c, info) => readSchedules(c, info, policy)).then((s) => {
      const rows = s.schedules.map((x) => x.row);
      return { rows, groups: groupSchedules(rows, s.nowMs, policy) };
    });
    hit = { at: Date.now(), read };
    cache.set(cluster.id, hit);
  }
  const at = hit.at;
  return hit.read.then(
    (r) => ({ ...r, ok: true, atMs: at }),
    (err: unknown) => ({ rows: null, groups: null, ok: false, atMs: at, error: err instanceof Error ? err.message : String(err) }),
  );
}
