/** The history API's shapes (`GET /api/v1/clusters/{c}/metrics/{name}`): one metric over a range, per node. */

export const RANGE_FNS = ['raw', 'increase', 'rate'] as const;
export type RangeFn = (typeof RANGE_FNS)[number];

/** `[unix_ms, value]`, as the API sends it. */
export type Point = [number, number];

export interface NodeSeries {
  node_id: number;
  points: Point[];
}

export interface RangeResponse {
  metric: string;
  from: string;
  to: string;
  step_s: number;
  fn: RangeFn;
  series: NodeSeries[];
  aggregate?: { how: 'sum' | 'max'; points: Point[] };
  /** Where the points come from: the dashboard's own recorder, or Prometheus (PROMETHEUS_URL). */
  source?: 'embedded' | 'prometheus';
  /** The embedded store's stretches read back from CockroachDB's time-series store (oldest first), then where its own recording starts. */
  sources?: HistorySourceSpan[];
}

/** Where a chart's points come from: read back from CockroachDB's time-series store, or recorded by this dashboard. */
export type HistorySourceSpan = { kind: 'tsdb'; from: string; to: string } | { kind: 'recorded'; from: string };

export const BACKFILL_STATES = ['idle', 'running', 'done', 'failed', 'off'] as const;
export type BackfillState = (typeof BACKFILL_STATES)[number];

/** `GET /api/v1/clusters/{c}/history/backfill`: the day-one backfill from CockroachDB's `/ts/query`. */
export interface BackfillStatus {
  cluster: string;
  state: BackfillState;
  /** The stretch being filled (ISO); null before it is known. */
  from: string | null;
  to: string | null;
  /** Point slots (node × metric × sample period) asked for and written so far, and in all. */
  done_points: number;
  total_points: number;
  /** Samples actually written (a node or metric the store has no data for writes none: a gap). */
  written_points: number;
  requests: number;
  /** Seconds left at the rate so far; null when unknown. */
  eta_s: number | null;
  error: { code: string; message: string } | null;
  /** Why the backfill is off, or what it skipped. */
  note: string | null;
}
