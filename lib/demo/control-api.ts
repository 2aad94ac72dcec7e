import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { NodeFault, SqlFault } from './cluster-state';
import type { ConsoleSessions } from './http/console-auth';
import type { DemoModel } from './model/model';

/** What the control API drives: the demo cluster (cluster.ts), named here by what it uses so the two modules do not import each other. */
export interface ControlTarget {
  readonly model: DemoModel;
  readonly sqlUrl: string;
  readonly nodeUrls: string[];
  readonly seed: number;
  readonly speed: number;
  setNodeFault(nodeId: number, fault: NodeFault): Promise<void>;
  nodeFault(nodeId: number): NodeFault;
  /** The node process restarts: its HTTP port refuses for `downMs`, then it is back with counters from 0. */
  restartNode(nodeId: number, downMs?: number): Promise<void>;
  /** Resolves once the SQL port follows the fault (closed for refuse, open otherwise). */
  setSqlFault(fault: SqlFault): Promise<void>;
  sqlFault(): SqlFault;
  /** Every node, SQL and schedule fault back to the cluster's starting state (its story's own faults). */
  reset(): Promise<void>;
  /** Whether every fault is at that starting state. */
  atBaseline(): boolean;
  /** A secure cluster's DB Console sessions (null or absent: insecure). */
  readonly consoleSessions?: ConsoleSessions | null;
}

/**
 * A small HTTP API to inject faults and move the clock, for tests and demos:
 *   GET  /                      → the cluster: URLs, faults, clock
 *   POST /nodes/{id}/fault      {"mode":"ok"|"down"|"garbage"} or {"mode":"slow","delay_ms":3000}
 *   POST /nodes/{id}/restart    {"down_ms"?: 500}
 *   POST /sql/fault             {"mode":"ok"|"refuse"} or {"mode":"error","message":"…"}
 *   POST /clock/advance         {"seconds": 3600}
 *   POST /schedules/{label}/fault {"mode":"fail","error"?:"…"} (its backups fail from now on) or {"mode":"ok"}
 *   POST /jobs                  {"description":"…","error":"…","job_type"?:"IMPORT","days_ago"?:10} → {job_id}: a failed job with that text
 *   POST /reset                 every fault of every cluster back to its start (ok, or the story's own:
 *                               a fleet's staging node that is down); the clock stays where it is
 *   POST /console/sessions      {"username"?: "root"} → {cookie}: a DB Console session cookie, as
 *                               `cockroach auth-session login <user> --only-cookie` prints it (secure clusters)
 *   POST /console/sessions/expire → {expired}: every session expires now (clients must sign in again)
 * With several clusters (a fleet) the same routes under /clusters/{id}/… drive one of them; without
 * the prefix they drive the first (the one the single demo has always been), and GET / lists them all.
 * Errors are {error:{code,message}} with a 4xx status.
 */
const NodeFaultBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('ok') }),
  z.object({ mode: z.literal('down') }),
  z.object({ mode: z.literal('garbage') }),
  z.object({ mode: z.literal('slow'), delay_ms: z.number().int().min(0).max(600_000) }),
]);
const SqlFaultBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('ok') }),
  z.object({ mode: z.literal('refuse') }),
  z.object({ mode: z.literal('error'), message: z.string().min(1).max(1000) }),
]);
const ScheduleFaultBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('ok') }),
  z.object({ mode: z.literal('fail'), error: z.string().min(1).max(1000).optional() }),
]);
/** What a schedule whose bucket credentials were revoked fails with (CockroachDB wraps the S3 error so). */
export const DEFAULT_SCHEDULE_FAULT = 'failed to write to external storage: s3: AccessDenied: Access Denied\n\tstatus code: 403, request id: DEMOFAULT0000001';
const InjectJobBody = z.object({
  job_type: z.string().regex(/^[A-Z][A-Z0-9 _-]{0,39}$/).default('IMPORT'),
  description: z.string().min(1).max(10_000),
  error: z.string().max(10_000),
  days_ago: z.number().min(0).max(13).default(10),
});
const RestartBody = z.object({ down_ms: z.number().int().min(0).max(60_000).optional() });
const AdvanceBody = z.object({ seconds: z.number().positive().max(365 * 86_400) });
const SessionBody = z.object({ username: z.string().min(1).max(63).default('root') });

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parse<T>(schema: z.ZodType<T>, raw: string): T {
  let json: unknown;
  try {
    json = raw ? JSON.parse(raw) : {};
  } catch {
    throw new HttpError(400, 'bad_json', 'the body is not JSON');
  }
  const r = schema.safeParse(json);
  if (!r.success) throw new HttpError(400, 'bad_request', r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return r.data;
}

function describe(cluster: ControlTarget) {
  return {
    version: cluster.model.version,
    now: cluster.model.now().toISOString(),
    seed: cluster.seed,
    speed: cluster.speed,
    secure: Boolean(cluster.consoleSessions),
    sql_url: cluster.sqlUrl,
    sql_fault: cluster.sqlFault(),
    schedule_faults: cluster.model.scheduleFaults(),
    nodes: cluster.model.nodes().map((n, i) => ({ node_id: n.node_id, url: cluster.nodeUrls[i], fault: cluster.nodeFault(n.node_id) })),
  };
}

async function route(cluster: ControlTarget, method: string, path: string, body: string): Promise<unknown> {
  if (method === 'GET' && path === '/') return describe(cluster);
  if (method !== 'POST') throw new HttpError(405, 'method_not_allowed', `${method} ${path} is not supported`);
  const nodeRoute = /^\/nodes\/(\d{1,4})\/(fault|restart)$/.exec(path);
  if (nodeRoute) {
    const id = Number(nodeRoute[1]);
    if (!cluster.model.nodes().some((n) => n.node_id === id)) throw new HttpError(404, 'unknown_node', `no node ${id}`);
    if (nodeRoute[2] === 'fault') {
      const f = parse(NodeFaultBody, body);
      await cluster.setNodeFault(id, f.mode === 'slow' ? { mode: 'slow', delayMs: f.delay_ms } : f);
    } else {
      await cluster.restartNode(id, parse(RestartBody, body).down_ms);
    }
    return describe(cluster);
  }
  if (path === '/sql/fault') {
    await cluster.setSqlFault(parse(SqlFaultBody, body));
    return describe(cluster);
  }
  const scheduleRoute = /^\/schedules\/([A-Za-z0-9_.-]{1,100})\/fault$/.exec(path);
  if (scheduleRoute) {
    const f = parse(ScheduleFaultBody, body);
    try {
      cluster.model.setScheduleFault(scheduleRoute[1], f.mode === 'ok' ? null : (f.error ?? DEFAULT_SCHEDULE_FAULT));
    } catch (err) {
      throw new HttpError(404, 'unknown_schedule', (err as Error).message);
    }
    return describe(cluster);
  }
  if (path === '/jobs') {
    const b = parse(InjectJobBody, body);
    const job = cluster.model.injectFailedJob({ job_type: b.job_type, description: b.description, error: b.error, agoMs: b.days_ago * 86_400_000 });
    return { job_id: job.job_id };
  }
  if (path === '/reset') {
    await cluster.reset();
    return describe(cluster);
  }
  if (path === '/console/sessions' || path === '/console/sessions/expire') {
    const sessions = cluster.consoleSessions;
    if (!sessions) throw new HttpError(409, 'insecure_cluster', 'the cluster is insecure: its DB Console needs no session');
    if (path === '/console/sessions/expire') return { expired: sessions.expireAll() };
    const { username } = parse(SessionBody, body);
    if (!sessions.usernames().includes(username.toLowerCase())) throw new HttpError(404, 'unknown_user', `no DB Console user "${username}"`);
    return { cookie: sessions.mint(username) };
  }
  if (path === '/clock/advance') {
    cluster.model.advance(parse(AdvanceBody, body).seconds * 1000);
    return describe(cluster);
  }
  throw new HttpError(404, 'not_found', `no route ${path}`);
}

/** Picks the cluster a request drives: `/clusters/{id}/rest`, or the first cluster for an unprefixed path. */
async function routeFleet(clusters: ReadonlyMap<string, ControlTarget>, method: string, path: string, body: string): Promise<unknown> {
  const prefixed = /^\/clusters\/([a-z0-9-]{1,63})(\/.*)$/.exec(path);
  if (prefixed) {
    const target = clusters.get(prefixed[1]);
    if (!target) throw new HttpError(404, 'unknown_cluster', `no demo cluster "${prefixed[1]}" (there are ${[...clusters.keys()].join(', ')})`);
    return route(target, method, prefixed[2], body);
  }
  const [first] = clusters.values();
  if (method === 'POST' && path === '/reset') for (const c of clusters.values()) if (c !== first) await c.reset();
  const out = await route(first, method, path, body);
  if (method !== 'GET' && path !== '/reset') return out;
  return { ...(out as object), clusters: [...clusters].map(([id, c]) => ({ id, at_baseline: c.atBaseline(), ...describe(c) })) };
}

export async function startControlApi(clusters: ReadonlyMap<string, ControlTarget>, opts: { host: string; port: number }) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      routeFleet(clusters, req.method ?? 'GET', path, Buffer.concat(chunks).toString('utf8')).then(
        (out) => send(res, 200, out),
        (err: unknown) => {
          const e = err instanceof HttpError ? err : new HttpError(500, 'internal', 'the control API failed');
          if (!(err instanceof HttpError)) console.error('demo control API:', err);
          send(res, e.status, { error: { code: e.code, message: e.message } });
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
