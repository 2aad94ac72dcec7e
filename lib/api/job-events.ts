/**
 * Job events for chart markers (`GET /api/v1/clusters/{c}/job-events`): the jobs of some types in a
 * window, read with the explorer's own query (listJobs: parameterised, read-only session, statement
 * timeout), turned into start/success/failure events (lib/jobs/events.ts).
 */
import { resolveCluster } from './clusters';
import type { ClusterConfig } from '../config';
import { ApiError } from '../errors';
import { boundEvents, eventsInWindow, FAILURE_STATUSES, type JobEventsAnswer } from '../jobs/events';
import { firstIssue, parseJobsQuery, type JobsFilter } from '../jobs/filter';
import type { JobRow } from '../jobs/job-row';
import { pinTimeRef, resolveTimeRef } from '../jobs/time-ref';
import { listJobs } from '../sql/jobs';

/**
 * Why bounds: a chart is ~1,000 px wide, so beyond a few hundred markers they merge into a band and
 * each is an SVG link the browser must lay out; and the dashboard must never become load on a
 * struggling cluster, so each statement reads at most MAX_JOBS rows (LIMIT), whatever the window.
 * Seven days of the demo's schedules are ~1,300 jobs, ~2,600 events.
 */
export const MAX_EVENTS = 500;
export const MAX_JOBS = 1_000;

export interface JobEventsQuery {
  filter: JobsFilter;
  /** Only jobs coordinated by these nodes; undefined = every node. */
  nodes?: number[];
}

const NODES = /^\d{1,6}(,\d{1,6}){0,99}$/;

/**
 * `type` (job types or `all`; default BACKUP,RESTORE), `scheduled=1`, `from`, `to` (as the jobs API),
 * `node=2` or `node=1,3`. The jobs filter's own parser checks everything but the node list.
 */
export function parseJobEventsQuery(search: URLSearchParams): JobEventsQuery {
  const pick = new URLSearchParams();
  for (const k of ['type', 'scheduled', 'from', 'to']) {
    const v = search.get(k);
    if (v !== null) pick.set(k, v);
  }
  const nodeText = search.get('node');
  if (nodeText !== null && !NODES.test(nodeText)) throw new ApiError('bad_request', `node must be node ids like 2 or 1,3, not "${nodeText.slice(0, 40)}"`);
  const nodes = nodeText === null ? undefined : [...new Set(nodeText.split(',').map(Number))].sort((a, b) => a - b);
  // One node goes into the SQL (coordinator_id = $n); several are filtered after reading.
  if (nodes?.length === 1) pick.set('node', String(nodes[0]));
  const parsed = parseJobsQuery(pick);
  if (!parsed.success) throw new ApiError('bad_request', firstIssue(parsed.error));
  return { filter: parsed.data, nodes };
}

/**
 * Two statements: the window's failures (so "failures first" holds whatever the window holds) and
 * its newest jobs of any status. Both are the explorer's query with a different status filter.
 */
export async function listJobEvents(cluster: ClusterConfig, q: JobEventsQuery): Promise<JobEventsAnswer> {
  if (cluster.sqlUrl === null) return { events: [], truncated: false, sql: null, sql_configured: false };
  // Pinned to one instant before anything reads them: the statements and the window cut must mean
  // the same range, and it must be the range a chart of the dashboard's history draws and a frozen
  // "absolute time" link names (the jobs explorer's `now()` stays on the cluster's clock).
  const now = Date.now();
  const base: JobsFilter = { ...q.filter, from: pinTimeRef(q.filter.from, now), to: pinTimeRef(q.filter.to, now), q: undefined, retried: false, cursor: undefined };
  const failed = await listJobs(cluster, { ...base, statuses: [...FAILURE_STATUSES], sort: '-finished' }, { maxRows: MAX_JOBS });
  const newest = await listJobs(cluster, { ...base, statuses: [], sort: '-created' }, { maxRows: MAX_JOBS });
  const nodes = q.nodes && q.nodes.length > 1 ? new Set(q.nodes) : null;
  const mine = (j: JobRow) => !nodes || (j.coordinator_id !== null && nodes.has(j.coordinator_id));
  const all = eventsInWindow([...failed.jobs, ...newest.jobs].filter(mine), resolveTimeRef(base.from, now), resolveTimeRef(base.to, now));
  const bounded = boundEvents(all, MAX_EVENTS);
  return {
    events: bounded.events,
    truncated: bounded.truncated || failed.next_cursor !== null || newest.next_cursor !== null,
    sql: `${failed.sql};\n${newest.sql};`,
    sql_configured: true,
    unavailable: [...new Set([...failed.unavailable, ...newest.unavailable])],
  };
}

export async function jobEventsForRequest(clusterId: string, search: URLSearchParams): Promise<JobEventsAnswer> {
  const cluster = await resolveCluster(clusterId);
  return listJobEvents(cluster, parseJobEventsQuery(search));
}
