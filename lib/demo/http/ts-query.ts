/**
 * The time-series server's query semantics (CRDB pkg/ts/server.go Query, pkg/ts/query.go DB.Query,
 * queryChunk, downsampleSpans, aggregateSpansToDatapoints; pkg/ts/timespan.go), over the demo's
 * store (lib/demo/model/ts-store.ts). Checked in CockroachDB's order, with its messages:
 * - no queries: status InvalidArgument "Queries cannot be empty" (HTTP 400);
 * - sample_nanos 0 means 10 s; start and end are rounded down to the sample period (normalize);
 * - start after end, a sample shorter than or not a multiple of 10 s, a FIRST/LAST/VARIANCE
 *   aggregator or downsampler, a start past now − one sample: plain Go errors (HTTP 500, code 2);
 * - the end is clamped to now − one sample (adjustForCurrentTime).
 * Per source the samples are read from whole 1 h slabs (Resolution10s's slab) around
 * [start − 5 min, end + 5 min] (the interpolation limit is server.time_until_store_dead, 5 min by
 * default), downsampled into sample periods when the sample is longer than 10 s, then aggregated
 * across sources at every timestamp any source has: a source missing there is linearly
 * interpolated between its neighbours when they are at most 5 min apart, else left out (so a node
 * down longer than that is a gap, and the aggregate covers the nodes that have data). Derivatives
 * are per second from the previous sample. Datapoint timestamps are the start of their period.
 * The rollup pass CockroachDB runs first when sample_nanos is a multiple of 30 min finds nothing
 * here (the demo keeps no 30 min rollups), so the 10 s data answers the whole span, as it does there.
 */
import type { TsStore } from '../model/ts-store';
import { GatewayError, goError, GRPC } from './grpc-gateway';
import { AGGREGATORS, DERIVATIVES, type TsDatapoint, type TsQuery, type TsRequest, type TsResult } from './ts-wire';

const SAMPLE_10S = 10_000_000_000n;
const NS_PER_MS = 1_000_000n;
const INTERPOLATION_LIMIT_MS = 5 * 60_000;
const SLAB_MS = 3_600_000;
const NAMES = Object.fromEntries(Object.entries(AGGREGATORS).map(([k, v]) => [v, k])) as Record<number, string>;

interface Span {
  t: number[];
  v: number[];
}

/** Go's time.Time String() in UTC, e.g. `2026-12-02 05:48:43.1 +0000 UTC` (trailing zeros dropped). */
function goTime(ns: bigint): string {
  const ms = Number(ns / NS_PER_MS);
  const frac = ((ns % 1_000_000_000n) + 1_000_000_000n) % 1_000_000_000n;
  const f = frac === 0n ? '' : `.${frac.toString().padStart(9, '0').replace(/0+$/, '')}`;
  return `${new Date(ms - (ms % 1000)).toISOString().slice(0, 19).replace('T', ' ')}${f} +0000 UTC`;
}

