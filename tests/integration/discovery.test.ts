import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterConfig } from '@/lib/config';
import type { DemoCluster } from '@/lib/demo/cluster';
import { advertisedHttpAddr, discoveryNote, hostOf, nodeUrls } from '@/lib/scrape/node-urls';
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

  it('where internals are restricted (v26.x, CRDB_UNSAFE_INTERNALS=off): the node behind the SQL URL, at the address it advertises, and a note', async () => {
    const port = Number(new URL(demo.nodeUrls[0]).port);
    const cluster: ClusterConfig = { id: `disc-off-${process.pid}`, name: 'd', sqlUrl: demo.sqlUrl, httpUrls: [], httpCa: null, httpPort: port, httpScheme: 'http', demo: false, unsafeInternals: 'off' };
    expect(await nodeUrls(cluster)).toEqual([demo.nodeUrls[0]]);
    expect(await discoveryNote(cluster)).toMatch(/^Only the node behind CRDB_SQL_URL is watched: listing every node needs allow_unsafe_internals/);
    expect(demo.sqlStatements('SELECT node_id, address FROM crdb_internal.gossip_nodes')).toBe(1);
    // The default (auto) sets allow_unsafe_internals and lists every node: no note.
    const auto: ClusterConfig = { ...cluster, id: `disc-auto-${process.pid}`, unsafeInternals: 'auto' };
    expect(await nodeUrls(auto)).toHaveLength(3);
    expect(await discoveryNote(auto)).toBeNull();
  });

  it('reads the advertised HTTP address from a node’s own node_id family', () => {
    expect(advertisedHttpAddr('# HELP node_id x\n# TYPE node_id gauge\nnode_id{advertise_addr="roach1:26257",http_addr="roach1:8080",sql_addr="roach1:26257"} 1.0\n')).toBe('roach1:8080');
    expect(advertisedHttpAddr('node_id{node_id="2",advertise_addr="10.0.0.2:26257",http_addr="10.0.0.2:8080",sql_addr="10.0.0.2:26257"} 1\n')).toBe('10.0.0.2:8080');
    expect(advertisedHttpAddr('sys_uptime 3\n')).toBeNull();
  });

  it.each([
    ['roach1:26257', 'roach1'],
    ['10.0.0.7:26257', '10.0.0.7'],
    ['[::1]:26257', '[::1]'],
    ['roach1', 'roach1'],
  ])('hostOf(%s) = %s', (addr, host) => expect(hostOf(addr)).toBe(host));
});
