import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCluster } from '@/lib/demo/cluster';
import { parseExposition } from '@/lib/demo/http/test-exposition';
import { query, scrape, startFrozen, valueOf } from './demo-helpers';

let cluster: DemoCluster;
beforeAll(async () => {
  cluster = await startFrozen();
});
afterAll(() => cluster?.stop());

async function control(path: string, body?: unknown) {
  const res = await fetch(`${cluster.controlUrl}${path}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('demo faults, through the control API', () => {
  it('down: the node refuses connections, then serves again on the same port', async () => {
    expect((await control('/nodes/2/fault', { mode: 'down' })).status).toBe(200);
    const err = await fetch(`${cluster.nodeUrls[1]}/_status/vars`).then(() => null, (e: Error & { cause?: { code?: string } }) => e);
    expect(err?.cause?.code).toBe('ECONNREFUSED');
    // The other nodes are not affected.
    expect(valueOf(await scrape(cluster.nodeUrls[0]), 'node_id')).toBe(1);
    await control('/nodes/2/fault', { mode: 'ok' });
    expect(valueOf(await scrape(cluster.nodeUrls[1]), 'node_id')).toBe(2);
  });

  it('slow: the node answers only after the delay', async () => {
    await control('/nodes/1/fault', { mode: 'slow', delay_ms: 700 });
    const t0 = performance.now();
    await scrape(cluster.nodeUrls[0]);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(650);
    await control('/nodes/1/fault', { mode: 'ok' });
  });

  it('garbage: 200 with a body that is not the exposition format', async () => {
    await control('/nodes/3/fault', { mode: 'garbage' });
    const res = await fetch(`${cluster.nodeUrls[2]}/_status/vars`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(() => parseExposition(body)).toThrow();
    await control('/nodes/3/fault', { mode: 'ok' });
  });

  it('restart: the node is briefly unreachable and comes back with counters and last_completed_time at 0', async () => {
    cluster.model.advance(3 * 3_600_000);
    const before = await scrape(cluster.nodeUrls[0]);
    expect(valueOf(before, 'schedules_BACKUP_started')).toBeGreaterThan(0);
    expect((await control('/nodes/1/restart', { down_ms: 100 })).status).toBe(200);
    const after = await scrape(cluster.nodeUrls[0]);
    expect(valueOf(after, 'schedules_BACKUP_started')).toBe(0);
    expect(valueOf(after, 'schedules_BACKUP_last_completed_time')).toBe(0);
  });

  it('SQL refuse and SQL error', async () => {
    await control('/sql/fault', { mode: 'refuse' });
    const refused = await query(cluster.sqlUrl, 'SELECT 1').then(() => null, (e: Error) => e);
    expect(refused).not.toBeNull();
    await control('/sql/fault', { mode: 'error', message: 'injected: liveness range unavailable' });
    // The listener reopens on the server's next fault poll (20 ms; later on a loaded machine).
    let failed: pg.DatabaseError | null = null;
    for (let i = 0; i < 100; i++) {
      failed = await query(cluster.sqlUrl, 'SHOW JOBS').then(() => null, (e: pg.DatabaseError) => e);
      if ((failed as { code?: string } | null)?.code !== 'ECONNREFUSED') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(failed?.message).toContain('liveness range unavailable');
    expect(failed?.code).toMatch(/^[0-9A-Z]{5}$/);
    await control('/sql/fault', { mode: 'ok' });
    expect((await query(cluster.sqlUrl, 'SELECT 1 AS one')).rows[0].one).toBe(1);
  });

  it('moves the clock and rejects bad requests with {error:{code,message}}', async () => {
    const before = Date.parse(String((await control('/')).json.now));
    const { json } = await control('/clock/advance', { seconds: 3600 });
    expect(Date.parse(String(json.now)) - before).toBeGreaterThanOrEqual(3_600_000);
    const bad = await control('/nodes/1/fault', { mode: 'sideways' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'bad_request' });
    expect((await control('/nodes/9/fault', { mode: 'ok' })).status).toBe(404);
  });
});
