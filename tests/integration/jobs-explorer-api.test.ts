import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute } from '@/app/api/v1/clusters/[cluster]/jobs/route';
import { GET as errorsRoute } from '@/app/api/v1/clusters/[cluster]/jobs/errors/route';
import type { DemoCluster } from '@/lib/demo/cluster';
import type { ErrorGroupsPage, JobsPage } from '@/lib/api/types/jobs';
import { configureDashboardFor, query, startFrozen } from './demo-helpers';

/** Issue 18 point 6: text search over errors, totals, failure groups, the schedule column, paging back. */
const CLUSTER = 'explorer18';
let demo: DemoCluster;
beforeAll(async () => {
  demo = await startFrozen({ version: '25.4' });
  configureDashboardFor(demo, CLUSTER);
});
afterAll(() => demo?.stop());

const ctx = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
const get = async <T>(route: typeof listRoute, path: string, qs: string): Promise<T> => {
  const res = await route(new NextRequest(`http://x/api/v1/clusters/${CLUSTER}/${path}${qs}`), ctx({ cluster: CLUSTER }));
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};
const page = (qs: string) => get<JobsPage>(listRoute, 'jobs', qs);
const groups = (qs: string) => get<ErrorGroupsPage>(errorsRoute, 'jobs/errors', qs);

describe('jobs explorer API (issue 18)', () => {
  it('q finds jobs by their error text, and the total says how many match', async () => {
    // The truth, straight from the cluster over pgwire.
    const want = await query<{ n: string }>(
      demo.sqlUrl,
      `SELECT count(*) AS n FROM crdb_internal.jobs WHERE job_type IN ('BACKUP', 'RESTORE') AND error ILIKE '%AccessDenied%' AND (finished IS NULL OR finished >= now() - '7 days'::INTERVAL)`,
    );
    const n = Number(want.rows[0].n);
    expect(n).toBeGreaterThan(5);
    const p = await page('?q=AccessDenied&from=now-7d&limit=5');
    expect(p.jobs).toHaveLength(5);
    expect(p.jobs.every((j) => /AccessDenied/.test(j.error ?? ''))).toBe(true);
    expect(p.total).toEqual({ count: n, capped: false, cap: 10_000 });
    expect(p.sql).toMatch(/error ILIKE/);
  });

  it('q also searches execution_errors (retryable errors of jobs that went on)', async () => {
    const p = await page('?q=node%20unavailable&from=now-7d&limit=50');
    expect(p.jobs.length).toBeGreaterThan(0);
    expect(p.jobs.every((j) => /node unavailable/.test([j.description, j.error, ...(j.execution_errors ?? [])].join(' ')))).toBe(true);
  });

  it('groups failures by error text with counts that add up, each with a q that finds it', async () => {
    const g = await groups('?from=now-7d');
    expect(g.statuses).toEqual(['failed', 'revert-failed']);
    expect(g.groups.length).toBeGreaterThan(1);
    const failed = await page('?status=failed,revert-failed&from=now-7d&limit=1');
    expect(g.groups.reduce((a, x) => a + x.count, 0)).toBe(failed.total?.count);
    const top = g.groups[0];
    expect(top.count).toBeGreaterThanOrEqual(g.groups[1].count);
    const found = await page(`?status=failed,revert-failed&from=now-7d&q=${encodeURIComponent(top.q)}&limit=1`);
    expect(found.total?.count).toBeGreaterThanOrEqual(top.count);
  });

  it('names the schedule that created each job (system.jobs created_by_*)', async () => {
    const p = await page('?type=BACKUP&from=now-1d&limit=50&scheduled=1');
    expect(p.jobs.length).toBeGreaterThan(0);
    expect(p.jobs.every((j) => j.created_by_type === 'crdb_schedule' && /^\d+$/.test(j.created_by_id ?? '') && (j.schedule_label ?? '').length > 0)).toBe(true);
    const sched = await query<{ id: string; label: string }>(demo.sqlUrl, 'SELECT id::STRING AS id, label FROM [SHOW SCHEDULES]');
    const labelOf = new Map(sched.rows.map((r) => [r.id, r.label]));
    for (const j of p.jobs) expect(j.schedule_label).toBe(labelOf.get(j.created_by_id as string));
  });

  it('a pasted page-2 link can go back: prev_cursor gives page 1 again', async () => {
    const p1 = await page('?from=now-3d&limit=7');
    expect(p1.prev_cursor).toBeNull();
    const p2 = await page(`?from=now-3d&limit=7&cursor=${p1.next_cursor}`);
    expect(p2.prev_cursor).not.toBeNull();
    const back = await page(`?from=now-3d&limit=7&cursor=${p2.prev_cursor}`);
    expect(back.jobs.map((j) => j.job_id)).toEqual(p1.jobs.map((j) => j.job_id));
    expect(back.prev_cursor).toBeNull();
    expect(back.next_cursor).not.toBeNull();
    const again = await page(`?from=now-3d&limit=7&cursor=${back.next_cursor}`);
    expect(again.jobs.map((j) => j.job_id)).toEqual(p2.jobs.map((j) => j.job_id));
  });
});
