/**
 * The explorer's index-friendly page (issue 17; README "Jobs at scale"): crdb_internal.jobs is a
 * virtual table — CockroachDB builds every row (payload decode, or the jobs/job_progress/job_status
 * join on 25.1+) for any predicate its virtual indexes cannot serve, and those serve only equality on
 * job_id, status and job_type (pkg/sql/crdb_internal.go). So a page sorted by `created` is two steps:
 *  1. candidates from system.jobs, a real table: `status IN (every state)` + ORDER BY created LIMIT,
 *     which its jobs_status_created_idx (status, created) answers one limited span per state, with the
 *     keyset cursor as a tuple bound on (created, id) inside each span;
 *  2. those ids' rows from crdb_internal.jobs by `job_id IN (…)` (its virtual index: one point lookup
 *     each), where the full filter applies, so the rows are exactly what the plain statement returns.
 * Pure: unit-tested without a cluster.
 */
import { sortKey, type JobsFilter } from '../jobs/filter';
import { JOB_STATUSES } from '../jobs/statuses';
import { AUTOMATIC_JOB_TYPES, Params, timeSql, type BuiltQuery, type JobsSource } from './jobs-sql';

/** Candidates read per round; with `fetch` rows wanted, at least 4× that (filters only system.jobs lacks drop some). */
export const MIN_SCAN = 200;
/** Rounds before giving up on the index path (the filter drops most candidates) and reading the plain statement. */
export const MAX_ROUNDS = 3;

/** A (created, id) keyset bound: `tz` when `k` is crdb_internal.jobs' TIMESTAMPTZ text, else system.jobs' TIMESTAMP text. */
export interface KeyBound {
  k: string;
  id: string;
  tz: boolean;
}

/**
 * Whether the page can take the index path: crdb_internal.jobs readable (and so system.jobs), sorted by
 * `created`, and no filter that only crdb_internal.jobs can judge over most jobs (a text search, or
 * "retried": execution_errors) — those read the plain statement, where CockroachDB materialises every job.
 */
export function indexedPage(f: JobsFilter, source: JobsSource, internals: boolean): boolean {
  return source === 'crdb_internal.jobs' && internals && sortKey(f.sort).key === 'created' && f.q === undefined && !f.retried;
}

/** system.jobs states the filter can match (`retrying` is a running job; `paused` may carry a reason only in the displayed status). */
function statesOf(f: JobsFilter): string[] {
  if (f.statuses.length === 0) return [...JOB_STATUSES];
  return [...new Set(f.statuses.map((s) => (s === 'retrying' ? 'running' : s)))];
}

/** system.jobs.created is a TIMESTAMP (UTC); a TIMESTAMPTZ becomes one with AT TIME ZONE 'UTC'. */
const utc = (tzExpr: string) => `(${tzExpr}) AT TIME ZONE 'UTC'`;

export interface CandidateInput {
  filter: JobsFilter;
  /** system.jobs has `finished` (CockroachDB 25.1+ stores it there; the crdb_internal.jobs code reads j.finished). */
  hasFinished: boolean;
  /** Where to continue: the page cursor (tz) or the previous round's last candidate. */
  after?: KeyBound;
  scan: number;
}

/** Every predicate system.jobs can judge, and the direction of the page. */
function candidateWhere({ filter: f, hasFinished, after }: Omit<CandidateInput, 'scan'>, p: Params): { where: string[]; dir: 'ASC' | 'DESC' } {
  const { desc } = sortKey(f.sort);
  const dir = desc !== (f.cursor?.d === 'b') ? 'DESC' : 'ASC';
  const where = [`status IN (${statesOf(f).map((s) => p.add(s)).join(', ')})`];
  if (!(f.to.kind === 'relative' && f.to.agoS === 0)) where.push(`created <= ${utc(timeSql(f.to, p))}`);
  if (hasFinished) where.push(`(finished IS NULL OR finished >= ${timeSql(f.from, p)})`);
  if (f.types.length > 0) where.push(`job_type IN (${f.types.map((t) => p.add(t)).join(', ')})`);
  else where.push(`(job_type IS NULL OR job_type NOT IN (${AUTOMATIC_JOB_TYPES.map((t) => `'${t}'`).join(', ')}))`);
  // CockroachDB's jobs.CreatedByScheduledJobs; the same test filterWhere makes through a subquery.
  if (f.scheduled) where.push(`created_by_type = 'crdb_schedule'`);
  if (after) {
    const k = after.tz ? utc(p.add(after.k, 'TIMESTAMPTZ')) : p.add(after.k, 'TIMESTAMP');
    where.push(`(created, id) ${dir === 'DESC' ? '<' : '>'} (${k}, ${p.add(after.id, 'INT8')})`);
  }
  return { where, dir };
}

/** Step 1: candidate job ids, newest (or oldest) first. */
export function buildCandidateQuery(input: CandidateInput): BuiltQuery {
  const p = new Params();
  const { where, dir } = candidateWhere(input, p);
  const text = `SELECT id, created FROM system.jobs WHERE ${where.join(' AND ')} ORDER BY created ${dir}, id ${dir} LIMIT ${p.add(input.scan)}`;
  return { text, values: p.values };
}

/**
 * Whether system.jobs alone decides the filter (so its count is the page's total): it must know the
 * window's end (`finished`, 25.1+), and no term may need crdb_internal.jobs (the coordinator is
 * claim_instance_id only while the claim's session is alive; "retrying" needs execution_errors).
 */
export function candidatesExact(f: JobsFilter, hasFinished: boolean): boolean {
  return hasFinished && f.node === undefined && !f.statuses.includes('retrying');
}

/** The filter's total from system.jobs, bounded as the plain count is (jobs-aggregate-sql.ts COUNT_CAP). */
export function buildCandidateCountQuery(filter: JobsFilter, hasFinished: boolean, cap: number): BuiltQuery {
  const p = new Params();
  const { where } = candidateWhere({ filter: { ...filter, cursor: undefined }, hasFinished }, p);
  return { text: `SELECT count(*) AS n FROM (SELECT id FROM system.jobs WHERE ${where.join(' AND ')} LIMIT ${p.add(cap + 1)}) AS m`, values: p.values };
}

/** The page cursor as the first round's bound (the crdb_internal.jobs sort key is TIMESTAMPTZ text). */
export function cursorBound(f: JobsFilter): KeyBound | undefined {
  return f.cursor && f.cursor.k !== null ? { k: f.cursor.k, id: f.cursor.id, tz: true } : undefined;
}
