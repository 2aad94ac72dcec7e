/**
 * The demo cluster's own time-series store: what CockroachDB's nodes write into the cluster's
 * internal tsdb every 10 s (CRDB pkg/server/status/recorder.go, `cr.node.<internal name>`, one
 * source per node id), kept for `timeseries.storage.resolution_10s.ttl` (default 240h, reference
 * b.4) and read by `POST /ts/query` (lib/demo/http/ts-query.ts).
 *
 * Only the catalog's metrics are recorded (lib/catalog.ts): they are all counters and gauges.
 * CockroachDB records a histogram as quantile series (`-p99`, `-max`, …), but the catalog has no
 * histogram, so there is none here; labelled child metrics are not recorded (as in CockroachDB).
 *
 * Memory: 10 days at 10 s is 86,400 samples per series; 3 clusters × 3 nodes × ~38 metrics as plain
 * arrays would be ~1 GB of JS numbers. Each series is stored exactly as linear segments instead
 * (first step, length, first value, slope per step): a counter is flat between events and an age
 * grows by 10 per sample, so a segment holds hours of samples. A sample joins the last segment only
 * when `v0 + slope·k` is bit-for-bit the sampled value, and reads evaluate the same expression, so
 * what is read is exactly what was recorded. A node that is not serving records nothing: a gap.
 */
import { CATALOG } from '../../catalog';

/** CockroachDB's 10 s resolution (pkg/ts/resolution.go Resolution10s). */
export const TS_SAMPLE_MS = 10_000;
/** `timeseries.storage.resolution_10s.ttl` default: 240h (DOCS v24.1 operational-faqs). */
export const TS_RETENTION_MS = 10 * 86_400_000;

/** Series names: `cr.node.` + the catalog's internal (dotted/dashed) name, per exported name. */
export const TS_SERIES: readonly { exported: string; name: string }[] = CATALOG.map((m) => ({ exported: m.exported, name: `cr.node.${m.name}` }));

/** One (series, source): linear segments in growable typed arrays. Steps are ms / TS_SAMPLE_MS. */
export class SegmentSeries {
  private start = new Int32Array(4);
  private len = new Int32Array(4);
  private v0 = new Float64Array(4);
  private slope = new Float64Array(4);
  private n = 0;

  get segments(): number {
    return this.n;
  }

  append(step: number, v: number): void {
    const i = this.n - 1;
    if (i >= 0 && step === this.start[i] + this.len[i]) {
      if (this.len[i] === 1) {
        const s = v - this.v0[i];
        // A finite slope only: reading the first sample evaluates slope · 0, NaN for an infinite one.
        if (Number.isFinite(s) && Object.is(this.v0[i] + s * 1, v)) {
          this.slope[i] = s;
          this.len[i] = 2;
          return;
        }
      } else if (Object.is(this.v0[i] + this.slope[i] * this.len[i], v)) {
        this.len[i] += 1;
        return;
      }
    }
    if (this.n === this.start.length) this.grow();
    this.start[this.n] = step;
    this.len[this.n] = 1;
    this.v0[this.n] = v;
    this.slope[this.n] = 0;
    this.n += 1;
  }

  /** Calls `fn` for every sample with step in [from, to], in order. */
  forEach(from: number, to: number, fn: (step: number, v: number) => void): void {
    let lo = 0;
    let hi = this.n;
    // First segment whose last step is >= from.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.start[mid] + this.len[mid] - 1 < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.n && this.start[i] <= to; i++) {
      const first = Math.max(from, this.start[i]);
      const last = Math.min(to, this.start[i] + this.len[i] - 1);
      for (let step = first; step <= last; step++) fn(step, this.v0[i] + this.slope[i] * (step - this.start[i]));
    }
  }

  /** Drops the segments that end before `step` (a segment reaching past it stays whole; reads filter). */
  dropBefore(step: number): void {
    let k = 0;
    while (k < this.n && this.start[k] + this.len[k] - 1 < step) k++;
    if (k === 0) return;
    this.start.copyWithin(0, k, this.n);
    this.len.copyWithin(0, k, this.n);
    this.v0.copyWithin(0, k, this.n);
    this.slope.copyWithin(0, k, this.n);
    this.n -= k;
  }

  private grow(): void {
    const cap = this.start.length * 2;
    const g = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.start = g(this.start, (n) => new Int32Array(n));
    this.len = g(this.len, (n) => new Int32Array(n));
    this.v0 = g(this.v0, (n) => new Float64Array(n));
    this.slope = g(this.slope, (n) => new Float64Array(n));
  }
}

