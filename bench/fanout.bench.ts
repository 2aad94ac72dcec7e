/**
 * Fan-out: one snapshot of 100 and of 300 nodes (issue 17's big cluster), each serving ≥ 500 KB of
 * real CockroachDB families, against the time to merely download the same bytes with the same HTTP
 * client (gzip, keep-alive, one deadline each) and no parsing. Target: the snapshot within 1.5× of
 * the download alone. Servers run in a child process.
 */
import type { ClusterConfig } from '../lib/config';
import { startChild } from './child';
import { fetchVars } from '../lib/scrape/fetch-vars';
import { scrapeCluster } from '../lib/scrape/scrape-cluster';

const SIZES = [100, 300];
const RUNS = 9;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);

export async function run(): Promise<string> {
  const sections: string[] = [];
  for (const n of SIZES) sections.push(await measure(n));
  return sections.join('\n\n');
}

async function measure(NODES: number): Promise<string> {
  const { child, ready } = await startChild<{ urls: string[]; bytes: number }>('fanout-servers.ts', [String(NODES)]);
  const { urls, bytes } = ready;
  try {
    const cluster: ClusterConfig = { id: 'bench', name: 'bench', sqlUrl: null, httpUrls: urls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: false };
    const download = async () => {
      const rs = await Promise.all(urls.map((u) => fetchVars(u, { timeoutMs: 30_000 })));
      if (rs.some((r) => !r.ok)) throw new Error('a download failed');
    };
    const snapshot = async () => {
      const s = await scrapeCluster(cluster, urls, { timeoutMs: 30_000, seq: 1 });
      if (s.nodes.some((n) => !n.up)) throw new Error('a node was down');
      if (Object.keys(s.nodes[0].metrics).length < 30) throw new Error('catalog metrics missing');
    };
    const time = async (fn: () => Promise<void>) => {
      const t0 = performance.now();
      await fn();
      return performance.now() - t0;
    };
    // Warm up connections and JIT for both, then interleave runs so neither gets a quieter machine.
    await download();
    await snapshot();
    const dl: number[] = [];
    const snap: number[] = [];
    let peakRss = 0;
    const rss0 = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
    for (let i = 0; i < RUNS; i++) {
      dl.push(await time(download));
      snap.push(await time(snapshot));
    }
    clearInterval(sampler);
    const ratio = median(snap) / median(dl);
    return [
      `## Fan-out: ${NODES} nodes × ${mb(bytes / NODES)} MB (${mb(bytes)} MB in all, gzip on the wire)`,
      '',
      `Median of ${RUNS} runs, interleaved. Baseline: the same client downloading the same bytes without parsing.`,
      '',
      '| | median | min | max |',
      '|---|---|---|---|',
      `| download only | ${median(dl).toFixed(0)} ms | ${Math.min(...dl).toFixed(0)} ms | ${Math.max(...dl).toFixed(0)} ms |`,
      `| snapshot (download + parse + collapse + aggregate) | ${median(snap).toFixed(0)} ms | ${Math.min(...snap).toFixed(0)} ms | ${Math.max(...snap).toFixed(0)} ms |`,
      '',
      `Snapshot / download: **${ratio.toFixed(2)}×** (target ≤ 1.5×). Peak RSS ${mb(peakRss)} MB (+${mb(Math.max(0, peakRss - rss0))} MB over the start of the runs).`,
    ].join('\n');
  } finally {
    child.kill();
  }
}
