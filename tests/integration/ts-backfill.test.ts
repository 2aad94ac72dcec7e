/**
 * The backfill engine against a served /ts/query fixture shaped as reference §g describes the real
 * gateway (tests/integration/helpers/ts-fixture.ts), over real HTTP into a real SQLite store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BackfillStatus } from '@/lib/api/types/history';
import { aggregateMetrics } from '@/lib/scrape/scrape-cluster';
import { SqliteStore } from '@/lib/history/sqlite-store';
import { backfillCluster, type BackfillOptions } from '@/lib/history/ts-backfill';
import { TsClient } from '@/lib/history/ts-client';
import { startTsFixture, type TsFixture, type ValueFn } from './helpers/ts-fixture';

const NOW = Date.parse('2026-11-25T20:07:00Z');
const DAY = 86_400_000;
const H = 3_600_000;
const STARTED = 'cr.node.schedules.BACKUP.started';
const RUNNING = 'cr.node.jobs.backup.currently_running';
/** Node 2 restarts here: its counter begins again at 0. */
const RESET = NOW - 3 * DAY - 1234 * 10_000;
/** Node 3 recorded nothing in this stretch (it was down). */
const GAP = { fromMs: NOW - 3 * DAY, toMs: NOW - 2 * DAY };

/** A counter that grows by one every 10 s (per node offset), a gauge cycling 0..2 every 10 min. */
const VALUE: ValueFn = (series, node, t) => {
  if (node === 3 && t >= GAP.fromMs && t < GAP.toMs) return null;
  if (series === STARTED) return node === 2 && t >= RESET ? Math.floor((t - RESET) / 10_000) : Math.floor((t - (NOW - 20 * DAY)) / 10_000) + node * 1000;
  if (series === RUNNING) return Math.floor(t / 600_000) % 3;
  return null;
};

const fixtures: TsFixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.close()));
});

async function fixture(o: Partial<Parameters<typeof startTsFixture>[0]> = {}) {
  const f = await startTsFixture({ value: VALUE, now: () => NOW, ...o });
  fixtures.push(f);
  return f;
}

function run(store: SqliteStore, client: TsClient, o: Partial<BackfillOptions> = {}): Promise<BackfillStatus> {
  return backfillCluster({ store, cluster: 'c1', client, nodeIds: [1, 2, 3], backfillMs: 10 * DAY, toleranceMs: 120_000, nowMs: NOW, maxPointsPerWindow: 60_000, maxPointsPerRequest: 20_000, report: () => undefined, ...o });
}

/** The counter's true reset-aware growth over [from, to), from the served 10 s values (the oracle). */
function trueIncrease(node: number, from: number, to: number, storedBefore = true): number {
  let inc = 0;
  let prev = storedBefore ? VALUE(STARTED, node, from - 10_000) : null;
  for (let t = from; t < to; t += 10_000) {
    const v = VALUE(STARTED, node, t);
    if (v === null) continue;
    if (prev !== null) inc += v >= prev ? v - prev : v;
    prev = v;
  }
  return inc;
}

async function increaseOf(store: SqliteStore, node: number, from: number, to: number): Promise<number> {
  const s = await store.range({ cluster: 'c1', metric: 'schedules_BACKUP_started', nodes: [node], fromMs: from, toMs: to, stepS: 3600, fn: 'increase' });
  return (s[0]?.points ?? []).reduce((n, [, v]) => n + v, 0);
}

