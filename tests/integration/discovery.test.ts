import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterConfig } from '@/lib/config';
import type { DemoCluster } from '@/lib/demo/cluster';
import { hostOf, nodeUrls } from '@/lib/scrape/node-urls';
import { query, startFrozen } from './demo-helpers';

let demo: DemoCluster;
beforeAll(async () => {
  demo = await startFrozen({ controlPort: null });
});
afterAll(() => demo?.stop());

describe('node discovery over SQL', () => {
  it('crdb_internal.gossip_nodes lists every node with its address', async () => {
    const { rows } = await query<{ node_id: string; address: string; is_live: boolean }>(demo.sqlUrl, 'SELECT node_id, address, is_live FROM crdb_internal.gossip_nodes');
    expect(rows.map((r) => Number(r.node_id))).toEqual([1, 2, 3]);
    expect(rows.every((r) => /^127\.0\.0\.1:\d+$/.test(r.address) && r.is_live)).toBe(true);
  });

  it('with only a SQL URL, the node URLs are each node’s host with the configured HTTP port and scheme', async () => {
    const cluster: ClusterConfig = { id: `disc-${process.pid}`, name: 'd', sqlUrl: demo.sqlUrl, httpUrls: [], httpCa: null, httpPort: 18080, httpScheme: 'https', demo: false };
    expect(await nodeUrls(cluster)).toEqual(['https://127.0.0.1:18080', 'https://127.0.0.1:18080', 'https://127.0.0.1:18080']);
    // Configured URLs win over discovery.
    expect(await nodeUrls({ ...cluster, id: 'x', httpUrls: demo.nodeUrls })).toEqual(demo.nodeUrls);
  });

  it.each([
    ['roach1:26257', 'roach1'],
    ['10.0.0.7:26257', '10.0.0.7'],
    ['[::1]:26257', '[::1]'],
    ['roach1', 'roach1'],
  ])('hostOf(%s) = %s', (addr, host) => expect(hostOf(addr)).toBe(host));
});
