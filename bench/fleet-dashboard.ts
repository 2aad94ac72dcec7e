/**
 * Child process of fleet.bench.ts: the dashboard's own work for a fleet — the recorder scraping and
 * writing every cluster on its interval, and alert evaluation on every scrape — in a process of its
 * own (the configuration is read once per process). After a warm-up it measures, over `measureS`:
 * CPU as a share of one core, RSS, and the fleet answer (`fleet()` + JSON) every second; then the
 * baseline: a fleet that would scrape every cluster for each answer. Prints one JSON line.
 *
 * Usage: node --import tsx bench/fleet-dashboard.ts <clusters.json> <history.sqlite> <measureS>
 */
import { fleet } from '../lib/api/fleet';
import { startAlerts } from '../lib/api/alerts-start';
import { listClusters } from '../lib/clusters';
import { startHistory } from '../lib/history/start';
import { scrapeCluster } from '../lib/scrape/scrape-cluster';

// The dashboard's start-up lines go to stderr: stdout carries the one JSON line.
console.log = (...args: unknown[]) => console.error(...args);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const [file, db, measure] = process.argv.slice(2);
  process.env.CLUSTERS_FILE = file;
  process.env.HISTORY_DB = db;
  process.env.SCRAPE_INTERVAL = '10s';
  const measureMs = Number(measure) * 1000;
  await startHistory();
  startAlerts();
  // Warm-up: every cluster scraped and evaluated at least once (their starts are spread over the interval).
  await sleep(12_000);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const latencies: number[] = [];
  while (performance.now() - t0 < measureMs) {
    const a = performance.now();
    const answer = JSON.stringify(await fleet());
    latencies.push(performance.now() - a);
    if (answer.length < 100) throw new Error('empty fleet');
    await sleep(1_000);
  }
  const cpu = process.cpuUsage(cpu0);
  const elapsed = performance.now() - t0;
  clearInterval(sampler);
  const steadyRss = process.memoryUsage().rss;
  const clusters = await listClusters();
  const answer = await fleet();
  const scraped = answer.clusters.filter((c) => c.nodes_up === c.nodes_total && c.nodes_total > 0).length;
  // Baseline: what each answer would cost if the fleet scraped every cluster itself.
  const naive: number[] = [];
  for (let i = 0; i < 3; i++) {
    const a = performance.now();
    await Promise.all(clusters.map((c, k) => scrapeCluster(c, c.httpUrls, { timeoutMs: 30_000, seq: k })));
    naive.push(performance.now() - a);
  }
  process.stdout.write(
    `${JSON.stringify({ clusters: clusters.length, nodes: clusters.reduce((s, c) => s + c.httpUrls.length, 0), scraped, cpuShare: (cpu.user + cpu.system) / 1000 / elapsed, rssMb: steadyRss / 1048576, peakRssMb: peakRss / 1048576, fleetMedianMs: median(latencies), fleetMaxMs: Math.max(...latencies), naiveMedianMs: median(naive) })}\n`,
  );
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
