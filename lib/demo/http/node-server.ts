/**
 * One demo node's HTTP listener: `/_status/vars` and `/health`, the DB Console routes
 * (`POST /ts/query`, `/login`, `/logout`: console-routes.ts), with fault injection.
 *
 * As a real node (CRDB pkg/server, reference b.1): `/_status/vars` is unauthenticated, answers
 * `Content-Type: text/plain; version=0.0.4; charset=utf-8` (expfmt.FmtText, the type newer
 * handleVars negotiates) and is gzip-compressed when the client accepts gzip (CRDB wraps its HTTP
 * mux in a gzip handler). `/health` (and `/health?ready=1`) answer 200 `{}` while the node is up.
 *
 * Faults: `down` closes the listener and resets open connections (fetch → ECONNREFUSED) and
 * `ok` listens again on the same port, as a restarted node does; `slow` delays every response;
 * `garbage` answers 200 with bodies that are not exposition text (an HTML proxy error page, or
 * binary), alternating per request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { ClusterState, NodeFault } from '../cluster-state';
import { isConsolePath, serveConsole, type ConsoleFace } from './console-routes';
import { renderStatusVars } from './status-vars';

const gzipAsync = promisify(gzip);

export const STATUS_VARS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface NodeServer {
  readonly nodeId: number;
  readonly port: number;
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  setFault(f: NodeFault): Promise<void>;
  fault(): NodeFault;
  close(): Promise<void>;
}

export interface StartNodeServerOptions {
  state: ClusterState;
  nodeId: number;
  /** 0 = pick a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed: number;
  /** The cluster's time-series store and web sessions (default: no store, insecure). */
  console?: Omit<ConsoleFace, 'state'>;
}

/** What a misconfigured proxy in front of a node returns (nginx's 502 page). */
const GARBAGE_HTML = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

function garbageBinary(n: number): Buffer {
  // Starts with the gzip magic (a double-compressed or truncated body), then noise: never text.
  const b = Buffer.alloc(512);
  let x = (n * 2654435761) >>> 0 || 1;
  for (let i = 0; i < b.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  b[0] = 0x1f;
  b[1] = 0x8b;
  b[2] = 0x00;
  return b;
}

/** Accept-Encoding lists gzip (or `*`) with a non-zero q, e.g. `gzip, deflate, br`. */
export function acceptsGzip(req: IncomingMessage): boolean {
  const ae = req.headers['accept-encoding'];
  const v = Array.isArray(ae) ? ae.join(',') : (ae ?? '');
  return v.split(',').some((tok) => {
    const [coding, ...params] = tok.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export async function startNodeServer(opts: StartNodeServerOptions): Promise<NodeServer> {
  const { state, nodeId, seed } = opts;
  const host = opts.host ?? '127.0.0.1';
  let fault: NodeFault = { mode: 'ok' };
  let scrapeNo = 0;
  let garbageNo = 0;
  let closed = false;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  async function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer): Promise<void> {
    let payload = typeof body === 'string' ? Buffer.from(body) : body;
    res.setHeader('Content-Type', type);
    if (acceptsGzip(req) && payload.length > 0) {
      payload = await gzipAsync(payload);
      res.setHeader('Content-Encoding', 'gzip');
    }
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Content-Length', payload.length);
    if (res.destroyed) return;
    res.writeHead(status);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (fault.mode === 'garbage') {
      garbageNo++;
      if (garbageNo % 2 === 1) return send(req, res, 200, 'text/html', GARBAGE_HTML);
      return send(req, res, 200, 'application/octet-stream', garbageBinary(garbageNo));
    }
    if (isConsolePath(path)) return serveConsole({ state, timeSeries: opts.console?.timeSeries ?? null, sessions: opts.console?.sessions ?? null }, req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    if (path === '/_status/vars') {
      scrapeNo++;
      return send(req, res, 200, STATUS_VARS_CONTENT_TYPE, renderStatusVars({ state, nodeId, seed, scrapeNo }));
    }
    if (path === '/health') return send(req, res, 200, 'application/json', '{}');
    return send(req, res, 404, 'text/plain; charset=utf-8', '404 page not found\n');
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const run = () =>
      respond(req, res).catch((err: unknown) => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(`internal error: ${err instanceof Error ? err.message : String(err)}\n`);
        } else res.destroy();
      });
    if (fault.mode === 'slow') {
      const t = setTimeout(() => {
        timers.delete(t);
        void run();
      }, fault.delayMs);
      timers.add(t);
      return;
    }
    void run();
  }

  const server: Server = createServer(handle);
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });

  function listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  /** Stop listening and drop every connection, keep-alive ones included, so nothing hangs. */
  function stop(): Promise<void> {
    for (const t of timers) clearTimeout(t);
    timers.clear();
    const done = new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
    server.closeAllConnections();
    for (const s of sockets) s.destroy();
    sockets.clear();
    return done;
  }

  const port = await listen(opts.port);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    nodeId,
    port,
    url,
    fault: () => fault,
    async setFault(f: NodeFault): Promise<void> {
      if (closed) throw new Error(`node ${nodeId} server is closed`);
      const wasDown = fault.mode === 'down';
      fault = f;
      if (f.mode === 'down' && !wasDown) await stop();
      else if (f.mode !== 'down' && wasDown) await listen(port);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await stop();
    },
  };
}
