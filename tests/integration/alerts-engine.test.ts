/**
 * Alert evaluation end to end: the engine against a frozen demo cluster over real HTTP and pgwire,
 * the demo's faults and clock driving rules to firing and back, a webhook receiver and a real
 * Alertmanager reading what arrived. `for` and windows are shortened through the settings (the
 * catalog's defaults are minutes to hours).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifiers } from '@/lib/alerts/notify/notifiers';
import { parseNotifyConfig } from '@/lib/alerts/notify/config';
import type { AlertSettings } from '@/lib/alerts/settings';
import { AlertStateStore } from '@/lib/alerts/state-store';
import type { AlertInstance, EvaluationOutcome } from '@/lib/alerts/types';
import { AlertEngine } from '@/lib/api/alerts-evaluator';
import { recordOnce } from '@/lib/history/recorder';
import { SqliteStore } from '@/lib/history/sqlite-store';
import type { ClusterConfig } from '@/lib/config';
import type { DemoCluster } from '@/lib/demo/cluster';
import { query, startFrozen } from './demo-helpers';
import { hasAlertmanager, startAlertmanager, type Alertmanager } from './helpers/alertmanager';
import { startHttpReceiver, type HttpReceiver } from './helpers/http-receiver';

const ID = 'alerting';
let demo: DemoCluster;
let cluster: ClusterConfig;
let dir: string;
let hook: HttpReceiver;
let am: Alertmanager | null = null;

const settings: AlertSettings = {
  evaluate: true,
  sqlIntervalMs: 0,
  file: null,
  clusters: {},
  global: {
    monitoring_blind_spot: { for: 1 },
    sql_unreachable: { for: 1 },
    backup_schedule_paused: { for: 0 },
    backup_jobs_paused: { for: 0 },
    protected_timestamp_too_old: { for: 0 },
    // A 3 s window, so "the cause goes" can be seen without waiting an hour.
    scheduled_backup_failed: { window: 3 },
  },
};

function engineWith(store: AlertStateStore, env: Record<string, string>) {
  return new AlertEngine({ store, notifier: createNotifiers(parseNotifyConfig({ DASHBOARD_URL: 'http://dash.example:3000', ...env })), settings, history, intervalMs: 200, timeoutMs: 1000 });
}
/** The history the recorder would keep (the engine seeds its windows from it after a restart). */
let history: SqliteStore;
let recordedSeq = 0;
async function tick(e: AlertEngine): Promise<EvaluationOutcome> {
  recordedSeq = (await recordOnce({ store: history, intervalMs: 200, timeoutMs: 1000 }, cluster, recordedSeq)).seq;
  return e.tick(cluster, { awaitSql: true });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const firing = (o: EvaluationOutcome, rule: string) => o.alerts.filter((a) => a.rule === rule && a.state === 'firing');
/** Ticks (each waiting for a fresh scrape and a fresh SQL read) until `pred` holds, at most `n` times. */
async function tickUntil(e: AlertEngine, pred: (o: EvaluationOutcome) => boolean, n = 20): Promise<EvaluationOutcome> {
  let o = await tick(e);
  for (let i = 0; i < n && !pred(o); i++) {
    await sleep(250);
    o = await tick(e);
  }
  return o;
}
const webhookBodies = () => hook.requests.map((r) => JSON.parse(r.body) as AlertInstance & { transition: { from: string; to: string }; text: string });

let store: AlertStateStore;
let engine: AlertEngine;

beforeAll(async () => {
  demo = await startFrozen({ version: '25.4' });
  dir = mkdtempSync(path.join(tmpdir(), 'alerts-engine-'));
  process.env.HISTORY_DB = path.join(dir, 'h.sqlite');
  process.env.SCRAPE_INTERVAL = '1s';
  process.env.SCRAPE_TIMEOUT = '1s';
  cluster = { id: ID, name: ID, sqlUrl: demo.sqlUrl, httpUrls: demo.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: true };
  hook = await startHttpReceiver();
  if (hasAlertmanager) am = await startAlertmanager();
  store = new AlertStateStore(path.join(dir, 'alerts.sqlite'));
  history = new SqliteStore(path.join(dir, 'history.sqlite'));
  engine = engineWith(store, { ALERT_WEBHOOK_URL: `${hook.url}/hook`, ...(am ? { ALERTMANAGER_URL: am.url } : {}) });
}, 60_000);
afterAll(async () => {
  await engine?.stop();
  await am?.stop();
  await hook?.close();
  await demo?.stop();
  history?.close();
});

describe('alert evaluation against a demo cluster', () => {
  it('fires at once what the demo holds from the first minute: the paused weekly schedule is stale and paused, a backup is paused', async () => {
    const o = await tickUntil(engine, (x) => firing(x, 'backup_schedule_stale').length > 0 && firing(x, 'backup_jobs_paused').length > 0);
    const stale = firing(o, 'backup_schedule_stale');
    expect(stale.map((a) => a.labels.label)).toContain('payroll_weekly');
    expect(stale[0]).toMatchObject({ severity: 'critical', cluster: ID });
    expect(stale[0].labels.schedule_id).toMatch(/^\d+(,\d+)?$/);
    expect(stale[0].links[0].href).toMatch(/^\/c\/alerting\/schedules\/\d+$/);
    expect(firing(o, 'backup_schedule_paused').map((a) => a.labels.label)).toContain('payroll_weekly');
    expect(firing(o, 'backup_jobs_paused')[0].value).toBeGreaterThanOrEqual(1);
    // The paused manual backup has held its protected timestamp for days.
    expect(firing(o, 'protected_timestamp_too_old').map((a) => a.labels.metric).length).toBeGreaterThan(0);
    // The webhook got one POST per transition to firing.
    await expect.poll(() => webhookBodies().filter((b) => b.rule === 'backup_schedule_stale' && b.transition.to === 'firing').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const body = webhookBodies().find((b) => b.rule === 'backup_schedule_stale');
    expect(body?.text).toMatch(/FIRING/);
  });

  it('a schedule fault fires "scheduled backup failed"; it resolves when the window has passed', async () => {
    demo.model.setScheduleFault('movr_frequent', 'AccessDenied: simulated');
    demo.model.advance(40 * 60_000);
    const o = await tickUntil(engine, (x) => firing(x, 'scheduled_backup_failed').length > 0);
    const [a] = firing(o, 'scheduled_backup_failed');
    expect(a.value).toBeGreaterThanOrEqual(1);
    expect(a.links.find((l) => l.href.includes('/jobs?'))?.href).toMatch(/status=failed/);
    demo.model.setScheduleFault('movr_frequent', null);
    await sleep(3_200);
    const later = await tickUntil(engine, (x) => firing(x, 'scheduled_backup_failed').length === 0);
    expect(firing(later, 'scheduled_backup_failed')).toEqual([]);
    expect(later.alerts.some((x) => x.rule === 'scheduled_backup_failed' && x.state === 'resolved')).toBe(true);
  });

  it('the failing schedule goes stale once the clock moves, and fresh again when it heals', async () => {
    demo.model.setScheduleFault('movr_frequent', 'AccessDenied: simulated');
    demo.model.advance(3 * 3_600_000);
    const o = await tickUntil(engine, (x) => firing(x, 'backup_schedule_stale').some((a) => a.labels.label === 'movr_frequent'));
    const a = firing(o, 'backup_schedule_stale').find((x) => x.labels.label === 'movr_frequent');
    expect(a?.description).toMatch(/AccessDenied/);
    demo.model.setScheduleFault('movr_frequent', null);
    demo.model.advance(40 * 60_000);
    const healed = await tickUntil(engine, (x) => !firing(x, 'backup_schedule_stale').some((y) => y.labels.label === 'movr_frequent'));
    expect(firing(healed, 'backup_schedule_stale').map((x) => x.labels.label)).not.toContain('movr_frequent');
  });

  it('a node down is a blind spot after its `for`; Alertmanager receives it and then its resolution', async () => {
    await demo.setNodeFault(2, { mode: 'down' });
    try {
      const pending = await tickUntil(engine, (x) => x.alerts.length >= 0, 0);
      expect(firing(pending, 'monitoring_blind_spot')).toEqual([]);
      await sleep(1_100);
      const o = await tickUntil(engine, (x) => firing(x, 'monitoring_blind_spot').length > 0);
      expect(firing(o, 'monitoring_blind_spot')[0].labels).toEqual({ node_id: '2' });
      if (am) {
        await expect
          .poll(async () => (await am!.alerts({ active: 'true' })).filter((x) => x.labels.alertname === 'monitoring_blind_spot').map((x) => x.labels.node_id), { timeout: 15_000 })
          .toEqual(['2']);
        const got = (await am.alerts()).find((x) => x.labels.alertname === 'monitoring_blind_spot');
        expect(got?.labels).toMatchObject({ severity: 'warning', cluster: ID, node_id: '2' });
        expect(got?.annotations.summary).toMatch(/Node n2 cannot be scraped/);
        expect(got?.generatorURL).toBe(`http://dash.example:3000/c/${ID}`);
      }
    } finally {
      await demo.setNodeFault(2, { mode: 'ok' });
    }
    const back = await tickUntil(engine, (x) => firing(x, 'monitoring_blind_spot').length === 0);
    expect(back.alerts.find((x) => x.rule === 'monitoring_blind_spot')?.state).toBe('resolved');
    if (am) {
      await expect.poll(async () => (await am!.alerts({ active: 'true' })).filter((x) => x.labels.alertname === 'monitoring_blind_spot').length, { timeout: 15_000 }).toBe(0);
    }
  });

  it('SQL refused: sql_unreachable fires after its `for` while the SQL alerts keep their state; back when SQL is', async () => {
    const before = firing(await tick(engine), 'backup_schedule_stale').length;
    await demo.setSqlFault({ mode: 'refuse' });
    try {
      await tickUntil(engine, (x) => x.alerts.length >= 0, 0);
      await sleep(1_100);
      const o = await tickUntil(engine, (x) => firing(x, 'sql_unreachable').length > 0);
      expect(firing(o, 'sql_unreachable')[0].summary).toMatch(/SQL has failed/);
      expect(firing(o, 'backup_schedule_stale')).toHaveLength(before);
    } finally {
      await demo.setSqlFault({ mode: 'ok' });
    }
    const back = await tickUntil(engine, (x) => firing(x, 'sql_unreachable').length === 0);
    expect(firing(back, 'sql_unreachable')).toEqual([]);
  });

  it('an overrunning schedule (rides_snapshot skips a round) fires backups_overrunning_skip', async () => {
    let o = await tick(engine);
    // The demo's 20-minute snapshot sometimes runs past its next start: walk its clock a minute at a time.
    for (let i = 0; i < 360 && firing(o, 'backups_overrunning_skip').length === 0; i++) {
      demo.model.advance(60_000);
      await sleep(210);
      o = await engine.tick(cluster);
    }
    const [a] = firing(o, 'backups_overrunning_skip');
    expect(a.value).toBeGreaterThanOrEqual(1);
    expect(a.links.map((l) => l.href)).toContain(`/c/${ID}/schedules`);
  }, 150_000);

  it('resuming the paused backup resolves the paused-job alert', async () => {
    const paused = await query<{ job_id: string }>(demo.sqlUrl, `SELECT job_id FROM [SHOW JOBS] WHERE job_type = 'BACKUP' AND status = 'paused'`);
    expect(paused.rows.length).toBeGreaterThan(0);
    for (const r of paused.rows) await query(demo.sqlUrl, `RESUME JOB ${r.job_id}`);
    const o = await tickUntil(engine, (x) => firing(x, 'backup_jobs_paused').length === 0);
    expect(firing(o, 'backup_jobs_paused')).toEqual([]);
  });

  it('a node restart (counters and last_completed_time back to 0) does not fire the freshness metric rule', async () => {
    const before = firing(await tick(engine), 'cluster_backup_not_advancing');
    expect(before).toEqual([]);
    for (const n of [1, 2, 3]) await demo.restartNode(n, 0);
    await sleep(1_100);
    const o = await tickUntil(engine, () => false, 2);
    expect(firing(o, 'cluster_backup_not_advancing')).toEqual([]);
    expect(firing(o, 'scheduled_backup_failed')).toEqual([]);
  });

  it('the cluster metric stops advancing when the schedule that maintains it fails: cluster_backup_not_advancing, judged on its cadence', async () => {
    demo.model.setScheduleFault('cluster_dr', 'AccessDenied: simulated');
    try {
      // SHOW SCHEDULES does not say which schedule feeds the metric, so it is judged on the longest
      // backup cadence (payroll_weekly's daily incremental): stale past 2 × 1 d + 10 min.
      demo.model.advance(49 * 3_600_000);
      const o = await tickUntil(engine, (x) => firing(x, 'cluster_backup_not_advancing').length > 0);
      const [a] = firing(o, 'cluster_backup_not_advancing');
      expect(a.threshold).toBe(2 * 86_400 + 600);
      expect(a.value).toBeGreaterThan(2 * 86_400 + 600);
    } finally {
      demo.model.setScheduleFault('cluster_dr', null);
    }
    demo.model.advance(70 * 60_000);
    const healed = await tickUntil(engine, (x) => firing(x, 'cluster_backup_not_advancing').length === 0);
    expect(firing(healed, 'cluster_backup_not_advancing')).toEqual([]);
  });

  it('survives a dashboard restart: the firing alerts stay firing, with the same start, and are not notified again as new', async () => {
    const o = await tick(engine);
    // scheduled_backup_failed's window is 3 s here: it may resolve on its own meanwhile.
    const was = o.alerts.filter((a) => a.state === 'firing' && a.rule !== 'scheduled_backup_failed');
    expect(was.length).toBeGreaterThan(0);
    await engine.stop();
    const seen = hook.requests.length;
    const again = engineWith(store, { ALERT_WEBHOOK_URL: `${hook.url}/hook` });
    engine = again;
    const after = await tick(again);
    const now = after.alerts.filter((a) => a.state === 'firing');
    for (const a of was) expect(`${a.rule} ${now.find((b) => b.id === a.id)?.active_since}`).toBe(`${a.rule} ${a.active_since}`);
    expect(after.transitions.filter((t) => t.to === 'firing')).toEqual([]);
    await sleep(500);
    expect(hook.requests.slice(seen).map((r) => JSON.parse(r.body).transition.to)).not.toContain('firing');
  });
});
