/**
 * Past scrapes from a history source, written into an empty stretch of the store as the scrapes a
 * dashboard running all along would have recorded. Start-up registers the sources
 * (instrumentation.ts): today the built-in demo, whose model simulates its past anyway and samples
 * every node's metrics while doing so. A real cluster's past is never invented.
 */
import { CATALOG_EXPORTED_NAMES } from '../catalog';
import { aggregateMetrics } from '../scrape/scrape-cluster';
import type { BackfillSample, HistoryStore, NodeSample } from './types';

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
