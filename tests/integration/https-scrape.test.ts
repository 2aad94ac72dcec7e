import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderStatusVars } from '@/lib/demo/http/status-vars';
import { DemoModel } from '@/lib/demo/model/model';
import { scrapeNode } from '@/lib/scrape/scrape-cluster';

/**
 * A secure cluster serves /_status/vars over HTTPS (unauthenticated) with a certificate from the
 * cluster's own CA (reference b.1): the scraper must trust CRDB_HTTP_CA and refuse anything else.
 */
let server: https.Server;
let url: string;
let ca: string;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crdb-ca-'));
  const key = path.join(dir, 'node.key');
  const crt = path.join(dir, 'node.crt');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '1', '-subj', '/CN=node1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  ca = readFileSync(crt, 'utf8');
  const model = new DemoModel({ nodes: 1, seed: 2, speed: 0, version: '25.4', historyDays: 1 });
  const body = renderStatusVars({ state: model, nodeId: 1, seed: 2, scrapeNo: 1 });
  server = https.createServer({ key: readFileSync(key), cert: ca }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('scraping an HTTPS node', () => {
  it('succeeds with the cluster CA', async () => {
    const n = await scrapeNode(url, 0, { timeoutMs: 3_000, ca });
    expect(n).toMatchObject({ up: true, node_id: 1, error: null });
    expect(n.metrics.schedules_BACKUP_started).toBeGreaterThanOrEqual(0);
  });

  it('refuses a certificate it cannot verify, as a network error', async () => {
    const n = await scrapeNode(url, 0, { timeoutMs: 3_000, ca: null });
    expect(n).toMatchObject({ up: false, error_kind: 'network' });
    expect(n.error).toMatch(/SELF_SIGNED|self.signed|certificate/i);
  });

  it('plain HTTP against an HTTPS port fails with an error, not a hang', async () => {
    const n = await scrapeNode(url.replace('https:', 'http:'), 0, { timeoutMs: 3_000, ca: null });
    expect(n.up).toBe(false);
    expect(n.latency_ms).toBeLessThan(3_500);
  });
});
