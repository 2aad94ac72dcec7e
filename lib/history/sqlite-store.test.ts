import { rmSync } from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';
import type { RangeSpec } from './types';

const T0 = Date.parse('2026-11-25T00:00:00Z');
const H = 3_600_000;
let store: SqliteStore;
afterEach(() => store?.close());

function spec(over: Partial<RangeSpec>): RangeSpec {
  return { cluster: 'c', metric: 'm', nodes: null, fromMs: T0, toMs: T0 + H, stepS: 60, fn: 'raw', ...over };
}

/** One sample per node every `everyMs`, value by time. */
async function fill(everyMs: number, spanMs: number, value: (i: number, node: number) => number | undefined, nodes = [1], withAggregate = false) {
  store = new SqliteStore(':memory:');
  for (let i = 0, t = T0; t < T0 + spanMs; i++, t += everyMs) {
    const samples = nodes.flatMap((n) => {
      const v = value(i, n);
      return v === undefined ? [] : [{ node_id: n, metrics: { m: v } }];
    });
    const sum = samples.reduce((a, x) => a + x.metrics.m, 0);
    await store.write('c', t, samples, withAggregate && samples.length > 0 ? { m: sum } : undefined);
  }
}

/** The store copied to a file, `sql` run on the copy (an older schema), and the copy opened as the store. */
async function reopenedAfter(name: string, sql: string): Promise<string> {
  const file = `${os.tmpdir()}/history-${name}-${process.pid}.sqlite`;
  await store.backupTo(file);
  store.close();
  const old = new Database(file);
  old.exec(sql);
  old.close();
  store = new SqliteStore(file);
  return file;
}

describe('raw downsampling', () => {
  it('stays within the point bound and keeps a single-sample spike', async () => {
    // 24 h every 10 s = 8,640 samples; one sample of 1,000 among values of 1 and 2.
    await fill(10_000, 24 * H, (i) => (i === 5_000 ? 1_000 : 1 + (i % 2)));
    const [s] = await store.range(spec({ toMs: T0 + 24 * H, stepS: 180 }));
    expect(s.points.length).toBeLessThanOrEqual(1000);
    expect(Math.max(...s.points.map((p) => p[1]))).toBe(1_000);
    expect(Math.min(...s.points.map((p) => p[1]))).toBe(1);
    // On the shared bucket grid: a spike is drawn within its bucket.
    const spike = s.points.find((p) => p[1] === 1_000);
    expect(Math.abs((spike?.[0] ?? 0) - (T0 + 5_000 * 10_000))).toBeLessThan(180_000);
  });

  it('keeps a downward spike too, and one point for a flat bucket', async () => {
    await fill(10_000, H, (i) => (i === 100 ? 0 : 7));
    const [s] = await store.range(spec({ stepS: 60 }));
    expect(s.points.filter((p) => p[1] === 0)).toHaveLength(1);
    expect(s.points).toHaveLength(60 + 1);
  });

  it('a node that was down has a gap, not zeros', async () => {
    await fill(10_000, H, (i, n) => (n === 2 && i >= 120 && i < 240 ? undefined : 5), [1, 2]);
    const [n1, n2] = await store.range(spec({ stepS: 60 }));
    expect(n1.points).toHaveLength(60);
    expect(n2.points).toHaveLength(40);
    expect(n2.points.every((p) => p[1] === 5)).toBe(true);
    const agg = await store.aggregate(spec({ stepS: 60 }), 'sum');
    // Across the nodes that answered: 5 while node 2 was down, never a 0 for it.
    expect(new Set(agg.map((p) => p[1]))).toEqual(new Set([10, 5]));
  });

  it('an empty range is an empty answer', async () => {
    await fill(10_000, H, () => 1);
    expect(await store.range(spec({ fromMs: T0 + 2 * H, toMs: T0 + 3 * H }))).toEqual([]);
    expect(await store.range(spec({ metric: 'other' }))).toEqual([]);
    expect(await store.aggregate(spec({ cluster: 'other' }), 'max')).toEqual([]);
  });

  it('reads only the nodes asked for', async () => {
    await fill(10_000, H, (_i, n) => n, [1, 2, 3]);
    const s = await store.range(spec({ nodes: [1, 3] }));
    expect(s.map((x) => x.node_id)).toEqual([1, 3]);
    expect(await store.aggregate(spec({ nodes: [1, 3] }), 'max')).toEqual(expect.arrayContaining([[T0, 3]]));
  });
});

