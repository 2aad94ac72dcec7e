/**
 * Runs of schedules (the jobs they created), read for all schedules in one bounded statement: the
 * newest RUNS_PER_SCHEDULE of each plus each schedule's newest success and newest failure, however
 * old, within RUNS_WINDOW. Not SHOW JOBS: it only lists jobs finished in the last 12 h (reference
 * §c.1); system.jobs names the creating schedule (created_by_type = 'crdb_schedule', the constant
 * jobs.CreatedByScheduledJobs) and crdb_internal.jobs has no 12 h filter.
 */
import type { ScheduleRun } from '../api/types/schedules';

export const RUNS_PER_SCHEDULE = 20;
/** Finished jobs are deleted after jobs.retention_time (14 d by default), so 30 d reads all that is kept. */
export const RUNS_WINDOW_DAYS = 30;

export const TERMINAL_OK = 'succeeded';
export const TERMINAL_FAILED = new Set(['failed', 'revert-failed', 'canceled']);

/** What one schedule's runs say. */
export interface RunFacts {
  runs: ScheduleRun[];
  lastSuccess: string | null;
  lastFailure: { job_id: string; finished: string | null; error: string | null } | null;
  running: number;
}

export const emptyFacts = (): RunFacts => ({ runs: [], lastSuccess: null, lastFailure: null, running: 0 });

/**
 * The statement. `started` is not selected: SHOW JOBS lost it in 25.3 and `created` is its
 * duplicate (reference §c.1). Window functions and [ ] are CockroachDB's (and the demo's).
 */
export function runsStatement(perSchedule: number, windowDays: number): { text: string; values: unknown[] } {
  return {
    text: `SELECT s.created_by_id::STRING AS schedule_id, s.rn, j.job_id, j.status, j.created, j.finished, j.error
FROM (
  SELECT id, created_by_id, status,
         row_number() OVER (PARTITION BY created_by_id ORDER BY created DESC) AS rn,
         row_number() OVER (PARTITION BY created_by_id, status ORDER BY created DESC) AS rn_status
  FROM system.jobs
  WHERE created_by_type = 'crdb_schedule' AND created > now() - $1::INTERVAL
) AS s
JOIN crdb_internal.jobs AS j ON j.job_id = s.id
WHERE s.rn <= $2 OR (s.rn_status = 1 AND s.status IN ('succeeded', 'failed'))
ORDER BY s.created_by_id, j.created DESC`,
    values: [`${windowDays} days`, perSchedule],
  };
}

/** A schedule id as SHOW SCHEDULES prints it: an INT8, safe to write into a statement. */
const SCHEDULE_ID = /^\d{1,19}$/;

/**
 * The jobs of these schedules with the schedule's id beside each, from supported statements only
 * (where crdb_internal and system are restricted, reference §e): SHOW JOBS FOR SCHEDULE has no column
 * naming the schedule, so one branch per schedule, `UNION ALL`. Ids are checked digits, never user text.
 */
export function scheduleJobsUnion(ids: readonly string[], columns: readonly string[]): string {
  const bad = ids.find((id) => !SCHEDULE_ID.test(id));
  if (bad !== undefined) throw new Error(`not a schedule id: ${bad.slice(0, 30)}`);
  return ids.map((id) => `SELECT ${id}::STRING AS schedule_id, ${columns.join(', ')} FROM [SHOW JOBS FOR SCHEDULE ${id}]`).join('\nUNION ALL ');
}

/** runsStatement's rows without system.jobs or crdb_internal.jobs: the same columns, numbering and bounds. */
export function runsStatementFromShow(ids: readonly string[], perSchedule: number, windowDays: number): { text: string; values: unknown[] } {
  return {
    text: `SELECT s.schedule_id, s.rn, s.job_id, s.status, s.created, s.finished, s.error
FROM (
  SELECT schedule_id, job_id, status, created, finished, error,
         row_number() OVER (PARTITION BY schedule_id ORDER BY created DESC) AS rn,
         row_number() OVER (PARTITION BY schedule_id, status ORDER BY created DESC) AS rn_status
  FROM (${scheduleJobsUnion(ids, ['job_id', 'status', 'created', 'finished', 'error'])}) AS j
  WHERE created > now() - $1::INTERVAL
) AS s
WHERE s.rn <= $2 OR (s.rn_status = 1 AND s.status IN ('succeeded', 'failed'))
ORDER BY s.schedule_id, s.created DESC`,
    values: [`${windowDays} days`, perSchedule],
  };
}

export interface RunRow {
  schedule_id: string;
  rn: number;
  job_id: string;
  status: string | null;
  created: string | null;
  finished: string | null;
  error: string | null;
}

/** Rows (newest first per schedule) → facts per schedule id. */
export function runFacts(rows: RunRow[], perSchedule: number): Map<string, RunFacts> {
  const out = new Map<string, RunFacts>();
  for (const r of rows) {
    let f = out.get(r.schedule_id);
    if (!f) {
      f = emptyFacts();
      out.set(r.schedule_id, f);
    }
    const status = r.status;
    if (r.rn <= perSchedule) f.runs.push({ job_id: r.job_id, status, created: r.created, finished: r.finished, error: r.error });
    if (status === 'running' || status === 'retry-running') f.running += 1;
    if (status === TERMINAL_OK && r.finished && (f.lastSuccess === null || r.finished > f.lastSuccess)) f.lastSuccess = r.finished;
    if (status === 'failed' && (f.lastFailure === null || (r.finished ?? '') > (f.lastFailure.finished ?? ''))) {
      f.lastFailure = { job_id: r.job_id, finished: r.finished, error: r.error };
    }
  }
  return out;
}
