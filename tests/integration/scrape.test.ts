import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '@/lib/catalog';
import type { ClusterConfig } from '@/lib/config';
import type { DemoCluster } from '@/lib/demo/cluster';
import { scrapeCluster } from '@/lib/scrape/scrape-cluster';
import { getSnapshot } from '@/lib/scrape/snapshot-cache';
import { query, startFrozen } from './demo-helpers';

let demo: DemoCluster;
let cluster: ClusterConfig;
beforeAll(async () => {
  demo = await startFrozen();
  cluster = { id: `scrape-${process.pid}`, name: 'scrape test', sqlUrl: demo.sqlUrl, httpUrls: demo.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: false };
});
afterAll(() => demo?.stop());

// Generous for a loaded 2-core machine (the demo's nodes share the test's process): an up node must never miss it.
const TIMEOUT = 4_000;

describe('scraping the demo cluster', () => {
  it('reads every catalog metric of every node, and aggregates them like SQL counts them', async () => {
    const s = await scrapeCluster(cluster, demo.nodeUrls, { timeoutMs: TIMEOUT, seq: 1 });
    expect(s.nodes.map((n) => [n.node_id, n.up, n.name])).toEqual([
      [1, true, 'n1'],
      [2, true, 'n2'],
      [3, true, 'n3'],
    ]);
    for (const n of s.nodes) {
      // Every catalog metric this version (25.4) still exports; the removed ones are absent, not 0.
      expect(Object.keys(n.metrics).sort()).toEqual(CATALOG.filter((m) => !('removedIn' in m)).map((m) => m.exported).sort());
      expect(n.metrics).not.toHaveProperty('sql_insert_count'); // only the catalog's families
      expect(n.labels).toEqual({}); // only node_id labels on the demo
    }
    const { rows } = await query<{ n: string }>(demo.sqlUrl, `SELECT count(*) AS n FROM crdb_internal.jobs WHERE job_type = 'BACKUP' AND status = 'paused'`);
    expect(s.aggregate.jobs_backup_currently_paused).toBe(Number(rows[0].n));
    expect(s.aggregate.schedules_BACKUP_last_completed_time).toBe(Math.max(...s.nodes.map((n) => n.metrics.schedules_BACKUP_last_completed_time)));
  });

  it.each([
    ['down', { mode: 'down' } as const, 'network', /connection refused/],
    ['slow', { mode: 'slow', delayMs: 10_000 } as const, 'timeout', /no answer within 4000 ms/],
    ['garbage', { mode: 'garbage' } as const, 'format', /not Prometheus text format/],
  ])('a %s node is a blind spot with its error, and never holds back the others', async (_name, fault, kind, message) => {
    await demo.setNodeFault(2, fault);
    try {
      const t0 = performance.now();
      const s = await scrapeCluster(cluster, demo.nodeUrls, { timeoutMs: TIMEOUT, seq: 1 });
      expect(performance.now() - t0).toBeLessThan(TIMEOUT + 2_000);
      const [n1, n2, n3] = s.nodes;
      expect([n1.up, n2.up, n3.up]).toEqual([true, false, true]);
      expect(n2).toMatchObject({ error_kind: kind, metrics: {}, node_id: null, name: `#2 (${demo.nodeUrls[1]})` });
      expect(n2.error).toMatch(message);
      expect(n1.metrics.schedules_BACKUP_started).toBeGreaterThan(0);
      // The aggregate covers the nodes that answered, not a zero for the missing one.
      expect(s.aggregate.schedules_BACKUP_started).toBe(n1.metrics.schedules_BACKUP_started + n3.metrics.schedules_BACKUP_started);
    } finally {
      await demo.setNodeFault(2, { mode: 'ok' });
    }
  });

  it('a restarted node answers again with its counters from 0', async () => {
    await demo.restartNode(3, 50);
    const s = await scrapeCluster(cluster, demo.nodeUrls, { timeoutMs: TIMEOUT, seq: 1 });
    expect(s.nodes[2]).toMatchObject({ up: true, node_id: 3 });
    expect(s.nodes[2].metrics.schedules_BACKUP_started).toBe(0);
    expect(s.nodes[2].metrics.schedules_BACKUP_last_completed_time).toBe(0);
  });

  it('scrapes once per interval however many callers ask at once (cache + single flight)', async () => {
    const opts = { intervalMs: 60_000, timeoutMs: TIMEOUT };
    const first = await Promise.all(Array.from({ length: 25 }, () => getSnapshot(cluster, demo.nodeUrls, opts)));
    expect(new Set(first.map((s) => s.scrape_seq))).toEqual(new Set([1]));
    const again = await getSnapshot(cluster, demo.nodeUrls, opts);
    expect(again.scrape_seq).toBe(1);
    const expired = await getSnapshot(cluster, demo.nodeUrls, { ...opts, intervalMs: 0 });
    expect(expired.scrape_seq).toBe(2);
  });

  it('keeps calling a node that went down by the id it stated before', async () => {
    const opts = { intervalMs: 0, timeoutMs: TIMEOUT };
    await getSnapshot(cluster, demo.nodeUrls, opts);
    await demo.setNodeFault(3, { mode: 'down' });
    try {
      const s = await getSnapshot(cluster, demo.nodeUrls, opts);
      expect(s.nodes[2]).toMatchObject({ up: false, node_id: 3, name: 'n3', metrics: {} });
    } finally {
      await demo.setNodeFault(3, { mode: 'ok' });
    }
  });
});
