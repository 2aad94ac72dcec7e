/**
 * The backup/restore/scheduler families a demo node prints, with CockroachDB's own HELP and TYPE.
 *
 * HELP: every string below is exact, copied from the docs metric catalog
 * (cockroachdb/docs `_data/<v>/metrics/metrics-list.csv` v24.2–v25.3 and `metrics.yaml`
 * v25.3–v26.3; extract in shared/reference/crdb-docs/metrics-catalog/), and matches the real
 * `# HELP` lines in a 23.x capture (DataDog/integrations-core cockroachdb fixtures
 * jobs_metrics.txt / sql_metrics.txt). None had to be derived.
 * The jobs_* strings follow CRDB pkg/jobs/metrics.go's templates (`fmt.Sprintf("Number of %s jobs
 * currently running in Resume or OnFailOrCancel state", typeStr)` etc.) and the schedules_BACKUP_*
 * counters pkg/jobs/schedule_metrics.go's `fmt.Sprintf("Number of %s jobs started", name)`;
 * filler-families.ts uses the same templates for the other job types.
 *
 * TYPE: trust the real `# TYPE` lines, not the metadata (reference a.2 "Counter vs gauge
 * subtlety"): resume_*, fail_or_cancel_*, expired_pts_records and schedules_BACKUP_{started,
 * succeeded,failed} are counters; the rest are gauges, including schedules_round_* (reset every
 * scheduler round) and schedules_error / schedules_malformed.
 *
 * Which of these a node prints is the model's call (`ClusterState.nodeMetrics`): e.g.
 * jobs_*_fail_or_cancel_failed is gone from the v25.4+ catalogs, currently_paused and the PTS
 * gauges are "New in v23.1".
 */

export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface FamilyDef {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
}

export const BACKUP_FAMILIES = [
  // pkg/jobs/schedule_metrics.go (per executor, exported name keeps the upper-case `BACKUP`).
  { name: 'schedules_BACKUP_started', type: 'counter', help: 'Number of BACKUP jobs started' },
  { name: 'schedules_BACKUP_succeeded', type: 'counter', help: 'Number of BACKUP jobs succeeded' },
  { name: 'schedules_BACKUP_failed', type: 'counter', help: 'Number of BACKUP jobs failed' },
  // pkg/ccl/backupccl/schedule_exec.go; unit TIMESTAMP_SEC, 0 until this node completes one.
  {
    name: 'schedules_BACKUP_last_completed_time',
    type: 'gauge',
    help: 'The unix timestamp of the most recently completed backup by a schedule specified as maintaining this metric',
  },
  { name: 'schedules_BACKUP_protected_age_sec', type: 'gauge', help: 'The age of the oldest PTS record protected by BACKUP schedules' },
  { name: 'schedules_BACKUP_protected_record_count', type: 'gauge', help: 'Number of PTS records held by BACKUP schedules' },
  { name: 'schedules_round_reschedule_skip', type: 'gauge', help: 'The number of schedules rescheduled due to SKIP policy' },
  { name: 'schedules_round_reschedule_wait', type: 'gauge', help: 'The number of schedules rescheduled due to WAIT policy' },
  { name: 'schedules_round_jobs_started', type: 'gauge', help: 'The number of jobs started' },
  { name: 'schedules_error', type: 'gauge', help: 'Number of schedules which did not execute successfully' },
  { name: 'schedules_malformed', type: 'gauge', help: 'Number of malformed schedules' },

  // pkg/jobs/metrics.go, typeStr = "backup".
  { name: 'jobs_backup_currently_running', type: 'gauge', help: 'Number of backup jobs currently running in Resume or OnFailOrCancel state' },
  { name: 'jobs_backup_currently_paused', type: 'gauge', help: 'Number of backup jobs currently considered Paused' },
  { name: 'jobs_backup_currently_idle', type: 'gauge', help: 'Number of backup jobs currently considered Idle and can be freely shut down' },
  { name: 'jobs_backup_resume_completed', type: 'counter', help: 'Number of backup jobs which successfully resumed to completion' },
  { name: 'jobs_backup_resume_failed', type: 'counter', help: 'Number of backup jobs which failed with a non-retriable error' },
  { name: 'jobs_backup_resume_retry_error', type: 'counter', help: 'Number of backup jobs which failed with a retriable error' },
  {
    name: 'jobs_backup_fail_or_cancel_completed',
    type: 'counter',
    help: 'Number of backup jobs which successfully completed their failure or cancelation process',
  },
  {
    name: 'jobs_backup_fail_or_cancel_failed',
    type: 'counter',
    help: 'Number of backup jobs which failed with a non-retriable error on their failure or cancelation process',
  },
  {
    name: 'jobs_backup_fail_or_cancel_retry_error',
    type: 'counter',
    help: 'Number of backup jobs which failed with a retriable error on their failure or cancelation process',
  },
  { name: 'jobs_backup_protected_age_sec', type: 'gauge', help: 'The age of the oldest PTS record protected by backup jobs' },
  { name: 'jobs_backup_protected_record_count', type: 'gauge', help: 'Number of protected timestamp records held by backup jobs' },
  { name: 'jobs_backup_expired_pts_records', type: 'counter', help: 'Number of expired protected timestamp records owned by backup jobs' },

  // pkg/jobs/metrics.go, typeStr = "restore".
  { name: 'jobs_restore_currently_running', type: 'gauge', help: 'Number of restore jobs currently running in Resume or OnFailOrCancel state' },
  { name: 'jobs_restore_currently_paused', type: 'gauge', help: 'Number of restore jobs currently considered Paused' },
  { name: 'jobs_restore_currently_idle', type: 'gauge', help: 'Number of restore jobs currently considered Idle and can be freely shut down' },
  { name: 'jobs_restore_resume_completed', type: 'counter', help: 'Number of restore jobs which successfully resumed to completion' },
  { name: 'jobs_restore_resume_failed', type: 'counter', help: 'Number of restore jobs which failed with a non-retriable error' },
  { name: 'jobs_restore_resume_retry_error', type: 'counter', help: 'Number of restore jobs which failed with a retriable error' },
  {
    name: 'jobs_restore_fail_or_cancel_completed',
    type: 'counter',
    help: 'Number of restore jobs which successfully completed their failure or cancelation process',
  },
  {
    name: 'jobs_restore_fail_or_cancel_failed',
    type: 'counter',
    help: 'Number of restore jobs which failed with a non-retriable error on their failure or cancelation process',
  },
  {
    name: 'jobs_restore_fail_or_cancel_retry_error',
    type: 'counter',
    help: 'Number of restore jobs which failed with a retriable error on their failure or cancelation process',
  },
  { name: 'jobs_restore_protected_age_sec', type: 'gauge', help: 'The age of the oldest PTS record protected by restore jobs' },
  { name: 'jobs_restore_protected_record_count', type: 'gauge', help: 'Number of protected timestamp records held by restore jobs' },
  { name: 'jobs_restore_expired_pts_records', type: 'counter', help: 'Number of expired protected timestamp records owned by restore jobs' },
] as const satisfies readonly FamilyDef[];

export type BackupFamilyName = (typeof BACKUP_FAMILIES)[number]['name'];

export const BACKUP_FAMILY_NAMES: ReadonlySet<string> = new Set(BACKUP_FAMILIES.map((f) => f.name));

export function isBackupFamilyName(name: string): name is BackupFamilyName {
  return BACKUP_FAMILY_NAMES.has(name);
}
