/**
 * The backup/restore metrics the dashboard reads from every node's `/_status/vars`.
 * Pure data: no React, no Node APIs, safe on either side of the server boundary.
 *
 * Sources (copies under shared/reference/):
 * - SEED: the docs page "Backup and Restore Monitoring" (seed-backup-restore-monitoring.md): the
 *   metric table; `description` is its wording (links dropped) where it has a row.
 * - CAT: docs metric catalogs, `metrics-list.csv` v24.2–v25.3 and `metrics.yaml` v25.3–v26.3
 *   (crdb-docs/metrics-catalog/): internal name, exported name, TYPE, unit, HELP.
 * - REF a.N: reference/cockroachdb.md section a.N (names, types, versions, per-node behaviour).
 *
 * `promType` is what the node prints on `# TYPE` (trust it over CRDB's metadata: reference a.2
 * "Counter vs gauge subtlety"). `kind` is how to read the value: `counter` (monotonic per node
 * until restart), `gauge` (a count right now), `timestamp` (unix seconds), `age` (seconds).
 * `aggregate` is the cluster roll-up across nodes: max for timestamps and ages, sum otherwise
 * (DESIGN "Facts that shape the product"; DOCS metrics.yaml v25.4 how_to_use for
 * last-completed-time: "take the maximum of those values across nodes").
 */
import { exportedName } from './prometheus/names';

export const METRIC_KINDS = ['counter', 'gauge', 'timestamp', 'age'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];
export const METRIC_UNITS = ['count', 'seconds', 'unix_seconds'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];
export const METRIC_GROUPS = ['backup_schedules', 'scheduler_rounds', 'backup_jobs', 'restore_jobs'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];
export type Aggregate = 'sum' | 'max';

/**
 * An alert hint where the seed page implies one. `increase`: the counter grew in the window;
 * `above`: the gauge exceeds `value`; `stale`: the timestamp did not move forward within the
 * expected cadence (from the schedule's cron, known only through SQL).
 */
export type Threshold =
  | { readonly when: 'increase'; readonly severity: 'warning' | 'critical'; readonly why: string }
  | { readonly when: 'above'; readonly value: number; readonly severity: 'warning' | 'critical'; readonly why: string }
  | { readonly when: 'stale'; readonly severity: 'warning' | 'critical'; readonly why: string };

export interface CatalogEntry {
  /** Internal (docs) name, e.g. `schedules.BACKUP.last-completed-time`. */
  readonly name: string;
  /** Other spellings the docs use for the same metric (the seed table's, v23.1's). */
  readonly aliases?: readonly string[];
  /** The `/_status/vars` name: exportedName(name). */
  readonly exported: string;
  readonly promType: 'counter' | 'gauge';
  readonly kind: MetricKind;
  readonly unit: MetricUnit;
  readonly aggregate: Aggregate;
  readonly group: MetricGroup;
  /** Exact `# HELP` text a node prints (CAT; matches the DataDog 23.x fixture, REF a.2). */
  readonly help: string;
  readonly description: string;
  /** Whether the seed page's table lists it. */
  readonly seed: boolean;
  readonly caveats: readonly string[];
  /** First release that has it (REF a.6 unless noted). */
  readonly since: string;
  /** First release whose docs catalog no longer lists it. */
  readonly removedIn?: string;
  readonly threshold?: Threshold;
}

// Caveats shared by several metrics; each says what the user would otherwise misread.
const COORDINATOR =
  'Grows only on the node that coordinated the job (or ran the schedule), so it is per node: sum across nodes, and an unreachable node hides its share (REF a.7, issue cockroachdb/cockroach#53051).';
const RESTART = 'In-memory: drops to 0 when that node restarts. Read increases over a window, not the raw value.';
const POLLER =
  "Set by the one node running the job-stats poller (the POLL JOBS STATS job, every jobs.metrics.interval.poll, default 10s); other nodes print 0, so it is a cluster-wide count on a single node (REF a.6, PR cockroachdb/cockroach#89752).";
const NEW_23_1 = 'Absent before v23.1 (docs v23.1 mark it "New in v23.1"): absent, not 0.';
const ROUND_GAUGE =
  'A gauge reset every scheduler round, not a counter: a value > 0 is about the latest round only, so look at max over a window (CRDB schedule_metrics.go; cockroachdb/docs#8420 "a gage that changes every scheduling round").';