describe('backfill from /ts/query', () => {
  it('fills ten days on a fresh store: values as served, 7 d panels full, resets kept, a gap stays a gap', async () => {
    const f = await fixture({ delayMs: 5 });
    const store = new SqliteStore(':memory:');
    const s = await run(store, new TsClient({ urls: [f.url] }));
    expect(s.state).toBe('done');
    expect(s.error).toBeNull();
    expect(s.done_points).toBe(s.total_points);
    expect(f.maxInFlight).toBeGreaterThan(1);
    expect(f.maxInFlight).toBeLessThanOrEqual(4);
    // Every hour of the last 7 days has node 1's counter.
    const week = await store.range({ cluster: 'c1', metric: 'schedules_BACKUP_started', nodes: [1], fromMs: NOW - 7 * DAY, toMs: NOW - H, stepS: 3600, fn: 'raw' });
    expect(new Set(week[0]?.points.map(([t]) => Math.floor(t / H))).size).toBe(Math.floor((NOW - H - 1) / H) - Math.floor((NOW - 7 * DAY) / H) + 1);
    // Values equal what was served, at 10 s resolution.
    for (const t of [NOW - 9 * DAY + 70_000, NOW - DAY, NOW - 60_000]) {
      const at = await store.range({ cluster: 'c1', metric: 'jobs_backup_currently_running', nodes: [2], fromMs: t, toMs: t + 10_000, stepS: 10, fn: 'raw' });
      expect(at[0]?.points).toEqual([[t, VALUE(RUNNING, 2, t)]]);
    }
    // Increases over many window boundaries and across node 2's restart equal the true growth.
    for (const node of [1, 2]) expect(await increaseOf(store, node, NOW - 9 * DAY, NOW - H)).toBe(trueIncrease(node, NOW - 9 * DAY, NOW - H));
    // Node 3's stretch without data is a gap, its neighbours are not.
    const n3 = await store.range({ cluster: 'c1', metric: 'schedules_BACKUP_started', nodes: [3], fromMs: GAP.fromMs - H, toMs: GAP.toMs + H, stepS: 60, fn: 'raw' });
    const hours = n3[0]?.points.map(([t]) => t) ?? [];
    expect(hours.some((t) => t >= GAP.fromMs && t < GAP.toMs)).toBe(false);
    expect(hours.filter((t) => t < GAP.fromMs).length).toBeGreaterThan(0);
    expect(hours.filter((t) => t >= GAP.toMs).length).toBeGreaterThan(0);
    expect(store.backfilledSpans('c1')).toEqual([{ fromMs: NOW - 10_000 - 10 * DAY, toMs: NOW - 10_000 }]);
    // A second start finds nothing missing and asks nothing.
    const before = f.requests;
    expect((await run(store, new TsClient({ urls: [f.url] }))).total_points).toBe(0);
    expect(f.requests).toBe(before);
  });

  it('fills the stretch the dashboard was down without a false reset or double growth at either seam', async () => {
    const f = await fixture();
    const store = new SqliteStore(':memory:');
    // Recorded before the outage and after it (node 2's restart falls inside the outage).
    const down = { fromMs: RESET - 2 * H, toMs: RESET + 2 * H };
    const record = async (from: number, to: number) => {
      for (let t = from; t < to; t += 10_000) {
        const nodes = [1, 2, 3].map((n) => ({ node_id: n, metrics: { schedules_BACKUP_started: VALUE(STARTED, n, t) as number } }));
        await store.write('c1', t, nodes, aggregateMetrics(nodes.map((n) => n.metrics)));
      }
    };
    await record(down.fromMs - H, down.fromMs);
    await record(down.toMs, down.toMs + H);
    const s = await run(store, new TsClient({ urls: [f.url] }), { backfillMs: NOW - (down.fromMs - H) + 10_000 });
    expect(s.state).toBe('done');
    // Only the outage (and the stretch after the second recording) was asked for, not the recorded hours.
    expect(store.backfilledSpans('c1').some((sp) => sp.fromMs < down.fromMs - 60_000)).toBe(false);
    for (const node of [1, 2]) expect(await increaseOf(store, node, down.fromMs - H, down.toMs + H)).toBe(trueIncrease(node, down.fromMs - H, down.toMs + H, false));
  });

  it('an interrupted backfill resumes where it stopped, fetching nothing twice', async () => {
    const f = await fixture();
    const store = new SqliteStore(':memory:');
    const ctl = new AbortController();
    const first = await run(store, new TsClient({ urls: [f.url] }), { report: (s) => s.done_points > 0 && ctl.abort(), signal: ctl.signal });
    expect(first.state).toBe('idle');
    expect(first.done_points).toBeLessThan(first.total_points);
    const firstServed = f.points;
    const second = await run(store, new TsClient({ urls: [f.url] }));
    expect(second.state).toBe('done');
    expect(second.total_points).toBeLessThan(first.total_points);
    // Every 10 s sample of the ten days is there once.
    const all = await store.range({ cluster: 'c1', metric: 'jobs_backup_currently_running', nodes: [1], fromMs: NOW - 10 * DAY - 10_000, toMs: NOW, stepS: 10, fn: 'raw' });
    expect(all[0]?.points.length).toBe(10 * 8640);
    // What the fixture served in both runs: the whole ten days plus at most the windows in flight when stopped.
    const fresh = await fixture();
    await run(new SqliteStore(':memory:'), new TsClient({ urls: [fresh.url] }));
    expect(f.points - fresh.points).toBeLessThanOrEqual(firstServed);
    expect(f.points - fresh.points).toBeLessThanOrEqual(2 * 60_000);
  });
});

describe('backfill from a secure cluster', () => {
  const secure = { user: 'monitor', password: 'hunter2-secret' };

  it('without a login: failed, saying what to set, and everything already stored stays', async () => {
    const f = await fixture({ secure });
    const s = await run(new SqliteStore(':memory:'), new TsClient({ urls: [f.url] }));
    expect(s.state).toBe('failed');
    expect(s.error?.code).toBe('ts_auth');
    expect(s.error?.message).toMatch(/needs a DB Console login: set CRDB_CONSOLE_USER and CRDB_CONSOLE_PASSWORD \(or CRDB_CONSOLE_COOKIE\)/);
  });

  it('a wrong password fails without showing it', async () => {
    const f = await fixture({ secure });
    const s = await run(new SqliteStore(':memory:'), new TsClient({ urls: [f.url], auth: { user: 'monitor', password: 'wrong-pass-123', cookie: null } }));
    expect(s.state).toBe('failed');
    expect(JSON.stringify(s)).not.toContain('wrong-pass-123');
    expect(s.error?.message).toContain('monitor');
  });

  it('signs in with a user and password, and again once when the session expires', async () => {
    const f = await fixture({ secure });
    let expired = false;
    const s = await run(new SqliteStore(':memory:'), new TsClient({ urls: [f.url], auth: { ...secure, cookie: null } }), {
      report: (st) => {
        if (!expired && st.done_points > 0) {
          expired = true;
          f.expireSessions();
        }
      },
    });
    expect(s.state).toBe('done');
    expect(expired).toBe(true);
    expect(f.logins).toBe(2);
    expect(JSON.stringify(s)).not.toContain(secure.password);
  });

  it('works with a session cookie, never signing in', async () => {
    const f = await fixture({ secure });
    const s = await run(new SqliteStore(':memory:'), new TsClient({ urls: [f.url], auth: { user: null, password: null, cookie: f.mintCookie() } }), { backfillMs: DAY });
    expect(s.state).toBe('done');
    expect(s.written_points).toBeGreaterThan(0);
    expect(f.logins).toBe(0);
  });
});
