/**
 * The shapes the schedules and backups API returns (and the pages render). CockroachDB's own
 * column names where it has them (SHOW SCHEDULES, SHOW BACKUP); INT8 ids are strings; times are
 * UTC ISO-8601; a column this version lacks is null, never an error.
 */
import type { HeldRecords } from './protected-timestamps';
import type { JobRow } from './jobs';
import type { LastKnown } from './last-known';

export const FRESHNESS_STATUSES = ['ok', 'late', 'stale', 'unknown'] as const;
export type FreshnessStatus = (typeof FRESHNESS_STATUSES)[number];

/** How fresh one schedule (or a full/incremental pair) is: lib/domain/freshness.ts computes it. */
export interface Freshness {
  status: FreshnessStatus;
  /** Seconds since the last successful backup; null when there never was one. */
  age_s: number | null;
  /** The interval the cron recurrence implies, in seconds; null without a recurrence. */
  expected_interval_s: number | null;
  /** End of the last successful backup (the job's `finished`), or null. */
  last_success: string | null;
  /** The schedule is PAUSED: its age will only grow. Shown beside the status, never hidden by it. */
  paused: boolean;
  /** One sentence saying why, for the badge's title ("last success 3 h 12 min ago; expected every 1 h"). */
  reason: string;
  /**
   * Added for issue 6: the ages (seconds) past which the status turns late and stale under the
   * configured policy (FRESHNESS_GRACE, FRESHNESS_STALE_MULTIPLIER), for charts' threshold lines;
   * null without an interval.
   */
  late_after_s: number | null;
  stale_after_s: number | null;
}

/** One run of a schedule: a job it created, for the strip of recent runs. */
export interface ScheduleRun {
  job_id: string;
  status: string | null;
  created: string | null;
  finished: string | null;
  error: string | null;
}

/** One row of SHOW SCHEDULES (plus what the dashboard derives for it). */
export interface ScheduleRow {
  id: string;
  label: string | null;
  schedule_status: string | null;
  next_run: string | null;
  state: string | null;
  recurrence: string | null;
  /** The recurrence in words, in UTC ("every hour at :00", "every day at 00:00 UTC"). */
  recurrence_text: string | null;
  jobsrunning: number | null;
  owner: string | null;
  created: string | null;
  on_previous_running: string | null;
  on_execution_failure: string | null;
  /** The backup statement (from `command`'s backup_statement), credentials in URIs redacted. */
  command: string | null;
  /** SHOW SCHEDULES FOR BACKUP's backup_type: FULL / INCREMENTAL; null for non-backup schedules. */
  backup_type: string | null;
  /** The collection URI the statement writes to (redacted), or null. */
  collection: string | null;
  /** The other schedule of a full/incremental pair (command's unpause_on_success, or same label + collection). */
  paired_with: string | null;
  last_success: string | null;
  last_failure: { job_id: string; finished: string | null; error: string | null } | null;
  freshness: Freshness;
  /** Recent runs, newest first (at most 20). */
  runs: ScheduleRun[];
}

/** A backup: its full schedule and its incremental schedule (or a lone schedule), shown together. */
export interface ScheduleGroup {
  /** Stable key: the full schedule's id (or the lone schedule's). */
  key: string;
  label: string | null;
  collection: string | null;
  /** Ids of the schedules in this group, full first. */
  schedule_ids: string[];
  /** Freshness of the backup as a whole: the newest success of either schedule against the shorter interval. */
  freshness: Freshness;
  /** What is wrong, worst first: 'stale' | 'late' | 'failing' | 'paused'. Empty when healthy. */
  problems: string[];
  /**
   * The schedule a chip or card links to: the one that made the group red (the failing one, else the
   * one whose cadence judges freshness, else a paused one), so a click lands on the live problem
   * rather than on the healthy half of the pair.
   */
  focus_id: string;
  /** The newest failed run of a failing schedule of the group (null unless 'failing' is a problem). */
  failure: { schedule_id: string; job_id: string; finished: string | null; error: string | null } | null;
}

/** The cluster-wide signal from schedules_BACKUP_last_completed_time, computed as CockroachDB's docs advise. */
export interface MetricFreshness {
  /** now − max over nodes of (max over the window of the gauge); null when no node ever reported a non-zero value. */
  age_s: number | null;
  last_completed: string | null;
  window_s: number;
  status: FreshnessStatus;
  /** The latest value per node (0 after a restart), so the page can show why max-over-window matters. */
  nodes: { node_id: number; value: number | null }[];
  /** Labels of the schedules created with updates_cluster_last_backup_time_metric (known in the demo; otherwise null). */
  note: string;
}

export interface SchedulesPage {
  cluster: string;
  generated_at: string;
  schedules: ScheduleRow[];
  /** Problems first: stale, late, failing, paused, then the healthy ones by label. */
  groups: ScheduleGroup[];
  metric: MetricFreshness | null;
  /** Set when the metric and the per-schedule answer disagree (e.g. the metric says fresh, a schedule is stale). */
  disagreement: string | null;
  /** The statements that ran, ready for `cockroach sql`. */
  sql: string[];
  /** Set when SQL is unreachable and this is the last answer it gave (lib/api/last-known.ts). */
  last_known: LastKnown | null;
  /** The cluster's clock minus the dashboard's (ms) when read: pages measure cluster times against the cluster's now. */
  clock_skew_ms: number;
}

export interface ScheduleDetail {
  schedule: ScheduleRow;
  /** The other schedule of its pair, if any. */
  pair: ScheduleRow | null;
  /** WITH options of the backup statement and the schedule options, as name → value text. */
  options: { name: string; value: string }[];
  /** SHOW JOBS FOR SCHEDULE (both schedules of the pair), newest first, bounded. */
  jobs: JobRow[];
  /** Age of the newest success at each point of the window (for "freshness over time"), oldest first. */
  freshness_history: { t: string; age_s: number | null }[];
  /** Protected timestamp records held by the pair's schedules (the chain) and by their unfinished jobs. */
  protected_timestamps: HeldRecords;
  sql: string[];
  /** The cluster's clock when this was read (SELECT now()): what every age on the page is measured against. */
  generated_at: string;
  /** The cluster's clock minus the dashboard's (ms) when read. */
  clock_skew_ms: number;
  /** Set when SQL is unreachable and this is the last answer it gave. */
  last_known: LastKnown | null;
}

