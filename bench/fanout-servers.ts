/**
 * Child process of fanout.bench.ts: N demo nodes, each serving a ≥ 500 KB `/_status/vars`
 * (a demo node's real page, its samples split across two tenants as a CockroachDB node with a
 * virtual cluster prints them), gzipped when asked, as CockroachDB does. Bodies are rendered once,
 * so the servers cost next to nothing while the client is measured. Prints {"urls":[…],"bytes":N}.
 */
import type { AddressInfo } from 'node:net';
import { renderStatusVars } from '../lib/demo/http/status-vars';
import { DemoModel } from '../lib/demo/model/model';
import { varsServer } from './vars-server';

/** Every sample line printed once per tenant: `{node_id="1"…}` → `{node_id="1",tenant="system"…}` and `…"demoapp"`. */
function splitTenants(body: string): string {
  const out: string[] = [];
  for (const line of body.split('\n')) {
    if (line === '' || line.startsWith('#')) {
      out.push(line);
      continue;
    }
    for (const tenant of ['system', 'demoapp']) out.push(line.replace(/node_id="(\d+)"/, `node_id="$1",tenant="${tenant}"`));
  }
  return out.join('\n');
}

async function main() {
  const n = Number(process.argv[2] ?? 100);
  const model = new DemoModel({ nodes: n, seed: 3, speed: 0, version: '25.4', historyDays: 3 });
  const urls: string[] = [];
  let bytes = 0;
  for (let id = 1; id <= n; id++) {
    const plain = Buffer.from(splitTenants(renderStatusVars({ state: model, nodeId: id, seed: 3, scrapeNo: 1 })));
    bytes += plain.length;
    const server = varsServer(plain);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  process.stdout.write(`${JSON.stringify({ urls, bytes })}\n`);
}

void main();
