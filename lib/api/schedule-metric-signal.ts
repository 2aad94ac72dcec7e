/**
 * The cluster-wide signal beside the per-schedule answer: schedules_BACKUP_last_completed_time per
 * node over a window, from the history store (max over the window per node, then max across nodes,
 * lib/domain/freshness.ts metricFreshness), the live scrape added so a node that restarted a moment
 * ago shows its 0; the live scrape alone when there is no history yet.
 */
import { staticConfig, type ClusterConfig } from '../config';
import { formatDuration } from '../format/duration';
import { metricFreshness, type FreshnessPolicy, type NodeGaugeSeries } from '../domain/freshness';
import { historyStore } from '../history/store-holder';
import { nodeUrls } from '../scrape/node-urls';
import { getSnapshot } from '../scrape/snapshot-cache';
import type { ScheduleFacts } from './schedule-state';
import type { MetricFreshness, ScheduleGroup } from './types/schedules';

export const METRIC = 'schedules_BACKUP_last_completed_time';
const MIN_WINDOW_S = 3_600;
const MAX_WINDOW_S = 14 * 86_400;
const DEFAULT_WINDOW_S = 86_400;

/**
 * The schedules that feed the metric and the window. Which schedules were created with
 * updates_cluster_last_backup_time_metric shows in the command JSON only when it is printed
 * (protobuf JSON omits false; the docs' SHOW SCHEDULES examples never show it), so when no schedule
 * says so the metric is judged against the longest backup cadence: the metric can be no fresher
 * than the schedule feeding it, and a shorter expectation would raise false alarms. The window is
 * twice that cadence: CockroachDB's metrics docs ask for one "equal to or greater than the backup
 * frequency" (reference §a, how_to_use of last-completed-time).
 */
export function metricScope(schedules: ScheduleFacts[], groups: ScheduleGroup[]): { windowS: number; intervalS: number | null; note: string } {
  const feeding = schedules.filter((s) => s.command.updates_metric === true);
  const ids = new Set(feeding.map((s) => s.row.id));
  const backup = groups.filter((g) => g.schedule_ids.some((id) => schedules.find((s) => s.row.id === id)?.row.backup_type != null));
  const mine = feeding.length > 0 ? backup.filter((g) => g.schedule_ids.some((id) => ids.has(id))) : backup;
  const intervals = mine.map((g) => g.freshness.expected_interval_s).filter((s): s is number => s !== null);
  const intervalS = intervals.length ? Math.max(...intervals) : null;
  const windowS = Math.min(MAX_WINDOW_S, Math.max(MIN_WINDOW_S, 2 * (intervalS ?? DEFAULT_WINDOW_S / 2)));
  if (feeding.length === 0) {
    return {
      windowS,
      intervalS,
      note:
        'Only schedules created with updates_cluster_last_backup_time_metric move this metric, and SHOW SCHEDULES does not say which they are here: ' +
        `it is judged against the longest backup cadence${intervalS ? ` (${formatDuration(intervalS)})` : ''}.`,
    };
  }
  const labels = [...new Set(feeding.map((s) => s.row.label ?? s.row.id))].join(', ');
  return { windowS, intervalS, note: `Updated by ${labels} (created with updates_cluster_last_backup_time_metric); other schedules do not move it.` };
}

async function fromHistory(cluster: ClusterConfig, windowS: number): Promise<NodeGaugeSeries[]> {
  const toMs = Date.now();
  try {
    const series = await historyStore().range({ cluster: cluster.id, metric: METRIC, nodes: null, fromMs: toMs - windowS * 1000, toMs, stepS: Math.max(10, Math.ceil(windowS / 300)), fn: 'raw' });
    return series.map((s) => ({ node_id: s.node_id, values: s.points.map((p) => p[1]), latest: s.points.at(-1)?.[1] ?? null }));
  } catch (err) {
    // No history (store unavailable): the live scrape still answers.
    console.error(`history of ${METRIC} unavailable: ${(err as Error).message}`);
    return [];
  }
}

async function live(cluster: ClusterConfig): Promise<{ node_id: number; value: number | null }[]> {
  const cfg = staticConfig();
  try {
    const snap = await getSnapshot(cluster, await nodeUrls(cluster), { intervalMs: cfg.scrapeIntervalMs, timeoutMs: cfg.scrapeTimeoutMs });
    return snap.nodes.filter((n) => n.node_id !== null).map((n) => ({ node_id: n.node_id as number, value: n.up && METRIC in n.metrics ? n.metrics[METRIC] : null }));
  } catch {
    return [];
  }
}

/** Null when no node reports the metric at all (metrics not reachable, or a version without it). */
export async function metricSignal(
  cluster: ClusterConfig,
  state: { nowMs: number; schedules: ScheduleFacts[] },
  groups: ScheduleGroup[],
  policy: FreshnessPolicy,
): Promise<MetricFreshness | null> {
  const scope = metricScope(state.schedules, groups);
  const [hist, now] = await Promise.all([fromHistory(cluster, scope.windowS), live(cluster)]);
  const byNode = new Map<number, NodeGaugeSeries>(hist.map((s) => [s.node_id, { ...s, values: [...s.values] }]));
  for (const n of now) {
    const s = byNode.get(n.node_id) ?? { node_id: n.node_id, values: [], latest: null };
    if (n.value !== null) s.values.push(n.value);
    s.latest = n.value ?? s.latest;
    byNode.set(n.node_id, s);
  }
  const series = [...byNode.values()].filter((s) => s.values.length > 0 || s.latest !== null).sort((a, b) => a.node_id - b.node_id);
  if (series.length === 0) return null;
  return metricFreshness(series, { nowMs: state.nowMs, windowS: scope.windowS, intervalS: scope.intervalS, note: scope.note }, policy);
}
