/**
 * Runs the day-one backfill (ts-backfill.ts) for every cluster at start-up, each with its own
 * status on globalThis (backfill-status.ts). Which nodes to ask about: those that answer their
 * `/_status/vars` now (their ids label the `sources`); the requests go round those same nodes.
 */
import type { ClusterConfig } from '../config';
import { nodeUrls } from '../scrape/node-urls';
import { getSnapshot } from '../scrape/snapshot-cache';
import type { BackfillStatus } from '../api/types/history';
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

/** The stretch every cluster gets first: what the overview's charts and the alert windows read. */
const RECENT_MS = 86_400_000;

/**
 * Every cluster, CLUSTERS_AT_ONCE at a time, in the configured order: first each one's last day,
 * then the rest of the stretch (the engine resumes, so the second pass fetches only what the first
 * did not). `recent` settles once every cluster has its last day (or failed): the alerts start then.
 */
export function backfillAll(o: BackfillRunOptions): { recent: Promise<void>; all: Promise<void> } {
  for (const c of o.clusters) setBackfillStatus({ ...idleStatus(c.id, 'queued: clusters are backfilled a few at a time'), state: 'idle' });
  const pass = async (spanMs: number, final: boolean) => {
    const queue = [...o.clusters];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await backfillOne({ ...o, backfillMs: spanMs }, c, final);
    };
    await Promise.all(Array.from({ length: Math.min(CLUSTERS_AT_ONCE, queue.length) }, worker));
  };
  const recent = o.backfillMs > RECENT_MS ? pass(RECENT_MS, false) : pass(o.backfillMs, true);
  const all = o.backfillMs > RECENT_MS ? recent.then(() => pass(o.backfillMs, true)) : recent;
  return { recent, all };
}

async function backfillOne(o: BackfillRunOptions, cluster: ClusterConfig, final: boolean): Promise<void> {
  setBackfillStatus({ ...idleStatus(cluster.id), state: 'running' });
  // The first pass's "done" is not the end: the status stays running until the whole stretch is in.
  const report = (s: BackfillStatus) => setBackfillStatus(final || s.state !== 'done' ? s : { ...s, state: 'running', eta_s: null, note: 'the last day is in; the rest of the stretch follows' });
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
      report,
    });
    if (s.state === 'failed') console.error(`history: backfill of ${cluster.id} from /ts/query failed: ${s.error?.message ?? 'unknown error'}`);
    else if (s.written_points > 0) console.log(`history: backfilled ${cluster.id} from /ts/query: ${s.written_points} samples in ${s.requests} requests`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    setBackfillStatus({ ...backfillStatus(cluster.id), state: 'failed', eta_s: null, error: { code: 'ts_error', message } });
    console.error(`history: backfill of ${cluster.id} failed: ${message}`);
  }
}
