/**
 * What the jobs routes do, so each route handler stays "parse → one call → respond": resolve the
 * cluster, validate the query and the job id (400s), read, shape (JSON or a CSV download).
 */
import type { ClusterConfig } from '../config';
import { resolveCluster } from './clusters';
import { withLastKnown } from './last-known';
import { controlCaller, runAudited } from './control-access';
import { recordsHeldBy } from './protected-timestamps';
import { ApiError } from '../errors';
import { controlStatement, JOB_ACTIONS, type JobAction } from '../jobs/control-actions';
import { jobsCsv } from '../jobs/csv';
import { firstIssue, parseJobsQuery } from '../jobs/filter';
import { isInt8Id } from '../jobs/href';
import { controlJob, type ControlOutcome } from '../sql/job-control';
import { EXPORT_MAX_ROWS, getJob, listJobs } from '../sql/jobs';
import { listErrorGroups } from '../sql/job-errors';
import type { ErrorGroupsPage, JobDetail, JobsPage } from './types/jobs';

export async function jobsForRequest(clusterId: string, search: URLSearchParams): Promise<JobsPage | Response> {
  const cluster = await resolveCluster(clusterId);
  const parsed = parseJobsQuery(search);
  if (!parsed.success) throw new ApiError('bad_request', firstIssue(parsed.error));
  const filter = parsed.data;
  const exporting = search.has('format');
  // An export is the whole filter (bounded), not the page: no cursor, up to EXPORT_MAX_ROWS rows.
  // A page (not an export) survives an outage as its last answer, per filter (the query string, sorted).
  const key = `jobs?${[...search].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('&')}`;
  const page = exporting ? await listJobs(cluster, { ...filter, cursor: undefined }, { maxRows: EXPORT_MAX_ROWS, count: false }) : await withLastKnown(cluster.id, key, () => listJobs(cluster, filter));
  if (!exporting) return page;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const name = `jobs-${cluster.id.replace(/[^\w-]/g, '_')}-${stamp}`;
  const truncated = page.next_cursor !== null ? 'true' : 'false';
  if (filter.format === 'csv') {
    return new Response(jobsCsv(page.jobs), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"`, 'x-truncated': truncated, 'cache-control': 'no-store' },
    });
  }
  const body = { jobs: page.jobs, source: page.source, sql: page.sql, truncated: page.next_cursor !== null, max_rows: EXPORT_MAX_ROWS };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${name}.json"`, 'cache-control': 'no-store' },
  });
}

/** The same filter as the page (cursor, sort and limit do not apply) → failures grouped by error text. */
export async function errorGroupsForRequest(clusterId: string, search: URLSearchParams): Promise<ErrorGroupsPage> {
  const cluster = await resolveCluster(clusterId);
  const parsed = parseJobsQuery(search);
  if (!parsed.success) throw new ApiError('bad_request', firstIssue(parsed.error));
  return listErrorGroups(cluster, parsed.data);
}

function checkJobId(jobId: string): string {
  if (!isInt8Id(jobId)) throw new ApiError('bad_request', `a job id is an INT8: 1 to 19 digits, at most 9223372036854775807, not "${jobId.slice(0, 40)}"`);
  return jobId;
}

export async function jobForRequest(clusterId: string, jobId: string): Promise<JobDetail> {
  const cluster = await resolveCluster(clusterId);
  const id = checkJobId(jobId);
  return withLastKnown(cluster.id, `job ${id}`, () => getJobDetail(cluster, id));
}

/** SHOW JOB with the schedule that created it, and the protected timestamp records it holds (or why they cannot be read). */
export async function getJobDetail(cluster: ClusterConfig, jobId: string): Promise<JobDetail> {
  const detail = await getJob(cluster, jobId);
  const held = await recordsHeldBy(cluster, { jobs: [jobId] });
  const n = held.records.length;
  const protected_timestamp: JobDetail['protected_timestamp'] = held.error
    ? { held: 'unknown', note: held.error.message, records: [] }
    : {
        held: n > 0,
        records: held.records,
        note: n > 0 ? `holds ${n} protected timestamp record${n === 1 ? '' : 's'} (system.protected_ts_records): garbage collection of ${held.records[0].target.text} waits for ${n === 1 ? 'it' : 'them'}` : 'holds no protected timestamp record (system.protected_ts_records)',
      };
  return { ...detail, protected_timestamp };
}

/** POST …/jobs/{id}/{action}: same origin, signed in, an operator (lib/api/control-access.ts); audited. */
export async function controlForRequest(req: Request, clusterId: string, jobId: string, action: string): Promise<ControlOutcome> {
  const caller = await controlCaller(req);
  const cluster = await resolveCluster(clusterId);
  if (!(JOB_ACTIONS as readonly string[]).includes(action)) throw new ApiError('not_found', `no job action "${action.slice(0, 20)}" (pause, resume, cancel)`);
  const id = checkJobId(jobId);
  const statement = controlStatement(action as JobAction, id);
  return runAudited(caller, { kind: 'job_control', cluster: cluster.id, statement }, () => controlJob(cluster, id, action as JobAction), (o) => `${o.command}; the job is now ${o.status ?? 'unknown'}`);
}
