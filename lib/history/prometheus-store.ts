/**
 * The history store over Prometheus's HTTP API: the same calls and the same answers as the
 * embedded store, so panels, overview charts and freshness over time do not know which one they
 * read. Buckets are aligned the same way (bucket b covers [b·step, (b+1)·step) and is stamped at its
 * start): a range function over `[step]` evaluated at each bucket's end. raw keeps each bucket's
 * min and max (min_over_time / max_over_time, two points when they differ); increase and rate
 * are PromQL's (reset-aware; extrapolated to the bucket's edges, so a single increment can read
 * 1.02). A node that was not scraped is missing from that bucket: a gap, as in the embedded store.
 */
import { catalogByExported } from '../catalog';
import type { PrometheusBackendConfig } from './prometheus-env';
import { queryRange, type MatrixSeries } from './prometheus-http';
import type { HistoryStore, NodeSeries, Point, RangeSpec } from './types';

export interface PrometheusStoreDeps {
  cfg: PrometheusBackendConfig;
  /** The cluster's label matchers without braces (its prometheus_selector, or `job="cockroachdb"`). */
  selectorOf: (cluster: string) => string;
  /** With nodeLabel `instance`: the node id of a scrape target `host:port` (from the configured node URLs). */
  nodeOfInstance?: (cluster: string, instance: string) => number | null;
}

export class PrometheusStore implements HistoryStore {
  constructor(private readonly deps: PrometheusStoreDeps) {}

  /** Prometheus scrapes the nodes itself: the dashboard writes nothing there. */
  async write(): Promise<void> {}

  async range(spec: RangeSpec): Promise<NodeSeries[]> {
    const by = this.deps.cfg.nodeLabel;
    const agg = catalogByExported(spec.metric)?.aggregate ?? 'sum';
    const inner = this.selector(spec);
    const w = `${spec.stepS}s`;
    if (spec.fn === 'raw') {
      const [lo, hi] = await Promise.all([this.query(spec, `${agg} by (${by}) (min_over_time(${inner}[${w}]))`), this.query(spec, `${agg} by (${by}) (max_over_time(${inner}[${w}]))`)]);
      return this.merge(spec, lo, hi);
    }
    const fn = spec.fn === 'rate' ? 'rate' : 'increase';
    return this.merge(spec, await this.query(spec, `sum by (${by}) (${fn}(${inner}[${w}]))`), null);
  }

  async aggregate(spec: RangeSpec, how: 'sum' | 'max'): Promise<Point[]> {
    const inner = this.selector(spec);
    const w = `${spec.stepS}s`;
    if (spec.fn === 'raw') {
      // The cluster value of each scrape, then its min and max per bucket (a subquery at scrape resolution).
      const perScrape = `${how}(${inner})`;
      const res = `${Math.max(1, Math.min(spec.stepS, 15))}s`;
      const [lo, hi] = await Promise.all([this.query(spec, `min_over_time(${perScrape}[${w}:${res}])`), this.query(spec, `max_over_time(${perScrape}[${w}:${res}])`)]);
      return pointsOf(spec, lo[0] ?? null, hi[0] ?? null);
    }
    const fn = spec.fn === 'rate' ? 'rate' : 'increase';
    const r = await this.query(spec, `${how}(${fn}(${inner}[${w}]))`);
    return pointsOf(spec, r[0] ?? null, null);
  }

  async prune(): Promise<number> {
    return 0;
  }

  close(): void {}

  private selector(spec: RangeSpec): string {
    const parts = [this.deps.selectorOf(spec.cluster)];
    if (spec.nodes !== null && this.deps.cfg.nodeLabel === 'node_id') parts.push(`node_id=~"${spec.nodes.join('|')}"`);
    return `${spec.metric}{${parts.filter(Boolean).join(',')}}`;
  }

  private query(spec: RangeSpec, query: string): Promise<MatrixSeries[]> {
    const stepMs = spec.stepS * 1000;
    const first = Math.floor(spec.fromMs / stepMs) * stepMs;
    const last = Math.ceil(spec.toMs / stepMs) * stepMs;
    return queryRange(this.deps.cfg.url, { query, startS: (first + stepMs) / 1000, endS: Math.max(first + stepMs, last) / 1000, stepS: spec.stepS }, this.deps.cfg);
  }

  private nodeOf(spec: RangeSpec, labels: Record<string, string>): number | null {
    if (this.deps.cfg.nodeLabel === 'node_id') {
      const id = Number(labels.node_id);
      return Number.isInteger(id) && id > 0 ? id : null;
    }
    return this.deps.nodeOfInstance?.(spec.cluster, labels.instance ?? '') ?? null;
  }

  private merge(spec: RangeSpec, a: MatrixSeries[], b: MatrixSeries[] | null): NodeSeries[] {
    const hiOf = new Map<number, MatrixSeries>();
    for (const s of b ?? []) {
      const n = this.nodeOf(spec, s.metric);
      if (n !== null) hiOf.set(n, s);
    }
    const out: NodeSeries[] = [];
    for (const s of a) {
      const n = this.nodeOf(spec, s.metric);
      if (n === null || (spec.nodes !== null && !spec.nodes.includes(n))) continue;
      const points = pointsOf(spec, s, b ? (hiOf.get(n) ?? null) : null);
      if (points.length) out.push({ node_id: n, points });
    }
    return out.sort((x, y) => x.node_id - y.node_id);
  }
}

/** Bucket-end samples → bucket-start points, with the max as a second point where it differs (raw). */
function pointsOf(spec: RangeSpec, lo: MatrixSeries | null, hi: MatrixSeries | null): Point[] {
  if (!lo) return [];
  const stepMs = spec.stepS * 1000;
  const hiAt = new Map<number, number>((hi?.values ?? []).map(([t, v]) => [Math.round(t * 1000), Number(v)]));
  const out: Point[] = [];
  for (const [t, v] of lo.values) {
    const end = Math.round(t * 1000);
    const start = end - stepMs;
    if (start + stepMs <= spec.fromMs || start >= spec.toMs) continue;
    const x = Number(v);
    if (!Number.isFinite(x)) continue;
    out.push([start, x]);
    const h = hiAt.get(end);
    if (hi && h !== undefined && h !== x) out.push([start + Math.floor(stepMs / 2), h]);
  }
  return out;
}
