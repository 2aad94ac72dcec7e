/**
 * The built-in demo's charts would start empty on every fresh start: the recorder only has what it
 * scraped since the dashboard came up. The demo's model simulates its past anyway, so while doing
 * so it samples every node's metrics (DemoModelOptions.backfill), and these are written here as the
 * scrapes a dashboard running all along would have recorded. Demo only: a real cluster's past is
 * not invented.
 */
import { CATALOG_EXPORTED_NAMES } from '../catalog';
import type { BackfillSample } from '../demo/model/model';
import { aggregateMetrics } from '../scrape/scrape-cluster';
import type { HistoryStore, NodeSample } from './types';

/** How far back, and how often: 24 h at 30 s is 2,880 scrapes (~3 s of writes), enough for every preset but 7 d. */
export const DEMO_BACKFILL = { windowMs: 24 * 3_600_000, everyMs: 30_000 } as const;

/** Writes the samples unless the store already holds data in their window (a restart keeps its own history). */
export async function writeBackfill(store: HistoryStore, clusterId: string, samples: readonly BackfillSample[]): Promise<number> {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return 0;
  const existing = await store.range({ cluster: clusterId, metric: 'schedules_BACKUP_started', nodes: null, fromMs: first.tMs, toMs: last.tMs, stepS: 3600, fn: 'raw' });
  if (existing.some((s) => s.points.length > 0)) return 0;
  let written = 0;
  for (const s of samples) {
    const nodes: NodeSample[] = s.nodes.map((n) => ({ node_id: n.node_id, metrics: catalogOnly(n.metrics) }));
    await store.write(clusterId, s.tMs, nodes, aggregateMetrics(nodes.map((n) => n.metrics)));
    // better-sqlite3 is synchronous: let requests (and the first scrape of the demo's own nodes, in
    // this process) through every few milliseconds rather than stalling them for seconds.
    if (++written % 10 === 0) await new Promise((r) => setImmediate(r));
  }
  return written;
}

function catalogOnly(metrics: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, v] of Object.entries(metrics)) if (CATALOG_EXPORTED_NAMES.has(name)) out[name] = v;
  return out;
}
