/**
 * A stand-in for a CockroachDB node's `POST /ts/query` (and `POST /login`), answering exactly as
 * reference §g describes the real gateway: lowerCamelCase, int64 as quoted strings, enums as
 * numbers, zero values emitted, two-space indent; unknown request fields refused, FIRST/LAST/
 * VARIANCE refused, `sample_nanos` not a multiple of 10 s a 500 (gRPC code 2), the end clamped to
 * now minus one sample. Values come from a function of (series, node, time), so a test knows what
 * was served; null is "no data" (a gap). Counts requests and the most in flight at once.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ValueFn = (series: string, node: number, tMs: number) => number | null;

export interface TsFixtureOptions {
  value: ValueFn;
  now?: () => number;
  /** Requires the `session` cookie from `POST /login` with these credentials. */
  secure?: { user: string; password: string };
  /** Milliseconds each answer is held back (a slow cluster: lets in-flight requests pile up). */
  delayMs?: number;
  /** Keep every request body (default true; the bench turns it off). */
  keepBodies?: boolean;
}

export interface TsFixture {
  url: string;
  requests: number;
  logins: number;
  maxInFlight: number;
  points: number;
  /** Every /ts/query body as received. */
  bodies: string[];
  /** Forgets every session (as a node restart or an expiry would). */
  expireSessions(): void;
  /** A session cookie as `cockroach auth-session login --only-cookie` prints it. */
  mintCookie(): string;
  close(): Promise<void>;
}

const REQUEST_FIELDS = new Set(['start_nanos', 'startNanos', 'end_nanos', 'endNanos', 'queries', 'sample_nanos', 'sampleNanos']);
const QUERY_FIELDS = new Set(['name', 'downsampler', 'source_aggregator', 'sourceAggregator', 'derivative', 'sources', 'tenant_id', 'tenantId']);
const ENUM = new Map<unknown, number>([['AVG', 1], ['SUM', 2], ['MAX', 3], ['MIN', 4], ['FIRST', 5], ['LAST', 6], ['VARIANCE', 7], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 7]]);
const TEN_S_NS = 10_000_000_000n;

export async function startTsFixture(opts: TsFixtureOptions): Promise<TsFixture> {
  const sessions = new Set<string>();
  let inFlight = 0;
  const state = { requests: 0, logins: 0, maxInFlight: 0, points: 0, bodies: [] as string[] };
  const mint = () => {
    const s = randomBytes(18).toString('base64');
    sessions.add(s);
    return `session=${s}`;
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const send = (status: number, obj: unknown, headers: http.OutgoingHttpHeaders = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(obj, null, 2));
      };
      const grpcError = (status: number, code: number, message: string) => send(status, { error: message, code, message, details: [] });
      if (req.method === 'POST' && req.url === '/login') {
        state.logins++;
        const { username, password } = JSON.parse(body || '{}') as { username?: string; password?: string };
        if (!opts.secure || username !== opts.secure.user || password !== opts.secure.password) return grpcError(401, 16, 'the provided credentials did not match any account on the server');
        return send(200, {}, { 'set-cookie': `${mint()}; Path=/; HttpOnly; Secure` });
      }
      // The bench's view from another process: what was asked, and the most in flight at once.
      if (req.url === '/_fixture/stats') {
        const out = { requests: state.requests, maxInFlight: state.maxInFlight, points: state.points };
        if (req.method === 'POST') Object.assign(state, { requests: 0, maxInFlight: 0, points: 0 });
        return send(200, out);
      }
      if (req.method !== 'POST' || req.url !== '/ts/query') return grpcError(404, 5, 'Not Found');
      state.requests++;
      if (opts.keepBodies !== false) state.bodies.push(body);
      if (opts.secure) {
        const cookie = /(?:^|;\s*)session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
        if (!cookie || !sessions.has(cookie)) return grpcError(401, 16, 'a valid authentication cookie is required');
      }
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      const finish = (fn: () => void) => setTimeout(() => {
        inFlight--;
        fn();
      }, opts.delayMs ?? 0);
      let answer: { status: number; obj: unknown };
      try {
        answer = { status: 200, obj: query(JSON.parse(body) as Record<string, unknown>, opts, state) };
      } catch (err) {
        const e = err as Error & { status?: number };
        answer = { status: e.status ?? 500, obj: { error: e.message, code: e.status === 400 ? 3 : 2, message: e.message, details: [] } };
      }
      finish(() => send(answer.status, answer.obj));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get logins() {
      return state.logins;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    get points() {
      return state.points;
    },
    bodies: state.bodies,
    expireSessions: () => sessions.clear(),
    mintCookie: mint,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

function fail(status: number, message: string): never {
  throw Object.assign(new Error(message), { status });
}

function int64(v: unknown, what: string): bigint {
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (v === undefined) return 0n;
  return fail(400, `bad ${what}`);
}

function query(req: Record<string, unknown>, opts: TsFixtureOptions, state: { points: number }) {
  for (const k of Object.keys(req)) if (!REQUEST_FIELDS.has(k)) fail(400, `unknown field "${k}" in tspb.TimeSeriesQueryRequest`);
  const queries = (req.queries ?? []) as Record<string, unknown>[];
  if (queries.length === 0) fail(500, 'Queries cannot be empty');
  let sample = int64(req.sample_nanos ?? req.sampleNanos, 'sample_nanos');
  if (sample === 0n) sample = TEN_S_NS;
  if (sample % TEN_S_NS !== 0n) fail(500, `sampleNanos ${sample} is not a multiple of the resolution 10000000000`);
  const start = int64(req.start_nanos ?? req.startNanos, 'start_nanos');
  const nowNs = BigInt(Math.round((opts.now ?? Date.now)())) * 1_000_000n;
  const end = [int64(req.end_nanos ?? req.endNanos, 'end_nanos'), nowNs - sample].reduce((a, b) => (a < b ? a : b));
  if (start > end) fail(500, 'startNanos is after endNanos');
  const sampleMs = Number(sample / 1_000_000n);
  const results = queries.map((q) => {
    for (const k of Object.keys(q)) if (!QUERY_FIELDS.has(k)) fail(400, `unknown field "${k}" in tspb.Query`);
    const ds = ENUM.get(q.downsampler ?? 1);
    if (ds === undefined || ds > 4) fail(500, `downsampler ${String(q.downsampler)} is not yet supported`);
    const name = String(q.name);
    const sources = ((q.sources ?? []) as string[]).map(String);
    const datapoints: { timestampNanos: string; value: number }[] = [];
    const first = ((start + sample - 1n) / sample) * sample;
    for (let t = first; t <= end; t += sample) {
      const tMs = Number(t / 1_000_000n);
      let v: number | null = null;
      for (const src of sources) {
        // Downsampled over the period's 10 s samples; MAX is what the client asks for.
        for (let s = tMs; s < tMs + sampleMs; s += 10_000) {
          const x = opts.value(name, Number(src), s);
          if (x === null) continue;
          v = v === null ? x : ds === 3 ? Math.max(v, x) : ds === 4 ? Math.min(v, x) : v + x;
        }
      }
      if (v !== null) datapoints.push({ timestampNanos: t.toString(), value: v });
    }
    state.points += datapoints.length;
    return { query: { name, downsampler: ds, sourceAggregator: 2, derivative: 0, sources, tenantId: { id: '0' } }, datapoints };
  });
  return { results };
}
