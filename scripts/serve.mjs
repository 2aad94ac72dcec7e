// The production server (`npm start` runs it after building): Next's request handler behind a
// plain node:http server, for one reason: Next gives neither proxy.ts nor route handlers the
// socket's peer address, and AUTH_PROXY_TRUSTED and the audit trail need it. Any incoming
// x-crdb-monitor-peer header is dropped and replaced by the real peer (lib/auth/peer.ts trusts the
// header only because this server says on globalThis that it writes it).
// Listens on PORT (default 3000) and HOST (or HOSTNAME, as Next's own servers read it; default
// every interface, as `next start`).
import http from 'node:http';
import path from 'node:path';
import next from 'next';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const PEER_HEADER = 'x-crdb-monitor-peer';
const port = Number(process.env.PORT ?? 3000);
const host = (process.env.HOST ?? process.env.HOSTNAME ?? '').trim() || undefined;

globalThis[Symbol.for('crdb-monitor.peer-stamped')] = true;
const app = next({ dev: false, dir: root, hostname: host ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  delete req.headers[PEER_HEADER];
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
  handle(req, res);
});
// Longer than the idle timeout of the proxies and clients in front (60 s for most load balancers):
// with Node's 5 s default a client reusing an idle connection just as the server closes it gets
// ECONNRESET (seen by the e2e suite's request context).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on('error', (err) => {
  console.error(`cannot listen on ${host ?? '*'}:${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => console.log(`dashboard listening on http://${host ?? 'localhost'}:${port}${host ? '' : ' (every interface)'}`));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
