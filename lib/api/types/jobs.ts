/**
 * The jobs API's shapes (`GET /api/v1/clusters/{c}/jobs`, `…/jobs/{job_id}`). A job as the API
 * returns it: CockroachDB's column names, INT8 ids as strings, times as UTC ISO-8601, and null for
 * whatever this version does not have (never an error).
 */
import type { PtsRecord } from './protected-timestamps';
import type { LastKnown } from './last-known';

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
  /**
   * Who created the job, as system.jobs records it: `crdb_schedule` and the schedule's id for a
   * scheduled backup; null when nothing created it (run by hand) or when it was not looked up.
   * Optional: only the explorer's pages fill them (one statement for the page's jobs).
   */
  created_by_type?: string | null;
  created_by_id?: string | null;
  /** The creating schedule's label (SHOW SCHEDULES), when created_by_type is crdb_schedule. */
  schedule_label?: string | null;
}

/** Failures that share an error text (numbers and ids aside), for `GET …/jobs/errors`. */
export interface ErrorGroup {
  /** The text the group is merged by: numbers and id-like tokens as '#'. */
  key: string;
  /** The group's most frequent exact error text. */
  error: string;
  count: number;
  /** How many different exact texts were merged into it. */
  variants: number;
  /** Newest `finished` among them (UTC ISO-8601). */
  newest: string | null;
  /** A `q` for the explorer that finds this group's jobs (text search covers error). */
  q: string;
}

export interface ErrorGroupsPage {
  groups: ErrorGroup[];
  /** Failed jobs looked at (the newest GROUP_SCAN of the filter at most). */
  scanned: number;
  /** True when there were more failures than the grouping reads: counts are of the newest `scanned`. */
  capped: boolean;
  /** The statuses counted as failures (the request's, or failed and revert-failed). */
  statuses: string[];
  source: JobsSource;
  sql: string;
  unavailable: string[];
}

export interface JobsPage {
  jobs: JobRow[];
  next_cursor: string | null;
  /** The page before this one (a cursor in the `cursor` parameter), null on the first page. */
  prev_cursor?: string | null;
  /**
   * How many jobs match the filter (every page together): counted up to `cap` rows, so `capped`
   * means "more than count". Null when the count could not be read (the page itself still is).
   */
  total?: { count: number; capped: boolean; cap: number } | null;
  /** `show_jobs` (SELECT … FROM [SHOW JOBS]) or `crdb_internal.jobs` (windows reaching past 12 h). */
  source: JobsSource;
  /** The statement that ran, parameters written in, ready for `cockroach sql`. */
  sql: string;
  /** True when the window starts before jobs.retention_time (default 14 d): older jobs are deleted. */
  past_retention: boolean;
  /** What this answer cannot show and what it would need (e.g. "… needs allow_unsafe_internals"); empty when complete. */
  unavailable: string[];
  /** Set when SQL is unreachable and this is the last answer it gave for this filter (lib/api/last-known.ts). */
  last_known?: LastKnown | null;
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
  /** Set when SQL is unreachable and this is the last answer it gave for this job. */
  last_known?: LastKnown | null;
}
