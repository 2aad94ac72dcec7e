/**
 * How CockroachDB's grpc-gateway answers over HTTP (pkg/server/grpc_gateway.go: grpc-gateway v1
 * runtime with protoutil.JSONPb{EnumsAsInts, EmitDefaults, Indent: "  "}).
 *
 * Errors go through grpc-gateway's DefaultHTTPError: the body is its `internal.Error` message
 * `{error, code, message, details}` marshalled by the same JSONPb, and the HTTP status is
 * HTTPStatusFromCode(code). A plain Go error (fmt.Errorf, errors.Errorf) is not a gRPC status, so
 * it becomes codes.Unknown (2) → HTTP 500; status.Errorf(codes.InvalidArgument) → 400;
 * codes.Unauthenticated (16) → 401. A JSON body the gateway cannot decode is
 * status.Errorf(codes.InvalidArgument, "%v", err) in the generated handler (timeseries.pb.gw.go).
 */
import type { ServerResponse } from 'node:http';

export const GRPC = { Unknown: 2, InvalidArgument: 3, ResourceExhausted: 8, Unauthenticated: 16 } as const;

/** runtime.HTTPStatusFromCode for the codes the demo raises. */
const HTTP_STATUS: Record<number, number> = { [GRPC.Unknown]: 500, [GRPC.InvalidArgument]: 400, [GRPC.ResourceExhausted]: 429, [GRPC.Unauthenticated]: 401 };

export class GatewayError extends Error {
  constructor(
    readonly grpcCode: number,
    message: string,
  ) {
    super(message);
  }
  get httpStatus(): number {
    return HTTP_STATUS[this.grpcCode] ?? 500;
  }
}

/** A plain Go error returned by the service: code 2, HTTP 500. */
export function goError(message: string): GatewayError {
  return new GatewayError(GRPC.Unknown, message);
}

/** The marshaller's output: two-space indent (JSONPb Indent "  "). */
export function gatewayJson(body: unknown): string {
  return JSON.stringify(body, null, 2);
}

export function sendGatewayJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const payload = Buffer.from(gatewayJson(body));
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': payload.length, ...headers });
  res.end(payload);
}

export function sendGatewayError(res: ServerResponse, err: GatewayError): void {
  sendGatewayJson(res, err.httpStatus, { error: err.message, code: err.grpcCode, message: err.message, details: [] });
}

/**
 * The body of a gateway request, decoded as JSONPb's Unmarshaler would: an object, or an error
 * in CockroachDB's words. An empty body is an empty message (the gateway ignores io.EOF).
 */
export function decodeJsonObject(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new GatewayError(GRPC.InvalidArgument, `invalid character in JSON body: ${(err as Error).message}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new GatewayError(GRPC.InvalidArgument, `json: cannot unmarshal ${Array.isArray(json) ? 'array' : typeof json} into Go value of type map[string]json.RawMessage`);
  }
  return json as Record<string, unknown>;
}

/**
 * Reads the fields of one message: JSONPb accepts the proto name (`start_nanos`) and the JSON
 * name (`startNanos`), skips nulls and rejects any other field ("unknown field %q in %v").
 */
export function messageFields(obj: Record<string, unknown>, goType: string, fields: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const byName = new Map<string, string>();
  for (const f of fields) {
    byName.set(f, f);
    byName.set(f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), f);
  }
  for (const [k, v] of Object.entries(obj)) {
    const f = byName.get(k);
    if (!f) throw new GatewayError(GRPC.InvalidArgument, `unknown field "${k}" in ${goType}`);
    if (v !== null) out.set(f, v);
  }
  return out;
}

/** An int64 field: a JSON number without fraction, or a string of one (what grpc-gateway sends back). */
export function int64Field(v: unknown, field: string): bigint {
  const text = typeof v === 'number' ? (Number.isInteger(v) ? BigInt(v).toString() : String(v)) : typeof v === 'string' ? v : null;
  if (text === null || !/^-?\d+$/.test(text)) throw new GatewayError(GRPC.InvalidArgument, `bad value for int64 field ${field}: ${JSON.stringify(v)}`);
  const n = BigInt(text);
  if (n > 9223372036854775807n || n < -9223372036854775808n) throw new GatewayError(GRPC.InvalidArgument, `value out of range for int64 field ${field}: ${text}`);
  return n;
}

export function stringField(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new GatewayError(GRPC.InvalidArgument, `json: cannot unmarshal ${typeof v} into Go value of type string (field ${field})`);
  return v;
}

export function boolField(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') throw new GatewayError(GRPC.InvalidArgument, `json: cannot unmarshal ${typeof v} into Go value of type bool (field ${field})`);
  return v;
}

/** An enum field: its name (`"MAX"`) or its number (any int32, as jsonpb takes it). */
export function enumField(v: unknown, values: Readonly<Record<string, number>>, enumName: string): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && Object.hasOwn(values, v)) return values[v];
  throw new GatewayError(GRPC.InvalidArgument, `unknown value ${JSON.stringify(JSON.stringify(v))} for enum ${enumName}`);
}
