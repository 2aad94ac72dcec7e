/**
 * The day-one backfill against demo clusters over real HTTP (their nodes serve /ts/query from the
 * model's simulated past): a fresh store gets ten days, the values are what /_status/vars served
 * at those moments, a node that was down stays a gap, every supported version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackfillStatus } from '@/lib/api/types/history';
import { CATALOG } from '@/lib/catalog';
import { sessionCookie } from '@/lib/config';
import type { DemoCluster } from '@/lib/demo/cluster';
import { atLeast, CRDB_VERSIONS } from '@/lib/demo/types';
import { SqliteStore } from '@/lib/history/sqlite-store';
import { backfillCluster } from '@/lib/history/ts-backfill';
import { TsClient } from '@/lib/history/ts-client';
import { scrape, startFrozen, valueOf } from './demo-helpers';

const DAY = 86_400_000;
const H = 3_600_000;

function backfill(demo: DemoCluster, store: SqliteStore, backfillMs = 10 * DAY) {
  return backfillCluster({ store, cluster: 'demo', client: new TsClient({ urls: demo.nodeUrls }), nodeIds: [1, 2, 3], backfillMs, toleranceMs: 120_000, nowMs: demo.model.now().getTime(), report: () => undefined });
}

describe('backfill from a demo cluster', () => {
  let demo: DemoCluster;
  const store = new SqliteStore(':memory:');
  /** moment → node → exported → value, as /_status/vars served it. */
  const served = new Map<number, Map<number, Map<string, number>>>();
  let down = { from: 0, to: 0 };

  beforeAll(async () => {
    demo = await startFrozen();
    const now = () => demo.model.now().getTime();
    for (let k = 1; k <= 12; k++) {
      demo.model.advance(600_000);
      const byNode = new Map<number, Map<string, number>>();
      for (const [i, url] of demo.nodeUrls.entries()) {
        if (k > 6 && k <= 9 && i === 2) continue;
        const exp = await scrape(url);
        byNode.set(i + 1, new Map(CATALOG.flatMap((m) => { const v = valueOf(exp, m.exported); return v === undefined ? [] : [[m.exported, v] as const]; })));
      }
      served.set(now(), byNode);
      if (k === 6) {
        await demo.setNodeFault(3, { mode: 'down' });
        down = { from: now(), to: 0 };
      }
      if (k === 9) {
        await demo.setNodeFault(3, { mode: 'ok' });
        down.to = now();
      }
    }
    demo.model.advance(20_000);
  });
  afterAll(() => demo?.stop());

  it('a fresh store gets ten days: the 7 d panels are full and the values are what /_status/vars served', async () => {
    const s = await backfill(demo, store);
    expect(s.error).toBeNull();
    expect(s.state).toBe('done');
    expect(s.written_points).toBeGreaterThan(5_000_000);
    const now = demo.model.now().getTime();
    for (const node of [1, 2]) {
      const week = await store.range({ cluster: 'demo', metric: 'jobs_backup_currently_running', nodes: [node], fromMs: now - 7 * DAY, toMs: now - H, stepS: 3600, fn: 'raw' });
      expect(new Set(week[0]?.points.map(([t]) => Math.floor(t / H))).size).toBe(Math.floor((now - H - 1) / H) - Math.floor((now - 7 * DAY) / H) + 1);
    }
    let compared = 0;
    for (const [t, nodes] of served) {
      for (const [node, values] of nodes) {
        for (const [metric, v] of values) {
          const at = await store.range({ cluster: 'demo', metric, nodes: [node], fromMs: t, toMs: t + 10_000, stepS: 10, fn: 'raw' });
          expect({ metric, node, t, v: at[0]?.points[0]?.[1] }).toEqual({ metric, node, t, v });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 240_000);

  it('the node that was down is a gap in the store, its neighbours are not', async () => {
    const n3 = await store.range({ cluster: 'demo', metric: 'schedules_BACKUP_started', nodes: [3], fromMs: down.from - H, toMs: down.to + H, stepS: 60, fn: 'raw' });
    const ts = n3[0]?.points.map(([t]) => t) ?? [];
    // The minute the fault began may hold its last sample; after that, nothing until it serves again.
    expect(ts.some((t) => t >= down.from + 60_000 && t < down.to)).toBe(false);
    expect(ts.some((t) => t < down.from)).toBe(true);
    expect(ts.some((t) => t >= down.to)).toBe(true);
    const n1 = await store.range({ cluster: 'demo', metric: 'schedules_BACKUP_started', nodes: [1], fromMs: down.from + 60_000, toMs: down.to, stepS: 60, fn: 'raw' });
    expect(n1[0]?.points.length).toBeGreaterThan(0);
  });

  it('a second run finds nothing missing', async () => {
    const s = await backfill(demo, store);
    expect(s.state).toBe('done');
    expect(s.total_points).toBe(0);
  }, 60_000);
});

describe.each(CRDB_VERSIONS)('backfill from a v%s demo cluster', (version) => {
  let demo: DemoCluster;
  beforeAll(async () => {
    demo = await startFrozen({ version });
  });
  afterAll(() => demo?.stop());

  it('fills a day of every metric the version exports', async () => {
    const store = new SqliteStore(':memory:');
    const s = await backfill(demo, store, DAY);
    expect(s.error).toBeNull();
    expect(s.state).toBe('done');
    const now = demo.model.now().getTime();
    const has = async (metric: string) => (await store.range({ cluster: 'demo', metric, nodes: null, fromMs: now - DAY, toMs: now, stepS: 3600, fn: 'raw' })).length > 0;
    expect(await has('schedules_BACKUP_started')).toBe(true);
    expect(await has('jobs_backup_currently_running')).toBe(true);
    // Gone from 25.4 on: no series, so nothing written (absent, not 0).
    expect(await has('jobs_backup_fail_or_cancel_failed')).toBe(!atLeast(version, '25.4'));
  }, 60_000);
});

describe('backfill from a secure demo cluster', () => {
  const PASSWORD = 'console-pw-s3cret';
  let demo: DemoCluster;
  beforeAll(async () => {
    demo = await startFrozen({ console: { users: { monitor: PASSWORD } } });
  });
  afterAll(() => demo?.stop());
  const run = (client: TsClient, report: (s: BackfillStatus) => void = () => undefined) =>
    backfillCluster({ store: new SqliteStore(':memory:'), cluster: 'demo', client, nodeIds: [1, 2, 3], backfillMs: 6 * H, toleranceMs: 120_000, nowMs: demo.model.now().getTime(), report });

  it('refuses without a login, saying what to set', async () => {
    const s = await run(new TsClient({ urls: demo.nodeUrls }));
    expect(s.state).toBe('failed');
    expect(s.error?.code).toBe('ts_auth');
    expect(s.error?.message).toContain('CRDB_CONSOLE_USER and CRDB_CONSOLE_PASSWORD (or CRDB_CONSOLE_COOKIE)');
  });

  it('works with a user and password, signing in again once the sessions expire', async () => {
    let expired = 0;
    const s = await run(new TsClient({ urls: demo.nodeUrls, auth: { user: 'monitor', password: PASSWORD, cookie: null } }), (st) => {
      if (expired === 0 && st.done_points > 0) expired = demo.consoleSessions?.expireAll() ?? -1;
    });
    expect(expired).toBeGreaterThan(0);
    expect(s.error).toBeNull();
    expect(s.state).toBe('done');
    expect(s.written_points).toBeGreaterThan(0);
    expect(JSON.stringify(s)).not.toContain(PASSWORD);
  });

  it('works with the cookie `cockroach auth-session login --only-cookie` prints', async () => {
    const cookie = demo.consoleSessions?.mint('monitor') ?? '';
    const s = await run(new TsClient({ urls: demo.nodeUrls, auth: { user: null, password: null, cookie: sessionCookie(cookie) } }));
    expect(s.error).toBeNull();
    expect(s.state).toBe('done');
  });

  it('a wrong password fails without showing it', async () => {
    const s = await run(new TsClient({ urls: demo.nodeUrls, auth: { user: 'monitor', password: 'not-the-pw-42', cookie: null } }));
    expect(s.state).toBe('failed');
    expect(s.error?.code).toBe('ts_auth');
    expect(JSON.stringify(s)).not.toContain('not-the-pw-42');
  });
});
