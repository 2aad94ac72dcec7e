/**
 * The explorer's two aggregate statements, over exactly the jobs the page filter selects
 * (filterWhere): the total matching count, and the failures grouped by their error text. Both are
 * bounded so that a cluster keeping 100,000 jobs is never read whole for a count: the count stops at
 * COUNT_CAP rows ("10,000+"), the grouping looks at the newest GROUP_SCAN failures. The window
 * (from/to) and the status are the first terms, which crdb_internal.jobs' virtual indexes (status,
 * job_type, job_id on 23.2+) and SHOW JOBS' own 12 h filter narrow before anything is counted.
 * Pure: unit-tested without a cluster.
 */
import type { JobsFilter } from '../jobs/filter';
import { type BuiltQuery, filterWhere, fromOf, Params, type JobsSource } from './jobs-sql';

/** The count reads at most this many rows (+1 to know it stopped): "50 of 10,000+". */
export const COUNT_CAP = 10_000;
/** The grouping reads the newest this many failed jobs of the filter. */
export const GROUP_SCAN = 5_000;
/** Distinct error texts returned (most frequent first). */
export const GROUP_LIMIT = 100;
/** Statuses that are failures when the request names none. */
export const FAILED_STATUSES = ['failed', 'revert-failed'] as const;

interface AggregateInput {
  filter: JobsFilter;
  source: JobsSource;
  available: ReadonlySet<string>;
  internals: boolean;
}

/** `SELECT count(*)` of the filter (no cursor), stopping after COUNT_CAP + 1 rows. */
export function buildCountQuery({ filter, source, available, internals }: AggregateInput): BuiltQuery {
  const p = new Params();
  const where = filterWhere({ ...filter, cursor: undefined }, source, available, internals, p);
  const text = `SELECT count(*) AS n FROM (SELECT job_id FROM ${fromOf(source)} WHERE ${where.join(' AND ')} LIMIT ${p.add(COUNT_CAP + 1)}) AS m`;
  return { text, values: p.values };
}

/**
 * Failures of the filter grouped by exact error text, most frequent first, with the newest finish of
 * each. Without a status in the filter, failures are `failed` and `revert-failed`. The texts are
 * merged further by lib/jobs/error-groups.ts (ids and numbers inside a message do not split a group).
 */
export function buildErrorGroupsQuery({ filter, source, available, internals }: AggregateInput): BuiltQuery {
  const p = new Params();
  const f = filter.statuses.length > 0 ? filter : { ...filter, statuses: [...FAILED_STATUSES] };
  const where = filterWhere({ ...f, cursor: undefined }, source, available, internals, p);
  where.push(`error IS NOT NULL`, `error != ''`);
  const text =
    `SELECT error, count(*) AS n, max(finished) AS newest FROM (` +
    `SELECT error, finished FROM ${fromOf(source)} WHERE ${where.join(' AND ')} ORDER BY created DESC LIMIT ${p.add(GROUP_SCAN)}` +
    `) AS f GROUP BY error ORDER BY n DESC, error LIMIT ${p.add(GROUP_LIMIT)}`;
  return { text, values: p.values };
}
