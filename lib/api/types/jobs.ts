/**
 * The jobs API's shapes (`GET /api/v1/clusters/{c}/jobs`, `…/jobs/{job_id}`). A job as the API
 * returns it: CockroachDB's column names, INT8 ids as strings, times as UTC ISO-8601, and null for
 * whatever this version does not have (never an error).
 */
import type { PtsRecord } from './protected-timestamps';

/**
 * Where the explorer read: `SELECT … FROM [SHOW JOBS]` (windows within 12 h), `crdb_internal.jobs`, or,
 * where internals are restricted (allow_unsafe_internals off, v26.1+), `show_jobs+schedules`: the long
 * form of the jobs SHOW JOBS lists plus every job of every schedule (SHOW JOBS FOR SCHEDULES).
 */
export type JobsSource = 'show_jobs' | 'crdb_internal.jobs' | 'show_jobs+schedules';

export interface JobRow {
  job_id: string;
  job_type: string | null;
  description: string | null;
  user_name: string | null;
  status: string | null;
  running_status: string | null;
  created: string | null;
  started: string | null;
  finished: string | null;
  modified: string | null;
  fraction_completed: number | null;
  error: string | null;
  coordinator_id: number | null;
  /** Retryable errors the job hit (null when the source does not have the column). */
  execution_errors: string[] | null;
}

export interface JobsPage {
  jobs: JobRow[];
  next_cursor: string | null;
  /** `show_jobs` (SELECT … FROM [SHOW JOBS]) or `crdb_internal.jobs` (windows reaching past 12 h). */
  source: JobsSource;
  /** The statement that ran, parameters written in, ready for `cockroach sql`. */
  sql: string;
  /** True when the window starts before jobs.retention_time (default 14 d): older jobs are deleted. */
  past_retention: boolean;
  /** What this answer cannot show and what it would need (e.g. "… needs allow_unsafe_internals"); empty when complete. */
  unavailable: string[];
}

export interface ScheduleRef {
  id: string;
  label: string | null;
  schedule_status: string | null;
  recurrence: string | null;
}

export interface JobDetail {
  job: JobRow;
  /** Every column SHOW JOB returned on this version, in its order, values as text/number/array. */
  columns: string[];
  raw: Record<string, unknown>;
  /** The schedule that created the job (system.jobs created_by_type = 'crdb_schedule'); null when none. */
  schedule: ScheduleRef | null;
  /**
   * The protected timestamp records the job holds (system.protected_ts_records, meta_type 'jobs'):
   * `held` is 'unknown' when they cannot be read here, and `note` says why (e.g. needs allow_unsafe_internals).
   */
  protected_timestamp: { held: boolean | 'unknown'; note: string; records: PtsRecord[] };
  sql: string;
}
