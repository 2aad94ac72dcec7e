import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as eventsRoute } from '@/app/api/v1/clusters/[cluster]/job-events/route';
import type { DemoCluster } from '@/lib/demo/cluster';
import type { JobEvent } from '@/lib/jobs/events';
import { MAX_EVENTS } from '@/lib/api/job-events';
import { configureDashboardFor, query, START_MS, startFrozen } from './demo-helpers';

/** The job-events route, called as Next calls it, against a frozen demo cluster over pgwire. */
const CLUSTER = 'eventsapi';
let demo: DemoCluster;
beforeAll(async () => {
  demo = await startFrozen();
  configureDashboardFor(demo, CLUSTER);
});
afterAll(() => demo?.stop());

interface Answer {
  events: JobEvent[];
  truncated: boolean;
  sql: string | null;
  sql_configured: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();
// Absolute ends: the frozen cluster's now() is START_MS, not the wall clock.
const DAY = 86_400_000;
const window = (days: number) => `from=${iso(START_MS - days * DAY)}&to=${iso(START_MS)}`;

const call = (qs: string, cluster = CLUSTER) =>
  eventsRoute(new NextRequest(`http://x/api/v1/clusters/${cluster}/job-events${qs}`), { params: Promise.resolve({ cluster }) });

async function ok(qs: string): Promise<Answer> {
  const res = await call(qs);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Answer;
}

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}

/** Failed/canceled/revert-failed jobs of a type that finished inside the window, straight from the cluster. */
async function endedBadly(type: string, fromMs: number, toMs: number): Promise<string[]> {
  const { rows } = await query<{ job_id: string }>(
    demo.sqlUrl,
    `SELECT job_id FROM crdb_internal.jobs WHERE job_type = $1 AND status IN ('failed', 'canceled', 'revert-failed') AND finished >= $2::TIMESTAMPTZ AND finished <= $3::TIMESTAMPTZ`,
    [type, iso(fromMs), iso(toMs)],
  );
  return rows.map((r) => String(r.job_id)).sort();
}

describe('GET /api/v1/clusters/{c}/job-events', () => {
  it('answers the window’s starts, successes and failures, oldest first, with the SQL that ran', async () => {
    const body = await ok(`?type=BACKUP&${window(1)}`);
    expect(body.sql_configured).toBe(true);
    expect(body.truncated).toBe(false);
    expect(body.sql).toMatch(/FROM crdb_internal\.jobs WHERE .*job_type IN \('BACKUP'\)/);
    expect(body.sql).toContain(`status IN ('failed', 'revert-failed', 'canceled')`);
    const kinds = new Set(body.events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['failure', 'start', 'success']);
    for (const e of body.events) {
      expect(e.job_id).toMatch(/^\d{1,19}$/);
      expect(e.job_type).toBe('BACKUP');
      expect(e.t_ms).toBeGreaterThanOrEqual(START_MS - DAY);
      expect(e.t_ms).toBeLessThanOrEqual(START_MS);
    }
    expect(body.events.map((e) => e.t_ms)).toEqual(body.events.map((e) => e.t_ms).sort((a, b) => a - b));
    const failures = body.events.filter((e) => e.kind === 'failure');
    // Every job that ended badly in the window, and nothing else.
    expect(failures.map((e) => e.job_id).sort()).toEqual(await endedBadly('BACKUP', START_MS - DAY, START_MS));
    expect(failures.filter((e) => e.status === 'failed').every((e) => (e.error ?? '').length > 0)).toBe(true);
    expect(body.events.filter((e) => e.kind !== 'failure').every((e) => e.error === null)).toBe(true);
  });

  it('takes the job types from `type`', async () => {
    const body = await ok(`?type=RESTORE&${window(7)}`);
    expect(body.events.length).toBeGreaterThan(0);
    expect(body.events.every((e) => e.job_type === 'RESTORE')).toBe(true);
  });

  it('keeps to the coordinators asked for, one node (in the SQL) or several', async () => {
    const one = await ok(`?type=BACKUP&${window(1)}&node=2`);
    expect(one.sql).toMatch(/coordinator_id = '2'::INT8/);
    expect(one.events.length).toBeGreaterThan(0);
    expect(one.events.every((e) => e.coordinator_id === 2)).toBe(true);
    const two = await ok(`?type=BACKUP&${window(1)}&node=3,1`);
    expect(new Set(two.events.map((e) => e.coordinator_id))).toEqual(new Set([1, 3]));
    const all = await ok(`?type=BACKUP&${window(1)}`);
    expect(one.events.length + two.events.length).toBe(all.events.length);
  });

  it('scheduled=1: only jobs created by a schedule', async () => {
    const body = await ok(`?type=BACKUP&scheduled=1&${window(1)}`);
    expect(body.events.length).toBeGreaterThan(0);
    const ids = [...new Set(body.events.map((e) => e.job_id))];
    const { rows } = await query<{ n: string }>(demo.sqlUrl, `SELECT count(*) AS n FROM system.jobs WHERE created_by_type = 'crdb_schedule' AND id IN (${ids.map((_, i) => `$${i + 1}::INT8`).join(', ')})`, ids);
    expect(Number(rows[0].n)).toBe(ids.length);
  });

  it(`bounds a dense window to ${MAX_EVENTS} events, failures first, and says so`, async () => {
    const body = await ok(`?type=BACKUP&${window(7)}`);
    expect(body.truncated).toBe(true);
    expect(body.events).toHaveLength(MAX_EVENTS);
    const failures = body.events.filter((e) => e.kind === 'failure').map((e) => e.job_id).sort();
    const expected = await endedBadly('BACKUP', START_MS - 7 * DAY, START_MS);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(MAX_EVENTS);
    expect(failures).toEqual(expected);
  });

  it.each([
    ['?type=bad!', /type must be job types/],
    ['?from=yesterday', /from must be/],
    ['?from=now&to=now-1h', /must be before to/],
    ['?node=x', /node must be node ids/],
    ['?node=1,,2', /node must be node ids/],
    ['?scheduled=maybe', /scheduled/],
  ])('400 for %s', async (qs, message) => {
    const e = await errorOf(await call(qs));
    expect(e).toMatchObject({ status: 400, code: 'bad_request' });
    expect(e.message).toMatch(message);
  });

  it('404 for an unknown cluster', async () => {
    expect(await errorOf(await call('', 'nope'))).toMatchObject({ status: 404, code: 'unknown_cluster' });
  });

  it('503 sql_unavailable when the SQL interface refuses, through the control API', async () => {
    const control = (mode: string) => fetch(`${demo.controlUrl}/sql/fault`, { method: 'POST', body: JSON.stringify({ mode }) });
    expect((await control('refuse')).status).toBe(200);
    try {
      // A pooled connection may still be open: the first call can get through on it.
      for (let i = 0; i < 50; i++) {
        const res = await call(`?${window(1)}`);
        if (res.status === 503) {
          const e = await errorOf(res);
          expect(e.code).toBe('sql_unavailable');
          expect(e.message).not.toMatch(/postgres(ql)?:\/\//);
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('never 503');
    } finally {
      await control('ok');
    }
  });
});
