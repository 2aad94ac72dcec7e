import http from 'node:http';
import https from 'node:https';
import { createGunzip } from 'node:zlib';

import type { FetchErrorKind } from '../api/types/metrics';

export type { FetchErrorKind };

export type FetchVarsResult =
  | { ok: true; body: Buffer; latency_ms: number; bytes: number }
  | { ok: false; kind: FetchErrorKind; error: string; latency_ms: number };

export interface FetchVarsOptions {
  timeoutMs: number;
  /** PEM CA for HTTPS nodes of a secure cluster. */
  ca?: string | null;
  /** Bodies larger than this are cut off as an error (a node is not a download server). */
  maxBytes?: number;
}

const agents = new Map<string, https.Agent>();
function httpsAgent(ca: string | null | undefined): https.Agent {
  const key = ca ?? '';
  let a = agents.get(key);
  if (!a) {
    a = new https.Agent({ keepAlive: true, ca: ca ?? undefined, maxSockets: 4 });
    agents.set(key, a);
  }
  return a;
}
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/**
 * GET {base}/_status/vars with one deadline for the whole exchange (connect, headers and body).
 * Network errors, timeouts, non-2xx answers and undecodable bodies are told apart, as Prometheus's
 * own client does; the body is asked for gzipped, as Prometheus does, which CockroachDB honours.
 */
export function fetchVars(base: string, opts: FetchVarsOptions): Promise<FetchVarsResult> {
  return attempt(base, opts, performance.now(), true);
}

function attempt(base: string, opts: FetchVarsOptions, t0: number, mayRetry: boolean): Promise<FetchVarsResult> {
  const elapsed = () => Math.round(performance.now() - t0);
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: FetchVarsResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const url = new URL('/_status/vars', base);
    const isHttps = url.protocol === 'https:';
    const req = (isHttps ? https : http).get(url, {
      agent: isHttps ? httpsAgent(opts.ca) : httpAgent,
      headers: { 'accept-encoding': 'gzip', accept: 'text/plain;version=0.0.4;q=1,*/*;q=0.1', 'user-agent': 'crdb-backup-monitor' },
    });
    const timer = setTimeout(() => {
      done({ ok: false, kind: 'timeout', error: `no answer within ${opts.timeoutMs} ms`, latency_ms: elapsed() });
      req.destroy();
    }, opts.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      // A kept-alive socket the node closed since (it restarted, or died): try once on a fresh one,
      // within the same deadline, so the error names what is wrong now (usually "refused").
      if (mayRetry && req.reusedSocket && err.code === 'ECONNRESET' && !settled) {
        settled = true;
        clearTimeout(timer);
        const left = opts.timeoutMs - (performance.now() - t0);
        resolve(attempt(base, { ...opts, timeoutMs: Math.max(1, left) }, t0, false).then((r) => ({ ...r, latency_ms: elapsed() })));
        return;
      }
      const what = err.code === 'ECONNREFUSED' ? 'connection refused' : err.code === 'ENOTFOUND' ? 'host not found' : (err.code ?? err.message);
      done({ ok: false, kind: 'network', error: `${what}${err.code && err.message && err.code !== 'ECONNREFUSED' ? ` (${err.message})` : ''}`, latency_ms: elapsed() });
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) {
        res.resume();
        done({ ok: false, kind: 'http', error: `HTTP ${status} from /_status/vars`, latency_ms: elapsed() });
        return;
      }
      const stream = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (c: Buffer) => {
        bytes += c.length;
        if (bytes > maxBytes) {
          done({ ok: false, kind: 'format', error: `the answer is larger than ${maxBytes} bytes`, latency_ms: elapsed() });
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      stream.on('error', (err: Error) => done({ ok: false, kind: 'format', error: `cannot decode the answer: ${err.message}`, latency_ms: elapsed() }));
      stream.on('end', () => {
        // Left as bytes: the scraper decodes only the families it keeps.
        done({ ok: true, body: Buffer.concat(chunks, bytes), bytes, latency_ms: elapsed() });
      });
    });
  });
}
