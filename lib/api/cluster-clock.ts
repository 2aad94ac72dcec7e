/**
 * The cluster's clock against the dashboard's, per cluster: measured whenever SQL answers
 * `SELECT now()` (a schedules read, an alert evaluation), so a page can measure every age of a
 * cluster time (a job's `finished`, a backup's completion gauge) against the cluster's own "now",
 * never the browser's clock mixed with the cluster's. Real clusters keep within CockroachDB's
 * max-offset (500 ms) of NTP time, so this is ~0 there; a wrong dashboard or demo clock is not.
 */
const skews = ((globalThis as { __clusterSkews?: Map<string, number> }).__clusterSkews ??= new Map<string, number>());

/** Records the cluster's `now()` as read just now (the statement's own latency is noise here). */
export function noteClusterNow(cluster: string, clusterNowMs: number, dashboardNowMs: number = Date.now()): number {
  const skew = clusterNowMs - dashboardNowMs;
  skews.set(cluster, skew);
  return skew;
}

/** Cluster clock minus dashboard clock, in ms: 0 until SQL has answered once. */
export function clusterSkewMs(cluster: string): number {
  return skews.get(cluster) ?? 0;
}
