import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute } from '@/app/api/v1/clusters/[cluster]/schedules/route';
import { GET as oneRoute } from '@/app/api/v1/clusters/[cluster]/schedules/[id]/route';
import { POST as controlRoute } from '@/app/api/v1/clusters/[cluster]/schedules/[id]/[action]/route';
import type { ClusterConfig } from '@/lib/config';
import { startDemoCluster, type DemoCluster } from '@/lib/demo/cluster';
import type { CrdbVersion } from '@/lib/demo/types';
import { historyStore } from '@/lib/history/store-holder';
import type { ScheduleDetail, ScheduleGroup, SchedulesPage } from '@/lib/api/types/schedules';
import { listSchedules } from '@/lib/api/schedules';
import { configureDashboardFor, query, START_MS, startFrozen } from './demo-helpers';

/** The schedules routes, called as Next calls them, against a frozen demo cluster (seed 11, 2026-11-25T20:07Z). */
const CLUSTER = 'schedapi';
let demo: DemoCluster;
beforeAll(async () => {
  demo = await startFrozen({ version: '24.3' });
  configureDashboardFor(demo, CLUSTER);
  // Re-scrape at most every second, so the metric sees a node restart within the test.
  process.env.SCRAPE_INTERVAL = '1s';
  process.env.SCRAPE_TIMEOUT = '1s';
  process.env.HISTORY_DB = path.join(mkdtempSync(path.join(tmpdir(), 'sched-hist-')), 'h.sqlite');
});
afterAll(() => demo?.stop());

