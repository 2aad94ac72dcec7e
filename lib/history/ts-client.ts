/**
 * A client of one cluster's `POST /ts/query` (reference §b.4, §g). Any node answers for the whole
 * cluster (the time-series store is a KV range like any other), so requests go round the node URLs,
 * spreading the work of gathering the answer; a node that does not answer is skipped for the next.
 *
 * Authentication (§b.2, §g): `/ts/` is open on an insecure cluster and needs the DB Console
 * `session` cookie on a secure one. With a user and password the client signs in through
 * `POST /login` and keeps the cookie; a 401 later (the session expired or was revoked) signs in
 * once more and retries once. Secrets never appear in an error message.
 */
import http from 'node:http';
import https from 'node:https';
import type { ConsoleAuth } from '../config';
import { decodeResponse, encodeRequest, TsFormatError, type TsRequest, type TsResult } from './ts-wire';

export type TsErrorKind = 'auth' | 'http' | 'network' | 'timeout' | 'format';

export class TsError extends Error {
  constructor(
    readonly kind: TsErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export const NEEDS_LOGIN = 'history backfill needs a DB Console login: set CRDB_CONSOLE_USER and CRDB_CONSOLE_PASSWORD (or CRDB_CONSOLE_COOKIE)';

export interface TsClientOptions {
  urls: readonly string[];
  /** PEM CA of the nodes' HTTPS certificates. */
  ca?: string | null;
  auth?: ConsoleAuth | null;
  timeoutMs?: number;
  /** Answers larger than this are an error (the backfill sizes its requests well below it). */
  maxBytes?: number;
}

interface Answer {
  status: number;
  body: string;
  setCookie: string[];
}

const agents = new Map<string, http.Agent>();
/** Keep-alive, at most 4 sockets per node: the backfill never has more than 4 requests in flight to a cluster anyway. */
function agentFor(isHttps: boolean, ca: string | null | undefined): http.Agent {
  const key = `${isHttps}\u0000${ca ?? ''}`;
  let a = agents.get(key);
  if (!a) {
    a = isHttps ? new https.Agent({ keepAlive: true, maxSockets: 4, ca: ca ?? undefined }) : new http.Agent({ keepAlive: true, maxSockets: 4 });
    agents.set(key, a);
  }
  return a;
}

export class TsClient {
  private next = 0;
  private cookie: string | null;
  /** Requests sent, for the status and the bench. */
  requests = 0;

  constructor(private readonly opts: TsClientOptions) {
    this.cookie = opts.auth?.cookie ?? null;
  }

  /** One request; its results in query order. */
  async query(req: TsRequest): Promise<TsResult[]> {
    const body = encodeRequest(req);
    if (this.canSignIn() && this.cookie === null) await this.signIn();
    const used = this.cookie;
    let a = await this.post('/ts/query', body, true);
    if ((a.status === 401 || a.status === 403) && this.canSignIn()) {
      // Requests in flight when the session expired all come back 401: one sign-in serves them all.
      if (this.cookie === used) await this.signIn();
      a = await this.post('/ts/query', body, true);
    }
    if (a.status === 401 || a.status === 403) throw new TsError('auth', this.opts.auth ? `${this.authWhat()} was refused (HTTP ${a.status}); ${NEEDS_LOGIN}` : NEEDS_LOGIN);
    if (a.status < 200 || a.status > 299) throw new TsError('http', `HTTP ${a.status} from /ts/query${serverMessage(a.body)}`);
    try {
      return decodeResponse(a.body, req.queries);
    } catch (err) {
      throw new TsError('format', err instanceof TsFormatError ? err.message : String(err));
    }
  }

  private canSignIn(): boolean {
    return Boolean(this.opts.auth?.user && this.opts.auth.password);
  }

  private authWhat(): string {
    return this.canSignIn() ? `the DB Console sign-in of ${this.opts.auth?.user}` : 'the DB Console session cookie (CRDB_CONSOLE_COOKIE)';
  }

  private signing: Promise<void> | null = null;

  /** One sign-in at a time; callers arriving meanwhile wait for it. */
  private signIn(): Promise<void> {
    this.signing ??= this.doSignIn().finally(() => {
      this.signing = null;
    });
    return this.signing;
  }

  /** DB Console's sign-in: `POST /login` with the user and password as JSON; the answer sets the `session` cookie. */
  private async doSignIn(): Promise<void> {
    const auth = this.opts.auth;
    if (!auth?.user || !auth.password) return;
    const a = await this.post('/login', JSON.stringify({ username: auth.user, password: auth.password }), false);
    const session = a.setCookie.map((c) => c.split(';')[0]?.trim() ?? '').find((c) => c.startsWith('session='));
    if (a.status < 200 || a.status > 299 || !session) throw new TsError('auth', `the DB Console sign-in of ${auth.user} was refused (HTTP ${a.status}); ${NEEDS_LOGIN}`);
    this.cookie = session;
  }

  private async post(path: string, body: string, withCookie: boolean): Promise<Answer> {
    const urls = this.opts.urls;
    if (urls.length === 0) throw new TsError('network', 'no node URL to ask');
    let last: TsError | null = null;
    // Each node once at most: a refused connection moves on to the next node.
    for (let i = 0; i < urls.length; i++) {
      const base = urls[this.next++ % urls.length] as string;
      try {
        this.requests++;
        return await this.send(base, path, body, withCookie ? this.cookie : null);
      } catch (err) {
        if (!(err instanceof TsError) || err.kind !== 'network') throw err;
        last = err;
      }
    }
    throw last ?? new TsError('network', 'no node answered');
  }

  private send(base: string, path: string, body: string, cookie: string | null): Promise<Answer> {
    const url = new URL(path, base);
    const isHttps = url.protocol === 'https:';
    const timeoutMs = this.opts.timeoutMs ?? 30_000;
    const maxBytes = this.opts.maxBytes ?? 64 * 1024 * 1024;
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'crdb-backup-monitor' };
    if (cookie) headers.cookie = cookie;
    return new Promise((resolve, reject) => {
      const req = (isHttps ? https : http).request(url, { method: 'POST', agent: agentFor(isHttps, this.opts.ca), headers });
      const timer = setTimeout(() => {
        req.destroy();
        reject(new TsError('timeout', `${url.host} did not answer /ts/query within ${timeoutMs} ms`));
      }, timeoutMs);
      req.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new TsError('network', `${url.host}: ${err.code === 'ECONNREFUSED' ? 'connection refused' : (err.code ?? err.message)}`));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (bytes > maxBytes) {
            clearTimeout(timer);
            req.destroy();
            reject(new TsError('format', `the answer is larger than ${maxBytes} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('error', (err) => {
          clearTimeout(timer);
          reject(new TsError('network', `${url.host}: ${err.message}`));
        });
        res.on('end', () => {
          clearTimeout(timer);
          const sc = res.headers['set-cookie'];
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks, bytes).toString('utf8'), setCookie: Array.isArray(sc) ? sc : sc ? [sc] : [] });
        });
      });
      req.end(body);
    });
  }
}

/** The gRPC status message of an error answer (`{"code":2,"message":"..."}`), shortened. */
function serverMessage(body: string): string {
  try {
    const m = (JSON.parse(body) as { message?: unknown; error?: unknown }).message ?? (JSON.parse(body) as { error?: unknown }).error;
    return typeof m === 'string' && m ? `: ${m.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
