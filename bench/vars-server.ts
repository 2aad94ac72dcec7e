import http from 'node:http';
import { gzipSync } from 'node:zlib';

/** One fixture node: serves `plain` as its /_status/vars (any path), gzipped when asked, as CockroachDB does; compressed once. */
export function varsServer(plain: Buffer): http.Server {
  const gz = gzipSync(plain);
  return http.createServer((req, res) => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    res.end(gzip ? gz : plain);
  });
}
