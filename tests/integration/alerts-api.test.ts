/** The alerts routes, called as Next calls them, over what the evaluator persisted. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as clusterRoute } from '@/app/api/v1/clusters/[cluster]/alerts/route';
import { GET as fleetRoute } from '@/app/api/v1/alerts/route';
import { GET as rulesRoute } from '@/app/api/v1/alerts/rules/route';
import { ruleById } from '@/lib/alerts/catalog';
import { advance } from '@/lib/alerts/state';
import { alertStore } from '@/lib/alerts/store-holder';
import type { AlertRulesAnswer, ClusterAlertsAnswer, FleetAlertsAnswer } from '@/lib/api/types/alerts';
import type { DemoCluster } from '@/lib/demo/cluster';
import { configureDashboardFor, startFrozen } from './demo-helpers';

const ID = 'alertapi';
let demo: DemoCluster;
const cand = (labels: Record<string, string>) => ({ labels, value: 1, summary: `s ${JSON.stringify(labels)}`, description: 'd', links: [] });

beforeAll(async () => {
  demo = await startFrozen();
  configureDashboardFor(demo, ID);
  process.env.HISTORY_DB = path.join(mkdtempSync(path.join(tmpdir(), 'alerts-api-')), 'h.sqlite');
  const now = Date.now();
  const stale = ruleById('backup_schedule_stale')!;
  const blind = ruleById('monitoring_blind_spot')!;
  const failed = ruleById('scheduled_backup_failed')!;
  const o = (cs: Record<string, ReturnType<typeof cand>[]>) => [
    { def: stale, settings: stale.defaults, candidates: cs.stale ?? [] },
    { def: blind, settings: { ...blind.defaults, for_s: 3600 }, candidates: cs.blind ?? [] },
    { def: failed, settings: failed.defaults, candidates: cs.failed ?? [] },
  ];
  const store = alertStore();
  const a = advance(ID, [], o({ stale: [cand({ label: 'w' })], blind: [cand({ node_id: '2' })], failed: [cand({})] }), now - 60_000);
  store.save(ID, a);
  const b = advance(ID, a.active, o({ stale: [cand({ label: 'w' })], blind: [cand({ node_id: '2' })] }), now - 30_000);
  store.save(ID, b);
});
afterAll(() => demo?.stop());

const ctx = (cluster: string) => ({ params: Promise.resolve({ cluster }) });
const req = (p: string) => new Request(`http://x${p}`) as unknown as Parameters<typeof clusterRoute>[0];
const withUrl = (p: string) => Object.assign(req(p), { nextUrl: new URL(`http://x${p}`) });

describe('GET /api/v1/clusters/{c}/alerts', () => {
  it('lists firing (critical first), then pending, then resolved in the window, with counts', async () => {
    const res = await clusterRoute(withUrl(`/api/v1/clusters/${ID}/alerts`), ctx(ID));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ClusterAlertsAnswer;
    expect(body.alerts.map((a) => `${a.state}:${a.rule}`)).toEqual(['firing:backup_schedule_stale', 'pending:monitoring_blind_spot', 'resolved:scheduled_backup_failed']);
    expect(body.counts).toEqual({ firing: { critical: 1, warning: 0, info: 0 }, pending: 1, resolved: 1 });
    expect(body.evaluating).toBe(false);
    for (const a of body.alerts) expect(Object.keys(a).sort()).toEqual(['active_since', 'cluster', 'description', 'evaluated_at', 'fired_at', 'id', 'labels', 'links', 'metrics', 'resolved_at', 'rule', 'runbook', 'severity', 'state', 'summary', 'threshold', 'value'].sort());
  });

  it('filters by state, by window, and by metric (the panels\' shading)', async () => {
    const firing = (await (await clusterRoute(withUrl(`/api/v1/clusters/${ID}/alerts?state=firing`), ctx(ID))).json()) as ClusterAlertsAnswer;
    expect(firing.alerts.map((a) => a.rule)).toEqual(['backup_schedule_stale']);
    const old = (await (await clusterRoute(withUrl(`/api/v1/clusters/${ID}/alerts?state=resolved&from=now-7d&to=now-1h`), ctx(ID))).json()) as ClusterAlertsAnswer;
    expect(old.alerts).toEqual([]);
    const onMetric = (await (await clusterRoute(withUrl(`/api/v1/clusters/${ID}/alerts?metric=schedules_BACKUP_failed&from=now-1h`), ctx(ID))).json()) as ClusterAlertsAnswer;
    expect(onMetric.alerts.map((a) => [a.rule, a.state])).toEqual([['scheduled_backup_failed', 'resolved']]);
  });

  it.each([
    ['?state=burning', /state must be a list of pending, firing, resolved/],
    ['?from=yesterday', /from must be ISO-8601/],
    ['?from=now&to=now-1h', /must be before/],
    ['?metric=not_a_metric', /not a metric/],
    ['?colour=red', /unknown parameter: colour/],
  ])('%s → 400 with {error: {code, message}}', async (q, message) => {
    const res = await clusterRoute(withUrl(`/api/v1/clusters/${ID}/alerts${q}`), ctx(ID));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(message);
  });

  it('an unknown cluster → 404', async () => {
    const res = await clusterRoute(withUrl('/api/v1/clusters/nope/alerts'), ctx('nope'));
    expect(res.status).toBe(404);
  });
});

describe('GET /api/v1/alerts and /api/v1/alerts/rules', () => {
  it('every cluster\'s alerts, each with its cluster, and per-cluster counts', async () => {
    const body = (await (await fleetRoute(withUrl('/api/v1/alerts?state=firing,pending'))).json()) as FleetAlertsAnswer;
    expect(body.alerts.every((a) => a.cluster === ID)).toBe(true);
    expect(body.clusters).toEqual([{ cluster: ID, evaluated_at: null, firing: { critical: 1, warning: 0, info: 0 }, pending: 1 }]);
    expect((await fleetRoute(withUrl('/api/v1/alerts?metric=schedules_BACKUP_failed'))).status).toBe(400);
  });

  it('the catalog with its effective settings', async () => {
    const body = (await (await rulesRoute()).json()) as AlertRulesAnswer;
    const r = body.rules.find((x) => x.rule === 'protected_timestamp_too_old');
    expect(r).toMatchObject({ severity: 'warning', for_s: 900, threshold: 43_200, threshold_unit: 'seconds', enabled: true, evidence: 'metric' });
    expect(body.rules.length).toBeGreaterThanOrEqual(20);
  });
});
