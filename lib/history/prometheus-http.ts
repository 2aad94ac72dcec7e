/**
 * One GET of the Prometheus HTTP API (`/api/v1/query_range`), as Prometheus's own UI tells
 * failures apart (web/ui api.ts): no connection or a timeout, a non-2xx answer (with Prometheus's
 * `error` when it sent one), or a body that is not the API's JSON. Credentials travel in headers
 * and are never part of a message.
 */
import http from 'node:http';
import https from 'node:https';

export class PrometheusError extends Error {
  constructor(
    readonly kind: 'network' | 'timeout' | 'http' | 'format' | 'query',
    message: string,
  ) {
    super(message);
  }
}

export interface MatrixSeries {
  metric: Record<string, string>;
  values: [number, string][];
}

export async function getJson(url: URL, opts: { headers: Record<string, string>; ca: string | null; timeoutMs: number }): Promise<unknown> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method: 'GET', headers: { accept: 'application/json', ...opts.headers }, ...(opts.ca ? { ca: opts.ca } : {}), timeout: opts.timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          reject(new PrometheusError(res.statusCode && res.statusCode >= 300 ? 'http' : 'format', `HTTP ${res.statusCode}: ${res.statusCode && res.statusCode >= 300 ? text.slice(0, 120) : 'not the query API\'s JSON'}`));
          return;
        }
        const b = body as { status?: string; error?: string; errorType?: string };
        if (b.status !== 'success') reject(new PrometheusError(res.statusCode === 200 ? 'format' : 'query', `HTTP ${res.statusCode}: ${b.errorType ?? 'error'}: ${b.error ?? 'no error text'}`.slice(0, 300)));
        else resolve(body);
      });
      res.on('error', (err) => reject(new PrometheusError('network', err.message)));
    });
    req.on('timeout', () => {
      req.destroy();
      reject(new PrometheusError('timeout', `no answer within ${opts.timeoutMs} ms`));
    });
    req.on('error', (err) => reject(new PrometheusError('network', err.message)));
    req.end();
  });
}

/** `query_range` → its matrix. */
export async function queryRange(base: string, q: { query: string; startS: number; endS: number; stepS: number }, opts: { headers: Record<string, string>; ca: string | null; timeoutMs: number }): Promise<MatrixSeries[]> {
  const url = new URL(`${base}/api/v1/query_range`);
  url.searchParams.set('query', q.query);
  url.searchParams.set('start', String(q.startS));
  url.searchParams.set('end', String(q.endS));
  url.searchParams.set('step', String(q.stepS));
  const body = (await getJson(url, opts)) as { data?: { resultType?: string; result?: MatrixSeries[] } };
  if (body.data?.resultType !== 'matrix' || !Array.isArray(body.data.result)) throw new PrometheusError('format', 'query_range did not answer a matrix');
  return body.data.result;
}
