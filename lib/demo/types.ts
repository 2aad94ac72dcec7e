import { JOB_STATUSES, type JobStatus } from '../jobs/statuses';

/**
 * The demo cluster's state, as the behaviour model holds it and as the SQL and HTTP faces read it.
 * Names are CockroachDB's own column names, so the SQL face maps them 1:1.
 * INT8 ids (job_id, schedule id, trace_id) are decimal strings: they exceed 2^53.
 */

export const CRDB_VERSIONS = ['23.2', '24.3', '25.4', '26.1', '26.2'] as const;
export type CrdbVersion = (typeof CRDB_VERSIONS)[number];
export const DEFAULT_CRDB_VERSION: CrdbVersion = '26.2';

/** `v` is this release or a later one ('25.4' >= '24.3'); versions compare as major.minor. */
export function atLeast(v: CrdbVersion, than: `${number}.${number}`): boolean {
  const [a, b] = v.split('.').map(Number);
  const [c, d] = than.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

/** SHOW JOBS lost its `started` column in v25.3 ("a duplicate of the 'created' column", reference §c.1). */
export function hasStartedColumn(v: CrdbVersion): boolean {
  return !atLeast(v, '25.3');
}

/**
 * The `allow_unsafe_internals` session variable exists from v25.4 (#151362), defaulting to on there and
 * to off from v26.1, where crdb_internal and system are restricted by default (reference §e).
 */
export function hasUnsafeInternalsVar(v: CrdbVersion): boolean {
  return atLeast(v, '25.4');
}
export function unsafeInternalsDefault(v: CrdbVersion): 'on' | 'off' | null {
  return !hasUnsafeInternalsVar(v) ? null : atLeast(v, '26.1') ? 'off' : 'on';
}

/** From v26.1 (#158350) a job paused for a reason shows that reason as its running_status (SHOW JOBS). */
export function showsPauseReason(v: CrdbVersion): boolean {
  return atLeast(v, '26.1');
}

/** Full version strings, as `SELECT version()` prints them on a real node. */
export const VERSION_STRINGS: Record<CrdbVersion, string> = {
  '23.2': 'CockroachDB CCL v23.2.19 (x86_64-pc-linux-gnu, built 2025/01/13 18:28:36, go1.22.8 X:nocoverageredesign)',
  '24.3': 'CockroachDB CCL v24.3.8 (x86_64-pc-linux-gnu, built 2025/03/05 17:21:50, go1.22.8 X:nocoverageredesign)',
  '25.4': 'CockroachDB CCL v25.4.2 (x86_64-pc-linux-gnu, built 2025/11/06 15:04:07, go1.23.12 X:nocoverageredesign)',
  // Build dates and Go versions of the 26.x strings are illustrative; the shape is what clients parse.
  '26.1': 'CockroachDB CCL v26.1.1 (x86_64-pc-linux-gnu, built 2026/02/17 16:41:52, go1.23.12 X:nocoverageredesign)',
  '26.2': 'CockroachDB CCL v26.2.0 (x86_64-pc-linux-gnu, built 2026/05/12 14:20:33, go1.23.12 X:nocoverageredesign)',
};

/** `jobs.<type>.fail_or_cancel_failed` is gone from the docs metric catalogs from v25.4 on (reference a.6). */
export function hasFailOrCancelFailed(version: CrdbVersion): boolean {
  return !atLeast(version, '25.4');
}

/** Job statuses: CockroachDB's list, shared with the dashboard (lib/jobs/statuses.ts). */
export { JOB_STATUSES, type JobStatus };
export const TERMINAL_STATUSES: readonly JobStatus[] = ['failed', 'succeeded', 'canceled', 'revert-failed'];

/** Job types that SHOW JOBS hides (shown by SHOW AUTOMATIC JOBS). */
export const AUTOMATIC_JOB_TYPES = [
  'AUTO CREATE STATS',
  'AUTO SPAN CONFIG RECONCILIATION',
  'AUTO SQL STATS COMPACTION',
  'POLL JOBS STATS',
  'AUTO SCHEMA TELEMETRY',
  'AUTO UPDATE SQL ACTIVITY',
  'MVCC STATISTICS UPDATE',
] as const;

export interface DemoJob {
  job_id: string;
  job_type: string;
  /** Full description; SHOW JOBS (listing form, 24.1+) shortens it to 100 chars. */
  description: string;
  statement: string;
  user_name: string;
  status: JobStatus;
  running_status: string | null;
  created: Date;
  started: Date | null;
  finished: Date | null;
  modified: Date;
  fraction_completed: number;
  /** '' when none, as CockroachDB prints it. */
  error: string;
  coordinator_id: number | null;
  trace_id: string;
  /** Retry bookkeeping (shown by 23.2 only). */
  last_run: Date | null;
  next_run: Date | null;
  num_runs: number;
  /** One line per retryable error the job hit, oldest first. */
  execution_errors: string[];
  /** system.jobs created_by_type / created_by_id: 'crdb_schedule' and the schedule id for scheduled jobs. */
  created_by_type: string | null;
  created_by_id: string | null;
  /** Demo-internal: the protected timestamp this job holds (null when none). */
  pts: Date | null;
  /** PAUSE JOB … WITH REASON: CockroachDB keeps it in the job's metadata (shown as running_status from v26.1). */
  pause_reason?: string | null;
  /** Demo-internal: bumped on every change, so faces can sync incrementally. */
  rev: number;
}

export type OnPreviousRunning = 'WAIT' | 'SKIP' | 'NO_WAIT';
export type OnExecutionFailure = 'RETRY_SCHED' | 'RETRY_SOON' | 'PAUSE_SCHED';

export interface DemoSchedule {
  id: string;
  label: string;
  schedule_status: 'ACTIVE' | 'PAUSED';
  next_run: Date | null;
  /** Last-known message, e.g. 'Waiting for initial backup to complete'; null when none. */
  state: string | null;
  recurrence: string;
  owner: string;
  created: Date;
  on_previous_running: OnPreviousRunning;
  on_execution_failure: OnExecutionFailure;
  /** JSON as SHOW SCHEDULES prints it: {backup_statement, backup_type?, unpause_on_success?, ...}. */
  command: Record<string, unknown>;
  /** SHOW SCHEDULES FOR BACKUP's extra column. */
  backup_type: 'FULL' | 'INCREMENTAL';
  /** Demo-internal: the collection URI (credentials redacted) this schedule writes to. */
  collection: string;
  /** Demo-internal: created WITH SCHEDULE OPTIONS updates_cluster_last_backup_time_metric. */
  updates_last_backup_metric: boolean;
  /** Demo-internal: protected timestamp held by the schedule's chain (null when none). */
  pts: Date | null;
  rev: number;
}

/**
 * One protected timestamp record as CockroachDB's job and schedule code write it into
 * system.protected_ts_records (reference §f): meta_type 'jobs' | 'schedules', meta the holder's id as
 * decimal ASCII bytes, ts an HLC decimal `<wall nanos>.<10-digit logical>`, target an encoded
 * cockroach.protectedts.Target. The decoded_*, internal_meta, num_ranges and last_updated fields are
 * what crdb_internal.kv_protected_ts_records (v23.2+) adds.
 */
export interface DemoPtsRecord {
  id: string;
  ts: string;
  meta_type: 'jobs' | 'schedules';
  /** The holder's id (meta is its decimal ASCII bytes). */
  holder_id: string;
  /** Encoded Target proto. */
  target: Uint8Array;
  decoded_target: Record<string, unknown>;
  internal_meta: Record<string, unknown>;
  num_ranges: number;
  verified: boolean;
}

/** One row of SHOW BACKUP (one object of one backup layer). */
export interface DemoBackupObject {
  database_name: string | null;
  parent_schema_name: string | null;
  object_name: string;
  object_type: 'database' | 'schema' | 'table' | 'type';
  size_bytes: number | null;
  rows: number | null;
}

/** One layer (full or incremental) of a backup chain in a collection. */
export interface DemoBackupLayer {
  backup_type: 'full' | 'incremental';
  start_time: Date | null;
  end_time: Date;
  is_full_cluster: boolean;
  objects: DemoBackupObject[];
  /** Demo-internal: files a check_files validation reports missing (usually none). */
  missing_files: string[];
}

/** A full backup subdirectory ('/2026/11/24-000000.00') and its layers, full first. */
export interface DemoBackup {
  collection: string;
  path: string;
  layers: DemoBackupLayer[];
}

export interface DemoNode {
  node_id: number;
  /** host:port of its SQL/RPC and HTTP listeners. */
  sql_addr: string;
  http_addr: string;
  advertise_addr: string;
  /** Wall-clock ms of the node process start (counters count from here). */
  started_at: number;
}

/** What the SQL face may change (the control statements), with CockroachDB's errors. */
export class DemoSqlError extends Error {
  constructor(
    readonly sqlState: string,
    message: string,
  ) {
    super(message);
  }
}
