/**
 * From a metric to the jobs behind it: one table, metric → jobs filter, with the reasoning. Used by
 * the overview's cells and tiles (and, later, chart points), which become plain links to
 * `/c/{c}/jobs?…`, so they open in a new tab and can be pasted.
 *
 * Where a node applies: CockroachDB counts `jobs.<type>.resume_*` / `fail_or_cancel_*` and
 * `currently_running|idle` on the node that runs (coordinates) the job, so a node's cell → that
 * node's jobs (`coordinator_id`). The paused and protected-timestamp gauges are set by whichever
 * node runs the job-statistics poller (POLL JOBS STATS), and `schedules.*` by the node that ran the
 * schedule, which need not coordinate the job: no node filter for those.
 * Sources: CRDB pkg/jobs/metrics.go, pkg/jobs/jobs.go (statuses), reference/cockroachdb.md §a, §c.
 */
import { CATALOG, catalogByExported } from '../catalog';
import { jobsHref } from '../jobs/href';
import { protectedTimestampsHref } from '../links';
import type { Sort } from '../jobs/filter';
import type { StatusFilter } from '../jobs/statuses';

export interface DrillRule {
  type: readonly string[];
  status: readonly StatusFilter[];
  /** Only jobs created by a schedule (system.jobs created_by_type = 'crdb_schedule'). */
  scheduled?: boolean;
  /** Only jobs that recorded retryable errors (execution_errors not empty). */
  retried?: boolean;
  /** Whether the metric lives on the job's coordinator, so a node's value → `node=N`. */
  perNode: boolean;
  sort?: Sort;
  /** Why, in one line (shown as the link's title). */
  why: string;
}

const NON_TERMINAL: readonly StatusFilter[] = ['pending', 'running', 'retry-running', 'paused', 'pause-requested', 'cancel-requested', 'reverting', 'retry-reverting'];

function jobRules(kind: 'backup' | 'restore'): Record<string, DrillRule> {
  const T = [kind.toUpperCase()];
  return {
    // Paused and about-to-be: a pause-requested job is paused as soon as its node registers the request (docs).
    [`jobs_${kind}_currently_paused`]: { type: T, status: ['paused', 'pause-requested'], perNode: false, why: 'paused and pause-requested jobs' },
    // The registry counts a job as running from adoption until it is terminal or paused, reverting and
    // the *-requested transitions included.
    [`jobs_${kind}_currently_running`]: { type: T, status: ['running', 'retry-running', 'reverting', 'retry-reverting', 'pause-requested', 'cancel-requested'], perNode: true, why: 'running jobs (incl. retrying, reverting and pause/cancel requested) coordinated by the node' },
    [`jobs_${kind}_currently_idle`]: { type: T, status: ['running'], perNode: true, why: 'running jobs (idle ones are running jobs waiting for work)' },
    // resume_failed: the job's Resume returned a permanent error → it ends failed.
    [`jobs_${kind}_resume_failed`]: { type: T, status: ['failed'], perNode: true, why: 'failed jobs' },
    [`jobs_${kind}_resume_completed`]: { type: T, status: ['succeeded'], perNode: true, why: 'succeeded jobs' },
    // resume_retry_error: a retryable error; the job stays running and records it in execution_errors.
    // The counter keeps counting after the job ends, so: every job with execution errors, whatever its
    // status now (the ones still running show as "retrying").
    [`jobs_${kind}_resume_retry_error`]: { type: T, status: [], retried: true, perNode: true, why: 'jobs that hit retryable errors (execution_errors), retrying ones first in mind' },
    // OnFailOrCancel runs while reverting; retryable errors keep it reverting.
    [`jobs_${kind}_fail_or_cancel_retry_error`]: { type: T, status: ['reverting', 'retry-reverting', 'cancel-requested', 'revert-failed'], perNode: true, why: 'jobs reverting after a failure or cancel' },
    // A completed revert ends the job failed (after an error) or canceled (after CANCEL JOB).
    [`jobs_${kind}_fail_or_cancel_completed`]: { type: T, status: ['failed', 'canceled'], perNode: true, why: 'failed and canceled jobs (their revert completed)' },
    [`jobs_${kind}_fail_or_cancel_failed`]: { type: T, status: ['revert-failed'], perNode: true, why: 'jobs whose revert failed (need manual cleanup)' },
    // Records are held by jobs that are not terminal; the oldest record belongs to the oldest such job.
    [`jobs_${kind}_protected_age_sec`]: { type: T, status: NON_TERMINAL, perNode: false, sort: 'created', why: 'unfinished jobs, oldest first: the oldest holds the oldest protected timestamp' },
    [`jobs_${kind}_protected_record_count`]: { type: T, status: NON_TERMINAL, perNode: false, sort: 'created', why: 'unfinished jobs, oldest first (they hold the protected timestamp records)' },
    // Expired records belonged to jobs that ended or vanished without releasing them.
    [`jobs_${kind}_expired_pts_records`]: { type: T, status: ['failed', 'canceled', 'succeeded'], perNode: false, why: 'finished jobs (records left behind are expired by the reconciler)' },
  };
}

const SCHEDULED = ['BACKUP'] as const;

