/**
 * Child process of jobs-table.bench.ts: a demo cluster whose history holds `--jobs N` extra ad-hoc
 * backups (plus the story's and the schedules' jobs), on free ports, so the bench's client and the
 * emulated cluster do not share one event loop. Prints {"sqlUrl":…,"startS":…,"rssMb":…} once listening.
 */
import { startDemoCluster } from '../lib/demo/cluster';

async function main() {
  const jobs = Number(process.argv[2] ?? 100_000);
  const version = (process.argv[3] ?? '25.4') as '25.4';
  const t0 = performance.now();
  const cluster = await startDemoCluster({ extraJobs: jobs, sqlPort: 0, httpPort: 0, controlPort: null, seed: 7, version });
  const startS = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ sqlUrl: cluster.sqlUrl, startS, rssMb: process.memoryUsage().rss / 1024 / 1024 })}\n`);
}

void main();
