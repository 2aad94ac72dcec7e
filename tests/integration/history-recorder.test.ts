import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterConfig } from '@/lib/config';
import type { DemoCluster } from '@/lib/demo/cluster';
import { startRecorder, type Recorder } from '@/lib/history/recorder';
import { SqliteStore } from '@/lib/history/sqlite-store';
import type { NodeSeries, RangeSpec } from '@/lib/history/types';
import { startFrozen } from './demo-helpers';

let demo: DemoCluster;
let cluster: ClusterConfig;
let dir: string;
const t0 = Date.now();

beforeAll(async () => {
  demo = await startFrozen();
  cluster = { id: `history-${process.pid}`, name: 'history test', sqlUrl: demo.sqlUrl, httpUrls: demo.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: false };
  dir = mkdtempSync(path.join(os.tmpdir(), 'history-test-'));
});
afterAll(async () => {
  await demo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const INTERVAL = 250;
// A node that is down refuses at once; a timeout only ever fires on a slow answer. Generous, so a
// busy machine (a whole /_status/vars body in under 250 ms) does not make an up node a gap.
const TIMEOUT = 5_000;

function start(store: SqliteStore): Recorder {
  return startRecorder({ store, clusters: async () => [cluster], urls: async () => demo.nodeUrls, intervalMs: INTERVAL, timeoutMs: TIMEOUT, retentionMs: 86_400_000 });
}

/** Every sample, one per 1 ms bucket: full resolution. */
function everySample(store: SqliteStore, metric: string, fn: RangeSpec['fn'] = 'raw'): Promise<NodeSeries[]> {
  return store.range({ cluster: cluster.id, metric, nodes: null, fromMs: t0, toMs: Date.now() + 1000, stepS: 0.001, fn });
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const count = async (store: SqliteStore, node: number) => (await everySample(store, 'schedules_BACKUP_started')).find((s) => s.node_id === node)?.points.length ?? 0;

describe('the history recorder against the demo cluster', () => {
  it('records every node once per scrape, leaves a gap for a down node, and keeps it all across a restart', async () => {
    const file = path.join(dir, 'nested', 'history.sqlite');
    const store1 = new SqliteStore(file);
    const rec1 = start(store1);
    await waitFor(async () => (await count(store1, 3)) >= 3, 'three scrapes');

    await demo.setNodeFault(2, { mode: 'down' });
    const before = await count(store1, 1);
    await waitFor(async () => (await count(store1, 1)) >= before + 3, 'three scrapes with node 2 down');
    await demo.setNodeFault(2, { mode: 'ok' });
    const n2 = await count(store1, 2);
    await waitFor(async () => (await count(store1, 2)) >= n2 + 2, 'node 2 back');

    await rec1.stop();
    const recorded = await everySample(store1, 'schedules_BACKUP_started');
    store1.close();

    // Each scrape wrote all three nodes at one timestamp; node 2 has none while it was down, not zeros.
    const [s1, s2, s3] = recorded;
    expect(recorded.map((s) => s.node_id)).toEqual([1, 2, 3]);
    expect(s3.points.map((p) => p[0])).toEqual(s1.points.map((p) => p[0]));
    const ts2 = new Set(s2.points.map((p) => p[0]));
    const missing = s1.points.filter((p) => !ts2.has(p[0]));
    expect(missing.length).toBeGreaterThanOrEqual(3);
    expect(s2.points.every((p) => p[1] === s2.points[0][1])).toBe(true); // frozen clock: the counter does not move
    // At most one write per scrape: never two samples closer than the interval.
    const gaps = s1.points.slice(1).map((p, i) => p[0] - s1.points[i][0]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL);

    // A new process: the same file, a new store and recorder. The earlier points are still served.
    const store2 = new SqliteStore(file);
    const rec2 = start(store2);
    try {
      const again = await everySample(store2, 'schedules_BACKUP_started');
      expect(again).toEqual(recorded);
      await waitFor(async () => (await count(store2, 1)) >= s1.points.length + 2, 'recording to resume');
      const after = await everySample(store2, 'schedules_BACKUP_started');
      expect(after[0].points.slice(0, s1.points.length)).toEqual(s1.points);
    } finally {
      await rec2.stop();
      store2.close();
    }
  });

  it('reads a counter increase across a node restart as growth from 0, never negative', async () => {
    const store = new SqliteStore(path.join(dir, 'restart.sqlite'));
    const rec = start(store);
    try {
      const node = (await everySample(store, 'schedules_BACKUP_started')).length;
      expect(node).toBe(0);
      await waitFor(async () => (await count(store, 1)) >= 2, 'two scrapes');
      // A day of cluster time: schedules fire, counters grow on their coordinators.
      demo.model.advance(86_400_000);
      await waitFor(async () => (await count(store, 1)) >= 4, 'scrapes after the advance');
      await demo.restartNode(1, 0);
      demo.model.advance(3_600_000);
      await waitFor(async () => (await count(store, 1)) >= 8, 'scrapes after the restart');
    } finally {
      await rec.stop();
    }
    const raw = (await everySample(store, 'schedules_BACKUP_started')).find((s) => s.node_id === 1);
    const inc = (await everySample(store, 'schedules_BACKUP_started', 'increase')).find((s) => s.node_id === 1);
    store.close();
    const values = raw?.points.map((p) => p[1]) ?? [];
    // The restart is in the recording: the raw counter dropped.
    expect(values.some((v, i) => i > 0 && v < values[i - 1])).toBe(true);
    expect(inc?.points.every((p) => p[1] >= 0)).toBe(true);
    const total = inc?.points.reduce((a, p) => a + p[1], 0) ?? 0;
    const grewBefore = Math.max(...values) - values[0];
    expect(total).toBeGreaterThanOrEqual(grewBefore);
  });
});
