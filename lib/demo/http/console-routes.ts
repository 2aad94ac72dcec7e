/**
 * The DB Console side of a demo node's HTTP port: `POST /ts/query` (the time-series server),
 * `POST /login` and `/logout`, and the authentication mux in front of the authenticated prefixes.
 *
 * Which paths are authenticated (CRDB pkg/server/server_http.go, reference b.1/g): `/ts/`,
 * `/_status/` and `/_admin/v1/` go through the authentication mux, `/_status/vars` and `/health`
 * do not. On an insecure cluster (RequireWebSession() false) the mux is not installed at all.
 * Any node answers `/ts/query` for the whole cluster: the store is the cluster's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClusterState } from '../cluster-state';
import type { TsStore } from '../model/ts-store';
import { atLeast } from '../types';
import { AUTH_REQUIRED_BODY, LOGIN_FAILED, type ConsoleSessions } from './console-auth';
import { decodeJsonObject, GatewayError, GRPC, messageFields, sendGatewayError, sendGatewayJson, stringField } from './grpc-gateway';
import { queryTimeSeries } from './ts-query';
import { decodeTsRequest, encodeTsResponse } from './ts-wire';

export interface ConsoleFace {
  state: ClusterState;
  /** null: the cluster records no time series (its /ts/query answers empty results). */
  timeSeries: TsStore | null;
  /** null: insecure (no authentication); else the cluster's web sessions. */
  sessions: ConsoleSessions | null;
}

const MAX_BODY = 1 << 20;

function isAuthenticatedPath(path: string): boolean {
  if (path === '/_status/vars') return false;
  return path.startsWith('/ts/') || path.startsWith('/_status/') || path.startsWith('/_admin/v1/') || path === '/logout';
}

export function isConsolePath(path: string): boolean {
  return path === '/login' || isAuthenticatedPath(path);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new GatewayError(GRPC.ResourceExhausted, 'grpc: received message larger than max'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function plain(res: ServerResponse, status: number, body: string): void {
  // Go's http.Error: text/plain, nosniff, the message and a newline.
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

async function login(face: ConsoleFace, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const f = messageFields(decodeJsonObject(await readBody(req)), 'serverpb.UserLoginRequest', ['username', 'password']);
  const username = f.has('username') ? stringField(f.get('username'), 'username') : '';
  const password = f.has('password') ? stringField(f.get('password'), 'password') : '';
  if (!face.sessions) throw new GatewayError(GRPC.Unauthenticated, username === '' ? 'no username was provided' : LOGIN_FAILED);
  const cookies = face.sessions.login(username, password);
  sendGatewayJson(res, 200, {}, { 'Set-Cookie': cookies });
}

async function tsQuery(face: ConsoleFace, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const type = String(req.headers['content-type'] ?? '');
  if (/application\/(x-)?protobuf/i.test(type)) return plain(res, 415, 'the demo cluster answers /ts/query in JSON only (CockroachDB also takes protobuf)\n');
  const body = await readBody(req);
  const state = face.state;
  // return_sources_separately is in the newest proto only (reference g): the demo's newest release.
  const newest = atLeast(state.version, '26.2');
  const request = decodeTsRequest(body, newest);
  const nowMs = state.now().getTime(); // also simulates up to now, so the store is current
  if (request.queries.length === 0) throw new GatewayError(GRPC.InvalidArgument, 'Queries cannot be empty');
  const results = face.timeSeries
    ? queryTimeSeries({ store: face.timeSeries, nodeIds: state.nodes().map((n) => n.node_id), nowMs, sourcesSeparately: newest }, request)
    : request.queries.map((q) => ({ query: { ...q, sources: [] }, datapoints: [] }));
  sendGatewayJson(res, 200, encodeTsResponse(results));
}

/** Serves a console path (isConsolePath) and answers every error as CockroachDB would. */
export async function serveConsole(face: ConsoleFace, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  try {
    if (path === '/login') {
      if (req.method !== 'POST') return plain(res, 404, 'Not Found\n');
      return await login(face, req, res);
    }
    let sessionId: bigint | null = null;
    if (face.sessions) {
      sessionId = face.sessions.verify(req.headers.cookie);
      if (sessionId === null) return plain(res, 401, AUTH_REQUIRED_BODY);
    }
    if (path === '/logout') {
      const clear = face.sessions && sessionId !== null ? face.sessions.logout(sessionId) : 'session=; Path=/; Max-Age=0; HttpOnly';
      return sendGatewayJson(res, 200, {}, { 'Set-Cookie': clear });
    }
    // grpc-gateway v1 answers a path/method it has no handler for with http.Error("Not Found", 404).
    if (path === '/ts/query' && req.method === 'POST') return await tsQuery(face, req, res);
    return plain(res, 404, 'Not Found\n');
  } catch (err) {
    if (err instanceof GatewayError) return sendGatewayError(res, err);
    throw err;
  }
}