const RUNNING_HERE = 'Counts jobs this node is running right now (its coordinator jobs); sum across nodes.';
const FOC_FAILED_GONE =
  'Gone from the docs metric catalog from v25.4 on, and CRDB metrics.go notes it is no longer updated since reverting jobs are retried ("TODO: remove in v22.1"): treat as optional and usually 0 (REF a.6).';

const RETRYABLE = { when: 'increase', severity: 'warning', why: 'Retryable errors: the job keeps retrying; watch for a stuck job.' } as const;
const FAILED = { when: 'increase', severity: 'critical', why: 'A job failed with a non-retryable error.' } as const;
const RESCHEDULED = {
  when: 'above',
  value: 0,
  severity: 'warning',
  why: 'A previous backup was still running when a new scheduled backup was supposed to start (SEED).',
} as const;

export const CATALOG = [
  // ---- backup_schedules: CRDB pkg/jobs/schedule_metrics.go (per executor; `BACKUP` keeps its
  // upper case in the exported name) and pkg/ccl/backupccl/schedule_exec.go.
  { name: 'schedules.BACKUP.failed', exported: 'schedules_BACKUP_failed', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'backup_schedules', seed: true, since: 'v20.2',
    help: 'Number of BACKUP jobs failed',
    description: 'The number of scheduled backup jobs that have failed. A stuck scheduled job will not increment this metric.',
    caveats: ['A stuck scheduled job does not increment it: check freshness (last-completed-time, the schedule\'s jobs in SQL) too (SEED).', COORDINATOR, RESTART],
    threshold: { when: 'increase', severity: 'critical', why: 'A scheduled backup failed (SEED: alert when backups have failed).' } },
  { name: 'schedules.BACKUP.last-completed-time', aliases: ['schedules.BACKUP.last_completed_time'], exported: 'schedules_BACKUP_last_completed_time', promType: 'gauge', kind: 'timestamp', unit: 'unix_seconds', aggregate: 'max', group: 'backup_schedules', seed: true, since: 'v20.2',
    help: 'The unix timestamp of the most recently completed backup by a schedule specified as maintaining this metric',
    description: 'The Unix timestamp of the most recently completed scheduled backup specified as maintaining this metric. This metric only updates if the schedule was created with the updates_cluster_last_backup_time_metric option.',
    caveats: [
      'Updates only for schedules created (or altered) with the updates_cluster_last_backup_time_metric option, which needs admin (SEED, REF c.5).',
      'One cluster-wide opt-in gauge, not per schedule: per-schedule freshness must come from SQL (DESIGN).',
      'Reads 0 on a node after it restarts, until that node completes a backup; take the max across nodes (and over a window at least the backup cadence) (CAT v25.4 how_to_use).',
    ],
    threshold: { when: 'stale', severity: 'critical', why: 'The timestamp has not moved forward as expected (SEED).' } },
  { name: 'schedules.BACKUP.protected_age_sec', exported: 'schedules_BACKUP_protected_age_sec', promType: 'gauge', kind: 'age', unit: 'seconds', aggregate: 'max', group: 'backup_schedules', seed: true, since: 'v23.1',
    help: 'The age of the oldest PTS record protected by BACKUP schedules',
    description: 'The age of the oldest protected timestamp record protected by backup schedules.',
    caveats: [POLLER, NEW_23_1] },
  { name: 'schedules.BACKUP.protected_record_count', exported: 'schedules_BACKUP_protected_record_count', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'backup_schedules', seed: true, since: 'v23.1',
    help: 'Number of PTS records held by BACKUP schedules',
    description: 'The number of protected timestamp records held by backup schedules.',
    caveats: [POLLER, NEW_23_1] },
  { name: 'schedules.BACKUP.started', exported: 'schedules_BACKUP_started', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'backup_schedules', seed: true, since: 'v20.2',
    help: 'Number of BACKUP jobs started',
    description: 'The number of scheduled backup jobs that have started.',
    caveats: [COORDINATOR, RESTART] },
  { name: 'schedules.BACKUP.succeeded', exported: 'schedules_BACKUP_succeeded', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'backup_schedules', seed: true, since: 'v20.2',
    help: 'Number of BACKUP jobs succeeded',
    description: 'The number of scheduled backup jobs that have succeeded.',
    caveats: [COORDINATOR, RESTART] },

  // ---- scheduler_rounds: CRDB pkg/jobs/schedule_metrics.go SchedulerMetrics, all gauges (CAT,
  // REF a.2). The internal names use dashes; the seed table writes reschedule_skip/_wait.
  { name: 'schedules.round.reschedule-skip', aliases: ['schedules.round.reschedule_skip'], exported: 'schedules_round_reschedule_skip', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'scheduler_rounds', seed: true, since: 'v20.2',
    help: 'The number of schedules rescheduled due to SKIP policy',
    description: 'The number of schedules that were skipped due to a currently running job. A value greater than 0 indicates that a previous backup was still running when a new scheduled backup was supposed to start. This corresponds to the on_previous_running=skip schedule option.',
    caveats: [ROUND_GAUGE], threshold: RESCHEDULED },
  { name: 'schedules.round.reschedule-wait', aliases: ['schedules.round.reschedule_wait'], exported: 'schedules_round_reschedule_wait', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'scheduler_rounds', seed: true, since: 'v20.2',
    help: 'The number of schedules rescheduled due to WAIT policy',
    description: 'The number of schedules that were rescheduled due to a currently running job. A value greater than 0 indicates that a previous backup was still running when a new scheduled backup was supposed to start. This corresponds to the on_previous_running=wait schedule option.',
    caveats: [ROUND_GAUGE, 'on_previous_running=wait is the default, so this is the one that moves for most schedules (REF c.5).'], threshold: RESCHEDULED },
  // Same SchedulerMetrics struct as reschedule-*; REF does not date these three separately.
  { name: 'schedules.round.jobs-started', exported: 'schedules_round_jobs_started', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'scheduler_rounds', seed: false, since: 'v20.2',
    help: 'The number of jobs started', description: 'The number of jobs started', caveats: [ROUND_GAUGE] },
  { name: 'schedules.error', exported: 'schedules_error', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'scheduler_rounds', seed: false, since: 'v20.2',
    help: 'Number of schedules which did not execute successfully', description: 'Number of schedules which did not execute successfully',
    caveats: ['All schedule types, not only backups; the schedule\'s `state` column in SHOW SCHEDULES says why.'] },
  { name: 'schedules.malformed', exported: 'schedules_malformed', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'scheduler_rounds', seed: false, since: 'v20.2',
    help: 'Number of malformed schedules', description: 'Number of malformed schedules', caveats: ['All schedule types, not only backups.'] },

  // ---- backup_jobs: CRDB pkg/jobs/metrics.go, typeStr "backup". resume_* / fail_or_cancel_* /
  // expired_pts_records are counters on the wire even though old metadata said GAUGE (REF a.2).
  // currently_running/resume_*/fail_or_cancel_*: PR cockroachdb/cockroach#55438 (merged to master
  // 2020-10-12, after the 20.2 branch cut) → v21.1; REF a.6 only says "old metrics.go".
  { name: 'jobs.backup.currently_paused', exported: 'jobs_backup_currently_paused', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'backup_jobs', seed: true, since: 'v23.1',
    help: 'Number of backup jobs currently considered Paused',
    description: 'The number of backup jobs currently considered paused.', caveats: [POLLER, NEW_23_1] },
  { name: 'jobs.backup.currently_running', exported: 'jobs_backup_currently_running', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'backup_jobs', seed: true, since: 'v21.1',
    help: 'Number of backup jobs currently running in Resume or OnFailOrCancel state',
    description: 'The number of backup jobs currently running in Resume or OnFailOrCancel state.', caveats: [RUNNING_HERE] },
  // Idle jobs: PR cockroachdb/cockroach#75897 (MarkIdle, merged 2022-02) → v22.1.
  { name: 'jobs.backup.currently_idle', exported: 'jobs_backup_currently_idle', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'backup_jobs', seed: false, since: 'v22.1',
    help: 'Number of backup jobs currently considered Idle and can be freely shut down',
    description: 'Number of backup jobs currently considered Idle and can be freely shut down', caveats: [RUNNING_HERE] },
  { name: 'jobs.backup.fail_or_cancel_retry_error', exported: 'jobs_backup_fail_or_cancel_retry_error', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'backup_jobs', seed: true, since: 'v21.1',
    help: 'Number of backup jobs which failed with a retriable error on their failure or cancelation process',
    description: 'The number of backup jobs that failed with a retryable error on their failure or cancelation process.', caveats: [COORDINATOR, RESTART], threshold: RETRYABLE },
  { name: 'jobs.backup.fail_or_cancel_completed', exported: 'jobs_backup_fail_or_cancel_completed', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'backup_jobs', seed: true, since: 'v21.1',
    help: 'Number of backup jobs which successfully completed their failure or cancelation process',
    description: 'The number of backup jobs that successfully completed their failure or cancelation process.', caveats: [COORDINATOR, RESTART] },
  { name: 'jobs.backup.fail_or_cancel_failed', exported: 'jobs_backup_fail_or_cancel_failed', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'backup_jobs', seed: true, since: 'v21.1', removedIn: 'v25.4',
    help: 'Number of backup jobs which failed with a non-retriable error on their failure or cancelation process',
    description: 'The number of backup jobs that failed with a non-retryable error on their failure or cancelation process.', caveats: [FOC_FAILED_GONE, COORDINATOR, RESTART], threshold: FAILED },
  // PTS metrics: commit a0d6c19 of PR cockroachdb/cockroach#97148 (issue #98532); docs v23.1.
  { name: 'jobs.backup.protected_age_sec', exported: 'jobs_backup_protected_age_sec', promType: 'gauge', kind: 'age', unit: 'seconds', aggregate: 'max', group: 'backup_jobs', seed: true, since: 'v23.1',
    help: 'The age of the oldest PTS record protected by backup jobs',
    description: 'The age of the oldest protected timestamp record protected by backup jobs.', caveats: [POLLER, NEW_23_1] },
  { name: 'jobs.backup.protected_record_count', exported: 'jobs_backup_protected_record_count', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'backup_jobs', seed: true, since: 'v23.1',
    help: 'Number of protected timestamp records held by backup jobs',
    description: 'The number of protected timestamp records held by backup jobs.', caveats: [POLLER, NEW_23_1] },
  // Assumed to come with the other PTS job metrics (#97148); not verified separately.
  { name: 'jobs.backup.expired_pts_records', exported: 'jobs_backup_expired_pts_records', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'backup_jobs', seed: false, since: 'v23.1',
    help: 'Number of expired protected timestamp records owned by backup jobs',
    description: 'Number of expired protected timestamp records owned by backup jobs', caveats: [RESTART] },
  { name: 'jobs.backup.resume_completed', exported: 'jobs_backup_resume_completed', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'backup_jobs', seed: false, since: 'v21.1',
    help: 'Number of backup jobs which successfully resumed to completion',
    description: 'Number of backup jobs which successfully resumed to completion',
    caveats: ['Increased by the node that coordinated the successful backup: sum(increase()) across nodes == 0 over the cadence means no backup finished (REF a.7, utilitywarehouse/cockroachdb-manifests).', RESTART] },
  { name: 'jobs.backup.resume_failed', exported: 'jobs_backup_resume_failed', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'backup_jobs', seed: true, since: 'v21.1',
    help: 'Number of backup jobs which failed with a non-retriable error',
    description: 'The number of backup jobs that failed with a non-retryable error.', caveats: [COORDINATOR, RESTART], threshold: FAILED },
  { name: 'jobs.backup.resume_retry_error', exported: 'jobs_backup_resume_retry_error', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'backup_jobs', seed: true, since: 'v21.1',
    help: 'Number of backup jobs which failed with a retriable error',
    description: 'The number of backup jobs that failed with a retryable error.', caveats: [COORDINATOR, RESTART], threshold: RETRYABLE },

  // ---- restore_jobs: the same pkg/jobs/metrics.go family with typeStr "restore".
  { name: 'jobs.restore.currently_paused', exported: 'jobs_restore_currently_paused', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'restore_jobs', seed: true, since: 'v23.1',
    help: 'Number of restore jobs currently considered Paused',
    description: 'The number of restore jobs currently considered paused.', caveats: [POLLER, NEW_23_1] },
  { name: 'jobs.restore.currently_running', exported: 'jobs_restore_currently_running', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'restore_jobs', seed: true, since: 'v21.1',
    help: 'Number of restore jobs currently running in Resume or OnFailOrCancel state',
    description: 'The number of restore jobs currently running in Resume or OnFailOrCancel state.', caveats: [RUNNING_HERE] },
  { name: 'jobs.restore.currently_idle', exported: 'jobs_restore_currently_idle', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'restore_jobs', seed: false, since: 'v22.1',
    help: 'Number of restore jobs currently considered Idle and can be freely shut down',
    description: 'Number of restore jobs currently considered Idle and can be freely shut down', caveats: [RUNNING_HERE] },
  { name: 'jobs.restore.fail_or_cancel_completed', exported: 'jobs_restore_fail_or_cancel_completed', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'restore_jobs', seed: false, since: 'v21.1',
    help: 'Number of restore jobs which successfully completed their failure or cancelation process',
    description: 'Number of restore jobs which successfully completed their failure or cancelation process', caveats: [COORDINATOR, RESTART] },
  { name: 'jobs.restore.fail_or_cancel_failed', exported: 'jobs_restore_fail_or_cancel_failed', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'restore_jobs', seed: true, since: 'v21.1', removedIn: 'v25.4',
    help: 'Number of restore jobs which failed with a non-retriable error on their failure or cancelation process',
    description: 'The number of restore jobs that failed with a non-retriable error on their failure or cancelation process.', caveats: [FOC_FAILED_GONE, COORDINATOR, RESTART], threshold: FAILED },
  { name: 'jobs.restore.fail_or_cancel_retry_error', exported: 'jobs_restore_fail_or_cancel_retry_error', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'restore_jobs', seed: true, since: 'v21.1',
    help: 'Number of restore jobs which failed with a retriable error on their failure or cancelation process',
    description: 'The number of restore jobs that failed with a retryable error on their failure or cancelation process.', caveats: [COORDINATOR, RESTART], threshold: RETRYABLE },
  { name: 'jobs.restore.protected_age_sec', exported: 'jobs_restore_protected_age_sec', promType: 'gauge', kind: 'age', unit: 'seconds', aggregate: 'max', group: 'restore_jobs', seed: true, since: 'v23.1',
    help: 'The age of the oldest PTS record protected by restore jobs',
    description: 'The age of the oldest protected timestamp record protected by restore jobs.', caveats: [POLLER, NEW_23_1] },
  { name: 'jobs.restore.protected_record_count', exported: 'jobs_restore_protected_record_count', promType: 'gauge', kind: 'gauge', unit: 'count', aggregate: 'sum', group: 'restore_jobs', seed: true, since: 'v23.1',
    help: 'Number of protected timestamp records held by restore jobs',
    description: 'The number of protected timestamp records held by restore jobs.', caveats: [POLLER, NEW_23_1] },
  { name: 'jobs.restore.expired_pts_records', exported: 'jobs_restore_expired_pts_records', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'restore_jobs', seed: false, since: 'v23.1',
    help: 'Number of expired protected timestamp records owned by restore jobs',
    description: 'Number of expired protected timestamp records owned by restore jobs', caveats: [RESTART] },
  { name: 'jobs.restore.resume_completed', exported: 'jobs_restore_resume_completed', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'restore_jobs', seed: true, since: 'v21.1',
    help: 'Number of restore jobs which successfully resumed to completion',
    description: 'The number of restore jobs that successfully resumed to completion.', caveats: [COORDINATOR, RESTART] },
  { name: 'jobs.restore.resume_failed', exported: 'jobs_restore_resume_failed', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'restore_jobs', seed: true, since: 'v21.1',
    help: 'Number of restore jobs which failed with a non-retriable error',
    description: 'The number of restore jobs that failed with a non-retryable error.', caveats: [COORDINATOR, RESTART], threshold: FAILED },
  { name: 'jobs.restore.resume_retry_error', exported: 'jobs_restore_resume_retry_error', promType: 'counter', kind: 'counter', unit: 'count', aggregate: 'sum', group: 'restore_jobs', seed: true, since: 'v21.1',
    help: 'Number of restore jobs which failed with a retriable error',
    description: 'The number of restore jobs that failed with a retryable error.', caveats: [COORDINATOR, RESTART],
    threshold: { when: 'increase', severity: 'warning', why: 'Restore jobs encountering a retryable error (SEED).' } },
] as const satisfies readonly CatalogEntry[];

export type CatalogMetric = (typeof CATALOG)[number];
export type ExportedMetric = CatalogMetric['exported'];
export type InternalMetricName = CatalogMetric['name'];

export const CATALOG_EXPORTED_NAMES: ReadonlySet<string> = new Set(CATALOG.map((m) => m.exported));

const BY_EXPORTED: ReadonlyMap<string, CatalogEntry> = new Map(CATALOG.map((m) => [m.exported, m]));

/** Also the keep() for parseExposition when only the catalog's families are wanted. */
export function isCatalogMetric(name: string): name is ExportedMetric {
  return CATALOG_EXPORTED_NAMES.has(name);
}

/** The entry for a `/_status/vars` name (also accepts the internal name, converted the CRDB way). */
export function catalogByExported(name: string): CatalogEntry | undefined {
  return BY_EXPORTED.get(name) ?? BY_EXPORTED.get(exportedName(name));
}
