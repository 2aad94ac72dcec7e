/**
 * The wire format of CockroachDB's `POST /ts/query` (reference §b.4, §g): the grpc-gateway JSON of
 * `TimeSeriesQueryRequest` / `TimeSeriesQueryResponse`. Pure: builds request bodies and decodes
 * answers, no I/O.
 *
 * The gateway marshals with EnumsAsInts and EmitDefaults, lowerCamelCase names and int64 as quoted
 * strings. Nanosecond timestamps exceed 2^53, so they are parsed as BigInt and only the
 * millisecond value (≈1.7e12, exact in a double) becomes a Number. Decoding is lenient where the
 * format allows variation (a zero value left out, an int64 as a number, an enum by name) and
 * strict where a mistake would corrupt history (a timestamp that is not an integer).
 */
import { z } from 'zod';

/** The downsamplers CockroachDB's server implements; FIRST, LAST and VARIANCE are in the proto but refused (§g). */
export const DOWNSAMPLERS = { AVG: 1, SUM: 2, MAX: 3, MIN: 4 } as const;
export type Downsampler = keyof typeof DOWNSAMPLERS;

/** `sample_nanos` must be a multiple of this (pkg/ts/server.go). */
export const TS_SAMPLE_UNIT_MS = 10_000;
const NANOS_PER_MS = 1_000_000n;

export interface TsQuery {
  /** e.g. `cr.node.jobs.backup.currently_running`. */
  name: string;
  downsampler: Downsampler;
  /** Node ids; one per query here, so the source aggregator never combines nodes. */
  sources: readonly string[];
}

export interface TsRequest {
  startMs: number;
  endMs: number;
  sampleMs: number;
  queries: readonly TsQuery[];
}

/** The request body. int64 fields as decimal strings (nanos exceed 2^53); enums as numbers, as the gateway answers them. */
export function encodeRequest(r: TsRequest): string {
  if (r.queries.length === 0) throw new Error('a /ts/query request needs at least one query (the server refuses an empty one)');
  if (r.sampleMs <= 0 || r.sampleMs % TS_SAMPLE_UNIT_MS !== 0) throw new Error(`sample period must be a positive multiple of 10 s (got ${r.sampleMs} ms)`);
  if (!(r.startMs < r.endMs)) throw new Error('the start must be before the end');
  return JSON.stringify({
    start_nanos: msToNanos(r.startMs),
    end_nanos: msToNanos(r.endMs),
    sample_nanos: msToNanos(r.sampleMs),
    // Only fields every version knows: unknown fields are rejected (return_sources_separately is newest-only).
    queries: r.queries.map((q) => ({ name: q.name, downsampler: DOWNSAMPLERS[q.downsampler], source_aggregator: DOWNSAMPLERS.SUM, derivative: 0, sources: [...q.sources] })),
  });
}

export function msToNanos(ms: number): string {
  return (BigInt(Math.round(ms)) * NANOS_PER_MS).toString();
}

/** `"1700000000000000000"` (or a number, or absent = 0) → unix ms; null when it is not an integer. */
export function nanosToMs(v: unknown): number | null {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return Number.isInteger(v) ? Math.floor(v / 1e6) : null;
  if (typeof v !== 'string') return null;
  // The usual case, a positive 19-digit count: dropping the last six digits is the floor division,
  // and the millisecond count left (13 digits) is exact in a double. No BigInt per point.
  if (v.length > 6 && v.length <= 19 && /^\d+$/.test(v)) return Number(v.slice(0, -6));
  if (!/^-?\d{1,20}$/.test(v)) return null;
  const n = BigInt(v);
  // Floor division (BigInt division truncates toward zero).
  const q = n / NANOS_PER_MS;
  return Number(n < 0n && q * NANOS_PER_MS !== n ? q - 1n : q);
}

/** A double as jsonpb writes it: a number, or "NaN"/"Infinity"/"-Infinity"; absent = 0. */
const Double = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity']).transform(Number)]).optional().transform((v) => v ?? 0);
const Int64 = z.union([z.string(), z.number()]).optional();
const Repeated = <T extends z.ZodTypeAny>(item: T) => z.array(item).nullish().transform((v) => v ?? []);

const Datapoint = z.object({ timestampNanos: Int64, timestamp_nanos: Int64, value: Double });
type Datapoint = z.infer<typeof Datapoint>;
const Query = z.object({ name: z.string().optional().default(''), sources: Repeated(z.string()) });
// The datapoints are checked one by one below, not by zod: a 50,000-point answer took 90 ms
// through the schema and a few ms through the plain loop (JSON.parse itself is ~8 ms).
const Result = z.object({ query: Query.nullish(), datapoints: Repeated(z.unknown()) });

/** The common shape (`{timestampNanos: "…", value: 1.5}`) without zod; anything else through the schema. */
function datapointOf(d: unknown): Datapoint | null {
  if (typeof d === 'object' && d !== null) {
    const o = d as Record<string, unknown>;
    if (typeof o.timestampNanos === 'string' && typeof o.value === 'number' && Object.keys(o).length === 2) return { timestampNanos: o.timestampNanos, timestamp_nanos: undefined, value: o.value };
  }
  const r = Datapoint.safeParse(d);
  return r.success ? r.data : null;
}
const Response = z.object({ results: Repeated(Result) });

/** One query's answer: points in time order, non-finite values dropped (a REAL column cannot hold them usefully). */
export interface TsResult {
  name: string;
  points: { tMs: number; value: number }[];
}

export class TsFormatError extends Error {}

/**
 * Decodes a response to `expected` queries. CockroachDB answers one result per query in request
 * order, even an empty one; anything else means the answer cannot be matched to its queries.
 */
export function decodeResponse(text: string, expected: readonly TsQuery[]): TsResult[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new TsFormatError('the answer is not JSON');
  }
  const r = Response.safeParse(raw);
  if (!r.success) throw new TsFormatError(`the answer is not a TimeSeriesQueryResponse: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
  const results = r.data.results;
  if (results.length !== expected.length) throw new TsFormatError(`${results.length} results for ${expected.length} queries`);
  return results.map((res, i) => {
    const want = expected[i] as TsQuery;
    // The embedded query echoes the name; a different one means the order is not the request's.
    if (res.query?.name && res.query.name !== want.name) throw new TsFormatError(`result ${i} is for ${res.query.name}, not ${want.name}`);
    const points: TsResult['points'] = [];
    for (const raw of res.datapoints) {
      const d = datapointOf(raw);
      if (d === null) throw new TsFormatError(`result ${i}: a datapoint is not {timestampNanos, value}`);
      const tMs = nanosToMs(d.timestampNanos ?? d.timestamp_nanos);
      if (tMs === null) throw new TsFormatError(`result ${i}: a timestamp is not an integer number of nanoseconds`);
      if (Number.isFinite(d.value)) points.push({ tMs, value: d.value });
    }
    points.sort((a, b) => a.tMs - b.tMs);
    return { name: want.name, points };
  });
}
