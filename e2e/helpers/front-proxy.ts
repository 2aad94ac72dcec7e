/**
 * A reverse proxy in front of a dashboard, as oauth2-proxy or an ingress would be: it connects from
 * 127.0.0.2 (the address the dashboard trusts, AUTH_PROXY_TRUSTED) and sends the signed-in user and
 * groups in X-Forwarded-User / X-Forwarded-Groups, dropping any the client sent. Who is "signed in"
 * is set by the test (`as`).
 */
import http from 'node:http';

export interface FrontProxy {
  url: string;
  as: { user: string; groups: string } | null;
  close(): Promise<void>;
}

export async function startFrontProxy(port: number, upstream: string): Promise<FrontProxy> {
  const target = new URL(upstream);
  const state: FrontProxy = { url: `http://127.0.0.1:${port}`, as: null, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    delete headers['x-forwarded-user'];
    delete headers['x-forwarded-groups'];
    if (state.as) {
      headers['x-forwarded-user'] = state.as.user;
      headers['x-forwarded-groups'] = state.as.groups;
    }
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers, localAddress: '127.0.0.2' }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', (err) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`front proxy: ${err.message}`);
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
