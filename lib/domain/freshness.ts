/**
 * "Can we restore, and how much would we lose?": how old the newest successful backup of a schedule
 * (or a full/incremental pair) is, against the interval its recurrence implies. Pure: the caller
 * passes the clock, the policy and the facts read from SQL and the metrics.
 */
import { formatDuration } from '../format/duration';
import type { Freshness, FreshnessStatus, MetricFreshness } from '../api/types/schedules';

/** Grace on top of the interval: a fixed duration, or a fraction of the interval. */
export type Grace = { kind: 'duration'; s: number } | { kind: 'fraction'; f: number };

export interface FreshnessPolicy {
  grace: Grace;
  /** Stale past this many intervals (plus the grace). */
  staleMultiplier: number;
}

/**
 * Ten minutes: `finished` includes the run time, so a backup that took 3 min, then one that took
 * 11 min, leaves 68 min between successes on an hourly schedule although nothing is wrong (the
 * demo's cluster_dr incrementals take 3–11 min). Fixed rather than a fraction, so a 15-minute schedule
 * is not "late" after 3 min of jitter, and an hourly one is still late within ~1 h 10 min.
 */
export const DEFAULT_POLICY: FreshnessPolicy = { grace: { kind: 'duration', s: 600 }, staleMultiplier: 2 };

export function graceSeconds(grace: Grace, intervalS: number): number {
  return grace.kind === 'duration' ? grace.s : Math.round(grace.f * intervalS);
}

// Clocks of the dashboard, the nodes and SQL drift by a few seconds; beyond this a "future" success is worth saying.
const SKEW_NOTE_S = 5;

export interface FreshnessInput {
  /** Finish time of the newest successful backup (unix ms), or null. */
  lastSuccessMs: number | null;
  /** The same instant as the database printed it (kept as is in the answer); defaults to ISO of lastSuccessMs. */
  lastSuccess?: string | null;
  /** The interval the recurrence implies (lib/domain/recurrence.ts), or null. */
  intervalS: number | null;
  paused: boolean;
  nowMs: number;
}

/**
 * No success among the jobs CockroachDB still keeps: finished jobs are deleted after
 * jobs.retention_time (14 days by default), so an older backup may well exist in storage.
 */
export const NO_SUCCESS_IN_RETENTION = 'no successful job within the 14 days CockroachDB keeps jobs';

/**
 * The same answer, saying which backup storage holds (SHOW BACKUPS IN's newest subdirectory) when no
 * success is among the kept jobs: "never succeeded" would be wrong for a weekly schedule whose last
 * run is older than the job retention.
 */
export function withNewestInStorage(f: Freshness, newestPath: string | null): Freshness {
  if (f.age_s !== null || newestPath === null || !f.reason.includes(NO_SUCCESS_IN_RETENTION)) return f;
  return { ...f, reason: f.reason.replace(NO_SUCCESS_IN_RETENTION, `${NO_SUCCESS_IN_RETENTION}; newest backup in storage: ${newestPath}`) };
}

export function freshnessOf(input: FreshnessInput, policy: FreshnessPolicy = DEFAULT_POLICY): Freshness {
  const { lastSuccessMs, intervalS, paused, nowMs } = input;
  const last_success = lastSuccessMs === null ? null : (input.lastSuccess ?? new Date(lastSuccessMs).toISOString());
  const pausedNote = paused ? '; the schedule is PAUSED, so no new backup will come' : '';
  const raw = lastSuccessMs === null ? null : (nowMs - lastSuccessMs) / 1000;
  const age_s = raw === null ? null : Math.max(0, Math.round(raw));
  const skew = raw !== null && raw < -SKEW_NOTE_S ? ` (it finished ${formatDuration(-raw)} in the future by this clock: clock skew between the dashboard and the cluster; age taken as 0)` : '';
  const valid = intervalS !== null && intervalS > 0;
  const grace = valid ? graceSeconds(policy.grace, intervalS) : 0;
  const late_after_s = valid ? intervalS + grace : null;
  const stale_after_s = valid ? policy.staleMultiplier * intervalS + grace : null;
  const base = { age_s, expected_interval_s: intervalS, last_success, paused, late_after_s, stale_after_s };
  if (!valid) {
    const what = age_s === null ? NO_SUCCESS_IN_RETENTION : `last success ${formatDuration(age_s)} ago${skew}`;
    return { ...base, status: 'unknown', reason: `no recurrence to judge against; ${what}${pausedNote}` };
  }
  const every = `expected every ${formatDuration(intervalS)}`;
  if (age_s === null) {
    return { ...base, status: 'unknown', reason: `${NO_SUCCESS_IN_RETENTION}; ${every}${pausedNote}` };
  }
  const status: FreshnessStatus = age_s <= (late_after_s as number) ? 'ok' : age_s > (stale_after_s as number) ? 'stale' : 'late';
  return { ...base, status, reason: `last success ${formatDuration(age_s)} ago${skew}; ${every} (grace ${formatDuration(grace)})${pausedNote}` };
}

