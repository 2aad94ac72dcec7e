import type { APIResponse } from '@playwright/test';
import { expect, test } from './fixtures';

/** The JSON API over real HTTP, against `npm start` and its demo cluster. */
test.describe('API v1', () => {
  test('health and clusters', async ({ request }) => {
    // The built-in demo is a fleet of three (DEMO_CLUSTERS=1 for the single `demo`).
    expect(await (await request.get('/api/v1/health')).json()).toEqual({ status: 'ok', clusters: 3 });
    const { clusters } = await (await request.get('/api/v1/clusters')).json();
    expect(clusters).toEqual([
      { id: 'prod-eu', name: 'Production (eu-west)', demo: true, sql_configured: true, nodes: 3 },
      { id: 'demo', name: 'Demo cluster', demo: true, sql_configured: true, nodes: 3 },
      { id: 'staging', name: 'Staging', demo: true, sql_configured: true, nodes: 3 },
    ]);
  });

  test('metrics: every node with its catalog metrics; unknown cluster is a 404 with a JSON error', async ({ request }) => {
    // On a busy machine one scrape can miss a node's timeout: what a user sees is the next scrape.
    let body: { cluster: string; scraped_at: string; nodes: { node_id: number; up: boolean; metrics: Record<string, number> }[] } = { cluster: '', scraped_at: '', nodes: [] };
    await expect
      .poll(async () => {
        const res = await request.get('/api/v1/clusters/demo/metrics');
        expect(res.status()).toBe(200);
        body = await res.json();
        return body.nodes.length > 0 && body.nodes.every((n) => n.up);
      })
      .toBe(true);
    expect(body.cluster).toBe('demo');
    expect(Date.parse(body.scraped_at)).not.toBeNaN();
    expect(body.nodes.map((n) => n.node_id)).toEqual([1, 2, 3]);
    for (const n of body.nodes) {
      expect(n.up).toBe(true);
      expect(typeof n.metrics.schedules_BACKUP_started).toBe('number');
      expect(n.metrics).not.toHaveProperty('jobs_backup_fail_or_cancel_failed');
    }
    expect(JSON.stringify(body)).not.toContain('postgresql://');
    const missing = await request.get('/api/v1/clusters/nope/metrics');
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'unknown_cluster', message: expect.stringContaining('nope') } });
  });

  test('node vars: raw text of a configured node only', async ({ request }) => {
    // Each call fetches the node's whole /_status/vars within SCRAPE_TIMEOUT (2 s): on a busy machine
    // one can miss it (a 502 node_unavailable, as it should); the next answers.
    const answered = async (path: string): Promise<APIResponse> => {
      let res: APIResponse | undefined;
      await expect.poll(async () => (res = await request.get(path)).status(), { message: path }).toBe(200);
      return res as APIResponse;
    };
    const ok = await answered('/api/v1/clusters/demo/nodes/2/vars');
    expect(ok.headers()['content-type']).toContain('text/plain');
    expect(await ok.text()).toMatch(/^node_id\{.*\} 2$/m);
    await answered('/api/v1/clusters/demo/nodes/%232/vars');
    for (const [path, status, code] of [
      ['/api/v1/clusters/demo/nodes/9/vars', 404, 'unknown_node'],
      ['/api/v1/clusters/demo/nodes/abc/vars', 400, 'bad_request'],
      ['/api/v1/clusters/demo/nodes/http%3A%2F%2Fexample.com/vars', 400, 'bad_request'],
      ['/api/v1/clusters/nope/nodes/1/vars', 404, 'unknown_cluster'],
      ['/api/v1/no/such/route', 404, 'not_found'],
    ] as const) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(status);
      expect((await res.json()).error.code, path).toBe(code);
    }
  });
});