/** Go's time.Duration String() for whole seconds: 10s, 1m0s, 1h30m0s. */
function goDuration(ns: bigint): string {
  const s = Number(ns / 1_000_000_000n);
  if (s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h > 0 ? `${h}h` : ''}${m}m${s % 60}s`;
}

function verifyAggregator(agg: number, what: 'aggregator' | 'downsampler'): void {
  const name = NAMES[agg];
  if (name === 'FIRST' || name === 'LAST' || name === 'VARIANCE') throw goError(`${what} ${name} is not yet supported`);
  if (name === undefined) throw goError(`query specified unknown time series ${what === 'aggregator' ? 'aggregator' : 'downsampler'} ${agg}`);
}

function aggregate(agg: number, values: number[]): number {
  if (agg === AGGREGATORS.MAX) return values.reduce((a, b) => (b > a ? b : a), -Number.MAX_VALUE);
  if (agg === AGGREGATORS.MIN) return values.reduce((a, b) => (b < a ? b : a), Number.MAX_VALUE);
  let sum = 0;
  for (const v of values) sum += v;
  return agg === AGGREGATORS.AVG ? sum / values.length : sum;
}

/** downsampleSpans: one value per sample period, at the period's start. */
function downsample(span: Span, sampleMs: number, downsampler: number): Span {
  const out: Span = { t: [], v: [] };
  for (let i = 0; i < span.t.length; ) {
    const period = Math.floor(span.t[i] / sampleMs) * sampleMs;
    const vals: number[] = [];
    for (; i < span.t.length && Math.floor(span.t[i] / sampleMs) * sampleMs === period; i++) vals.push(span.v[i]);
    out.t.push(period);
    out.v.push(aggregate(downsampler, vals));
  }
  return out;
}

/** aggregateSpansToDatapoints over spans of samples (ms timestamps on the 10 s grid). */
function aggregateSpans(spans: Span[], q: { sourceAggregator: number; derivative: number }, startMs: number, endMs: number): TsDatapoint[] {
  const idx = spans.map((s) => {
    let i = 0;
    while (i < s.t.length && s.t[i] < startMs) i++;
    return i;
  });
  const periods = (a: number, b: number) => Math.trunc((a - b) / 10_000); // Go: int64 nanos / samplePeriod (10 s)
  const out: TsDatapoint[] = [];
  for (;;) {
    let lowest = Infinity;
    spans.forEach((s, k) => {
      if (idx[k] < s.t.length && s.t[idx[k]] < lowest) lowest = s.t[idx[k]];
    });
    if (!(lowest <= endMs)) break;
    const values: number[] = [];
    spans.forEach((s, k) => {
      const i = idx[k];
      if (i >= s.t.length) return;
      const exact = s.t[i] === lowest;
      const validAt = exact || (i > 0 && lowest < s.t[i] && lowest > s.t[i - 1] && s.t[i] - s.t[i - 1] <= INTERPOLATION_LIMIT_MS);
      if (validAt) {
        const deriv = i > 0 ? (s.v[i] - s.v[i - 1]) / periods(s.t[i], s.t[i - 1]) : null;
        if (q.derivative === DERIVATIVES.DERIVATIVE || q.derivative === DERIVATIVES.NON_NEGATIVE_DERIVATIVE) {
          // Per sample period, then per second: value *= 1e9 / samplePeriod.
          if (deriv !== null) values.push(q.derivative === DERIVATIVES.NON_NEGATIVE_DERIVATIVE && deriv < 0 ? 0 : deriv * (1e9 / 1e10));
        } else if (exact) values.push(s.v[i]);
        else if (deriv !== null) values.push(s.v[i] - deriv * periods(s.t[i], lowest));
      }
      if (exact) idx[k] += 1;
    });
    // CockroachDB also drops a partial point later than now − one sample; the clamped end never reaches there.
    if (values.length > 0) out.push({ timestampNanos: BigInt(lowest) * NS_PER_MS, value: aggregate(q.sourceAggregator, values) });
  }
  return out;
}

function sourceNodeIds(query: TsQuery, allNodes: readonly number[]): number[] {
  // A secondary tenant's series use source `<node>-<tenant>`; the demo has only the system tenant (0 or 1).
  if (query.tenantId > 1n) return [];
  if (query.sources.length === 0) return [...allNodes];
  return [...new Set(query.sources.filter((s) => /^\d+$/.test(s)).map(Number))].filter((id) => allNodes.includes(id));
}

export interface TsQueryContext {
  store: TsStore;
  nodeIds: readonly number[];
  nowMs: number;
  /** Whether this release answers return_sources_separately (sourceDatapoints). */
  sourcesSeparately: boolean;
}

export function queryTimeSeries(ctx: TsQueryContext, req: TsRequest): TsResult[] {
  if (req.queries.length === 0) throw new GatewayError(GRPC.InvalidArgument, 'Queries cannot be empty');
  const sample = req.sampleNanos === 0n ? SAMPLE_10S : req.sampleNanos;
  const nowNs = BigInt(ctx.nowMs) * NS_PER_MS;
  // DB.Query, for every query (the timespan checks fail alike on the first).
  const start = req.startNanos - (req.startNanos % sample);
  let end = req.endNanos - (req.endNanos % sample);
  if (start > end) throw goError(`startNanos ${start} was later than endNanos ${end}`);
  if (sample < SAMPLE_10S) throw goError(`sampleDuration ${sample} was not less that queryResolution.SampleDuration ${SAMPLE_10S}`);
  if (sample % SAMPLE_10S !== 0n) throw goError(`sampleDuration ${sample} is not a multiple of queryResolution.SampleDuration ${SAMPLE_10S}`);
  for (const q of req.queries) {
    verifyAggregator(q.sourceAggregator ?? AGGREGATORS.SUM, 'aggregator');
    verifyAggregator(q.downsampler ?? AGGREGATORS.AVG, 'downsampler');
  }
  const cutoff = nowNs - sample;
  if (start > cutoff) {
    throw goError(
      `cannot query time series in the future (start time ${goTime(start)} was greater than cutoff for current sample period ${goTime(cutoff)}); current time: ${goTime(nowNs)}; sample duration: ${goDuration(sample)}`,
    );
  }
  if (end > cutoff) end = cutoff;
  const startMs = Number(start / NS_PER_MS);
  const endMs = Number(end / NS_PER_MS);
  const sampleMs = Number(sample / NS_PER_MS);
  const readFrom = Math.floor((startMs - INTERPOLATION_LIMIT_MS) / SLAB_MS) * SLAB_MS;
  const readTo = Math.floor((endMs + INTERPOLATION_LIMIT_MS) / SLAB_MS) * SLAB_MS + SLAB_MS - 1;
  return req.queries.map((query) => {
    const downsampler = query.downsampler ?? AGGREGATORS.AVG;
    const spans: { source: string; span: Span }[] = [];
    for (const id of sourceNodeIds(query, ctx.nodeIds)) {
      const raw = ctx.store.read(query.name, id, readFrom, readTo, ctx.nowMs);
      if (raw.t.length === 0) continue;
      spans.push({ source: String(id), span: sampleMs === 10_000 ? raw : downsample(raw, sampleMs, downsampler) });
    }
    const agg = { sourceAggregator: query.sourceAggregator ?? AGGREGATORS.SUM, derivative: query.derivative ?? DERIVATIVES.NONE };
    const result: TsResult = {
      query: { ...query, sources: spans.map((s) => s.source) },
      datapoints: aggregateSpans(
        spans.map((s) => s.span),
        agg,
        startMs,
        endMs,
      ),
    };
    if (ctx.sourcesSeparately) result.sourceDatapoints = req.returnSourcesSeparately ? spans.map((s) => ({ source: s.source, datapoints: aggregateSpans([s.span], agg, startMs, endMs) })) : [];
    return result;
  });
}
