import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A notification receiver for tests: an HTTP server on 127.0.0.1:0 that records every request and
 * answers each with the next scripted status (then 200), or leaves it hanging.
 */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Statuses for the next requests, in order; 'hang' never answers. */
  script: (number | 'hang')[];
  close(): Promise<void>;
}

export async function startHttpReceiver(script: (number | 'hang')[] = []): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const receiver = { requests, script } as HttpReceiver;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, at: Date.now() });
      const next = receiver.script.shift() ?? 200;
      if (next === 'hang') return;
      res.writeHead(next, { 'content-type': 'text/plain' });
      res.end(next >= 300 ? `status ${next}` : 'ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return receiver;
}