describe('minute rollups and the stored aggregate', () => {
  it('a whole-minute step (rollup) and a finer one (samples) see the same extremes', async () => {
    await fill(10_000, H, (i) => (i === 77 ? 50 : i % 5));
    const [fine] = await store.range(spec({ stepS: 30 }));
    const [coarse] = await store.range(spec({ stepS: 300 }));
    const ext = (ps: [number, number][]) => [Math.min(...ps.map((p) => p[1])), Math.max(...ps.map((p) => p[1]))];
    expect(ext(coarse.points)).toEqual(ext(fine.points));
    expect(coarse.points.length).toBeLessThan(fine.points.length);
  });

  it('an increase over whole minutes equals the one computed from the samples', async () => {
    await fill(10_000, H, (i) => (i < 200 ? i : i - 200));
    const [fine] = await store.range(spec({ fn: 'increase', stepS: 30 }));
    const [coarse] = await store.range(spec({ fn: 'increase', stepS: 600 }));
    const total = (ps: [number, number][]) => ps.reduce((a, p) => a + p[1], 0);
    expect(total(coarse.points)).toBe(total(fine.points));
    expect(total(coarse.points)).toBe(199 + 159);
  });

  it('serves the aggregate of every node from the stored per-scrape series, equal to summing the nodes', async () => {
    await fill(10_000, H, (i, n) => (n === 2 && i % 7 === 0 ? undefined : (i % 13) * n), [1, 2], true);
    const stored = await store.aggregate(spec({ stepS: 60 }), 'sum');
    const summed = await store.aggregate(spec({ stepS: 60, nodes: [1, 2] }), 'sum');
    expect(stored).toEqual(summed);
    // The aggregate series is not a node.
    expect((await store.range(spec({ stepS: 60 }))).map((s) => s.node_id)).toEqual([1, 2]);
  });
});

describe('the 5-minute rollup', () => {
  it('a 5-minute step has the extremes and the growth the minute rollup has for the same buckets', async () => {
    await fill(10_000, 2 * H, (i) => (i === 301 ? 500 : i === 555 ? -3 : i < 400 ? i : i - 400));
    const byFive = (ps: [number, number][]) => {
      const out = new Map<number, [number, number]>();
      for (const [t, v] of ps) {
        const b = Math.floor(t / 300_000) * 300_000;
        const cur = out.get(b);
        out.set(b, cur ? [Math.min(cur[0], v), Math.max(cur[1], v)] : [v, v]);
      }
      return [...out];
    };
    const [five] = await store.range(spec({ toMs: T0 + 2 * H, stepS: 300 }));
    const [one] = await store.range(spec({ toMs: T0 + 2 * H, stepS: 60 }));
    expect(byFive(five.points)).toEqual(byFive(one.points));
    expect(five.points.some((p) => p[1] === 500) && five.points.some((p) => p[1] === -3)).toBe(true);
    const total = (ps: [number, number][]) => ps.reduce((a, p) => a + p[1], 0);
    const [inc5] = await store.range(spec({ toMs: T0 + 2 * H, fn: 'increase', stepS: 1800 }));
    const [inc1] = await store.range(spec({ toMs: T0 + 2 * H, fn: 'increase', stepS: 120 }));
    expect(total(inc5.points)).toBe(total(inc1.points));
    expect(inc5.points).toHaveLength(4);
  });

  it('stays right when a stretch is written into the past before recorded samples (writePast)', async () => {
    // Recorded from T0+1h (a counter at 1000 + i), then the hour before it backfilled: a counter from 0.
    store = new SqliteStore(':memory:');
    for (let i = 0; i < 360; i++) await store.write('c', T0 + H + i * 10_000, [{ node_id: 1, metrics: { m: 1000 + i } }]);
    const past = Array.from({ length: 360 }, (_, i) => ({ tMs: T0 + i * 10_000, nodes: [{ node_id: 1, metrics: { m: 640 + i } }], aggregate: {} }));
    store.writePast('c', { fromMs: T0, toMs: T0 + H }, past);
    const total = (ps: [number, number][]) => ps.reduce((a, p) => a + p[1], 0);
    // 1359 - 640: the growth from the first backfilled sample to the last recorded one, no false reset at the seam.
    for (const stepS of [10, 120, 1800]) {
      const [inc] = await store.range(spec({ toMs: T0 + 2 * H, fn: 'increase', stepS }));
      expect([stepS, total(inc.points)]).toEqual([stepS, 719]);
    }
    const [five] = await store.range(spec({ toMs: T0 + 2 * H, stepS: 300 }));
    expect(Math.min(...five.points.map((p) => p[1]))).toBe(640);
  });

  it('is built from the minute rollup when a version-2 store is opened, and pruned with it', async () => {
    await fill(10_000, H, (i) => (i === 40 ? 10_000 : i));
    const before = await store.range(spec({ fn: 'increase', stepS: 900 }));
    const file = await reopenedAfter('upgrade5', 'DELETE FROM rollup_5m; PRAGMA user_version = 2;');
    try {
      expect(await store.range(spec({ fn: 'increase', stepS: 900 }))).toEqual(before);
      expect((await store.range(spec({ stepS: 900 })))[0].points.some((p) => p[1] === 10_000)).toBe(true);
      await store.prune(T0 + H / 2);
      const rows = new Database(file, { readonly: true });
      const left = rows.prepare<[], { n: number }>('SELECT min(m5) * 300000 AS n FROM rollup_5m').get()?.n;
      rows.close();
      expect(left).toBe(T0 + H / 2);
    } finally {
      store.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    }
  });
});

