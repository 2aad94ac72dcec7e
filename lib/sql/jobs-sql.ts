/**
 * The explorer's SELECT, built from a JobsFilter: every user value is a $n parameter; only
 * constants (column names, the automatic job types) are written into the text. Pure: the same
 * input gives the same SQL, so it is unit-tested without a cluster.
 */
import { type JobsFilter, sortKey } from '../jobs/filter';
import type { CursorData } from '../jobs/cursor';
import type { TimeRef } from '../jobs/time-ref';

/** Where the rows come from: SHOW JOBS (what the operator knows, 12 h) or crdb_internal.jobs (all retained). */
import type { JobsSource } from '../api/types/jobs';

export type { JobsSource };

/** The listing's columns, in SHOW JOBS order; a column the version lacks comes back as null. */
export const LIST_COLUMNS = [
  'job_id', 'job_type', 'description', 'user_name', 'status', 'running_status', 'created', 'started',
  'finished', 'modified', 'fraction_completed', 'error', 'coordinator_id', 'execution_errors',
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

/**
 * SHOW JOBS hides these (`SHOW AUTOMATIC JOBS` shows them): the docs' automatic types plus the ones
 * seen in the reference's DB Console fixture (reference/cockroachdb.md §c.1). The crdb_internal path
 * hides them too, so both sources list the same kind of jobs.
 */
export const AUTOMATIC_JOB_TYPES = [
  'AUTO CREATE STATS', 'AUTO SPAN CONFIG RECONCILIATION', 'AUTO SQL STATS COMPACTION', 'POLL JOBS STATS',
  'AUTO SCHEMA TELEMETRY', 'AUTO UPDATE SQL ACTIVITY', 'MVCC STATISTICS UPDATE', 'AUTO CONFIG RUNNER',
  'AUTO CONFIG ENV RUNNER', 'AUTO CONFIG TASK',
] as const;

/** SHOW JOBS only lists jobs that are unfinished or finished in the last 12 h (CRDB show_jobs.go). */
export const SHOW_JOBS_WINDOW_S = 12 * 3_600;

/** jobs.retention_time's default: older finished jobs are deleted (CRDB docs, SHOW JOBS). */
export const JOBS_RETENTION_S = 14 * 86_400;

/** The window lies inside SHOW JOBS' 12 hours (relative, ending now or later than 12 h ago). */
export function withinShowJobsWindow(f: Pick<JobsFilter, 'from' | 'to'>): boolean {
  return f.from.kind === 'relative' && f.from.agoS <= SHOW_JOBS_WINDOW_S && f.to.kind === 'relative';
}

/**
 * Which source a filter needs. SHOW JOBS shortens descriptions (v24.1+, #121286) and lacks execution_errors
 * there, so text search and "retrying" go to crdb_internal.jobs even inside 12 h. Where the session may not
 * read internals (`internals: false`), the same filters go to SHOW JOBS' long form instead (FALLBACK_FROM).
 */
export function chooseSource(f: Pick<JobsFilter, 'from' | 'to' | 'q' | 'statuses' | 'retried'>, internals = true): JobsSource {
  const textSearch = f.q !== undefined && !/^\d{1,19}$/.test(f.q);
  if (withinShowJobsWindow(f) && !textSearch && !f.retried && !f.statuses.includes('retrying')) return 'show_jobs';
  return internals ? 'crdb_internal.jobs' : 'show_jobs+schedules';
}

/**
 * Supported statements only (they keep working when crdb_internal is restricted, reference §e): the
 * SHOW JOB long form (full description, execution_errors) of every job SHOW JOBS lists (unfinished, or
 * finished within 12 h) and of every job a schedule created (SHOW JOBS FOR SCHEDULES has no 12 h filter).
 * Missing: jobs no schedule created that finished more than 12 h ago, and automatic jobs (hidden anyway).
 */
export const FALLBACK_FROM =
  '[SHOW JOBS SELECT job_id FROM [SHOW JOBS] UNION SELECT job_id FROM [SHOW JOBS FOR SCHEDULES SELECT id FROM [SHOW SCHEDULES]]]';

/** What FALLBACK_FROM cannot list, said where the window reaches past SHOW JOBS' 12 hours. */
export const FALLBACK_GAP =
  'Jobs not created by a schedule that finished more than 12 h ago need allow_unsafe_internals (crdb_internal.jobs is restricted on this cluster): listed are the jobs SHOW JOBS shows (unfinished, or finished in the last 12 h) and every job of every schedule (SHOW JOBS FOR SCHEDULES).';

export interface BuiltQuery {
  text: string;
  values: unknown[];
}

export class Params {
  values: unknown[] = [];
  add(v: unknown, cast?: string): string {
    this.values.push(v);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}

const TIME_KEYS = new Set(['created', 'finished', 'modified']);

/** The expression a sort key orders by. A running job has no `finished`: it sorts as "latest". */
export function sortExpr(key: string): string {
  return key === 'finished' ? `COALESCE(finished, '9999-12-31 00:00:00+00':::TIMESTAMPTZ)` : key;
}

export function timeSql(t: TimeRef, p: Params): string {
  if (t.kind === 'relative') return t.agoS === 0 ? 'now()' : `now() - ${p.add(`${t.agoS}s`, 'INTERVAL')}`;
  return p.add(new Date(t.ms).toISOString(), 'TIMESTAMPTZ');
}

/** ILIKE pattern for "contains q": backslash is the default LIKE escape in CockroachDB and Postgres. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface ListQueryInput {
  filter: JobsFilter;
  source: JobsSource;
  /** Whether the session may name crdb_internal/system (else `scheduled` reads SHOW JOBS FOR SCHEDULES). */
  internals?: boolean;
  /** The columns the source has on this cluster's version. */
  available: ReadonlySet<string>;
  /** Rows to fetch (page size + 1, to know whether there is a next page). */
  fetch: number;
  /** Only these jobs (the index path's candidates, jobs-keyset-sql.ts): crdb_internal.jobs' virtual index on job_id. */
  ids?: readonly string[];
}

/** The source's FROM clause text. */
export function fromOf(source: JobsSource): string {
  return source === 'show_jobs' ? '[SHOW JOBS]' : source === 'crdb_internal.jobs' ? 'crdb_internal.jobs' : FALLBACK_FROM;
}

/**
 * `q` matches the job id (digits), the description, the error and the retryable execution_errors
 * (where the source has them: crdb_internal.jobs and SHOW JOB's long form; SHOW JOBS' listing lacks
 * them from v24.1, #121286, which is why text search never reads [SHOW JOBS]).
 */
function textPredicate(q: string, available: ReadonlySet<string>, p: Params): string {
  const pat = p.add(containsPattern(q));
  const ors = [`description ILIKE ${pat}`, `error ILIKE ${pat}`];
  if (available.has('execution_errors')) ors.push(`array_to_string(execution_errors, ' ') ILIKE ${pat}`);
  if (/^\d{1,19}$/.test(q)) ors.unshift(`job_id = ${p.add(q, 'INT8')}`);
  return `(${ors.join(' OR ')})`;
}

/**
 * The filter's WHERE terms (without the page cursor), shared by the page, its total count and the
 * failure groups so the three always describe the same jobs.
 */
export function filterWhere(f: JobsFilter, source: JobsSource, available: ReadonlySet<string>, internals: boolean, p: Params): string[] {
  const where: string[] = [];
  // A job belongs to the window when it existed in it: created before its end, not finished before its start.
  if (!(f.to.kind === 'relative' && f.to.agoS === 0)) where.push(`created <= ${timeSql(f.to, p)}`);
  where.push(`(finished IS NULL OR finished >= ${timeSql(f.from, p)})`);

  if (f.types.length > 0) where.push(`job_type IN (${f.types.map((t) => p.add(t)).join(', ')})`);
  else if (source !== 'show_jobs') where.push(`(job_type IS NULL OR job_type NOT IN (${AUTOMATIC_JOB_TYPES.map((t) => `'${t}'`).join(', ')}))`);

  if (f.statuses.length > 0) {
    const ors: string[] = [];
    const plain = f.statuses.filter((s) => s !== 'retrying' && s !== 'paused');
    if (plain.length > 0) ors.push(`status IN (${plain.map((s) => p.add(s)).join(', ')})`);
    // v26.1+ may append the pause reason to the status (release note #158350).
    if (f.statuses.includes('paused')) ors.push(`status LIKE ${p.add('paused%')}`);
    if (f.statuses.includes('retrying')) ors.push(`(status = 'running' AND cardinality(execution_errors) > 0)`);
    where.push(ors.length === 1 ? ors[0] : `(${ors.join(' OR ')})`);
  }
  if (f.node !== undefined) where.push(`coordinator_id = ${p.add(String(f.node), 'INT8')}`);
  if (f.q !== undefined) where.push(textPredicate(f.q, available, p));
  if (f.retried) where.push('cardinality(execution_errors) > 0');
  // system.jobs records who created a job: 'crdb_schedule' + the schedule id (CRDB jobs.CreatedByScheduledJobs).
  if (f.scheduled) {
    where.push(
      internals
        ? `job_id IN (SELECT id FROM system.jobs WHERE created_by_type = 'crdb_schedule')`
        : `job_id IN (SELECT job_id FROM [SHOW JOBS FOR SCHEDULES SELECT id FROM [SHOW SCHEDULES]])`,
    );
  }
  return where;
}

export function buildListQuery({ filter: f, source, available, fetch, ids, internals = source !== 'show_jobs+schedules' }: ListQueryInput): BuiltQuery {
  const p = new Params();
  const { key, desc } = sortKey(f.sort);
  const cols = LIST_COLUMNS.filter((c) => available.has(c));
  const where = filterWhere(f, source, available, internals, p);
  if (ids) where.unshift(`job_id IN (${ids.map((id) => p.add(id, 'INT8')).join(', ')})`);
  const expr = sortExpr(key);
  // A "before" cursor (Previous) reads the rows ahead of it in the opposite order; listJobs turns them back.
  const back = f.cursor?.d === 'b';
  if (f.cursor) where.push(keysetPredicate(f.cursor, expr, key, desc !== back, p));
  const dir = desc !== back ? 'DESC' : 'ASC';
  const text =
    `SELECT ${cols.join(', ')}, ${expr} AS sort_key FROM ${fromOf(source)}` +
    ` WHERE ${where.join(' AND ')}` +
    ` ORDER BY ${expr} ${dir}, job_id ${dir} LIMIT ${p.add(fetch)}`;
  return { text, values: p.values };
}

function keysetPredicate(c: CursorData, expr: string, key: string, desc: boolean, p: Params): string {
  const cast = TIME_KEYS.has(key) ? 'TIMESTAMPTZ' : 'STRING';
  return `(${expr}, job_id) ${desc ? '<' : '>'} (${p.add(c.k, cast)}, ${p.add(c.id, 'INT8')})`;
}

/** A statement with its parameters written in as literals, to paste into `cockroach sql`. For display only. */
export function inlineParams(q: BuiltQuery): string {
  return q.text.replace(/\$(\d+)/g, (m, n: string) => {
    const v = q.values[Number(n) - 1];
    if (v === undefined) return m;
    if (v === null) return 'NULL';
    if (typeof v === 'number') return String(v);
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}