export interface TsStoreOptions {
  nodeIds: readonly number[];
  /** Nothing is recorded before this (ms); the model's simulated past may start later than now − retention. */
  fromMs: number;
  retentionMs?: number;
}

/** The store of one cluster: every catalog series of every node, plus which nodes are not serving. */
export class TsStore {
  readonly retentionMs: number;
  readonly fromMs: number;
  private readonly byNode = new Map<number, (SegmentSeries | undefined)[]>();
  private readonly down = new Set<number>();
  private lastPruneStep = 0;

  constructor(opts: TsStoreOptions) {
    this.retentionMs = opts.retentionMs ?? TS_RETENTION_MS;
    this.fromMs = opts.fromMs;
    for (const id of opts.nodeIds) this.byNode.set(id, []);
  }

  /** A node whose process is down (its HTTP port refuses) records no samples until it serves again. */
  setServing(nodeId: number, serving: boolean): void {
    if (serving) this.down.delete(nodeId);
    else this.down.add(nodeId);
  }

  /** One recorder tick at `tMs` (on the 10 s grid): `metricsOf(node)` is what its `/_status/vars` serves now. */
  record(tMs: number, metricsOf: (nodeId: number) => Record<string, number>): void {
    if (tMs < this.fromMs) return;
    const step = Math.floor(tMs / TS_SAMPLE_MS);
    for (const [nodeId, series] of this.byNode) {
      if (this.down.has(nodeId)) continue;
      const m = metricsOf(nodeId);
      for (let i = 0; i < TS_SERIES.length; i++) {
        const v = m[TS_SERIES[i].exported];
        if (v === undefined) continue; // absent on this version: no series, as CockroachDB records only what its registry has
        (series[i] ??= new SegmentSeries()).append(step, v);
      }
    }
    // Prune hourly (CockroachDB's maintenance queue prunes past the TTL on its own schedule, too).
    if (step - this.lastPruneStep >= 360) {
      this.lastPruneStep = step;
      const cutoff = Math.ceil((tMs - this.retentionMs) / TS_SAMPLE_MS);
      for (const series of this.byNode.values()) for (const s of series) s?.dropBefore(cutoff);
    }
  }

  /** The node ids with a series of this name (sources), in id order. */
  sources(name: string): number[] {
    const i = TS_SERIES.findIndex((s) => s.name === name);
    if (i < 0) return [];
    return [...this.byNode].filter(([, series]) => series[i] !== undefined).map(([id]) => id);
  }

  /**
   * The samples of (name, node) with timestamps in [fromMs, toMs] that are within the retention
   * at `nowMs`, as parallel arrays of ms timestamps and values.
   */
  read(name: string, nodeId: number, fromMs: number, toMs: number, nowMs: number): { t: number[]; v: number[] } {
    const out = { t: [] as number[], v: [] as number[] };
    const i = TS_SERIES.findIndex((s) => s.name === name);
    const series = i < 0 ? undefined : this.byNode.get(nodeId)?.[i];
    if (!series) return out;
    const from = Math.ceil(Math.max(fromMs, nowMs - this.retentionMs, this.fromMs) / TS_SAMPLE_MS);
    const to = Math.floor(toMs / TS_SAMPLE_MS);
    series.forEach(from, to, (step, v) => {
      out.t.push(step * TS_SAMPLE_MS);
      out.v.push(v);
    });
    return out;
  }

  /** Segments held in total (memory accounting for tests and benches). */
  segmentCount(): number {
    let n = 0;
    for (const series of this.byNode.values()) for (const s of series) n += s?.segments ?? 0;
    return n;
  }
}
