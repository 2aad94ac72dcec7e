/**
 * `POST /ts/query` as grpc-gateway JSON (reference g; CRDB pkg/ts/tspb/timeseries.proto):
 * TimeSeriesQueryRequest in, TimeSeriesQueryResponse out.
 *
 * Out, as JSONPb{EnumsAsInts, EmitDefaults} marshals gogo structs: lowerCamelCase names, int64 as
 * quoted decimal strings, enums as numbers, zero values and empty lists emitted. Query's enum fields
 * are proto2 optionals (Go pointers): the result echoes the request's query, so an enum the request
 * left out is `null` there (EmitDefaults writes a nil pointer as null), one it set is its number.
 * `tenantId` is the non-nullable roachpb.TenantID message (`{"id": "0"}` when not set; its JSON shape
 * is not verified against a live node).
 */
import { boolField, decodeJsonObject, enumField, GatewayError, GRPC, int64Field, messageFields, stringField } from './grpc-gateway';

/** TimeSeriesQueryAggregator. */
export const AGGREGATORS = { AVG: 1, SUM: 2, MAX: 3, MIN: 4, FIRST: 5, LAST: 6, VARIANCE: 7 } as const;
/** TimeSeriesQueryDerivative. */
export const DERIVATIVES = { NONE: 0, DERIVATIVE: 1, NON_NEGATIVE_DERIVATIVE: 2 } as const;

export interface TsQuery {
  name: string;
  /** null: not set in the request (the server uses the proto default: AVG, SUM, NONE). */
  downsampler: number | null;
  sourceAggregator: number | null;
  derivative: number | null;
  sources: string[];
  tenantId: bigint;
}

export interface TsRequest {
  startNanos: bigint;
  endNanos: bigint;
  queries: TsQuery[];
  sampleNanos: bigint;
  returnSourcesSeparately: boolean;
}

export interface TsDatapoint {
  timestampNanos: bigint;
  value: number;
}

export interface TsResult {
  query: TsQuery;
  datapoints: TsDatapoint[];
  /** Only where the release has the field (return_sources_separately), else undefined. */
  sourceDatapoints?: { source: string; datapoints: TsDatapoint[] }[];
}

const REQUEST_FIELDS = ['start_nanos', 'end_nanos', 'queries', 'sample_nanos'] as const;
const QUERY_FIELDS = ['name', 'downsampler', 'source_aggregator', 'derivative', 'sources', 'tenant_id'] as const;

function decodeQuery(raw: unknown): TsQuery {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new GatewayError(GRPC.InvalidArgument, 'json: cannot unmarshal non-object into Go value of type tspb.Query');
  const f = messageFields(raw as Record<string, unknown>, 'tspb.Query', QUERY_FIELDS);
  const sources = f.get('sources') ?? [];
  if (!Array.isArray(sources)) throw new GatewayError(GRPC.InvalidArgument, 'json: cannot unmarshal non-array into Go value of type []string');
  let tenantId = 0n;
  const tenant = f.get('tenant_id');
  if (tenant !== undefined) {
    if (typeof tenant !== 'object' || Array.isArray(tenant)) throw new GatewayError(GRPC.InvalidArgument, 'json: cannot unmarshal non-object into Go value of type roachpb.TenantID');
    const id = messageFields(tenant as Record<string, unknown>, 'roachpb.TenantID', ['id']).get('id');
    if (id !== undefined) tenantId = int64Field(id, 'id');
  }
  const enumOrNull = (key: string, values: Readonly<Record<string, number>>, enumName: string) => {
    const v = f.get(key);
    return v === undefined ? null : enumField(v, values, enumName);
  };
  return {
    name: f.has('name') ? stringField(f.get('name'), 'name') : '',
    downsampler: enumOrNull('downsampler', AGGREGATORS, 'cockroach.ts.tspb.TimeSeriesQueryAggregator'),
    sourceAggregator: enumOrNull('source_aggregator', AGGREGATORS, 'cockroach.ts.tspb.TimeSeriesQueryAggregator'),
    derivative: enumOrNull('derivative', DERIVATIVES, 'cockroach.ts.tspb.TimeSeriesQueryDerivative'),
    sources: sources.map((s) => stringField(s, 'sources')),
    tenantId,
  };
}

/**
 * Decodes the body. `hasSourcesSeparately`: whether this release's proto has
 * return_sources_separately (the newest only, reference g); elsewhere it is an unknown field.
 */
export function decodeTsRequest(raw: string, hasSourcesSeparately: boolean): TsRequest {
  const obj = decodeJsonObject(raw);
  const fields = hasSourcesSeparately ? [...REQUEST_FIELDS, 'return_sources_separately'] : REQUEST_FIELDS;
  const f = messageFields(obj, 'tspb.TimeSeriesQueryRequest', fields);
  const queries = f.get('queries') ?? [];
  if (!Array.isArray(queries)) throw new GatewayError(GRPC.InvalidArgument, 'json: cannot unmarshal non-array into Go value of type []tspb.Query');
  const int64 = (key: string) => (f.has(key) ? int64Field(f.get(key), key) : 0n);
  return {
    startNanos: int64('start_nanos'),
    endNanos: int64('end_nanos'),
    sampleNanos: int64('sample_nanos'),
    queries: queries.map(decodeQuery),
    returnSourcesSeparately: f.has('return_sources_separately') ? boolField(f.get('return_sources_separately'), 'return_sources_separately') : false,
  };
}

function encodePoints(points: TsDatapoint[]): { timestampNanos: string; value: number }[] {
  return points.map((p) => ({ timestampNanos: p.timestampNanos.toString(), value: p.value }));
}

/** TimeSeriesQueryResponse as the gateway marshals it (field order as in the Go structs). */
export function encodeTsResponse(results: TsResult[]): unknown {
  return {
    results: results.map((r) => ({
      query: {
        name: r.query.name,
        downsampler: r.query.downsampler,
        sourceAggregator: r.query.sourceAggregator,
        derivative: r.query.derivative,
        sources: r.query.sources,
        tenantId: { id: r.query.tenantId.toString() },
      },
      datapoints: encodePoints(r.datapoints),
      ...(r.sourceDatapoints ? { sourceDatapoints: r.sourceDatapoints.map((s) => ({ source: s.source, datapoints: encodePoints(s.datapoints) })) } : {}),
    })),
  };
}
