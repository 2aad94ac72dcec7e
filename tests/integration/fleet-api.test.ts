/**
 * `GET /api/v1/fleet` over a CLUSTERS_FILE of three standalone demo clusters of different versions:
 * a healthy one, one with a node down, one whose SQL refuses connections. Each is reported as it is,
 * and they come problems first — the reverse of their names' order.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as fleetRoute } from '@/app/api/v1/fleet/route';
import type { FleetAnswer, FleetCluster } from '@/lib/api/types/fleet';
import type { DemoCluster } from '@/lib/demo/cluster';
import { HEALTHY_STORY } from '@/lib/demo/model/story';
import { startFrozen } from './demo-helpers';

let healthy: DemoCluster;
let nodeDown: DemoCluster;
let sqlRefused: DemoCluster;

beforeAll(async () => {
  // One after another: three at once would starve the integration test running beside this one on 2 cores.
  healthy = await startFrozen({ version: '26.2', story: HEALTHY_STORY, controlPort: null });
  nodeDown = await startFrozen({ version: '25.4', story: HEALTHY_STORY, controlPort: null, baselineNodeFaults: { 2: { mode: 'down' } } });
  sqlRefused = await startFrozen({ version: '23.2', story: HEALTHY_STORY, controlPort: null });
  await sqlRefused.setSqlFault({ mode: 'refuse' });
  const dir = mkdtempSync(path.join(tmpdir(), 'fleet-'));
  const entry = (id: string, name: string, d: DemoCluster) => ({ id, name, sql_url: d.sqlUrl, http_urls: d.nodeUrls });
  const file = path.join(dir, 'clusters.json');
  writeFileSync(file, JSON.stringify([entry('a-healthy', 'A healthy', healthy), entry('b-node-down', 'B node down', nodeDown), entry('c-sql-refused', 'C SQL refused', sqlRefused)]));
  process.env.CLUSTERS_FILE = file;
  process.env.HISTORY_DB = path.join(dir, 'h.sqlite');
  process.env.SCRAPE_INTERVAL = '2s';
}, 120_000);
// The environment outlives this file in its worker: leave none of it for the next file (CLUSTERS_FILE would win over its CRDB_*).
const SET = ['CLUSTERS_FILE', 'HISTORY_DB', 'SCRAPE_INTERVAL'] as const;
afterAll(async () => {
  for (const k of SET) delete process.env[k];
  await Promise.all([healthy, nodeDown, sqlRefused].map((d) => d?.stop()));
});

async function fleet(): Promise<FleetAnswer> {
  const res = await fleetRoute();
  expect(res.status).toBe(200);
  return (await res.json()) as FleetAnswer;
}
const line = (f: FleetAnswer, id: string) => f.clusters.find((c) => c.id === id) as FleetCluster;

describe('GET /api/v1/fleet', () => {
  it('reports each cluster as it is, problems first', async () => {
    // The first answer may come before a cluster's first scrape or SQL read: the next ones have them.
    let f = await fleet();
    await expect
      .poll(async () => {
        f = await fleet();
        return f.clusters.map((c) => `${c.id}:${c.nodes_up}/${c.nodes_total}:${c.sql_reachable}:${c.freshness?.worst ?? null}`);
      }, { timeout: 30_000, interval: 500 })
      .toEqual(['c-sql-refused:3/3:false:null', 'b-node-down:2/3:true:ok', 'a-healthy:3/3:true:ok']);
    expect(Date.parse(f.generated_at)).toBeGreaterThan(0);

    expect(line(f, 'a-healthy')).toMatchObject({ name: 'A healthy', version: 'v26.2.0', rank: 2, problems: [], errors: [{ part: 'alerts' }] });
    expect(line(f, 'a-healthy').freshness).toMatchObject({ worst: 'ok', with_problems: 0, total: 4 });
    expect(line(f, 'a-healthy').freshness?.schedule_ids.every((id) => /^\d{1,19}$/.test(id))).toBe(true);
    expect(line(f, 'a-healthy').jobs).toMatchObject({ paused: 0 });
    expect(line(f, 'a-healthy').scraped_at).not.toBeNull();

    expect(line(f, 'b-node-down')).toMatchObject({ version: 'v25.4.2', rank: 1, nodes_up: 2, nodes_total: 3, problems: ['1 of 3 nodes not scraped'] });

    const refused = line(f, 'c-sql-refused');
    expect(refused).toMatchObject({ version: null, rank: 0, sql_reachable: false, freshness: null, nodes_up: 3 });
    expect(refused.problems[0]).toBe('SQL unreachable');
    expect(refused.errors.find((e) => e.part === 'sql')?.message).toMatch(/refused|ECONNREFUSED|connect/i);
    // Its metrics still come: the nodes answer.
    expect(refused.jobs.running).not.toBeNull();
    // Never a connection string.
    expect(JSON.stringify(f)).not.toMatch(/postgresql:\/\//);
  }, 60_000);
});