/** Freshness of a full/incremental pair: the newest success of either, against the shorter interval. */
export function groupFreshness(
  members: { lastSuccessMs: number | null; lastSuccess?: string | null; intervalS: number | null; paused: boolean }[],
  nowMs: number,
  policy: FreshnessPolicy = DEFAULT_POLICY,
): Freshness {
  const successes = members.map((m) => m.lastSuccessMs).filter((t): t is number => t !== null);
  const newest = successes.length ? Math.max(...successes) : null;
  const intervals = members.map((m) => m.intervalS).filter((s): s is number => s !== null && s > 0);
  // A group is paused when nothing in it will run: a paused incremental with an active full still backs up.
  const paused = members.length > 0 && members.every((m) => m.paused);
  return freshnessOf(
    { lastSuccessMs: newest, lastSuccess: members.find((m) => m.lastSuccessMs === newest)?.lastSuccess, intervalS: intervals.length ? Math.min(...intervals) : null, paused, nowMs },
    policy,
  );
}

/** One node's values of schedules_BACKUP_last_completed_time (unix seconds) over the window. */
export interface NodeGaugeSeries {
  node_id: number;
  /** Every value seen in the window (from the history store, or the live scrape alone). */
  values: number[];
  /** The newest value (0 after a restart), or null when the node did not report it. */
  latest: number | null;
}

/**
 * The cluster-wide signal. schedules_BACKUP_last_completed_time is a per-node gauge: "If a node is
 * restarted, it will report 0 until it completes a backup … take the maximum over a rolling window
 * equal to or greater than the backup frequency, and then take the maximum of those values across
 * nodes" (CockroachDB metrics.yaml v25.4, how_to_use; reference §a). So: now − max over nodes of
 * (max over the window). A node that restarted and reads 0 now still contributes what it read
 * before the restart, so it raises no false alarm.
 */
export function metricFreshness(
  series: NodeGaugeSeries[],
  opts: { nowMs: number; windowS: number; intervalS: number | null; note: string },
  policy: FreshnessPolicy = DEFAULT_POLICY,
): MetricFreshness {
  const best = Math.max(0, ...series.flatMap((s) => s.values.filter((v) => Number.isFinite(v))));
  const nodes = series.map((s) => ({ node_id: s.node_id, value: s.latest }));
  if (best <= 0) return { age_s: null, last_completed: null, window_s: opts.windowS, status: 'unknown', nodes, note: opts.note };
  const f = freshnessOf({ lastSuccessMs: best * 1000, intervalS: opts.intervalS, paused: false, nowMs: opts.nowMs }, policy);
  return { age_s: f.age_s, last_completed: new Date(best * 1000).toISOString(), window_s: opts.windowS, status: f.status, nodes, note: opts.note };
}

/**
 * Says when the metric and the per-schedule answer disagree: the metric only follows schedules created
 * with updates_cluster_last_backup_time_metric, so "fresh" there can hide a stale schedule elsewhere,
 * and a stale metric with fresh schedules means the metric's schedule (or the metric) is the problem.
 */
export function disagreement(metric: MetricFreshness | null, groups: { label: string | null; freshness: Freshness }[]): string | null {
  if (!metric) return null;
  const bad = groups.filter((g) => g.freshness.status === 'stale' || g.freshness.status === 'late');
  const names = (gs: typeof groups) => gs.map((g) => `${g.label ?? '(no label)'} (${g.freshness.status})`).join(', ');
  if (metric.status === 'ok' && bad.length > 0) {
    return `The cluster metric schedules_BACKUP_last_completed_time looks fresh, but ${names(bad)} ${bad.length === 1 ? 'is' : 'are'} not: the metric only follows schedules created with updates_cluster_last_backup_time_metric.`;
  }
  if ((metric.status === 'stale' || metric.status === 'late') && groups.length > 0 && bad.length === 0) {
    return `The cluster metric schedules_BACKUP_last_completed_time is ${metric.status}, yet every schedule has a recent success: check the schedule created with updates_cluster_last_backup_time_metric, or whether the nodes that ran it restarted longer ago than the window.`;
  }
  if (metric.age_s === null && groups.some((g) => g.freshness.status === 'ok')) {
    return 'No node reports schedules_BACKUP_last_completed_time (no schedule updates it, or every node restarted since the last backup), while schedules do succeed: rely on the per-schedule answer.';
  }
  return null;
}

/** Points of "freshness over time": at most this many, evenly spaced. */
export const HISTORY_POINTS = 200;

/**
 * Age of the newest success at evenly spaced instants from `fromMs` to `toMs` (oldest first): a saw
 * tooth that drops at each success and climbs while none comes. Null before the first known success.
 */
export function freshnessHistory(successMs: number[], fromMs: number, toMs: number, points = HISTORY_POINTS): { t: string; age_s: number | null }[] {
  if (!(toMs > fromMs) || points < 2) return [];
  const sorted = [...successMs].sort((a, b) => a - b);
  const out: { t: string; age_s: number | null }[] = [];
  let i = -1;
  for (let k = 0; k < points; k++) {
    const t = Math.round(fromMs + ((toMs - fromMs) * k) / (points - 1));
    while (i + 1 < sorted.length && sorted[i + 1] <= t) i++;
    out.push({ t: new Date(t).toISOString(), age_s: i < 0 ? null : Math.round((t - sorted[i]) / 1000) });
  }
  return out;
}
