import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterConfig } from '@/lib/config';
import type { DemoCluster } from '@/lib/demo/cluster';
import { ApiError } from '@/lib/errors';
import { parseJobsQuery, type JobsFilter } from '@/lib/jobs/filter';
import { getJobDetail } from '@/lib/api/jobs';
import { getJob, listJobs } from '@/lib/sql/jobs';
import { query, startFrozen } from './demo-helpers';

/** Jobs over pgwire against a frozen demo cluster (26.2, the default version). */
let demo: DemoCluster;
let cluster: ClusterConfig;
beforeAll(async () => {
  demo = await startFrozen();
  cluster = { id: `jobs-${process.pid}`, name: 'jobs test', sqlUrl: demo.sqlUrl, httpUrls: demo.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: false };
});
afterAll(() => demo?.stop());

function filter(qs: string): JobsFilter {
  const r = parseJobsQuery(new URLSearchParams(qs));
  if (!r.success) throw new Error(r.error.message);
  return r.data;
}

const AUTOMATIC = `('AUTO CREATE STATS', 'AUTO SPAN CONFIG RECONCILIATION', 'AUTO SQL STATS COMPACTION', 'POLL JOBS STATS', 'AUTO SCHEMA TELEMETRY', 'AUTO UPDATE SQL ACTIVITY', 'MVCC STATISTICS UPDATE')`;

async function countWhere(where: string): Promise<number> {
  const { rows } = await query<{ n: string }>(demo.sqlUrl, `SELECT count(*) AS n FROM crdb_internal.jobs WHERE ${where}`);
  return Number(rows[0].n);
}

async function until(ok: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached');
}

async function allPages(qs: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const page = await listJobs(cluster, { ...filter(qs), cursor: cursor ? filter(`${qs}&cursor=${cursor}`).cursor : undefined });
    ids.push(...page.jobs.map((j) => j.job_id));
    cursor = page.next_cursor;
    if (!cursor) return ids;
  }
  throw new Error('too many pages');
}

describe('listJobs', () => {
  it('defaults to BACKUP and RESTORE of the last 24 h, newest first, from crdb_internal.jobs', async () => {
    const page = await listJobs(cluster, filter(''));
    expect(page.source).toBe('crdb_internal.jobs');
    expect(page.jobs).toHaveLength(50);
    expect(new Set(page.jobs.map((j) => j.job_type))).toEqual(new Set(['BACKUP', 'RESTORE']));
    const created = page.jobs.map((j) => Date.parse(j.created ?? ''));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(page.jobs.every((j) => /^\d+$/.test(j.job_id) && j.job_id.length >= 16)).toBe(true);
    expect(page.next_cursor).not.toBeNull();
    expect(page.sql).toMatch(/^SELECT job_id, .* FROM crdb_internal\.jobs WHERE .*job_type IN \('BACKUP', 'RESTORE'\)/);
    expect(page.past_retention).toBe(false);
  });

  it('reads [SHOW JOBS] inside 12 h, with the same rows crdb_internal.jobs gives', async () => {
    const show = await allPages('from=now-6h&type=all&limit=200');
    // status=retrying|running|… forces nothing; q=digits keeps SHOW JOBS; compare with a direct count instead.
    const n = await countWhere(`(finished IS NULL OR finished >= now() - '6h'::interval) AND job_type NOT IN ${AUTOMATIC}`);
    expect(show).toHaveLength(n);
    const page = await listJobs(cluster, filter('from=now-6h'));
    expect(page.source).toBe('show_jobs');
    expect(page.sql).toContain('FROM [SHOW JOBS]');
  });

  it('filters by status, coordinator node and scheduled', async () => {
    const failed = await listJobs(cluster, filter('status=failed&from=now-7d&limit=200'));
    expect(failed.jobs.length).toBeGreaterThan(0);
    expect(failed.jobs.every((j) => j.status === 'failed' && j.error)).toBe(true);
    const n2 = await listJobs(cluster, filter('node=2&type=all&from=now-7d&limit=200'));
    expect(n2.jobs.length).toBeGreaterThan(0);
    expect(n2.jobs.every((j) => j.coordinator_id === 2)).toBe(true);
    const paused = await listJobs(cluster, filter('status=paused,pause-requested'));
    expect(paused.jobs.map((j) => [j.job_type, j.status])).toContainEqual(['BACKUP', 'paused']);
    const retried = await listJobs(cluster, filter('retried=1&from=now-14d&limit=200'));
    expect(retried.jobs.length).toBeGreaterThan(0);
    expect(retried.jobs.every((j) => (j.execution_errors ?? []).length > 0)).toBe(true);
    const scheduled = await allPages('scheduled=1&from=now-2d&limit=200');
    const all = await allPages('from=now-2d&limit=200');
    expect(scheduled.length).toBeGreaterThan(0);
    expect(scheduled.length).toBeLessThan(all.length);
  });

  it('pages through a 7-day window visiting every row exactly once, in every sort', async () => {
    const n = await countWhere(`(finished IS NULL OR finished >= now() - '7 days'::interval) AND job_type NOT IN ${AUTOMATIC}`);
    expect(n).toBeGreaterThan(500);
    for (const sort of ['-created', 'finished', '-modified', 'status']) {
      const ids = await allPages(`type=all&from=now-7d&limit=173&sort=${sort}`);
      expect(ids).toHaveLength(n);
      expect(new Set(ids).size).toBe(n);
    }
  });

  it('says when the window reaches past jobs.retention_time', async () => {
    expect((await listJobs(cluster, filter('from=now-30d&limit=1'))).past_retention).toBe(true);
  });

  it('finds a job by id or by description, error or execution_errors text, and a quote in q does no harm', async () => {
    const textOf = (j: { description: string | null; error: string | null; execution_errors: string[] | null }) => [j.description, j.error, ...(j.execution_errors ?? [])].join('\n');
    const [first] = (await listJobs(cluster, filter('limit=1'))).jobs;
    const byId = await listJobs(cluster, filter(`q=${first.job_id}&from=now-14d`));
    expect(byId.jobs.map((j) => j.job_id)).toContain(first.job_id);
    const text = await listJobs(cluster, filter('q=movr&from=now-1d&limit=5'));
    expect(text.jobs.every((j) => /movr/i.test(textOf(j)))).toBe(true);
    for (const q of [`it's`, `'; SELECT 1; --`, `%%`]) {
      const page = await listJobs(cluster, filter(`q=${encodeURIComponent(q)}&from=now-14d`));
      expect(page.jobs).toEqual([]);
    }
    // A backslash is literal too: only texts with one (export errors quote keys like /Table/112/1/"\x8f").
    const slash = await listJobs(cluster, filter(`q=${encodeURIComponent('\\')}&from=now-14d`));
    expect(slash.jobs.every((j) => textOf(j).includes('\\'))).toBe(true);
    // LIKE wildcards are literal: "_" finds only descriptions with an underscore.
    const under = await listJobs(cluster, filter('q=_&from=now-14d&limit=200'));
    expect(under.jobs.length).toBeGreaterThan(0);
    expect(under.jobs.every((j) => textOf(j).includes('_'))).toBe(true);
  });

  it('reports SQL refused as sql_unavailable', async () => {
    await demo.setSqlFault({ mode: 'refuse' });
    // The demo polls its fault setting: wait until the port really refuses.
    await until(async () => (await query(demo.sqlUrl, 'SELECT 1').then(() => false, () => true)));
    try {
      const err = await listJobs({ ...cluster, id: `${cluster.id}-refused` }, filter('')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: 'sql_unavailable', status: 503 });
      expect((err as ApiError).message).toMatch(/while listing jobs: the SQL interface is unreachable/);
      expect((err as ApiError).message).not.toContain(demo.sqlUrl);
    } finally {
      await demo.setSqlFault({ mode: 'ok' });
      await until(async () => (await query(demo.sqlUrl, 'SELECT 1').then(() => true, () => false)));
    }
  });
});

