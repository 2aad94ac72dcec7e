/**
 * Reading jobs: the explorer's page (listJobs) and one job (getJob). Every statement is
 * parameterised and runs in a read-only pooled session with the pool's statement timeout and
 * application_name (lib/sql/pool.ts, lib/sql/session.ts).
 */
import type { ClusterConfig } from '../config';
import { ApiError } from '../errors';
import { encodeCursor } from '../jobs/cursor';
import type { JobsFilter } from '../jobs/filter';
import type { JobDetail, JobsPage, ScheduleRef } from '../api/types/jobs';
import { toJobRow, type JobRow } from '../jobs/job-row';
import { resolveTimeRef } from '../jobs/time-ref';
import { columnsOf } from './job-columns';
import { scheduleJobsUnion } from '../schedules/runs';
import { buildListQuery, chooseSource, FALLBACK_GAP, inlineParams, JOBS_RETENTION_S, withinShowJobsWindow } from './jobs-sql';

export type { JobDetail, JobsPage, ScheduleRef };
import { isoTimestamp, rawTimestamps } from './pg-types';
import { withInternals, withReadOnly, type Session } from './session';

export const EXPORT_MAX_ROWS = 5_000;

export async function listJobs(cluster: ClusterConfig, filter: JobsFilter, opts: { maxRows?: number } = {}): Promise<JobsPage> {
  const pageSize = opts.maxRows ?? filter.limit;
  return withReadOnly(cluster, 'listing jobs', async (c, info) => {
    const internals = info.internals === 'allowed';
    const source = chooseSource(filter, internals);
    const available = await columnsOf(cluster, c, source);
    const q = buildListQuery({ filter, source, available, fetch: pageSize + 1, internals });
    const r = await c.query({ text: q.text, values: q.values, types: rawTimestamps });
    const rows = r.rows as Record<string, unknown>[];
    const more = rows.length > pageSize;
    const page = rows.slice(0, pageSize);
    const jobs = page.map((row) => toJobRow(row, isoTimestamp));
    if (!available.has('execution_errors')) await fillExecutionErrors(c, jobs);
    const last = page.at(-1);
    const next_cursor =
      more && last ? encodeCursor({ s: filter.sort, k: last.sort_key === null ? null : String(last.sort_key), id: String(last.job_id) }) : null;
    const now = Date.now();
    return {
      jobs,
      next_cursor,
      source,
      sql: inlineParams(q),
      past_retention: resolveTimeRef(filter.from, now) < now - JOBS_RETENTION_S * 1000,
      unavailable: source === 'show_jobs+schedules' && !withinShowJobsWindow(filter) ? [FALLBACK_GAP] : [],
    };
  });
}

/**
 * SHOW JOBS' listing form has no execution_errors from v24.1 (#121286), but "retrying" needs it for
 * running jobs: one extra statement for the running jobs of this page only. SHOW JOBS <select> is the
 * long form (execution_errors on every version) and is supported where crdb_internal is restricted.
 */
async function fillExecutionErrors(c: Session, jobs: JobRow[]): Promise<void> {
  const ids = jobs.filter((j) => j.status === 'running').map((j) => j.job_id);
  if (ids.length === 0) return;
  const r = await c.query<{ job_id: string; execution_errors: string[] | null }>(
    'SELECT job_id, execution_errors FROM [SHOW JOBS SELECT unnest($1::INT8[])]',
    [ids],
  );
  const byId = new Map(r.rows.map((x) => [String(x.job_id), x.execution_errors]));
  for (const j of jobs) if (byId.has(j.job_id)) j.execution_errors = byId.get(j.job_id) ?? null;
}

/** SHOW JOB and the creating schedule; the protected timestamp records are added by lib/api/jobs.ts. */
export async function getJob(cluster: ClusterConfig, jobId: string): Promise<Omit<JobDetail, 'protected_timestamp'>> {
  return withReadOnly(cluster, `reading job ${jobId}`, async (c, info) => {
    // SHOW JOB <id> has no 12 h filter and returns the long form (description, statement, trace_id,
    // execution_errors) on every version (CRDB show_jobs.go).
    const r = await c.query({ text: 'SHOW JOB $1', values: [jobId], types: rawTimestamps });
    const row = r.rows[0] as Record<string, unknown> | undefined;
    if (!row) throw new ApiError('not_found', `no job ${jobId} on cluster "${cluster.id}" (finished jobs are deleted after jobs.retention_time, 14 days by default)`);
    const columns = r.fields.map((f) => f.name);
    const raw: Record<string, unknown> = {};
    for (const name of columns) raw[name] = normalizeValue(name, row[name]);
    return {
      job: toJobRow(row, isoTimestamp),
      columns,
      raw,
      schedule: await withInternals(info, () => scheduleOf(c, jobId), () => scheduleFromShow(c, jobId)),
      sql: `SHOW JOB ${jobId}`,
    };
  });
}

function normalizeValue(name: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (/^(created|started|finished|modified|last_run|next_run)$/.test(name)) return isoTimestamp(v);
  if (Array.isArray(v) || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

async function scheduleOf(c: Session, jobId: string): Promise<ScheduleRef | null> {
  const r = await c.query<{ created_by_type: string | null; created_by_id: string | null }>(
    'SELECT created_by_type, created_by_id FROM system.jobs WHERE id = $1',
    [jobId],
  );
  const by = r.rows[0];
  // jobs.CreatedByScheduledJobs = 'crdb_schedule' (CRDB pkg/jobs; reference §c.1).
  if (!by || by.created_by_type !== 'crdb_schedule' || !by.created_by_id) return null;
  return scheduleRef(c, String(by.created_by_id));
}

/**
 * The creating schedule without system.jobs (restricted internals): which schedule's SHOW JOBS FOR
 * SCHEDULE lists the job — one statement over every schedule SHOW SCHEDULES lists (a UNION ALL of
 * one branch per schedule: SHOW JOBS FOR SCHEDULES has no column naming the schedule).
 */
async function scheduleFromShow(c: Session, jobId: string): Promise<ScheduleRef | null> {
  const all = await c.query<{ id: string }>('SELECT id FROM [SHOW SCHEDULES]');
  const ids = all.rows.map((r) => String(r.id));
  if (ids.length === 0) return null;
  const q = scheduleJobsUnion(ids, ['job_id']);
  const r = await c.query<{ schedule_id: string }>(`SELECT schedule_id FROM (${q}) AS s WHERE job_id = $1 LIMIT 1`, [jobId]);
  const id = r.rows[0]?.schedule_id;
  return id === undefined ? null : scheduleRef(c, String(id));
}

async function scheduleRef(c: Session, id: string): Promise<ScheduleRef> {
  try {
    const s = await c.query<{ label: string | null; schedule_status: string | null; recurrence: string | null }>('SHOW SCHEDULE $1', [id]);
    const row = s.rows[0];
    return { id, label: row?.label ?? null, schedule_status: row?.schedule_status ?? null, recurrence: row?.recurrence ?? null };
  } catch {
    // The schedule may have been dropped since; the id alone still helps.
    return { id, label: null, schedule_status: null, recurrence: null };
  }
}
