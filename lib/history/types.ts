/**
 * The history store's contract. The embedded SQLite store implements it today; a Prometheus
 * backend (PROMETHEUS_URL, DESIGN "Sources of truth") can serve the same calls later, which is why
 * every read is async even though SQLite answers synchronously.
 */
import type { NodeSeries, Point, RangeFn } from '../api/types/history';

export { RANGE_FNS, type NodeSeries, type Point, type RangeFn } from '../api/types/history';

/** A past moment read back from CockroachDB's time-series store: every node's values at that timestamp, and their cluster value. */
export interface PastScrape {
  tMs: number;
  nodes: readonly NodeSample[];
  aggregate: Record<string, number>;
}

/** [fromMs, toMs): a stretch of time. */
export interface Span {
  fromMs: number;
  toMs: number;
}

/** One node's catalog metrics from one scrape. */
export interface NodeSample {
  node_id: number;
  metrics: Record<string, number>;
}

export interface RangeSpec {
  cluster: string;
  metric: string;
  /** Node ids to read; null = every node that has this metric recorded. */
  nodes: readonly number[] | null;
  fromMs: number;
  toMs: number;
  /** Bucket width in seconds. */
  stepS: number;
  /**
   * raw: each bucket's min and max (two points when they differ, so a one-sample spike survives);
   * increase: the counter's growth within each bucket, a drop read as a restart from 0;
   * rate: increase per second.
   */
  fn: RangeFn;
}

export interface HistoryStore {
  /**
   * Records one scrape: every sample gets the scrape's timestamp. Nodes not listed write nothing
   * (a gap). `aggregate` is the scrape's cluster value per metric (over the nodes that answered).
   */
  write(cluster: string, tsMs: number, nodes: readonly NodeSample[], aggregate?: Record<string, number>): Promise<void>;
  /** One series per node with data in the range, in node order; an empty range → []. */
  range(spec: RangeSpec): Promise<NodeSeries[]>;
  /**
   * The cluster value over the same nodes, bucketed the same way: `sum` or `max` across the nodes
   * of each scrape (raw), or of each bucket's increase (increase/rate).
   */
  aggregate(spec: RangeSpec, how: 'sum' | 'max'): Promise<Point[]>;
  /** Deletes samples older than `beforeMs`; returns how many. */
  prune(beforeMs: number): Promise<number>;
  close(): void;
}
