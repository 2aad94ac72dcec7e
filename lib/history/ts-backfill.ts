/**
 * Day-one history: the stretch of a cluster's history the store lacks, read back from CockroachDB's
 * own time-series store (`POST /ts/query`) and written as the scrapes a dashboard running all
 * along would have recorded.
 *
 * - One query per node × catalog metric (`cr.node.<internal name>`, `sources: [node]`), so each
 *   node's series is its own, as a scrape records it; a node or metric the store has no data for
 *   returns no points and writes none: a gap, never zeros.
 * - Downsampler MAX for every metric. Within one 10 s period there is one stored sample, so any
 *   downsampler returns it unchanged; over a 30 min rollup period MAX keeps a counter's highest
 *   value (its value at the end of the period unless it reset in it), so increase/rate/reset
 *   detection read it as recorded data (AVG would invent fractional counts below the real value;
 *   LAST is refused by the server). For gauges MAX keeps the spikes the panels and alerts look for
 *   (a job running for five minutes, the oldest protected timestamp, the latest completed backup),
 *   where AVG would smear them.
 * - Load is bounded: at most `maxInFlight` (4) requests to the cluster at once, each answer at most
 *   `maxPointsPerRequest` (25,000) points, at most two windows in memory (the one being written and the next
 *   being fetched), each window written in one transaction with its span before the next is
 *   fetched, so an interruption loses at most the windows in flight and a restart resumes.
 */
import { CATALOG } from '../catalog';
import { aggregateMetrics } from '../scrape/scrape-cluster';
import type { BackfillStatus } from '../api/types/history';
import type { SqliteStore } from './sqlite-store';
import { TsError, type TsClient } from './ts-client';
import { batchesOf, missingStretches, pointsPerQuery, TEN_S_MS, windowsOf, type Window } from './ts-plan';
import type { TsQuery } from './ts-wire';
import type { NodeSample, PastScrape } from './types';

export interface BackfillOptions {
  store: Pick<SqliteStore, 'writePast' | 'backfilledSpans' | 'minutesWithData'>;
  cluster: string;
  client: Pick<TsClient, 'query' | 'requests'>;
  nodeIds: readonly number[];
  /** How far back (already capped at HISTORY_RETENTION). */
  backfillMs: number;
  /** A run of empty minutes shorter than this is not a gap (2 scrape intervals, at least 2 min). */
  toleranceMs: number;
  nowMs?: number;
  maxInFlight?: number;
  maxPointsPerRequest?: number;
  maxPointsPerWindow?: number;
  signal?: AbortSignal;
  /** Called with every change of the status (the holder on globalThis, the bench). */
  report: (s: BackfillStatus) => void;
}

/**
 * A window is written in one synchronous transaction (~1 s per 100,000 points on a loaded 2-core
 * machine): small enough that requests keep being answered between windows, large enough that the
 * per-window rollup rebuild stays a small share.
 */
export const MAX_POINTS_PER_WINDOW = 100_000;
/** One answer: ~2.5 MB of JSON. */
export const MAX_POINTS_PER_REQUEST = 25_000;

const METRICS = CATALOG.map((m) => ({ series: `cr.node.${m.name}`, exported: m.exported }));
const EXPORTED = new Map(METRICS.map((m) => [m.series, m.exported]));

/** A counting semaphore: at most `n` holders at once. */
function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (fn) => {
    if (active >= n) await new Promise<void>((r) => queue.push(r));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}

