import { z } from 'zod';
import { resolveCluster } from './clusters';
import { catalogByExported } from '../catalog';
import { staticConfig } from '../config';
import { parseDuration } from '../duration';
import { ApiError } from '../errors';
import { bucketCount, chooseStep } from '../history/step';
import { PrometheusError } from '../history/prometheus-http';
import { historySource, historyStore } from '../history/store-holder';
import { resolveRange } from '../history/time-range';
import type { SqliteStore } from '../history/sqlite-store';
import { rangeSources } from '../history/sources';
import { RANGE_FNS, type RangeFn, type RangeResponse } from './types/history';

export type { RangeResponse };

/** At most this many points per series in an answer. */
export const MAX_POINTS = 1000;

/** The query string of `GET /api/v1/clusters/{c}/metrics/{name}`; semantic checks (range, step bound) happen in rangeQuery. */
export const RangeQueryParams = z.object({
  from: z.string().max(64).optional(),
  to: z.string().max(64).optional(),
  nodes: z
    .string()
    .regex(/^\d{1,6}(,\d{1,6})*$/, 'nodes must be node ids like 1,3')
    .transform((s) => [...new Set(s.split(',').map(Number))].sort((a, b) => a - b))
    .optional(),
  // Seconds (`30`) or a duration (`30s`, `5m`).
  step: z
    .string()
    .transform((v, ctx) => {
      const ms = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : parseDuration(v);
      if (ms === null || ms < 1000 || ms > 86_400_000 || ms % 1000 !== 0) {
        ctx.addIssue({ code: 'custom', message: `step must be whole seconds between 1s and 1d, like 30 or 5m (got "${v.slice(0, 20)}")` });
        return z.NEVER;
      }
      return ms / 1000;
    })
    .optional(),
  fn: z.enum(RANGE_FNS, { message: `fn must be one of ${RANGE_FNS.join(', ')}` }).optional(),
  // The cluster value across the nodes shown; on unless aggregate=0.
  aggregate: z.enum(['0', '1']).optional(),
});
export type RangeQueryParams = z.infer<typeof RangeQueryParams>;

/**
 * raw gives up to two points per bucket (min and max), increase and rate one. Buckets sit on
 * multiples of the step, so a range can touch one partial bucket more than span / step.
 */
function maxBuckets(fn: RangeFn): number {
  return (fn === 'raw' ? MAX_POINTS / 2 : MAX_POINTS) - 1;
}

/** A metric's history over a range (the API's and the charts' one entry point). */
export async function rangeQuery(clusterId: string, metricName: string, q: RangeQueryParams, nowMs = Date.now()): Promise<RangeResponse> {
  const cluster = await resolveCluster(clusterId);
  const entry = catalogByExported(metricName);
  if (!entry || entry.exported !== metricName) throw new ApiError('bad_request', `"${metricName.slice(0, 80)}" is not a metric this dashboard records (see lib/catalog.ts)`);
  const fn = q.fn ?? (entry.kind === 'counter' ? 'increase' : 'raw');
  if (fn !== 'raw' && entry.kind !== 'counter') throw new ApiError('bad_request', `fn=${fn} needs a counter; ${metricName} is ${entry.kind === 'age' ? 'an' : 'a'} ${entry.kind}`);
  const r = resolveRange(q.from, q.to, nowMs);
  if (!r.ok) throw new ApiError('bad_request', r.message);
  const { fromMs, toMs } = r.range;
  const intervalS = staticConfig().scrapeIntervalMs / 1000;
  // Two scrape intervals at least: a bucket must always hold a sample, or a healthy node would show gaps.
  const stepS = q.step ?? chooseStep(fromMs, toMs, { maxBuckets: maxBuckets(fn), minStepS: Math.ceil(2 * intervalS) });
  if (bucketCount(fromMs, toMs, stepS) > maxBuckets(fn)) {
    throw new ApiError('bad_request', `step ${stepS}s is too fine for this range: at most ${MAX_POINTS} points per series (step ≥ ${chooseStep(fromMs, toMs, { maxBuckets: maxBuckets(fn) })}s)`);
  }
  const spec = { cluster: cluster.id, metric: entry.exported, nodes: q.nodes ?? null, fromMs, toMs, stepS, fn };
  const store = historyStore();
  const source = historySource();
  try {
    const [series, aggregate] = await Promise.all([store.range(spec), q.aggregate !== '0' ? store.aggregate(spec, entry.aggregate) : Promise.resolve(null)]);
    const out: RangeResponse = { metric: entry.exported, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), step_s: stepS, fn, series, source };
    if (aggregate !== null) out.aggregate = { how: entry.aggregate, points: aggregate };
    // Not instanceof: the store on globalThis was built by the instrumentation bundle, whose class is not this bundle's.
    if (source === 'embedded' && 'backfilledSpans' in store) out.sources = rangeSources(store as SqliteStore, cluster.id, entry.exported, fromMs, toMs);
    return out;
  } catch (err) {
    // Prometheus down or slow: the panel says so; live values (the scrape) keep working.
    if (err instanceof PrometheusError) {
      const why = err.kind === 'timeout' ? `did not answer (${err.message})` : err.kind === 'network' ? `is unreachable (${err.message})` : `answered ${err.message}`;
      throw new ApiError('history_unavailable', `history unavailable: Prometheus ${why}`, err);
    }
    throw err;
  }
}
