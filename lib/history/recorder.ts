import type { ClusterConfig } from '../config';
import { nodeUrls } from '../scrape/node-urls';
import { getSnapshot } from '../scrape/snapshot-cache';
import type { ClusterSnapshot } from '../scrape/scrape-cluster';
import type { HistoryStore, NodeSample } from './types';

export interface RecorderOptions {
  store: HistoryStore;
  clusters: () => Promise<ClusterConfig[]>;
  intervalMs: number;
  timeoutMs: number;
  /** Samples older than this are pruned, every `pruneEveryMs` (default 10 min). */
  retentionMs: number;
  pruneEveryMs?: number;
  /** Node URLs of a cluster (default: the configured or discovered ones). */
  urls?: (cluster: ClusterConfig) => Promise<string[]>;
}

export interface Recorder {
  stop(): Promise<void>;
}

/** The samples of one snapshot: up nodes that state their id. A down node writes nothing: a gap, never zeros. */
export function samplesOf(snapshot: ClusterSnapshot): NodeSample[] {
  return snapshot.nodes.filter((n): n is typeof n & { node_id: number } => n.up && n.node_id !== null).map((n) => ({ node_id: n.node_id, metrics: n.metrics }));
}

// Waking just after the cached snapshot expires: getSnapshot serves a cached snapshot until a full
// interval after the scrape ended, and waking early would skip a whole interval.
const SLACK_MS = 25;

/**
 * Records every cluster's snapshot once per scrape. It asks getSnapshot, the same cached,
 * single-flight scrape the overview and the API read, so recording never adds a request to a node;
 * a snapshot already recorded (same scrape_seq) is not written again.
 */
export function startRecorder(opts: RecorderOptions): Recorder {
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;
  const later = (fn: () => void, ms: number) => {
    if (stopped) return;
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    t.unref();
    timers.add(t);
  };

  const loop = (cluster: ClusterConfig, lastSeq: number) => {
    if (stopped) return;
    const started = Date.now();
    const p = recordOnce(opts, cluster, lastSeq)
      .then(({ seq, scrapedAtMs }) => {
        const wait = scrapedAtMs === null ? opts.intervalMs : scrapedAtMs + opts.intervalMs + SLACK_MS - Date.now();
        later(() => loop(cluster, seq), Math.max(SLACK_MS, Math.min(wait, opts.intervalMs + SLACK_MS)));
      })
      .catch((err: unknown) => {
        console.error(`history: recording ${cluster.id} failed: ${err instanceof Error ? err.message : String(err)}`);
        later(() => loop(cluster, lastSeq), Math.max(opts.intervalMs - (Date.now() - started), SLACK_MS));
      })
      .finally(() => running.delete(p));
    running.add(p);
  };

  const prune = () => {
    opts.store.prune(Date.now() - opts.retentionMs).catch((err: unknown) => console.error(`history: pruning failed: ${err instanceof Error ? err.message : String(err)}`));
  };
  const pruner = setInterval(prune, opts.pruneEveryMs ?? 600_000);
  pruner.unref();
  prune();

  void opts.clusters().then((list) => {
    // Spread over the interval: fifty clusters must not all be scraped (and written) in the same millisecond.
    list.forEach((c, i) => later(() => loop(c, 0), Math.round((i * opts.intervalMs) / Math.max(1, list.length))));
  });

  return {
    async stop() {
      stopped = true;
      clearInterval(pruner);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}

/** One scrape of one cluster into the store, unless that scrape was recorded already. */
export async function recordOnce(opts: Pick<RecorderOptions, 'store' | 'intervalMs' | 'timeoutMs' | 'urls'>, cluster: ClusterConfig, lastSeq: number): Promise<{ seq: number; scrapedAtMs: number | null }> {
  const urls = await (opts.urls ?? nodeUrls)(cluster);
  if (urls.length === 0) return { seq: lastSeq, scrapedAtMs: null };
  const snapshot = await getSnapshot(cluster, urls, { intervalMs: opts.intervalMs, timeoutMs: opts.timeoutMs });
  const scrapedAtMs = Date.parse(snapshot.scraped_at);
  if (snapshot.scrape_seq !== lastSeq) await opts.store.write(cluster.id, scrapedAtMs, samplesOf(snapshot), snapshot.aggregate);
  return { seq: snapshot.scrape_seq, scrapedAtMs };
}
