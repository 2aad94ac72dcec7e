/**
 * No 5xx on any input (issue 14): a property-based run over every route and method of the app
 * (read from app/**\/route.ts and app/**\/page.tsx), over real HTTP against the production build
 * serving the built-in demo. Every answer must be a 2xx/3xx/4xx; an API error must carry
 * `{error:{code,message}}`; no answer may hold a stack trace, a file path, a connection string
 * with credentials or a password; and the server must be healthy afterwards.
 *
 * A failure prints fast-check's shrunk counterexample (the smallest request that still fails)
 * and its seed; `FC_SEED=<seed>` replays a run.
 */
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '@/lib/catalog';
import { requestFor, type HostileRequest, type KnownValues } from './helpers/hostile-inputs';
import { startNextServer, type NextServer } from './helpers/next-server';
import { appRoutes } from './helpers/route-table';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const ROUTES = appRoutes(`${ROOT}/app`);
/** Runs per route: a few hundred requests in all, and pages (server renders) fewer than API calls. */
const RUNS = { api: 40, page: 20 } as const;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

let server: NextServer;
let known: KnownValues;

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

let sent = 0;
/** Node's default --max-http-header-size, less a margin for the headers node:http adds. */
const NODE_MAX_HEAD = 16 * 1024 - 512;
/**
 * Sent with node:http rather than fetch: the path goes out byte for byte (no WHATWG URL clean-up of
 * `..` or `%2e`), and a long answer head is read (Next's 308 for `//` repeats a long URL in two
 * headers, past fetch's 16 KiB limit; browsers allow far more).
 */
function send(r: HostileRequest): Promise<Answer> {
  sent++;
  const { hostname, port } = new URL(server.url);
  // Framed explicitly: node:http sends a DELETE or OPTIONS body with neither length nor chunking.
  const headers = r.body === undefined ? r.headers : { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) };
  const headBytes = r.path.length + Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: r.path, method: r.method, headers, maxHeaderSize: 256 * 1024, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (b: Buffer) => chunks.push(b));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', (err: NodeJS.ErrnoException) => {
      // Past Node's 16 KiB limit on a request head the server answers 431 and drops the socket,
      // often before the answer can be read: the request never reached the app.
      if (headBytes >= NODE_MAX_HEAD && ['ECONNRESET', 'EPIPE'].includes(err.code ?? '')) resolve({ status: 431, contentType: '', text: '' });
      else reject(err);
    });
    req.end(r.body);
  });
}