const ctx = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
const list = (cluster = CLUSTER) => listRoute(new Request(`http://x/api/v1/clusters/${cluster}/schedules`), ctx({ cluster }));
const one = (id: string) => oneRoute(new Request('http://x'), ctx({ cluster: CLUSTER, id }));
// A same-origin POST to a dashboard on loopback (AUTH_MODE=none allows control only there).
const control = (id: string, action: string) => controlRoute(new Request('http://127.0.0.1:3000/x', { method: 'POST', headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' } }), ctx({ cluster: CLUSTER, id, action }));
const page = async () => {
  const res = await list();
  expect(res.status).toBe(200);
  return (await res.json()) as SchedulesPage;
};
const groupOf = (p: SchedulesPage, label: string) => p.groups.find((g) => g.label === label) as ScheduleGroup;

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}

describe('GET /api/v1/clusters/{c}/schedules', () => {
  it('lists every schedule with the contract fields, ids as strings, credentials redacted', async () => {
    const p = await page();
    expect(p.cluster).toBe(CLUSTER);
    // The cluster's clock, not the dashboard's: the demo's is frozen at the start.
    expect(p.generated_at).toBe(new Date(START_MS).toISOString());
    expect(p.schedules).toHaveLength(7);
    for (const s of p.schedules) {
      expect(s.id).toMatch(/^\d{1,19}$/);
      expect(Object.keys(s).sort()).toEqual(
        [
          'id', 'label', 'schedule_status', 'next_run', 'state', 'recurrence', 'recurrence_text', 'jobsrunning', 'owner', 'created', 'on_previous_running',
          'on_execution_failure', 'command', 'backup_type', 'collection', 'paired_with', 'last_success', 'last_failure', 'freshness', 'runs',
        ].sort(),
      );
      expect(s.runs.length).toBeLessThanOrEqual(20);
      const created = s.runs.map((r) => r.created ?? '');
      expect(created).toEqual([...created].sort().reverse());
    }
    const dr = p.schedules.filter((s) => s.label === 'cluster_dr');
    const inc = dr.find((s) => s.backup_type === 'INCREMENTAL');
    const full = dr.find((s) => s.backup_type === 'FULL');
    expect(inc).toMatchObject({ recurrence: '@hourly', recurrence_text: 'every hour at :00', paired_with: full?.id, on_previous_running: 'WAIT', on_execution_failure: 'RETRY_SCHED' });
    expect(inc?.command).toMatch(/^BACKUP INTO LATEST IN 's3:\/\/.*AWS_SECRET_ACCESS_KEY=redacted' WITH revision_history, detached$/);
    expect(inc?.collection).toBe('s3://acme-crdb-backups/prod/cluster?AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE&AWS_SECRET_ACCESS_KEY=redacted');
    expect(inc?.freshness).toMatchObject({ status: 'ok', expected_interval_s: 3_600, paused: false });
    expect(full?.paired_with).toBe(inc?.id);
    // The runs statement is one for all schedules (no N+1), with its bounds written in.
    expect(p.sql).toHaveLength(3);
    expect(p.sql[2]).toMatch(/created_by_type = 'crdb_schedule'/);
  });

  it('puts the forgotten pause first: payroll_weekly, stale and paused', async () => {
    const p = await page();
    expect(p.groups[0]).toMatchObject({ label: 'payroll_weekly', problems: ['stale', 'paused'] });
    expect(p.groups[0].freshness).toMatchObject({ status: 'stale', paused: true, expected_interval_s: 86_400 });
    expect(p.groups[0].freshness.reason).toMatch(/PAUSED/);
    // Full first in a pair; the lone FULL BACKUP ALWAYS schedule is its own group.
    const payrollFull = p.schedules.find((s) => s.label === 'payroll_weekly' && s.backup_type === 'FULL');
    expect(p.groups[0].schedule_ids[0]).toBe(payrollFull?.id);
    expect(groupOf(p, 'rides_snapshot').schedule_ids).toHaveLength(1);
    const healthyAfterProblems = p.groups.findIndex((g) => g.problems.length === 0);
    expect(p.groups.slice(healthyAfterProblems).every((g) => g.problems.length === 0)).toBe(true);
  });

  it('matches last success and failing against the jobs in SQL', async () => {
    const p = await page();
    for (const s of p.schedules) {
      const { rows } = await query<{ finished: string | null }>(
        demo.sqlUrl,
        `SELECT max(finished)::STRING AS finished FROM crdb_internal.jobs WHERE status = 'succeeded' AND job_id IN (SELECT id FROM system.jobs WHERE created_by_type = 'crdb_schedule' AND created_by_id = $1::INT8)`,
        [s.id],
      );
      expect(s.last_success === null ? null : Date.parse(s.last_success)).toBe(rows[0].finished === null ? null : Date.parse(rows[0].finished));
    }
  });

  it('shows the cluster metric beside it, and says when they disagree', async () => {
    const p = await page();
    expect(p.metric).not.toBeNull();
    expect(p.metric?.nodes.map((n) => n.node_id)).toEqual([1, 2, 3]);
    expect(p.metric?.status).toBe('ok');
    // The metric (fed by cluster_dr) looks fresh while payroll_weekly is stale.
    expect(p.disagreement).toMatch(/payroll_weekly \(stale\)/);
  });

  it('a restarted node reading 0 does not make the metric raise an alarm (max over the window)', async () => {
    const before = (await page()).metric;
    const newest = Math.max(...(before?.nodes ?? []).map((n) => n.value ?? 0));
    const top = before?.nodes.find((n) => n.value === newest)?.node_id as number;
    // What the recorder would have written: every node's value before the restart.
    await historyStore().write(CLUSTER, Date.now() - 60_000, (before?.nodes ?? []).map((n) => ({ node_id: n.node_id, metrics: { schedules_BACKUP_last_completed_time: n.value ?? 0 } })));
    await demo.restartNode(top, 0);
    await new Promise((r) => setTimeout(r, 1_100));
    const after = (await page()).metric;
    expect(after?.nodes.find((n) => n.node_id === top)?.value).toBe(0);
    expect(after?.last_completed).toBe(before?.last_completed);
    expect(after?.status).toBe('ok');
  });

  it('answers 404 for an unknown cluster', async () => {
    expect(await errorOf(await list('nope'))).toMatchObject({ status: 404, code: 'unknown_cluster' });
  });
});

describe('GET /api/v1/clusters/{c}/schedules/{id}', () => {
  it('answers the schedule, its pair, options, its jobs and freshness over time', async () => {
    const p = await page();
    const inc = p.schedules.find((s) => s.label === 'movr_frequent' && s.backup_type === 'INCREMENTAL');
    const res = await one(inc?.id as string);
    expect(res.status).toBe(200);
    const d = (await res.json()) as ScheduleDetail;
    expect(d.schedule.id).toBe(inc?.id);
    expect(d.pair?.id).toBe(inc?.paired_with);
    expect(d.options).toEqual(expect.arrayContaining([{ name: 'detached', value: 'true' }, { name: 'on_execution_failure', value: 'RETRY_SOON' }]));
    expect(d.jobs.length).toBeGreaterThan(20);
    expect(d.jobs.length).toBeLessThanOrEqual(200);
    const created = d.jobs.map((j) => j.created ?? '');
    expect(created).toEqual([...created].sort().reverse());
    const { rows } = await query<{ n: string }>(
      demo.sqlUrl,
      `SELECT count(*) AS n FROM system.jobs WHERE id = ANY($1::INT8[]) AND created_by_type = 'crdb_schedule' AND created_by_id = ANY($2::INT8[])`,
      [d.jobs.map((j) => j.job_id), [d.schedule.id, d.pair?.id]],
    );
    expect(Number(rows[0].n)).toBe(d.jobs.length);
    expect(d.freshness_history.length).toBeGreaterThan(10);
    expect(d.freshness_history.at(-1)?.t).toBe(new Date(START_MS).toISOString());
  });

  it.each([
    ['abc', 400, 'bad_request'],
    ['12345678901234567890', 400, 'bad_request'],
    ['9999999999999999999', 400, 'bad_request'], // 19 digits but beyond INT8
    ['-1', 400, 'bad_request'],
    ['123', 404, 'not_found'],
  ])('%s → %d', async (id, status, code) => {
    const e = await errorOf(await one(id));
    expect(e).toMatchObject({ status, code });
  });
});

describe('POST /api/v1/clusters/{c}/schedules/{id}/{pause|resume}', () => {
  it('403 while ENABLE_JOB_CONTROL is not true', async () => {
    const p = await page();
    expect(await errorOf(await control(p.schedules[0].id, 'pause'))).toMatchObject({ status: 403, code: 'job_control_disabled' });
  });

  it('pausing a schedule, then time passing past twice its interval, makes it stale and sorts it first', async () => {
    process.env.ENABLE_JOB_CONTROL = 'true';
    process.env.HOST = '127.0.0.1';
    try {
      const p = await page();
      const rides = p.schedules.find((s) => s.label === 'rides_snapshot');
      expect(groupOf(p, 'rides_snapshot').problems).toEqual([]);
      expect(await errorOf(await control(rides?.id as string, 'explode'))).toMatchObject({ status: 404 });
      expect(await errorOf(await control('123', 'pause'))).toMatchObject({ status: 404, code: 'not_found' });
      const res = await control(rides?.id as string, 'pause');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ schedule_id: rides?.id, action: 'pause', statement: `PAUSE SCHEDULE ${rides?.id}`, schedule_status: 'PAUSED' });
      // */20 → stale past 2 × 20 min + 10 min grace, whatever job was running when it was paused.
      demo.model.advance(2 * 3_600_000);
      const later = await page();
      expect(groupOf(later, 'rides_snapshot')).toMatchObject({ problems: ['stale', 'paused'], freshness: { status: 'stale', paused: true } });
      expect(later.groups.slice(0, 2).map((g) => g.label).sort()).toEqual(['payroll_weekly', 'rides_snapshot']);
      const resumed = await control(rides?.id as string, 'resume');
      expect(await resumed.json()).toMatchObject({ schedule_status: 'ACTIVE' });
    } finally {
      delete process.env.ENABLE_JOB_CONTROL;
      delete process.env.HOST;
    }
  });
});

