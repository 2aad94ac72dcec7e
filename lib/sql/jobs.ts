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
import { buildCountQuery, COUNT_CAP } from './jobs-aggregate-sql';
import { fillSchedules, scheduleFromShow, scheduleOf } from './job-schedules';
import { buildListQuery, chooseSource, FALLBACK_GAP, inlineParams, JOBS_RETENTION_S, withinShowJobsWindow, type BuiltQuery } from './jobs-sql';
import { readIndexedPage } from './jobs-indexed';
import { indexedPage } from './jobs-keyset-sql';

export type { JobDetail, JobsPage, ScheduleRef };
import { isoTimestamp, rawTimestamps } from './pg-types';
import { mapSqlError } from './sql-errors';
import { withInternals, withReadOnly, type Session } from './session';

export const EXPORT_MAX_ROWS = 5_000;

export async function listJobs(cluster: ClusterConfig, filter: JobsFilter, opts: { maxRows?: number; count?: boolean } = {}): Promise<JobsPage> {
  const pageSize = opts.maxRows ?? filter.limit;
  return withReadOnly(cluster, 'listing jobs', async (c, info) => {
    const internals = info.internals === 'allowed';
    const source = chooseSource(filter, internals);
    const available = await columnsOf(cluster, c, source);
    // Sorted by created without a text search: ids from system.jobs' index first (jobs-keyset-sql.ts).
    const indexed = indexedPage(filter, source, internals) ? await readIndexedPage(cluster, c, filter, available, pageSize + 1, COUNT_CAP) : null;
    const q = buildListQuery({ filter, source, available, fetch: pageSize + 1, internals });
    const rows = indexed?.rows ?? ((await c.query({ text: q.text, values: q.values, types: rawTimestamps })).rows as Record<string, unknown>[]);
    const back = filter.cursor?.d === 'b';
    const more = rows.length > pageSize;
    // A "before" page was read in the opposite order: turned back, newest-first as the sort says.
    const page = back ? rows.slice(0, pageSize).reverse() : rows.slice(0, pageSize);
    const jobs = page.map((row) => toJobRow(row, isoTimestamp));
    if (!available.has('execution_errors')) await fillExecutionErrors(c, jobs);
    if (opts.count !== false) await fillSchedules(c, info, jobs);
    const cursorAt = (row: Record<string, unknown> | undefined, d?: 'b') =>
      row ? encodeCursor({ s: filter.sort, k: row.sort_key === null ? null : String(row.sort_key), id: String(row.job_id), ...(d ? { d } : {}) }) : null;
    // Forward: more rows after → next; a cursor means rows before. Backward: the cursor's row is after; more → before.
    const next_cursor = back || more ? cursorAt(page.at(-1)) : null;
    const prev_cursor = (back ? more : filter.cursor !== undefined) ? cursorAt(page[0], 'b') : null;
    const total = opts.count === false ? null : await countJobs(c, indexed?.count ?? buildCountQuery({ filter, source, available, internals }));
    const now = Date.now();
    return {
      jobs,
      next_cursor,
      prev_cursor,
      total,
      source,
      sql: indexed?.sql ?? inlineParams(q),
      past_retention: resolveTimeRef(filter.from, now) < now - JOBS_RETENTION_S * 1000,
      unavailable: source === 'show_jobs+schedules' && !withinShowJobsWindow(filter) ? [FALLBACK_GAP] : [],
    };
  });
}

/** The filter's total, bounded (COUNT_CAP); null when it fails (e.g. the statement timeout): the page stands without it. */
async function countJobs(c: Session, q: BuiltQuery): Promise<JobsPage['total']> {
  try {
    const r = await c.query<{ n: string | number }>(q.text, q.values);
    const n = Number(r.rows[0]?.n ?? 0);
    return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP, cap: COUNT_CAP };
  } catch (err) {
    // A lost connection fails the request; a count that timed out (57014) or was refused only loses the count.
    if (mapSqlError(err, 'counting jobs').code === 'sql_unavailable' && (err as { code?: string }).code !== '57014') throw err;
    return null;
  }
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

