/**
 * How filler values evolve: deterministic in (seed, node, family, time), counters non-decreasing.
 *
 * Counters count from the node's start (`DemoNode.started_at`), like CockroachDB's in-memory
 * metrics, which reset when the process restarts. A counter is
 *   floor(start + rate·(t + ½·(sin(ωt+φ) − sin φ)/ω))
 * whose derivative rate·(1 + ½·cos(ωt+φ)) is ≥ rate/2 > 0: it wobbles (bursty-looking
 * increase() graphs) but never decreases. Histograms reuse the same count curve and split it over
 * the buckets with a fixed per-family CDF, so every cumulative bucket, `_sum` and `_count` is
 * non-decreasing over time, buckets are cumulative, and `+Inf` equals `_count` by construction.
 */
import { Rng } from '../model/rng';

/** FNV-1a 32-bit: a cheap, stable string hash (no crypto needed, only spread). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The model's seeded PRNG (mulberry32) as a function returning floats in [0, 1). */
export function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

/** A PRNG private to one (seed, node, key): the same inputs always give the same stream. */
export function rngFor(seed: number, nodeId: number, key: string): () => number {
  return rng(hash32(`${seed}:${nodeId}:${key}`));
}

/** Log-uniform draw in [lo, hi]: rates and magnitudes spread over decades, as real metrics do. */
export function logUniform(r: () => number, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + r() * (Math.log(hi) - Math.log(lo)));
}

export interface Curve {
  /** Mean increase per second. */
  readonly rate: number;
  /** Angular frequency of the wobble (rad/s). */
  readonly w: number;
  readonly phase: number;
  /** Value already reached at t=0 (startup work). */
  readonly start: number;
}

export type ValueSpec =
  | { readonly k: 'const'; readonly v: number }
  | { readonly k: 'counter'; readonly curve: Curve }
  | {
      readonly k: 'gauge';
      readonly base: number;
      readonly amp: number;
      readonly period: number;
      readonly phase: number;
      readonly int: boolean;
    }
  | { readonly k: 'uptime' }
  | { readonly k: 'liveNodes' }
  | { readonly k: 'runningNonIdle' }
  /** Per job type gauges, from the model's jobs (so they agree with SHOW JOBS). */
  | { readonly k: 'jobs'; readonly jobType: string; readonly what: 'running' | 'paused' | 'idle' };

export interface HistSpec {
  readonly curve: Curve;
  /** Cumulative fraction of observations ≤ each finite bound (non-decreasing, < 1). */
  readonly cdf: Float64Array;
  /** Mean observed value, so `_sum` = round(count · mean). */
  readonly mean: number;
}

/** Job gauges of one node, keyed by the metric's type string (`auto_create_stats`). */
export interface JobCounts {
  running: number;
  paused: number;
}

export interface ValueContext {
  /** Seconds since this node started (cluster clock). */
  readonly t: number;
  readonly liveNodes: number;
  readonly jobCounts: ReadonlyMap<string, JobCounts>;
  readonly runningNonIdle: number;
}

export function makeCurve(r: () => number, rate: number): Curve {
  // Periods of 5–60 min: visible in a dashboard's 1 h window.
  const period = 300 + r() * 3300;
  return { rate, w: (2 * Math.PI) / period, phase: r() * 2 * Math.PI, start: Math.floor(rate * r() * 30) };
}

export function curveAt(c: Curve, t: number): number {
  if (c.rate === 0) return c.start;
  const wobble = (0.5 * (Math.sin(c.w * t + c.phase) - Math.sin(c.phase))) / c.w;
  return Math.floor(c.start + c.rate * (t + wobble));
}

export function valueAt(spec: ValueSpec, ctx: ValueContext): number {
  switch (spec.k) {
    case 'const':
      return spec.v;
    case 'counter':
      return curveAt(spec.curve, ctx.t);
    case 'gauge': {
      const v = spec.base * (1 + spec.amp * Math.sin((2 * Math.PI * ctx.t) / spec.period + spec.phase));
      return spec.int ? Math.round(v) : v;
    }
    case 'uptime':
      return Math.floor(ctx.t);
    case 'liveNodes':
      return ctx.liveNodes;
    case 'runningNonIdle':
      return ctx.runningNonIdle;
    case 'jobs': {
      const c = ctx.jobCounts.get(spec.jobType);
      if (!c) return 0;
      // 'idle' is only used for types that idle whenever they run (poll_jobs_stats, auto_config_runner).
      return spec.what === 'paused' ? c.paused : c.running;
    }
  }
}

/**
 * A bell-shaped (logistic in bucket index, i.e. log-normal-ish in value) distribution centred on
 * bucket `center`, with `spread` buckets of scale. Mean is taken at the bucket bounds.
 */
export function makeHist(curve: Curve, bounds: readonly number[], center: number, spread: number): HistSpec {
  const cdf = new Float64Array(bounds.length);
  let mean = 0;
  let prev = 0;
  for (let i = 0; i < bounds.length; i++) {
    const p = 1 / (1 + Math.exp(-(i - center) / spread));
    cdf[i] = p;
    mean += (p - prev) * bounds[i];
    prev = p;
  }
  mean += (1 - prev) * bounds[bounds.length - 1] * 1.5;
  return { curve, cdf, mean };
}
