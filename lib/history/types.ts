/**
 * The history store's contract. The embedded SQLite store implements it today; a Prometheus
 * backend (PROMETHEUS_URL, DESIGN "Sources of truth") can serve the same calls later, which is why
 * every read is async even though SQLite answers synchronously.
 */
export const RANGE_FNS = ['raw', 'increase', 'rate'] as const;
export type RangeFn = (typeof RANGE_FNS)[number];

/** `[unix_ms, value]`, as the API sends it. */
export type Point = [number, number];

export interface NodeSeries {
  node_id: number;
  points: Point[];
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
