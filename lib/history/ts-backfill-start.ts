/**
 * Runs the day-one backfill (ts-backfill.ts) for every cluster at start-up, each with its own
 * status on globalThis (backfill-status.ts). Which nodes to ask about: those that answer their
 * `/_status/vars` now (their ids label the `sources`); the requests go round those same nodes.
 */
import type { ClusterConfig } from '../config';
import { nodeUrls } from '../scrape/node-urls';
import { getSnapshot } from '../scrape/snapshot-cache';
import { backfillStatus, idleStatus, setBackfillStatus } from './backfill-status';
import type { SqliteStore } from './sqlite-store';
import { backfillCluster } from './ts-backfill';
import { TsClient } from './ts-client';

export interface BackfillRunOptions {
  store: SqliteStore;
  clusters: readonly ClusterConfig[];
  backfillMs: number;
  intervalMs: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Marks every cluster's backfill off, saying why (TS_BACKFILL=off, or history read from Prometheus). */
export function markBackfillOff(clusters: readonly ClusterConfig[], why: string): void {
  for (const c of clusters) setBackfillStatus({ ...idleStatus(c.id, why), state: 'off' });
}

/**
 * Clusters backfilled at once. Each holds up to two windows in memory and writes synchronously, so a
 * fleet of fifty must not run fifty at a time in one process: memory stays bounded by this, not by
 * the number of clusters, and the first clusters finish sooner.
 */
const CLUSTERS_AT_ONCE = 2;

/** Every cluster, CLUSTERS_AT_ONCE at a time, in the configured order; resolves when all are done or failed. */
export async function backfillAll(o: BackfillRunOptions): Promise<void> {
  const queue = [...o.clusters];
  for (const c of queue) setBackfillStatus({ ...idleStatus(c.id, 'queued: clusters are backfilled a few at a time'), state: 'idle' });
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) await backfillOne(o, c);
  };
  await Promise.all(Array.from({ length: Math.min(CLUSTERS_AT_ONCE, queue.length) }, worker));
}

async function backfillOne(o: BackfillRunOptions, cluster: ClusterConfig): Promise<void> {
  setBackfillStatus({ ...idleStatus(cluster.id), state: 'running' });
  try {
    const urls = await nodeUrls(cluster);
    const snap = await getSnapshot(cluster, urls, { intervalMs: o.intervalMs, timeoutMs: o.timeoutMs });
    const up = snap.nodes.filter((n): n is typeof n & { node_id: number } => n.up && n.node_id !== null);
    const client = new TsClient({ urls: up.map((n) => n.url), ca: cluster.httpCa, auth: cluster.console ?? null, timeoutMs: 60_000 });
    const s = await backfillCluster({
      store: o.store,
      cluster: cluster.id,
      client,
      nodeIds: up.map((n) => n.node_id),
      backfillMs: o.backfillMs,
      toleranceMs: Math.max(120_000, 2 * o.intervalMs),
      signal: o.signal,
      report: setBackfillStatus,
    });
    if (s.state === 'failed') console.error(`history: backfill of ${cluster.id} from /ts/query failed: ${s.error?.message ?? 'unknown error'}`);
    else if (s.written_points > 0) console.log(`history: backfilled ${cluster.id} from /ts/query: ${s.written_points} samples in ${s.requests} requests`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    setBackfillStatus({ ...backfillStatus(cluster.id), state: 'failed', eta_s: null, error: { code: 'ts_error', message } });
    console.error(`history: backfill of ${cluster.id} failed: ${message}`);
  }
}