describe('getJob', () => {
  it('returns every SHOW JOB column, the failed job error, and the schedule that created it', async () => {
    const [failed] = (await listJobs(cluster, filter('status=failed&from=now-14d&limit=1'))).jobs;
    const d = await getJob(cluster, failed.job_id);
    expect(d.columns).toEqual(['job_id', 'job_type', 'description', 'statement', 'user_name', 'status', 'running_status', 'created', 'finished', 'modified', 'fraction_completed', 'error', 'coordinator_id', 'trace_id', 'execution_errors']);
    expect(d.job).toMatchObject({ job_id: failed.job_id, status: 'failed', started: null });
    expect(d.job.error).toBe(failed.error);
    expect(d.sql).toBe(`SHOW JOB ${failed.job_id}`);
    // A finished job holds no protected timestamp record (lib/api composes them; tests/integration/protected-timestamps.test.ts).
    expect((await getJobDetail(cluster, failed.job_id)).protected_timestamp).toMatchObject({ held: false, records: [] });
    const scheduled = (await listJobs(cluster, filter('scheduled=1&limit=1'))).jobs[0];
    const s = await getJob(cluster, scheduled.job_id);
    expect(s.schedule).toMatchObject({ id: expect.stringMatching(/^\d+$/), label: expect.any(String) });
    const { rows } = await query<{ created_by_id: string }>(demo.sqlUrl, 'SELECT created_by_id FROM system.jobs WHERE id = $1', [scheduled.job_id]);
    expect(s.schedule?.id).toBe(String(rows[0].created_by_id));
  });

  it('an unknown job is not_found', async () => {
    await expect(getJob(cluster, '9223372036854775807')).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });
});

describe.each(['23.2', '24.3'] as const)('getJob on %s', (version) => {
  let other: DemoCluster;
  let c: ClusterConfig;
  beforeAll(async () => {
    other = await startFrozen({ version });
    c = { ...cluster, id: `jobs-${version}-${process.pid}`, sqlUrl: other.sqlUrl };
  });
  afterAll(() => other?.stop());

  it('returns the version column set; what the version lacks is null', async () => {
    const page = await listJobs(c, filter('from=now-6h&limit=1'));
    expect(page.source).toBe('show_jobs');
    const d = await getJob(c, page.jobs[0].job_id);
    expect(d.columns.includes('started')).toBe(true);
    expect(d.columns.includes('last_run')).toBe(version === '23.2');
    expect(d.columns.includes('num_runs')).toBe(version === '23.2');
    expect(d.job.started).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(Array.isArray(d.job.execution_errors)).toBe(true);
  });
});
