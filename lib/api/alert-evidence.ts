/**
 * What alert evaluation reads besides the scrape: the SQL facts (schedules with freshness, the
 * unfinished and revert-failed jobs) every ALERTS_SQL_INTERVAL, and, once at start, the recent past
 * from the history store so the evidence window does not begin empty after a restart.
 */
import type { ClusterSnapshot } from './types/metrics';
import { staticConfig, type ClusterConfig } from '../config';
import { graceSeconds } from '../domain/freshness';
import { groupSchedules } from '../domain/schedule-groups';
import { ApiError } from '../errors';
import { RULES } from '../alerts/catalog';
import type { EvidenceWindow } from '../alerts/evidence-window';
import { LAST_COMPLETED } from '../alerts/evidence-window';
import type { ScrapedNode, SqlEvidence } from '../alerts/rule-types';
import type { HistoryStore } from '../history/types';
import { readAlertJobs } from '../sql/alert-jobs';
import { withReadOnly } from '../sql/session';
import { metricScope } from './schedule-metric-signal';
import { readSchedules } from './schedule-state';
import { noteClusterNow } from './cluster-clock';

/** The key a node has in the evidence window and in history: `n<node_id>`, or its position name. */
export const nodeKey = (n: { node_id: number | null; name: string }) => (n.node_id === null ? n.name : `n${n.node_id}`);

export function scrapedNodes(s: ClusterSnapshot): ScrapedNode[] {
  return s.nodes.map((n) => ({ key: nodeKey(n), name: n.name, node_id: n.node_id, up: n.up, error: n.error, metrics: n.metrics }));
}

/** One SQL read for the rules. Never throws: a failure is evidence too (sql_unreachable). */
export async function readSqlEvidence(cluster: ClusterConfig, prev: SqlEvidence | null, nowMs: number): Promise<{ sql: SqlEvidence; offsetMs: number | null }> {
  const policy = staticConfig().freshness;
  try {
    const state = await withReadOnly(cluster, 'reading schedules for alerts', (c, info) => readSchedules(c, info, policy));
    const jobs = await readAlertJobs(cluster);
    const rows = state.schedules.map((s) => s.row);
    const groups = groupSchedules(rows, state.nowMs, policy);
    const scope = metricScope(state.schedules, groups);
    const staleAfter = scope.intervalS === null ? null : Math.round(scope.intervalS * policy.staleMultiplier + graceSeconds(policy.grace, scope.intervalS));
    // A job's progress "signature": any change in it is progress.
    const before = prev?.ok ? prev.progress : undefined;
    const progress = new Map<string, { sig: string; since_ms: number }>();
    for (const j of jobs) {
      const sig = `${j.status}|${j.fraction_completed}|${j.running_status}|${j.modified}`;
      const was = before?.get(j.job_id);
      progress.set(j.job_id, { sig, since_ms: was?.sig === sig ? was.since_ms : nowMs });
    }
    const sql: SqlEvidence = { ok: true, at_ms: nowMs, groups, schedules: rows, metric_stale_after_s: staleAfter, jobs, progress };
    return { sql, offsetMs: noteClusterNow(cluster.id, state.nowMs, nowMs) };
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError('sql_unavailable', (err as Error).message ?? String(err));
    const since = prev && !prev.ok ? prev.since_ms : nowMs;
    return { sql: { ok: false, at_ms: nowMs, error: e.message, code: e.code, since_ms: since }, offsetMs: null };
  }
}

/** Counter and gauge metrics the rules read as windows, and the longest window they use. */
export function windowMetrics(): { counters: Set<string>; gauges: Set<string> } {
  const counters = new Set<string>();
  const gauges = new Set<string>();
  for (const r of RULES) {
    for (const m of r.metrics) {
      if (r.window_kind === 'increase') counters.add(m);
      if (r.window_kind === 'max_over') gauges.add(m);
    }
  }
  return { counters, gauges };
}

/**
 * Seeds the window from the history store: counters' increases per minute, gauges' per-minute
 * highs, and each node's highest last_completed_time over the retention the rule may need.
 */
export async function seedFromHistory(store: HistoryStore, clusterId: string, w: EvidenceWindow, nowMs: number, lastCompletedS: number): Promise<void> {
  const { counters, gauges } = windowMetrics();
  const fromMs = nowMs - w.horizonMs;
  for (const metric of counters) {
    const series = await store.range({ cluster: clusterId, metric, nodes: null, fromMs, toMs: nowMs, stepS: 60, fn: 'increase' });
    for (const s of series) for (const [t, v] of s.points) w.seedIncrease(metric, `n${s.node_id}`, t, v);
  }
  for (const metric of gauges) {
    const series = await store.range({ cluster: clusterId, metric, nodes: null, fromMs, toMs: nowMs, stepS: 60, fn: 'raw' });
    for (const s of series) for (const [t, v] of s.points) w.seedHigh(metric, `n${s.node_id}`, t, v);
  }
  const lc = await store.range({ cluster: clusterId, metric: LAST_COMPLETED, nodes: null, fromMs: nowMs - lastCompletedS * 1000, toMs: nowMs, stepS: 3600, fn: 'raw' });
  for (const s of lc) {
    for (const [t, v] of s.points) w.seedLastCompleted(`n${s.node_id}`, t, v);
    const last = s.points.at(-1);
    if (last) w.seedLastUp(`n${s.node_id}`, last[0]);
  }
}