describe('a schedule whose backups fail (demo fault: revoked bucket credentials)', () => {
  it('turns failing at once and stale past twice its interval, with the error shown', async () => {
    demo.model.setScheduleFault('movr_frequent', 'failed to write to external storage: gs: 403 Forbidden (injected)');
    try {
      demo.model.advance(3_600_000);
      const p = await page();
      const movr = groupOf(p, 'movr_frequent');
      expect(movr.problems).toEqual(['stale', 'failing']);
      const inc = p.schedules.find((s) => s.label === 'movr_frequent' && s.backup_type === 'INCREMENTAL');
      expect(inc?.last_failure?.error).toContain('403 Forbidden (injected)');
      expect(inc?.runs[0].status).toMatch(/failed|running|pending/);
      // The metric follows cluster_dr only: it stays fresh, and the page says they disagree.
      expect(p.disagreement).toMatch(/movr_frequent \(stale\)/);
    } finally {
      demo.model.setScheduleFault('movr_frequent', null);
    }
  });
});

describe('SQL down', () => {
  it('serves the last answer marked last_known (metric recomputed from the nodes); 503 for what it never read; live again after', async () => {
    const before = await page();
    expect(before.last_known).toBeNull();
    const detailBefore = (await (await one(before.schedules[0].id)).json()) as ScheduleDetail;
    expect(detailBefore.last_known).toBeNull();
    await demo.setSqlFault({ mode: 'refuse' });
    try {
      let stale: SchedulesPage | null = null;
      for (let i = 0; i < 50 && !stale; i++) {
        const p = await page();
        if (p.last_known) stale = p;
        else await new Promise((r) => setTimeout(r, 50));
      }
      if (!stale?.last_known) throw new Error('never served the last answer');
      expect(stale.last_known.error.code).toBe('sql_unavailable');
      expect(Date.parse(stale.last_known.unreachable_since)).toBeGreaterThanOrEqual(Date.parse(stale.last_known.as_of));
      // The verdicts as they were, the cluster metric still there (it comes from the nodes).
      expect(stale.groups.map((g) => [g.label, g.problems])).toEqual(before.groups.map((g) => [g.label, g.problems]));
      expect(stale.metric?.status).toBe(before.metric?.status);
      const detail = (await (await one(before.schedules[0].id)).json()) as ScheduleDetail;
      expect(detail.last_known?.as_of).toBeTruthy();
      expect(detail.schedule.id).toBe(before.schedules[0].id);
      // A schedule never read before has nothing to fall back on: the outage, as a 503.
      const never = await one('999999');
      expect(await errorOf(never)).toMatchObject({ status: 503, code: 'sql_unavailable' });
    } finally {
      await demo.setSqlFault({ mode: 'ok' });
    }
    const after = await page();
    expect(after.last_known).toBeNull();
  });
});

describe.each<CrdbVersion>(['23.2', '24.3', '25.4'])('every emulated version: %s', (version) => {
  it('lists the schedules with freshness, payroll_weekly first', async () => {
    const d = await startDemoCluster({ nodes: 1, seed: 11, speed: 0, startMs: START_MS, version });
    try {
      const cluster: ClusterConfig = { id: `sched-v${version.replace('.', '')}`, name: version, sqlUrl: d.sqlUrl, httpUrls: d.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: false };
      const p = await listSchedules(cluster);
      expect(p.schedules).toHaveLength(7);
      expect(p.groups[0]).toMatchObject({ label: 'payroll_weekly', problems: ['stale', 'paused'] });
      expect(p.schedules.every((s) => s.backup_type === 'FULL' || s.backup_type === 'INCREMENTAL')).toBe(true);
      expect(p.schedules.filter((s) => s.last_success !== null)).toHaveLength(7);
    } finally {
      await d.stop();
    }
  });
});
