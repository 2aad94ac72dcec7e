import type { OnExecutionFailure, OnPreviousRunning } from '../types';

/**
 * What the demo cluster holds: the backup schedules a real operator would have created, the
 * tables they cover and the errors real backups fail with. Pure data; the model animates it.
 */

export interface ScheduleSpec {
  label: string;
  /** BACKUP target clause: '' for the whole cluster, 'DATABASE movr', 'TABLE movr.public.rides'. */
  target: string;
  /** Collection as SHOW SCHEDULES prints it: secrets already redacted by CockroachDB. */
  collection: string;
  /** Incremental cadence (RECURRING); null for FULL BACKUP ALWAYS. */
  incremental: string | null;
  full: string;
  on_previous_running: OnPreviousRunning;
  on_execution_failure: OnExecutionFailure;
  updates_last_backup_metric: boolean;
  revision_history: boolean;
  /** Days before the demo's start that the schedule was created. */
  createdDaysAgo: number;
  /** Paused by an operator this many days before the start (a forgotten pause), or null. */
  pausedDaysAgo: number | null;
  /** Typical run time in minutes: [full, incremental]. */
  minutes: { full: [number, number]; incremental: [number, number] };
  /** Databases/tables covered, for SHOW BACKUP. */
  objects: 'cluster' | 'movr' | 'rides' | 'payroll';
}

export const SCHEDULE_SPECS: readonly ScheduleSpec[] = [
  {
    // The disaster-recovery backup: the one whose freshness the cluster metric tracks.
    label: 'cluster_dr',
    target: '',
    collection: 's3://acme-crdb-backups/prod/cluster?AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE&AWS_SECRET_ACCESS_KEY=redacted',
    incremental: '@hourly',
    full: '@daily',
    on_previous_running: 'WAIT',
    on_execution_failure: 'RETRY_SCHED',
    updates_last_backup_metric: true,
    revision_history: true,
    createdDaysAgo: 41,
    pausedDaysAgo: null,
    minutes: { full: [28, 55], incremental: [3, 11] },
    objects: 'cluster',
  },
  {
    label: 'movr_frequent',
    target: 'DATABASE movr',
    collection: 'gs://acme-crdb-backups/movr?AUTH=implicit',
    incremental: '*/15 * * * *',
    full: '0 */6 * * *',
    on_previous_running: 'SKIP',
    on_execution_failure: 'RETRY_SOON',
    updates_last_backup_metric: false,
    revision_history: false,
    createdDaysAgo: 23,
    pausedDaysAgo: null,
    minutes: { full: [9, 22], incremental: [1, 6] },
    objects: 'movr',
  },
  {
    label: 'rides_snapshot',
    target: 'TABLE movr.public.rides',
    collection: 'external://backup_archive/rides',
    incremental: null,
    full: '*/20 * * * *',
    on_previous_running: 'SKIP',
    on_execution_failure: 'RETRY_SCHED',
    updates_last_backup_metric: false,
    revision_history: false,
    createdDaysAgo: 17,
    pausedDaysAgo: null,
    minutes: { full: [6, 27], incremental: [0, 0] },
    objects: 'rides',
  },
  {
    // Paused for a maintenance window nine days ago and never resumed: a classic outage.
    label: 'payroll_weekly',
    target: 'DATABASE payroll',
    collection: 'external://backup_archive/payroll',
    incremental: '@daily',
    full: '@weekly',
    on_previous_running: 'WAIT',
    on_execution_failure: 'PAUSE_SCHED',
    updates_last_backup_metric: false,
    revision_history: true,
    createdDaysAgo: 60,
    pausedDaysAgo: 9,
    minutes: { full: [12, 20], incremental: [2, 4] },
    objects: 'payroll',
  },
];

/** Tables (and their size on day 0) that backups cover; sizes grow a little every day. */
export const DATABASES: Record<string, { table: string; bytes: number; rows: number }[]> = {
  movr: [
    { table: 'users', bytes: 30_069_112, rows: 327_118 },
    { table: 'vehicles', bytes: 17_456_210, rows: 88_412 },
    { table: 'rides', bytes: 2_512_540_338, rows: 8_621_903 },
    { table: 'vehicle_location_histories', bytes: 6_609_100_712, rows: 96_490_120 },
    { table: 'promo_codes', bytes: 227_789_004, rows: 1_020_331 },
    { table: 'user_promo_codes', bytes: 6_973_560, rows: 83_114 },
  ],
  payroll: [
    { table: 'employees', bytes: 48_113_920, rows: 51_209 },
    { table: 'payslips', bytes: 1_284_771_840, rows: 4_310_255 },
  ],
  system: [
    { table: 'users', bytes: 8_712, rows: 14 },
    { table: 'zones', bytes: 2_311, rows: 9 },
    { table: 'settings', bytes: 5_120, rows: 31 },
    { table: 'jobs', bytes: 41_220_096, rows: 3_204 },
    { table: 'scheduled_jobs', bytes: 18_442, rows: 8 },
    { table: 'role_members', bytes: 512, rows: 3 },
    { table: 'comments', bytes: 0, rows: 0 },
  ],
};

/** Non-retryable failures, as they appear in the `error` column. */
export const BACKUP_ERRORS = [
  'failed to write to external storage: s3: AccessDenied: Access Denied\n\tstatus code: 403, request id: 4Z9XJ2Q7R1MB8K3T',
  'exporting 1342 ranges: export request timeout for /Table/112/1/"\\x8f\\x12"/0',
  'backup from version 25.4 is newer than current version 25.3',
  'failed to run backup: exporting 97 ranges: rpc error: code = Unavailable desc = error reading from server: EOF',
  'gs: googleapi: Error 429: The rate of change requests to the object exceeds the rate limit. Please reduce the rate of create, update, and delete requests., rateLimitExceeded',
] as const;

/** Retryable errors, as CockroachDB records them in execution_errors before retrying. */
export const RETRYABLE_ERRORS = [
  'failed to write to external storage: dial tcp 52.216.8.99:443: i/o timeout',
  'rpc error: code = Unavailable desc = node unavailable; try another peer',
  'exporting 412 ranges: context deadline exceeded',
  'replica unavailable: (n2,s2):3 unable to serve request to r1088',
] as const;

export const RESTORE_ERRORS = [
  'importing 812 ranges: a database named "movr_restore_check" already exists',
  'restore: failed to read backup manifest: storage: object does not exist',
  'importing 1903 ranges: split failed while applying backpressure to Put: ranges stuck',
] as const;

/** Running-status texts a backup/restore job shows while it works. */
export const BACKUP_RUNNING_STATUS = ['exporting spans', 'writing manifest', 'checkpointing progress'] as const;
export const RESTORE_RUNNING_STATUS = ['restoring spans', 'validating restored data', 'publishing descriptors'] as const;
