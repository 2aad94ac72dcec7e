import { Agent, request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startNodeServer, STATUS_VARS_CONTENT_TYPE, type NodeServer } from './node-server';
import { parseExposition } from './test-exposition';
import { FixtureClusterState } from './test-fixture';

const servers: NodeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(state = new FixtureClusterState()): Promise<NodeServer> {
  const s = await startNodeServer({ state, nodeId: 1, port: 0, seed: 3 });
  servers.push(s);
  return s;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A plain node:http GET, so the test controls Accept-Encoding (fetch negotiates gzip itself). */
function rawGet(url: string, headers: Record<string, string> = {}, agent?: Agent): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The error code behind a failed fetch (undici puts it on `cause`). */
async function fetchErrorCode(url: string): Promise<string> {
  try {
    await fetch(url);
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return cause?.code ?? String(err);
  }
  return 'no error';
}

describe('node server', () => {
  it('serves /_status/vars as CockroachDB does: 200, exposition content type', async () => {
    const s = await serve();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}`);
    expect(s.nodeId).toBe(1);
    const res = await fetch(`${s.url}/_status/vars`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(STATUS_VARS_CONTENT_TYPE);
    expect(STATUS_VARS_CONTENT_TYPE).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(parseExposition(await res.text()).families.size).toBeGreaterThan(600);
  });

  it('gzips when the client accepts gzip, and not otherwise', async () => {
    const s = await serve();
    const gz = await rawGet(`${s.url}/_status/vars`, { 'Accept-Encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body[0]).toBe(0x1f);
    const text = gunzipSync(gz.body).toString('utf8');
    expect(parseExposition(text).families.has('node_id')).toBe(true);
    expect(gz.body.length).toBeLessThan(Buffer.byteLength(text) / 4);

    const plain = await rawGet(`${s.url}/_status/vars`, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(parseExposition(plain.body.toString('utf8')).families.has('node_id')).toBe(true);

    const refused = await rawGet(`${s.url}/_status/vars`, { 'Accept-Encoding': 'gzip;q=0, deflate' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('answers /health and /health?ready=1 with 200 {} and unknown paths with 404', async () => {
    const s = await serve();
    for (const p of ['/health', '/health?ready=1']) {
      const res = await fetch(`${s.url}${p}`);
      expect(res.status, p).toBe(200);
      expect(await res.json()).toEqual({});
    }
    expect((await fetch(`${s.url}/_status/nodes`)).status).toBe(404);
    expect((await fetch(`${s.url}/`)).status).toBe(404);
  });

  it('down: refuses connections (ECONNREFUSED), then ok listens again on the same port', async () => {
    const s = await serve();
    expect((await fetch(`${s.url}/health`)).status).toBe(200); // leaves a keep-alive connection open
    await s.setFault({ mode: 'down' });
    expect(s.fault()).toEqual({ mode: 'down' });
    expect(await fetchErrorCode(`${s.url}/_status/vars`)).toBe('ECONNREFUSED');
    expect(await fetchErrorCode(`${s.url}/health`)).toBe('ECONNREFUSED');
    await s.setFault({ mode: 'ok' });
    const res = await fetch(`${s.url}/_status/vars`);
    expect(res.status).toBe(200);
    expect(new URL(res.url).port).toBe(String(s.port));
    expect(parseExposition(await res.text()).families.has('node_id')).toBe(true);
  });

  it('slow: every response takes at least delayMs', async () => {
    const s = await serve();
    await s.setFault({ mode: 'slow', delayMs: 300 });
    for (const p of ['/_status/vars', '/health']) {
      const t0 = performance.now();
      const res = await fetch(`${s.url}${p}`);
      await res.arrayBuffer();
      expect(performance.now() - t0, p).toBeGreaterThanOrEqual(295);
      expect(res.status).toBe(200);
    }
    await s.setFault({ mode: 'ok' });
    const t0 = performance.now();
    await (await fetch(`${s.url}/health`)).arrayBuffer();
    expect(performance.now() - t0).toBeLessThan(250);
  });

  it('garbage: 200 with bodies that do not parse as exposition text', async () => {
    const s = await serve();
    await s.setFault({ mode: 'garbage' });
    const types = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${s.url}/_status/vars`);
      expect(res.status).toBe(200);
      types.add(res.headers.get('content-type') ?? '');
      const body = await res.text();
      expect(() => parseExposition(body)).toThrow();
    }
    expect(types).toEqual(new Set(['text/html', 'application/octet-stream']));
    await s.setFault({ mode: 'ok' });
    expect(() => parseExposition('')).toThrow();
    const ok = await fetch(`${s.url}/_status/vars`);
    expect(parseExposition(await ok.text()).families.size).toBeGreaterThan(600);
  });

  it('close() does not hang on keep-alive sockets or pending slow responses', async () => {
    const s = await startNodeServer({ state: new FixtureClusterState(), nodeId: 1, port: 0, seed: 1 });
    const agent = new Agent({ keepAlive: true });
    try {
      expect((await rawGet(`${s.url}/health`, {}, agent)).status).toBe(200);
      await s.setFault({ mode: 'slow', delayMs: 60_000 });
      const pending = rawGet(`${s.url}/health`, {}, agent).catch((err: unknown) => err);
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      await s.close();
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(await pending).toBeInstanceOf(Error);
      expect(await fetchErrorCode(`${s.url}/health`)).toBe('ECONNREFUSED');
      await s.close(); // idempotent
      await expect(s.setFault({ mode: 'ok' })).rejects.toThrow(/closed/);
    } finally {
      agent.destroy();
    }
  });

  it('listens on a requested port', async () => {
    const probe = await serve();
    const port = probe.port;
    await probe.close();
    const s = await startNodeServer({ state: new FixtureClusterState(), nodeId: 2, port, seed: 1 });
    servers.push(s);
    expect(s.port).toBe(port);
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });
});
