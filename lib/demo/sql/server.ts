import net from 'node:net';
import { fromNodeSocket } from 'pg-gateway/node';
import type { ClusterState, SqlFault } from '../cluster-state';
import { Connection, type Shared } from './connection';
import { Mirror } from './mirror';
import { StatementCounts } from './statement-counts';
import { createPglite, Mutex, PgSession } from './pgraw';
import * as w from './wire';

export interface SqlServer {
  port: number;
  /** Applies the current SQL fault (refuse closes the port, ok/error reopens it); resolves once done. */
  faultChanged(): Promise<void>;
  /** Statements received so far (tests prove caches with it). */
  statements: StatementCounts;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

/**
 * The demo cluster's SQL endpoint: CockroachDB's pgwire face over an in-memory PGlite that mirrors the
 * ClusterState. Any user connects without a password (like `root` on an insecure cluster); SSL is
 * declined with 'N', so clients must use sslmode=disable (or prefer).
 */
export async function startSqlServer(opts: {
  state: ClusterState;
  port: number;
  host?: string;
  getFault: () => SqlFault;
}): Promise<SqlServer> {
  const host = opts.host ?? '127.0.0.1';
  const db = await createPglite();
  const mirror = new Mirror(db, opts.state);
  await mirror.init();
  const shared: Shared = { pg: new PgSession(db, mirror), lock: new Mutex(), state: opts.state, getFault: opts.getFault, statements: new StatementCounts() };
  const sockets = new Set<net.Socket>();
  let nextId = 1;

  const accept = (socket: net.Socket) => {
    if (opts.getFault().mode === 'refuse') return void socket.destroy();
    // Without this every reply waits for Nagle's algorithm (~40 ms per query).
    socket.setNoDelay(true);
    sockets.add(socket);
    let conn: Connection | null = null;
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      if (conn) void conn.close().catch(() => undefined);
    });
    void fromNodeSocket(socket, {
      auth: { method: 'trust' },
      onMessage: async (data, state) => {
        if (!state.hasStarted) {
          const r = initialMessage(data);
          if (r.startup) {
            conn = new Connection(nextId++, shared, r.startup);
            return conn.startupResponse();
          }
          if (r.destroy) setImmediate(() => socket.destroy());
          return r.reply;
        }
        if (!conn) return undefined;
        try {
          const reply = await conn.handle(data);
          if (reply) return reply;
          // Terminate: pg-gateway's own handling expects its startup state, which we bypassed.
          setImmediate(() => socket.end());
          return new Uint8Array(0);
        } catch (e) {
          return w.concat([w.errorResponse('XX000', e instanceof Error ? e.message : String(e)), w.readyForQuery('I')]);
        }
      },
    }).catch(() => socket.destroy());
  };

  const server = net.createServer(accept);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as net.AddressInfo).port;

  // Refusing means the port stops accepting (clients see ECONNREFUSED) and open sessions drop.
  // Applied when the fault is set, and awaited, so a test's next connection sees the new mode.
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  const faultChanged = async () => {
    const refuse = opts.getFault().mode === 'refuse';
    if (refuse && server.listening) {
      server.close();
      for (const s of sockets) s.destroy();
    } else if (!refuse && !server.listening) {
      await listen();
    }
  };

  return {
    port,
    faultChanged,
    statements: shared.statements,
    async close() {
      // server.close() only calls back once every connection is gone, so drop them first.
      const stopped = new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
      for (const s of sockets) s.destroy();
      await stopped;
      const release = await shared.lock.lock();
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

/** Messages before the startup packet: SSL/GSS negotiation, cancel requests, the startup itself. */
function initialMessage(data: Uint8Array): { reply?: Uint8Array; startup?: Record<string, string>; destroy?: boolean } {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const code = data.length >= 8 ? dv.getInt32(4) : 0;
  if (code === SSL_REQUEST || code === GSSENC_REQUEST) return { reply: Uint8Array.of('N'.charCodeAt(0)) };
  // Cancelling a running statement is not supported; the request connection is simply closed.
  if (code === CANCEL_REQUEST) return { reply: new Uint8Array(0), destroy: true };
  if (code !== PROTOCOL_3) {
    return { reply: w.errorResponse('08P01', `unsupported frontend protocol ${code >> 16}.${code & 0xffff}`, 'FATAL'), destroy: true };
  }
  const r = new w.Reader(data.subarray(8));
  const params: Record<string, string> = {};
  for (let k = r.cstring(); k !== ''; k = r.cstring()) params[k] = r.cstring();
  return { startup: params };
}
