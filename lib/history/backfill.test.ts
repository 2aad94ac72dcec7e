import { afterEach, describe, expect, it } from 'vitest';
import { DemoModel } from '../demo/model/model';
import { writeBackfill } from './backfill';
import { SqliteStore } from './sqlite-store';

const START = Date.parse('2026-11-25T20:07:00Z');
const H = 3_600_000;
let store: SqliteStore | undefined;
afterEach(() => store?.close());

function sampledModel() {
  return new DemoModel({ nodes: 3, seed: 5, speed: 0, version: '24.3', startMs: START, backfill: { fromMs: START - 2 * H, everyMs: 60_000 } });
}

describe('writing the demo backfill into the history store', () => {
  it('records each sample as a scrape: every node, catalog metrics only, with the cluster aggregate', async () => {
    store = new SqliteStore(':memory:');
    const samples = sampledModel().takeBackfill();
    expect(await writeBackfill(store, 'demo', samples)).toBe(samples.length);
    const range = { cluster: 'demo', nodes: null, fromMs: START - 2 * H, toMs: START + 1000, stepS: 0.001, fn: 'raw' as const };
    const started = await store.range({ ...range, metric: 'schedules_BACKUP_started' });
    expect(started.map((s) => s.node_id)).toEqual([1, 2, 3]);
    expect(started[0].points).toHaveLength(samples.length);
    expect(started[0].points.at(-1)?.[1]).toBe(samples.at(-1)?.nodes[0].metrics.schedules_BACKUP_started);
    // Ages aggregate by max, counters by sum (lib/catalog.ts), as the live recorder does.
    const last = samples.at(-1)!;
    const sumStarted = last.nodes.reduce((a, n) => a + n.metrics.schedules_BACKUP_started, 0);
    const agg = await store.aggregate({ ...range, metric: 'schedules_BACKUP_started' }, 'sum');
    expect(agg.at(-1)?.[1]).toBe(sumStarted);
    // Only what the catalog records: the demo's model computes a few more (e.g. currently_idle).
    expect(await store.range({ ...range, metric: 'not_in_catalog' })).toEqual([]);
  });

  it('writes nothing over a window that already has history (a restarted dashboard keeps its own)', async () => {
    store = new SqliteStore(':memory:');
    const samples = sampledModel().takeBackfill();
    await store.write('demo', samples[10].tMs, [{ node_id: 1, metrics: { schedules_BACKUP_started: 1 } }]);
    expect(await writeBackfill(store, 'demo', samples)).toBe(0);
    expect(await writeBackfill(store, 'demo', [])).toBe(0);
  });
});