export const DRILL: Readonly<Record<string, DrillRule>> = {
  ...jobRules('backup'),
  ...jobRules('restore'),
  // schedules.BACKUP.* count what scheduled backups did: the jobs created by schedules.
  schedules_BACKUP_started: { type: SCHEDULED, status: [], scheduled: true, perNode: false, why: 'backups started by schedules' },
  schedules_BACKUP_succeeded: { type: SCHEDULED, status: ['succeeded'], scheduled: true, perNode: false, why: 'scheduled backups that succeeded' },
  schedules_BACKUP_failed: { type: SCHEDULED, status: ['failed'], scheduled: true, perNode: false, why: 'scheduled backups that failed' },
  schedules_BACKUP_last_completed_time: { type: SCHEDULED, status: ['succeeded'], scheduled: true, perNode: false, sort: '-finished', why: 'scheduled backups that succeeded, latest first' },
  // Scheduled backup chains hold their protected timestamp between runs: the schedules' jobs, oldest first.
  schedules_BACKUP_protected_age_sec: { type: SCHEDULED, status: [], scheduled: true, perNode: false, sort: 'created', why: 'backups created by schedules, oldest first' },
  schedules_BACKUP_protected_record_count: { type: SCHEDULED, status: [], scheduled: true, perNode: false, why: 'backups created by schedules' },
  // A round skipped or waited because the previous run is still going: the scheduled jobs still running.
  schedules_round_reschedule_skip: { type: SCHEDULED, status: ['running', 'paused'], scheduled: true, perNode: false, why: 'scheduled backups still running (they made the round skip)' },
  schedules_round_reschedule_wait: { type: SCHEDULED, status: ['running', 'paused'], scheduled: true, perNode: false, why: 'scheduled backups still running (the round waits for them)' },
  schedules_round_jobs_started: { type: [], status: [], scheduled: true, perNode: false, why: 'jobs started by schedules' },
  // schedules_error / schedules_malformed concern schedules, not jobs: no drill into jobs.
};

export interface DrillPoint {
  /** A node's cell: filter by coordinator when the metric lives on the coordinator. */
  node?: number;
  /** A point in time (ms); the window is at ± windowMin. */
  at?: number;
  windowMin?: number;
}

export const DEFAULT_DRILL_WINDOW_MIN = 10;
const COUNTER_FROM = 'now-14d';

/** The explorer URL for a metric (optionally a node and a point in time); null when it has no jobs. */
export function drillHref(cluster: string, metric: string, point: DrillPoint = {}): string | null {
  const rule = DRILL[metric];
  if (!rule) return null;
  const w = (point.windowMin ?? DEFAULT_DRILL_WINDOW_MIN) * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  // A counter's value counts jobs since the node started, not since yesterday: without a point in
  // time its jobs span everything CockroachDB still keeps (jobs.retention_time, 14 d by default).
  const counter = catalogByExported(metric)?.kind === 'counter';
  return jobsHref(cluster, {
    type: rule.type,
    status: rule.status,
    scheduled: rule.scheduled,
    retried: rule.retried,
    node: rule.perNode ? point.node : undefined,
    sort: rule.sort,
    from: point.at !== undefined ? iso(point.at - w) : counter ? COUNTER_FROM : undefined,
    to: point.at !== undefined ? iso(point.at + w) : undefined,
  });
}

/**
 * Which jobs' events belong on a metric's chart (lib/jobs/events.ts): the drill rule's job types and
 * schedule origin, every status (a marker shows when jobs started and how they ended, which is what
 * moves or explains the line). `perNode`: the metric lives on the coordinator, so a panel showing
 * some nodes shows those nodes' jobs; the others (schedules.*, PTS and paused gauges) are set by
 * a node that need not coordinate the job, so their markers stay cluster-wide. Null: no jobs, no markers.
 */
export function jobEventsScope(metric: string): { type: readonly string[]; scheduled: boolean; perNode: boolean } | null {
  const rule = DRILL[metric];
  return rule ? { type: rule.type, scheduled: rule.scheduled ?? false, perNode: rule.perNode } : null;
}

export function drillTitle(metric: string): string | null {
  const rule = DRILL[metric];
  return rule ? `Open the jobs behind it: ${rule.why}` : null;
}

/** Catalog metrics without a drill (checked by the test, so a new metric is a conscious choice). */
export const NO_DRILL = CATALOG.map((m) => m.exported as string).filter((m) => !(m in DRILL));

/**
 * The overview's status tiles (lib/domain/status-tiles.ts ids) → the explorer. A tile that sums
 * backup and restore metrics opens both types; the nodes tile has no jobs behind it.
 */
export function tileDrillHref(cluster: string, tileId: string): string | null {
  const ACTIVE: StatusFilter[] = ['running', 'retry-running', 'paused', 'pause-requested', 'reverting', 'retry-reverting', 'cancel-requested'];
  switch (tileId) {
    case 'last-backup':
      return drillHref(cluster, 'schedules_BACKUP_last_completed_time');
    case 'schedules-failed':
      return drillHref(cluster, 'schedules_BACKUP_failed');
    case 'retry-errors':
      // Both jobs_backup_ and jobs_restore_resume_retry_error (counters): jobs of either type with
      // execution errors over the retained history; the ones still running show as "retrying".
      return jobsHref(cluster, { type: ['BACKUP', 'RESTORE'], retried: true, from: 'now-14d' });
    case 'backup-jobs':
      // The tile shows currently_running and currently_paused together.
      return jobsHref(cluster, { type: ['BACKUP'], status: ACTIVE });
    case 'restore-jobs':
      return jobsHref(cluster, { type: ['RESTORE'], status: ACTIVE });
    // The PTS tiles open the records themselves, with their holders (the jobs explorer only guesses them).
    case 'pts-backup-jobs':
      return protectedTimestampsHref(cluster, 'backup-jobs');
    case 'pts-backup-schedules':
      return protectedTimestampsHref(cluster, 'schedules');
    case 'pts-restore-jobs':
      return protectedTimestampsHref(cluster, 'restore-jobs');
    default:
      return null;
  }
}