/** What must never be in an answer (DESIGN.md "Errors"). */
const LEAKS: [string, RegExp][] = [
  ['a stack trace', /\n\s+at \S[^\n]*:\d+:\d+\)?|\bat (?:async )?[\w$.<>]+ \((?:\/|file:|node:)/],
  ['a file path of the server', new RegExp(`${ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|/node_modules/|\\.next/server/`)],
  ['a connection string with credentials', /\b(?:postgres(?:ql)?|mysql|mongodb):\/\/[^\s"'<>@/]+:[^\s"'<>@/]+@/i],
  ['a password', /\bpassword=(?!redacted\b)[^&\s"'<>]+/i],
  ['an unredacted secret key', /SECRET_ACCESS_KEY=(?!redacted\b)[^&\s"'<>]+/],
];

function problemsWith(r: HostileRequest, a: Answer): string[] {
  const out: string[] = [];
  if (a.status >= 500 || a.status < 200) out.push(`status ${a.status}`);
  // Node's HTTP parser answers an oversized head itself, before any app code: no body to check.
  const fromApp = a.status !== 431;
  const api = new URL(r.path, server.url).pathname.startsWith('/api/');
  if (api && a.status >= 400 && fromApp && r.method !== 'HEAD') {
    let shaped = false;
    try {
      const b = JSON.parse(a.text) as { error?: { code?: unknown; message?: unknown } };
      shaped = typeof b.error?.code === 'string' && typeof b.error.message === 'string';
    } catch {
      shaped = false;
    }
    if (!shaped) out.push('an API error without the {error:{code,message}} body');
  }
  for (const [what, re] of LEAKS) {
    const m = re.exec(a.text);
    if (m) out.push(`${what} in the body: …${a.text.slice(Math.max(0, m.index - 60), m.index + 80)}…`);
  }
  return out;
}

function describeRequest(r: HostileRequest): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return `${r.method} ${cut(r.path)}\n  headers: ${cut(JSON.stringify(r.headers))}\n  body: ${r.body === undefined ? '(none)' : cut(JSON.stringify(r.body))}`;
}

async function check(r: HostileRequest): Promise<void> {
  const a = await send(r);
  const problems = problemsWith(r, a);
  if (problems.length > 0) {
    throw new Error(`${problems.join('; ')}\n  request: ${describeRequest(r)}\n  answer: ${a.status} ${a.contentType}: ${a.text.slice(0, 300)}`);
  }
}

async function json<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  server = await startNextServer();
  const clusters = await json<{ clusters: { id: string }[] }>('/api/v1/clusters');
  const c = clusters.clusters[0].id;
  const jobs = await json<{ jobs: { job_id: string }[] }>(`/api/v1/clusters/${c}/jobs?type=all&from=now-7d&limit=5`);
  const schedules = await json<{ schedules: { id: string }[] }>(`/api/v1/clusters/${c}/schedules`);
  const metrics = await json<{ nodes: { node_id: number | null }[] }>(`/api/v1/clusters/${c}/metrics`);
  known = {
    cluster: clusters.clusters.map((x) => x.id),
    jobId: jobs.jobs.map((j) => j.job_id),
    id: schedules.schedules.slice(0, 3).map((s) => s.id),
    node: [...metrics.nodes.map((n) => String(n.node_id)), '#1'],
    action: ['pause', 'resume', 'cancel'],
    metric: CATALOG.slice(0, 6).map((m) => m.exported),
  };
}, 900_000); // the first run of a fresh checkout builds the app (minutes on a loaded 2-core machine)

afterAll(async () => {
  console.log(`hostile input: ${sent} requests sent`);
  await server?.stop();
});

describe('no 5xx on any input: the inputs that found one', () => {
  it.each([
    ['a lone % as the node (issue 14)', '/api/v1/clusters/demo/nodes/%25/vars'],
    ['an escaped escape', '/api/v1/clusters/demo/nodes/%2525/vars'],
    ['bad percent-encoding in an API path', '/api/v1/clusters/%zz/jobs'],
    ['bad percent-encoding in a page path', '/c/%zz'],
    ['bad percent-encoding in a node id', '/api/v1/clusters/demo/nodes/%E0%A4%A/vars'],
    ['bad percent-encoding under the API catch-all', '/api/v2/%zz'],
  ])('%s: %s', async (_, path) => {
    const r: HostileRequest = { method: 'GET', path, headers: {}, body: undefined };
    await check(r);
    expect((await send(r)).status).toBeLessThan(500);
  });

  it('a method a route does not serve: 405 with the error body and Allow', async () => {
    const res = await fetch(`${server.url}/api/v1/health`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await res.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('raw bytes fetch will not send (CRLF, NUL, spaces in the request line): the server answers 4xx and stays up', async () => {
    const raw = [
      'GET /api/v1/clusters/demo/jobs?q=a\r\nX-Injected: 1 HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /c/demo/jobs/1 2 HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n',
      `GET /c/${'\u00ff'.repeat(20)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ];
    const port = Number(new URL(server.url).port);
    for (const req of raw) {
      const statusLine = await new Promise<string>((resolve, reject) => {
        // Written, not ended: a half-closed socket lets Node drop a bad request without answering it.
        const s = net.connect(port, '127.0.0.1', () => s.write(Buffer.from(req, 'latin1')));
        let head = '';
        s.on('data', (b: Buffer) => {
          head += b.toString('latin1');
          if (head.includes('\r\n')) {
            resolve(head.split('\r\n')[0]);
            s.destroy();
          }
        });
        s.on('close', () => resolve(head.split('\r\n')[0]));
        s.on('error', reject);
        s.setTimeout(30_000, () => s.destroy(new Error('no answer')));
      });
      expect(statusLine, JSON.stringify(req)).toMatch(/^HTTP\/1\.1 [234]\d\d /);
    }
  });
});

describe.concurrent('no 5xx on any input: generated requests over every route', () => {
  it('covers every route file and page', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(30);
    expect(ROUTES.filter((r) => r.kind === 'page').length).toBeGreaterThanOrEqual(10);
  });

  for (const route of ROUTES) {
    it(`${route.methods.join('|')} ${route.template}`, async () => {
      await fc.assert(
        fc.asyncProperty(requestFor(route, known), check),
        { numRuns: RUNS[route.kind], seed: SEED, endOnFailure: false, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: false },
      );
    }, 180_000);
  }
});

describe('after the run', () => {
  it('the server is healthy, a real page renders, and nothing unexpected was logged', async () => {
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    const page = await fetch(`${server.url}/c/demo`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Demo cluster');
    const unexpected = server.log().split('\n').filter((l) => /unexpected error|URIError|Internal Server Error/.test(l));
    expect(unexpected).toEqual([]);
  });
});
