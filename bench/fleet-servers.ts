/**
 * Child process of fleet.bench.ts: `clusters × nodes` HTTP servers, each serving a demo node's real
 * `/_status/vars` (≥ 300 KB; its samples printed once per tenant, as a node with a virtual cluster
 * does), gzipped when asked. The bodies of one 10-node model are rendered once and served by every
 * cluster's node of the same number, so the servers cost next to nothing. Prints {"clusters":[[url…]…],"bytes":N}.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { renderStatusVars } from '../lib/demo/http/status-vars';
import { DemoModel } from '../lib/demo/model/model';

function splitTenants(body: string): string {
  return body
    .split('\n')
    .flatMap((line) => (line === '' || line.startsWith('#') ? [line] : ['system', 'demoapp'].map((t) => line.replace(/node_id="(\d+)"/, `node_id="$1",tenant="${t}"`))))
    .join('\n');
}

async function main() {
  const clusters = Number(process.argv[2] ?? 50);
  const nodes = Number(process.argv[3] ?? 10);
  const model = new DemoModel({ nodes, seed: 5, speed: 0, version: '25.4', historyDays: 2 });
  const bodies = Array.from({ length: nodes }, (_, i) => {
    const plain = Buffer.from(splitTenants(renderStatusVars({ state: model, nodeId: i + 1, seed: 5, scrapeNo: 1 })));
    return { plain, gz: gzipSync(plain) };
  });
  const out: string[][] = [];
  for (let c = 0; c < clusters; c++) {
    const urls: string[] = [];
    for (const b of bodies) {
      const server = http.createServer((req, res) => {
        const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
        res.end(gzip ? b.gz : b.plain);
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }
    out.push(urls);
  }
  process.stdout.write(`${JSON.stringify({ clusters: out, bytes: Math.min(...bodies.map((b) => b.plain.length)) })}\n`);
}

void main();
