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
}