export async function backfillCluster(o: BackfillOptions): Promise<BackfillStatus> {
  const now = o.nowMs ?? Date.now();
  // The server clamps the end to now minus one sample; asking for more is asking for nothing.
  const toMs = Math.floor((now - TEN_S_MS) / TEN_S_MS) * TEN_S_MS;
  const fromMs = toMs - o.backfillMs;
  const status: BackfillStatus = {
    cluster: o.cluster,
    state: 'running',
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    done_points: 0,
    total_points: 0,
    written_points: 0,
    requests: 0,
    eta_s: null,
    error: null,
    note: null,
  };
  const gaps = missingStretches(fromMs, toMs, o.store.backfilledSpans(o.cluster), o.store.minutesWithData(o.cluster, fromMs, toMs), o.toleranceMs);
  const queries: TsQuery[] = o.nodeIds.flatMap((node) => METRICS.map((m) => ({ name: m.series, downsampler: 'MAX' as const, sources: [String(node)] })));
  const windows = queries.length === 0 ? [] : windowsOf(gaps, now, queries.length, o.maxPointsPerWindow ?? MAX_POINTS_PER_WINDOW);
  status.total_points = windows.reduce((n, w) => n + pointsPerQuery(w) * queries.length, 0);
  if (o.nodeIds.length === 0) status.note = 'no node answered its /_status/vars, so there is no node to ask for';
  if (windows.length === 0) return finish(o, status, 'done');
  o.report({ ...status });

  const run = limiter(o.maxInFlight ?? 4);
  const maxPoints = o.maxPointsPerRequest ?? MAX_POINTS_PER_REQUEST;
  const started = Date.now();
  const fetchWindow = (w: Window) => Promise.all(batchesOf(queries, pointsPerQuery(w), maxPoints).map((batch) => run(() => ask(o, w, batch)))).then((parts) => scrapesOf(w, parts.flat()));
  try {
    let next: Promise<PastScrape[]> | null = fetchWindow(windows[0] as Window);
    for (let i = 0; i < windows.length; i++) {
      const w = windows[i] as Window;
      const scrapes: PastScrape[] = await (next as Promise<PastScrape[]>);
      if (o.signal?.aborted) break;
      // The next window is fetched while this one is written: two windows in memory at most.
      next = i + 1 < windows.length ? fetchWindow(windows[i + 1] as Window) : null;
      // Keep a rejected prefetch from being reported as unhandled if this write throws first.
      next?.catch(() => undefined);
      status.written_points += o.store.writePast(o.cluster, w, scrapes);
      status.done_points += pointsPerQuery(w) * queries.length;
      status.requests = o.client.requests;
      const rate = status.done_points / Math.max(1, Date.now() - started);
      status.eta_s = Math.round((status.total_points - status.done_points) / rate / 1000);
      o.report({ ...status });
      // better-sqlite3 is synchronous: let requests through between windows.
      await new Promise((r) => setImmediate(r));
    }
  } catch (err) {
    status.requests = o.client.requests;
    status.eta_s = null;
    status.error = err instanceof TsError ? { code: err.kind === 'auth' ? 'ts_auth' : `ts_${err.kind}`, message: err.message } : { code: 'ts_error', message: err instanceof Error ? err.message : String(err) };
    return finish(o, status, 'failed');
  }
  status.requests = o.client.requests;
  if (o.signal?.aborted) return finish(o, { ...status, note: 'interrupted; the next start resumes where it stopped' }, 'idle');
  return finish(o, status, 'done');
}

function finish(o: BackfillOptions, s: BackfillStatus, state: BackfillStatus['state']): BackfillStatus {
  const out = { ...s, state, eta_s: state === 'done' ? 0 : s.eta_s };
  o.report(out);
  return out;
}

/** One request; a timeout or 5xx is retried once (a busy node), a refused login is not. */
async function ask(o: BackfillOptions, w: Window, batch: TsQuery[]): Promise<{ query: TsQuery; points: { tMs: number; value: number }[] }[]> {
  if (o.signal?.aborted) return [];
  const req = { startMs: w.fromMs, endMs: w.toMs, sampleMs: w.sampleMs, queries: batch };
  let results;
  try {
    results = await o.client.query(req);
  } catch (err) {
    if (!(err instanceof TsError) || err.kind === 'auth' || err.kind === 'format') throw err;
    results = await o.client.query(req);
  }
  return results.map((r, i) => ({ query: batch[i] as TsQuery, points: r.points }));
}

/** Query results → one past scrape per timestamp, each node's metrics and their cluster value. */
function scrapesOf(w: Window, results: { query: TsQuery; points: { tMs: number; value: number }[] }[]): PastScrape[] {
  const byTs = new Map<number, Map<number, Record<string, number>>>();
  for (const { query, points } of results) {
    const node = Number(query.sources[0]);
    const metric = EXPORTED.get(query.name) as string;
    for (const p of points) {
      // The server may answer a period starting at the end; that one belongs to the next window.
      if (p.tMs < w.fromMs || p.tMs >= w.toMs) continue;
      let nodes = byTs.get(p.tMs);
      if (!nodes) byTs.set(p.tMs, (nodes = new Map()));
      let metrics = nodes.get(node);
      if (!metrics) nodes.set(node, (metrics = {}));
      metrics[metric] = p.value;
    }
  }
  return [...byTs]
    .sort((a, b) => a[0] - b[0])
    .map(([tMs, nodes]) => {
      const list: NodeSample[] = [...nodes].sort((a, b) => a[0] - b[0]).map(([node_id, metrics]) => ({ node_id, metrics }));
      return { tMs, nodes: list, aggregate: aggregateMetrics(list.map((n) => n.metrics)) };
    });
}
