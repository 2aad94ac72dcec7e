/**
 * Many clusters, one process: 5 and 50 clusters × 10 nodes of served fixture payloads (≥ 300 KB
 * each) at a 10 s interval. Each size runs in its own dashboard process (bench/fleet-dashboard.ts):
 * the recorder and the alert engine at steady state, and the fleet answer every second. Baseline:
 * a fleet answer that scrapes every cluster itself instead of reading the shared cached scrape.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [5, 50] as const;
const NODES = 10;
const MEASURE_S = 20;

interface Figures {
  clusters: number;
  nodes: number;
  scraped: number;
  cpuShare: number;
  rssMb: number;
  peakRssMb: number;
  fleetMedianMs: number;
  fleetMaxMs: number;
  naiveMedianMs: number;
}

async function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (c: string) => (out += c));
  while (!out.includes('\n')) {
    const [code] = await Promise.race([once(child.stdout!, 'data'), once(child, 'exit')]);
    if (typeof code === 'number' && !out.includes('\n')) throw new Error(`child exited with ${code}`);
  }
  return out.split('\n')[0];
}

export async function run(): Promise<string> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fleet-bench-'));
  const servers = spawn(process.execPath, ['--import', 'tsx', path.join(dir, 'fleet-servers.ts'), String(Math.max(...SIZES)), String(NODES)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const { clusters, bytes } = JSON.parse(await firstLine(servers)) as { clusters: string[][]; bytes: number };
    const rows: Figures[] = [];
    for (const n of SIZES) {
      const file = path.join(tmp, `clusters-${n}.json`);
      writeFileSync(file, JSON.stringify(clusters.slice(0, n).map((urls, i) => ({ id: `c${i + 1}`, name: `Cluster ${i + 1}`, http_urls: urls }))));
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, 'fleet-dashboard.ts'), file, path.join(tmp, `h-${n}.sqlite`), String(MEASURE_S)], { stdio: ['ignore', 'pipe', 'inherit'] });
      rows.push(JSON.parse(await firstLine(child)) as Figures);
    }
    const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
    const [small, big] = rows;
    return [
      `## Fleet: ${SIZES.join(' and ')} clusters × ${NODES} nodes × ≥ ${(bytes / 1024).toFixed(0)} KB, 10 s interval (recorder + alerts)`,
      '',
      `Steady state over ${MEASURE_S} s after a warm-up; the fleet answer (\`fleet()\` + JSON) every second. Baseline: an answer that scrapes every cluster itself.`,
      '',
      '| clusters | nodes scraped | CPU (share of one core) | RSS at the end (peak) | fleet answer median (max) | baseline: scrape all per answer |',
      '|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.clusters} | ${r.scraped}/${r.clusters} clusters fully | ${pct(r.cpuShare)} | ${r.rssMb.toFixed(0)} MB (${r.peakRssMb.toFixed(0)} MB) | ${r.fleetMedianMs.toFixed(1)} ms (${r.fleetMaxMs.toFixed(0)} ms) | ${r.naiveMedianMs.toFixed(0)} ms |`),
      '',
      `From ${small.clusters} to ${big.clusters} clusters: CPU ×${(big.cpuShare / small.cpuShare).toFixed(1)}, RSS +${(big.rssMb - small.rssMb).toFixed(0)} MB, fleet answer ×${(big.fleetMedianMs / small.fleetMedianMs).toFixed(1)} (target ≤ 300 ms).`,
    ].join('\n');
  } finally {
    servers.kill();
  }
}