describe('an older store', () => {
  it('gets its minute rollup built from the samples when opened', async () => {
    await fill(10_000, H, (i) => (i === 30 ? 99 : i < 100 ? i : i - 100));
    const before = await store.range(spec({ fn: 'increase', stepS: 600 }));
    const file = await reopenedAfter('upgrade', 'DELETE FROM rollup_1m; PRAGMA user_version = 1;');
    try {
      expect(await store.range(spec({ fn: 'increase', stepS: 600 }))).toEqual(before);
      expect((await store.range(spec({ stepS: 600 })))[0].points.some((p) => p[1] === 99)).toBe(true);
    } finally {
      store.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    }
  });
});

describe('counter increase', () => {
  it('counts a reset as a restart from 0', async () => {
    // +1 per minute up to 30, the node restarts (0), then +1 per minute again.
    await fill(60_000, H, (i) => (i < 30 ? i + 100 : i - 30));
    const [s] = await store.range(spec({ fn: 'increase', stepS: 600 }));
    expect(s.points.map((p) => p[1])).toEqual([9, 10, 10, 9, 10, 10]);
    const total = s.points.reduce((a, p) => a + p[1], 0);
    // 29 before the restart, 29 after (0 → 29), and the drop itself counts as 0 → 0, not −129.
    expect(total).toBe(58);
  });

  it('includes the growth since the last sample before the range', async () => {
    await fill(60_000, H, (i) => i * 2);
    const [s] = await store.range(spec({ fromMs: T0 + 30 * 60_000, fn: 'increase', stepS: 300 }));
    expect(s.points[0]).toEqual([T0 + 30 * 60_000, 10]);
  });

  it('rate is increase per second, and the aggregate sums the nodes per bucket', async () => {
    await fill(60_000, H, (i, n) => i * n, [1, 2]);
    const [r1] = await store.range(spec({ fn: 'rate', stepS: 600, fromMs: T0 + 600_000 }));
    expect(r1.points[0][1]).toBeCloseTo(10 / 600);
    const agg = await store.aggregate(spec({ fn: 'increase', stepS: 600, fromMs: T0 + 600_000 }), 'sum');
    expect(agg[0]).toEqual([T0 + 600_000, 30]);
  });
});

describe('retention', () => {
  it('prunes samples older than the cutoff', async () => {
    await fill(60_000, H, () => 1, [1, 2]);
    expect(await store.prune(T0 + 30 * 60_000)).toBe(60);
    const [s] = await store.range(spec({ stepS: 60 }));
    expect(s.points[0][0]).toBe(T0 + 30 * 60_000);
  });
});
