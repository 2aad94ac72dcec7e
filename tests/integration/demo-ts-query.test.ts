/**
 * The demo cluster's time-series store through `POST /ts/query`, over real HTTP: what it returns
 * equals what `/_status/vars` served at the same moments (frozen clock, advanced by the test),
 * a restart drops the counters in both, a node that is down is a gap; ten days at 10 s; the
 * grpc-gateway wire shape and CockroachDB's server rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCluster } from '@/lib/demo/cluster';
import { CATALOG } from '@/lib/catalog';
import { atLeast, CRDB_VERSIONS } from '@/lib/demo/types';
import { scrape, startFrozen, START_MS, valueOf } from './demo-helpers';

const NS = 1_000_000n;
const ns = (ms: number) => (BigInt(ms) * NS).toString();

interface Point {
  timestampNanos: string;
  value: number;
}
interface Result {
  query: { name: string; sources: string[] };
  datapoints: Point[];
}

async function tsQuery(url: string, body: unknown): Promise<{ status: number; text: string; json: { results: Result[] } & Record<string, unknown> }> {
  const res = await fetch(`${url}/ts/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) };
}

describe('/ts/query against the model', () => {
  let demo: DemoCluster;
  /** moment ms → node → exported name → value, as /_status/vars served it. */
  const served = new Map<number, Map<number, Map<string, number>>>();
  let downFrom = 0;
  let downTo = 0;
  let restartAt = 0;

  beforeAll(async () => {
    demo = await startFrozen();
    const at = () => demo.model.now().getTime();
    const scrapeUp = async (skip: number[]) => {
      const byNode = new Map<number, Map<string, number>>();
      for (const [i, url] of demo.nodeUrls.entries()) {
        if (skip.includes(i + 1)) continue;
        const exp = await scrape(url);
        const values = new Map<string, number>();
        for (const m of CATALOG) {
          const v = valueOf(exp, m.exported);
          if (v !== undefined) values.set(m.exported, v);
        }
        byNode.set(i + 1, values);
      }
      served.set(at(), byNode);
    };
    // Six hours in 10-minute moments; node 2 restarts after the 12th, node 3 is down for the 20th–24th.
    for (let k = 1; k <= 36; k++) {
      demo.model.advance(600_000);
      const down = k > 20 && k <= 24;
      await scrapeUp(down ? [3] : []);
      if (k === 12) {
        await demo.restartNode(2, 0);
        restartAt = at();
      }
      if (k === 20) {
        await demo.setNodeFault(3, { mode: 'down' });
        downFrom = at();
      }
      if (k === 24) {
        await demo.setNodeFault(3, { mode: 'ok' });
        downTo = at();
      }
    }
    demo.model.advance(10_000); // the newest moment is "now − one sample": in range
  });
  afterAll(() => demo?.stop());

  it('serves every catalog metric of every node with the values /_status/vars served at those moments', async () => {
    const moments = [...served.keys()];
    const from = moments[0] - 600_000;
    const metrics = CATALOG.filter((m) => served.get(moments[0])!.get(1)!.has(m.exported));
    expect(metrics.length).toBeGreaterThan(30);
    const queries = metrics.flatMap((m) => [1, 2, 3].map((node) => ({ name: `cr.node.${m.name}`, sources: [String(node)], downsampler: 'MAX' })));
    const { status, json } = await tsQuery(demo.nodeUrls[0], { start_nanos: ns(from), end_nanos: ns(demo.model.now().getTime()), queries });
    expect(status).toBe(200);
    expect(json.results).toHaveLength(queries.length);
    let compared = 0;
    let changed = 0;
    json.results.forEach((r, i) => {
      const metric = metrics[Math.floor(i / 3)];
      const node = (i % 3) + 1;
      const byTime = new Map(r.datapoints.map((p) => [Number(BigInt(p.timestampNanos) / NS), p.value]));
      let prev: number | undefined;
      for (const [t, nodes] of served) {
        const v = nodes.get(node)?.get(metric.exported);
        if (v === undefined) continue;
        expect({ metric: metric.name, node, t, v: byTime.get(t) }).toEqual({ metric: metric.name, node, t, v });
        compared++;
        if (prev !== undefined && prev !== v) changed++;
        prev = v;
      }
    });
    expect(compared).toBeGreaterThan(3000);
    expect(changed).toBeGreaterThan(20); // the window is not flat: the comparison can fail
  });

  it('drops a restarted node\'s counters, as /_status/vars does', async () => {
    const before = served.get(restartAt)!.get(2)!;
    const after = served.get(restartAt + 600_000)!.get(2)!;
    const counters = CATALOG.filter((m) => m.kind === 'counter' && (before.get(m.exported) ?? 0) > (after.get(m.exported) ?? 0));
    expect(counters.length).toBeGreaterThan(0);
    const name = `cr.node.${counters[0].name}`;
    const { json } = await tsQuery(demo.nodeUrls[1], { startNanos: ns(restartAt - 20_000), endNanos: ns(restartAt + 20_000), queries: [{ name, sources: ['2'] }] });
    const values = json.results[0].datapoints.map((p) => p.value);
    expect(values).toHaveLength(5);
    expect(values[2]).toBe(before.get(counters[0].exported));
    expect(values[3]).toBeLessThan(values[2]);
  });

  it('has no points for a node while it was down, and the cluster aggregate covers the others', async () => {
    const name = 'cr.node.jobs.backup.resume_completed';
    const q = (sources: string[]) => ({ name, sources });
    const { json } = await tsQuery(demo.nodeUrls[0], { start_nanos: ns(downFrom - 60_000), end_nanos: ns(downTo + 60_000), queries: [q(['3']), q([]), q(['1']), q(['2'])] });
    const [n3, all, n1, n2] = json.results;
    const t3 = n3.datapoints.map((p) => Number(BigInt(p.timestampNanos) / NS));
    expect(t3.filter((t) => t > downFrom && t <= downTo)).toEqual([]);
    expect(t3.filter((t) => t <= downFrom).length).toBe(7);
    expect(t3.filter((t) => t > downTo).length).toBe(6);
    expect(all.query.sources).toEqual(['1', '2', '3']);
    // Down 40 min (> the 5 min interpolation limit): inside the gap the SUM is nodes 1 + 2.
    const mid = n1.datapoints.findIndex((p) => Number(BigInt(p.timestampNanos) / NS) === downFrom + 1_200_000);
    expect(all.datapoints.find((p) => p.timestampNanos === n1.datapoints[mid].timestampNanos)?.value).toBe(n1.datapoints[mid].value + n2.datapoints[mid].value);
  });

  it('keeps ten days at 10 s resolution', async () => {
    const now = demo.model.now().getTime();
    const { json } = await tsQuery(demo.nodeUrls[2], { start_nanos: ns(now - 11 * 86_400_000), end_nanos: ns(now), queries: [{ name: 'cr.node.schedules.BACKUP.last-completed-time', sources: ['1'] }] });
    const t = json.results[0].datapoints.map((p) => Number(BigInt(p.timestampNanos) / NS));
    expect(t[0]).toBe(now - 10 * 86_400_000);
    expect(t.at(-1)).toBe(now - 10_000);
    expect(t.length).toBe(10 * 8640);
    expect(t.every((x, i) => i === 0 || x - t[i - 1] === 10_000)).toBe(true);
  });
});

