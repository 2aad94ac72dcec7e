/**
 * Child process of overview-grid.bench.ts (and the grid e2e spec's fixture): N demo nodes on one
 * port, node i at its own loopback address (127.0.10.1, 127.0.10.2, …: Linux routes all of
 * 127/8 to lo), so the port stays inside the caller's range. Each serves a demo node's full
 * `/_status/vars` (real CockroachDB families, ~0.3 MB), gzipped when asked, rendered once.
 * `down` more URLs point at addresses where nothing listens: blind spots. Prints {"urls":[…],"bytes":N}.
 * Usage: grid-fixture-servers.ts <nodes> <port> [down]
 */
import { renderStatusVars } from '../lib/demo/http/status-vars';
import { DemoModel } from '../lib/demo/model/model';
import { varsServer } from './vars-server';

export const hostOf = (i: number) => `127.0.${10 + Math.floor(i / 250)}.${(i % 250) + 1}`;

async function main() {
  const n = Number(process.argv[2] ?? 300);
  const port = Number(process.argv[3]);
  const down = Number(process.argv[4] ?? 0);
  if (!Number.isInteger(port) || port <= 0) throw new Error('usage: grid-fixture-servers.ts <nodes> <port> [down]');
  const model = new DemoModel({ nodes: n, seed: 3, speed: 0, version: '25.4', historyDays: 1 });
  const urls: string[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const plain = Buffer.from(renderStatusVars({ state: model, nodeId: i + 1, seed: 3, scrapeNo: 1 }));
    bytes += plain.length;
    const server = varsServer(plain);
    await new Promise<void>((r, fail) => server.once('error', fail).listen(port, hostOf(i), () => r()));
    urls.push(`http://${hostOf(i)}:${port}`);
  }
  // Spread among the others, as real failures are: nothing listens on 127.0.9.x.
  for (let k = 0; k < down; k++) urls.splice(Math.floor(((k + 1) * urls.length) / (down + 1)), 0, `http://127.0.9.${k + 1}:${port}`);
  process.stdout.write(`${JSON.stringify({ urls, bytes })}\n`);
}

if (process.argv[1]?.endsWith('grid-fixture-servers.ts')) void main();
