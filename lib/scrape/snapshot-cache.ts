import type { ClusterConfig } from '../config';
import { scrapeCluster, type ClusterSnapshot } from './scrape-cluster';

interface Entry {
  snapshot?: ClusterSnapshot;
  at: number;
  inflight?: Promise<ClusterSnapshot>;
  seq: number;
  /** The id each node URL last stated: a node that is down states none, but is still "n2". */
  known: Map<string, number>;
}

// On globalThis: Next may load this module once per route bundle, and there must be one cache.
const KEY = Symbol.for('crdb-monitor.snapshot-cache');
const store = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, Entry>()) as Map<string, Entry>;

/** The node id the configured node at this `host:port` last stated (Prometheus's `instance`), or null. */
export function nodeIdAtHost(clusterId: string, hostPort: string): number | null {
  const e = store.get(clusterId);
  if (!e) return null;
  for (const [url, id] of e.known) {
    try {
      if (new URL(url).host === hostPort) return id;
    } catch {
      // a configured URL always parses; nothing to match otherwise
    }
  }
  return null;
}

/**
 * The cluster's latest snapshot, scraping at most once per interval however many viewers, API
 * calls and the recorder ask (cache + single flight): the dashboard must never become load on a
 * struggling cluster. A caller that arrives while a scrape runs waits for that same scrape.
 */
export function getSnapshot(cluster: ClusterConfig, urls: string[], opts: { intervalMs: number; timeoutMs: number }): Promise<ClusterSnapshot> {
  let e = store.get(cluster.id);
  if (!e) {
    e = { at: 0, seq: 0, known: new Map() };
    store.set(cluster.id, e);
  }
  const entry = e;
  if (entry.snapshot && Date.now() - entry.at < opts.intervalMs) return Promise.resolve(entry.snapshot);
  if (entry.inflight) return entry.inflight;
  entry.seq += 1;
  entry.inflight = scrapeCluster(cluster, urls, { timeoutMs: opts.timeoutMs, seq: entry.seq })
    .then((s) => {
      for (const n of s.nodes) {
        if (n.node_id !== null) entry.known.set(n.url, n.node_id);
        else if (entry.known.has(n.url)) Object.assign(n, { node_id: entry.known.get(n.url), name: `n${entry.known.get(n.url)}` });
      }
      entry.snapshot = s;
      entry.at = Date.now();
      return s;
    })
    .finally(() => {
      entry.inflight = undefined;
    });
  return entry.inflight;
}

/**
 * The latest snapshot of a cluster without scraping (the fleet reads every cluster at once and must
 * not wait on one that hangs); undefined before its first scrape. `scraping` says one is under way.
 */
export function peekSnapshot(clusterId: string): { snapshot: ClusterSnapshot | undefined; scraping: Promise<ClusterSnapshot> | undefined } {
  const e = store.get(clusterId);
  return { snapshot: e?.snapshot, scraping: e?.inflight };
}
