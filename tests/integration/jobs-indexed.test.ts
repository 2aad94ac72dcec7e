import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterConfig } from '@/lib/config';
import type { DemoCluster } from '@/lib/demo/cluster';
import type { CrdbVersion } from '@/lib/demo/types';
import { parseJobsQuery, type JobsFilter } from '@/lib/jobs/filter';
import { listJobs } from '@/lib/sql/jobs';
import { buildListQuery, inlineParams, LIST_COLUMNS } from '@/lib/sql/jobs-sql';
import { query, startFrozen } from './demo-helpers';

/**
 * The explorer's index path (ids from system.jobs, rows from crdb_internal.jobs) gives exactly the
 * rows of the plain statement, on a version whose system.jobs has `finished` (26.2) and on one
 * without it (23.2), including windows that end long ago (where rounds run out and it falls back).
 */
function filter(qs: string): JobsFilter {
  const r = parseJobsQuery(new URLSearchParams(qs));
  if (!r.success) throw new Error(r.error.message);
  return r.data;
}

const WINDOWS = ['type=all&from=now-14d&limit=200', 'from=now-3d&to=now-2d&status=succeeded,failed', 'type=all&from=now-13d&to=now-12d&limit=20', 'scheduled=1&from=now-7d&sort=created', 'node=2&type=all&from=now-2d&limit=30'];

describe.each(['26.2', '23.2'] as CrdbVersion[])('on %s', (version) => {
  let demo: DemoCluster;
  let cluster: ClusterConfig;
  beforeAll(async () => {
    demo = await startFrozen({ version, extraJobs: 2_000 });
    cluster = { id: `indexed-${version}-${process.pid}`, name: 'indexed', sqlUrl: demo.sqlUrl, httpUrls: demo.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: false };
  });
  afterAll(() => demo?.stop());

  it.each(WINDOWS)('%s: every page is the plain statement\'s page', async (qs) => {
    let cursor: string | null = null;
    let pages = 0;
    do {
      const f: JobsFilter = cursor ? filter(`${qs}&cursor=${cursor}`) : filter(qs);
      const page = await listJobs(cluster, f);
      const plain = buildListQuery({ filter: f, source: 'crdb_internal.jobs', available: new Set(LIST_COLUMNS.filter((c) => c !== 'execution_errors' || version === '23.2')), fetch: f.limit, internals: true });
      const { rows } = await query<{ job_id: string }>(demo.sqlUrl, inlineParams(plain));
      expect(page.jobs.map((j) => j.job_id)).toEqual(rows.map((r) => String(r.job_id)));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 4);
    expect(pages).toBeGreaterThan(0);
  });

  it('says which statements it ran, and counts as the plain count does', async () => {
    const f = filter('type=all&from=now-14d');
    const page = await listJobs(cluster, f);
    expect(page.sql).toMatch(/^SELECT job_id, .* FROM crdb_internal\.jobs WHERE job_id IN \(/);
    expect(page.sql).toContain('-- job_id list: SELECT id, created FROM system.jobs WHERE status IN (');
    const { rows } = await query<{ n: string }>(demo.sqlUrl, `SELECT count(*) AS n FROM crdb_internal.jobs WHERE (finished IS NULL OR finished >= now() - '14d'::interval) AND job_type NOT IN ('AUTO CREATE STATS', 'AUTO SPAN CONFIG RECONCILIATION', 'AUTO SQL STATS COMPACTION', 'POLL JOBS STATS', 'AUTO SCHEMA TELEMETRY', 'AUTO UPDATE SQL ACTIVITY', 'MVCC STATISTICS UPDATE', 'AUTO CONFIG RUNNER', 'AUTO CONFIG ENV RUNNER', 'AUTO CONFIG TASK')`);
    expect(page.total?.count).toBe(Math.min(Number(rows[0].n), 10_000));
  });
});