describe('/ts/query wire format and server rules', () => {
  let demo: DemoCluster;
  beforeAll(async () => {
    demo = await startFrozen({ historyDays: 1 });
  });
  afterAll(() => demo?.stop());
  const now = () => START_MS;
  const one = { name: 'cr.node.jobs.backup.currently_running' };

  it('answers in grpc-gateway JSON: camelCase, int64 as strings, enums as numbers, the query echoed with the sources found', async () => {
    const { status, text, json } = await tsQuery(demo.nodeUrls[0], {
      startNanos: Number(now() - 60_000) * 1e6,
      end_nanos: ns(now()),
      sample_nanos: '30000000000',
      queries: [{ ...one, downsampler: 'MAX', source_aggregator: 3, derivative: 'NONE' }, { name: 'cr.node.no.such.metric' }],
    });
    expect(status).toBe(200);
    expect(text).toMatch(/"timestampNanos": "\d{19}"/);
    expect(text).toContain('"downsampler": 3,\n');
    expect(text).toContain('"sourceAggregator": 3,\n');
    expect(text).toContain('"derivative": 0,\n');
    expect(text).not.toMatch(/timestamp_nanos|source_aggregator/);
    expect(json.results).toHaveLength(2);
    expect(json.results[0].query).toEqual({ name: one.name, downsampler: 3, sourceAggregator: 3, derivative: 0, sources: ['1', '2', '3'], tenantId: { id: '0' } });
    expect(json.results[0].datapoints.map((p) => Number(BigInt(p.timestampNanos) / NS) % 30_000)).toEqual([0, 0]);
    // An empty result is still there, in order; enums the request left out echo as null.
    expect(json.results[1]).toEqual({ query: { name: 'cr.node.no.such.metric', downsampler: null, sourceAggregator: null, derivative: null, sources: [], tenantId: { id: '0' } }, datapoints: [], sourceDatapoints: [] });
  });

  it.each([
    ['a sample that is not a multiple of 10 s', { sample_nanos: '15000000000', queries: [one] }, 500, 2, 'sampleDuration 15000000000 is not a multiple of queryResolution.SampleDuration 10000000000'],
    ['a FIRST downsampler', { queries: [{ ...one, downsampler: 'FIRST' }] }, 500, 2, 'downsampler FIRST is not yet supported'],
    ['a VARIANCE source aggregator', { queries: [{ ...one, sourceAggregator: 7 }] }, 500, 2, 'aggregator VARIANCE is not yet supported'],
    ['an unknown field', { queries: [one], step: 10 }, 400, 3, 'unknown field "step" in tspb.TimeSeriesQueryRequest'],
    ['an unknown enum name', { queries: [{ ...one, derivative: 'RATE' }] }, 400, 3, 'unknown value "\\"RATE\\"" for enum cockroach.ts.tspb.TimeSeriesQueryDerivative'],
    ['no queries', { queries: [] }, 400, 3, 'Queries cannot be empty'],
  ])('rejects %s as CockroachDB does', async (_, extra, httpStatus, code, message) => {
    const { status, json } = await tsQuery(demo.nodeUrls[1], { start_nanos: ns(now() - 600_000), end_nanos: ns(now()), ...extra });
    expect(status).toBe(httpStatus);
    expect(json).toEqual({ error: message, code, message, details: [] });
  });

  it('rejects a start after the end, and a start in the current sample period', async () => {
    const late = await tsQuery(demo.nodeUrls[0], { start_nanos: ns(now() - 60_000), end_nanos: ns(now() - 120_000), queries: [one] });
    expect(late.status).toBe(500);
    expect(late.json.message).toBe(`startNanos ${ns(now() - 60_000)} was later than endNanos ${ns(now() - 120_000)}`);
    const future = await tsQuery(demo.nodeUrls[0], { start_nanos: ns(now()), end_nanos: ns(now() + 60_000), queries: [one] });
    expect(future.status).toBe(500);
    expect(future.json.message).toMatch(/^cannot query time series in the future \(start time 2026-11-25 20:07:00 \+0000 UTC was greater than cutoff/);
  });

  it('answers a body that is not JSON with 400, and GET with 404', async () => {
    const bad = await tsQuery(demo.nodeUrls[0], '{"queries": [');
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe(3);
    const get = await fetch(`${demo.nodeUrls[0]}/ts/query`);
    expect(get.status).toBe(404);
  });
});

describe.each(CRDB_VERSIONS)('/ts/query on v%s', (version) => {
  let demo: DemoCluster;
  beforeAll(async () => {
    demo = await startFrozen({ version, historyDays: 2, extraJobs: 30 });
  });
  afterAll(() => demo?.stop());

  it('records the catalog series this version exports, and answers in its release\'s shape', async () => {
    const now = START_MS;
    const { status, json, text } = await tsQuery(demo.nodeUrls[0], {
      start_nanos: ns(now - 86_400_000),
      end_nanos: ns(now),
      sample_nanos: ns(1_800_000),
      queries: [{ name: 'cr.node.jobs.backup.resume_completed', downsampler: 'MAX' }, { name: 'cr.node.jobs.backup.fail_or_cancel_failed' }],
    });
    expect(status).toBe(200);
    const [completed, focFailed] = json.results;
    expect(completed.datapoints).toHaveLength(48);
    expect(completed.datapoints.some((p) => p.value > 0)).toBe(true);
    // jobs.backup.fail_or_cancel_failed is gone from v25.4 (reference a.6): no series there.
    expect(focFailed.query.sources).toEqual(atLeast(version, '25.4') ? [] : ['1', '2', '3']);
    expect(text.includes('"sourceDatapoints"')).toBe(version === '26.2');
  });
});

describe('secure mode: /ts/* needs a DB Console session', () => {
  let demo: DemoCluster;
  beforeAll(async () => {
    demo = await startFrozen({ historyDays: 1, console: { users: { root: 'correct horse' } } });
  });
  afterAll(() => demo?.stop());
  const body = { start_nanos: ns(START_MS - 60_000), end_nanos: ns(START_MS), queries: [{ name: 'cr.node.jobs.backup.currently_running' }] };
  const query = (cookie?: string) =>
    fetch(`${demo.nodeUrls[1]}/ts/query`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  const login = (password: string) => fetch(`${demo.nodeUrls[0]}/login`, { method: 'POST', body: JSON.stringify({ username: 'root', password }) });
  /** The `name=value` pairs of the Set-Cookie headers, as a client sends them back. */
  const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const control = (path: string, payload: unknown = {}) => fetch(`${demo.controlUrl}${path}`, { method: 'POST', body: JSON.stringify(payload) });

  it('refuses without a cookie with CockroachDB\'s 401, and keeps /_status/vars open', async () => {
    const res = await query();
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('a valid authentication cookie is required\n');
    expect((await fetch(`${demo.nodeUrls[1]}/_status/vars`)).status).toBe(200);
    expect((await query('session=CIGAiPis4fj3CBIQ3u0rRQJ3tD8yIqee4hipow==')).status).toBe(401); // a session this cluster never issued
  });

  it('refuses a wrong password at sign-in, as the gateway answers Unauthenticated', async () => {
    const res = await login('wrong');
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await res.json()).toEqual({ error: 'the provided credentials did not match any account on the server', code: 16, message: 'the provided credentials did not match any account on the server', details: [] });
  });

  it('signs in with POST /login, and the session cookie opens /ts/query on any node', async () => {
    const res = await login('correct horse');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    const [session, tenant] = res.headers.getSetCookie();
    expect(session).toMatch(/^session="[A-Za-z0-9+/=]+,system"; Path=\/; HttpOnly$/);
    expect(tenant).toBe('tenant=system; Path=/');
    const ok = await query(cookieOf(res));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { results: Result[] }).results[0].datapoints.length).toBe(6);
  });

  it('accepts a cookie minted as `cockroach auth-session login --only-cookie` does, until every session expires', async () => {
    const minted = (await (await control('/console/sessions', { username: 'root' })).json()) as { cookie: string };
    expect(minted.cookie).toMatch(/^session=[A-Za-z0-9+/=]+; Path=\/; HttpOnly$/);
    const cookie = minted.cookie.split(';')[0];
    expect((await query(cookie)).status).toBe(200);
    const expired = (await (await control('/console/sessions/expire')).json()) as { expired: number };
    expect(expired.expired).toBeGreaterThanOrEqual(1);
    expect((await query(cookie)).status).toBe(401);
    expect((await query(cookieOf(await login('correct horse')))).status).toBe(200); // signing in again renews
  });

  it('revokes the session at /logout and clears the cookie', async () => {
    const cookie = cookieOf(await login('correct horse'));
    const out = await fetch(`${demo.nodeUrls[2]}/logout`, { headers: { cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()).toEqual(['session=; Path=/; Max-Age=0; HttpOnly']);
    expect((await query(cookie)).status).toBe(401);
    expect((await fetch(`${demo.nodeUrls[2]}/logout`, { method: 'POST' })).status).toBe(401);
  });

  it('has no sessions to mint on an insecure cluster', async () => {
    const open = await startFrozen({ historyDays: 1, timeSeries: false });
    try {
      const res = await fetch(`${open.controlUrl}/console/sessions`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(409);
      expect((await fetch(`${open.nodeUrls[0]}/ts/query`, { method: 'POST', body: JSON.stringify(body) })).status).toBe(200);
    } finally {
      await open.stop();
    }
  });
});
