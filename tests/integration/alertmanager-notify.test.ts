import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { alertFixture, outcomeFixture, transitionFixture } from '@/lib/alerts/notify/alert-fixtures';
import { parseNotifyConfig, type NotifyConfig } from '@/lib/alerts/notify/config';
import { createNotifiers, type Notifier } from '@/lib/alerts/notify/notifiers';
import type { AlertInstance } from '@/lib/alerts/types';
import { hasAlertmanager, startAlertmanager, type Alertmanager } from './helpers/alertmanager';
import { startHttpReceiver, type HttpReceiver } from './helpers/http-receiver';

/**
 * The Alertmanager notifier against a real Alertmanager: what it posts is read back from
 * Alertmanager's own API, so a payload Alertmanager would reject or misread fails here.
 */
if (!hasAlertmanager) console.warn('alertmanager-notify.test.ts: Alertmanager part skipped — apt-get install -y prometheus-alertmanager');

const DASHBOARD = 'http://dashboard.test:3000';
const notifiers: Notifier[] = [];
function notifier(cfg: NotifyConfig, deps: Parameters<typeof createNotifiers>[1] = {}) {
  const n = createNotifiers(cfg, deps);
  notifiers.push(n);
  return n;
}
afterEach(async () => {
  await Promise.all(notifiers.splice(0).map((n) => n.stop()));
  vi.restoreAllMocks();
});

function firingNow(over: Partial<AlertInstance> = {}): AlertInstance {
  const now = Date.now();
  return alertFixture({
    active_since: new Date(now - 120_000).toISOString(),
    fired_at: new Date(now - 60_000).toISOString(),
    evaluated_at: new Date(now).toISOString(),
    ...over,
  });
}

describe.skipIf(!hasAlertmanager)('Alertmanager notifier → real Alertmanager', () => {
  let am1: Alertmanager;
  let am2: Alertmanager;
  beforeAll(async () => {
    [am1, am2] = await Promise.all([startAlertmanager(), startAlertmanager()]);
  });
  afterAll(async () => {
    await Promise.all([am1?.stop(), am2?.stop()]);
  });

  it('a firing alert arrives active in every Alertmanager with its labels, annotations and links; resolving removes it', async () => {
    const cfg = parseNotifyConfig({ ALERTMANAGER_URL: `${am1.url},${am2.url}`, DASHBOARD_URL: DASHBOARD });
    const n = notifier(cfg);
    const alert = firingNow({ id: 'am-1', rule: 'backup_schedule_stale' });
    const sentAt = Date.now();
    n.deliver(outcomeFixture([alert], [transitionFixture(alert, 'pending', 'firing')]));

    const filter = { filter: 'alertname="backup_schedule_stale"', active: 'true' };
    for (const am of [am1, am2]) {
      await vi.waitFor(async () => expect((await am.alerts(filter)).map((a) => a.status.state)).toEqual(['active']), { timeout: 10_000, interval: 100 });
      const [got] = await am.alerts(filter);
      expect(got.labels).toEqual({ alertname: 'backup_schedule_stale', severity: 'critical', cluster: 'demo', schedule_id: '1012345678901234567', label: 'nightly' });
      expect(got.annotations).toEqual({
        summary: alert.summary,
        description: alert.description,
        runbook: alert.runbook,
        dashboard_url: `${DASHBOARD}/c/demo/schedules/1012345678901234567`,
      });
      expect(got.generatorURL).toBe(`${DASHBOARD}/c/demo/schedules/1012345678901234567`);
      expect(Date.parse(got.startsAt)).toBe(Date.parse(alert.fired_at ?? ''));
      // Prometheus's ValidUntil: 4 × max(resend delay 1m, evaluation interval 10s).
      expect(Date.parse(got.endsAt) - sentAt).toBeGreaterThanOrEqual(240_000 - 1_000);
      expect(Date.parse(got.endsAt) - sentAt).toBeLessThanOrEqual(240_000 + 5_000);
    }
    expect(n.status()).toEqual([
      expect.objectContaining({ receiver: 'alertmanager-1', kind: 'alertmanager', url: am1.url, failures: 0, last_error: null, queued: 0, dropped: 0 }),
      expect.objectContaining({ receiver: 'alertmanager-2', kind: 'alertmanager', url: am2.url, failures: 0, last_error: null, queued: 0, dropped: 0 }),
    ]);
    expect(n.status()[0].last_success).not.toBeNull();

    const resolved: AlertInstance = { ...alert, state: 'resolved', resolved_at: new Date().toISOString(), evaluated_at: new Date().toISOString() };
    n.deliver(outcomeFixture([resolved], [transitionFixture(resolved, 'firing', 'resolved')]));
    for (const am of [am1, am2]) {
      await vi.waitFor(async () => expect(await am.alerts(filter)).toEqual([]), { timeout: 10_000, interval: 100 });
      // Alertmanager's list leaves out resolved alerts altogether.
      expect(await am.alerts({ filter: 'alertname="backup_schedule_stale"' })).toEqual([]);
    }
  });

  it('never sends a pending alert', async () => {
    const n = notifier(parseNotifyConfig({ ALERTMANAGER_URL: am1.url }));
    const pending = firingNow({ id: 'am-2', rule: 'pending_only', state: 'pending', fired_at: null });
    n.deliver(outcomeFixture([pending], [transitionFixture(pending, 'inactive', 'pending')]));
    await new Promise((r) => setTimeout(r, 300));
    expect(n.status()[0]).toMatchObject({ last_success: null, queued: 0 });
    expect(await am1.alerts({ filter: 'alertname="pending_only"' })).toEqual([]);
  });

  it('an alert the dashboard stops re-sending expires by its endsAt, as from a dead Prometheus', async () => {
    const cfg = parseNotifyConfig({ ALERTMANAGER_URL: am1.url });
    // 4 × max(250 ms, 250 ms) = 1 s of validity.
    const n = notifier({ ...cfg, alertmanager: cfg.alertmanager && { ...cfg.alertmanager, resendDelayMs: 250, evaluationIntervalMs: 250 } });
    const alert = firingNow({ id: 'am-3', rule: 'dead_sender' });
    n.deliver(outcomeFixture([alert], [transitionFixture(alert, 'pending', 'firing')]));
    const filter = { filter: 'alertname="dead_sender"', active: 'true' };
    await vi.waitFor(async () => expect(await am1.alerts(filter)).toHaveLength(1), { timeout: 5_000, interval: 50 });
    await vi.waitFor(async () => expect(await am1.alerts(filter)).toEqual([]), { timeout: 5_000, interval: 100 });
  });
});

describe('Alertmanager notifier → receivers that check the request', () => {
  let rx: HttpReceiver;
  beforeAll(async () => {
    rx = await startHttpReceiver();
  });
  afterAll(() => rx.close());

  it('posts the v2 array to /api/v2/alerts with basic auth, and shows no credentials', async () => {
    rx.requests.length = 0;
    const n = notifier(parseNotifyConfig({ ALERTMANAGER_URL: `${rx.url}/prefix/`, ALERTMANAGER_USERNAME: 'dash', ALERTMANAGER_PASSWORD: 'hunter2' }));
    const alert = firingNow({ id: 'auth-1' });
    n.deliver(outcomeFixture([alert], [transitionFixture(alert, 'pending', 'firing')]));
    await vi.waitFor(() => expect(rx.requests).toHaveLength(1));
    const [req] = rx.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/prefix/api/v2/alerts' });
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('dash:hunter2').toString('base64')}`);
    expect(req.headers['content-type']).toBe('application/json');
    const body = JSON.parse(req.body) as unknown[];
    expect(body).toEqual([expect.objectContaining({ labels: expect.objectContaining({ alertname: 'backup_schedule_stale' }) })]);
    await vi.waitFor(() => expect(n.status()[0].last_success).not.toBeNull());
    expect(JSON.stringify(n.status())).not.toMatch(/hunter2|dash:/);
  });

  it('sends a bearer token, and logs a failure without the credentials in the URL', async () => {
    rx.requests.length = 0;
    const bearer = notifier(parseNotifyConfig({ ALERTMANAGER_URL: rx.url, ALERTMANAGER_BEARER_TOKEN: 'tok-123' }));
    const alert = firingNow({ id: 'auth-2' });
    bearer.deliver(outcomeFixture([alert], [transitionFixture(alert, 'pending', 'firing')]));
    await vi.waitFor(() => expect(rx.requests).toHaveLength(1));
    expect(rx.requests[0].headers.authorization).toBe('Bearer tok-123');

    const logged = [vi.spyOn(console, 'warn').mockImplementation(() => undefined), vi.spyOn(console, 'error').mockImplementation(() => undefined)];
    rx.script.push(500);
    const inUrl = notifier(parseNotifyConfig({ ALERTMANAGER_URL: rx.url.replace('http://', 'http://dash:hunter2@') }));
    inUrl.deliver(outcomeFixture([alert], [transitionFixture(alert, 'pending', 'firing')]));
    await vi.waitFor(() => expect(inUrl.status()[0].failures).toBe(1));
    expect(rx.requests[1].headers.authorization).toBe(`Basic ${Buffer.from('dash:hunter2').toString('base64')}`);
    expect(inUrl.status()[0]).toMatchObject({ url: rx.url, last_error: { message: 'HTTP 500: status 500' } });
    const output = logged.flatMap((s) => s.mock.calls.flat()).join(' ');
    expect(output).toContain('HTTP 500');
    expect(output).not.toMatch(/hunter2|dash:/);
  });

  it('trusts ALERTMANAGER_CA for an https Alertmanager, and refuses an unknown certificate', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'am-ca-'));
    const key = path.join(dir, 'am.key');
    const crt = path.join(dir, 'am.crt');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '1', '-subj', '/CN=am', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    let got = 0;
    const server = https.createServer({ key: readFileSync(key), cert: readFileSync(crt) }, (req, res) => {
      got++;
      req.resume().on('end', () => res.end('ok'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const alert = firingNow({ id: 'tls-1' });
      const trusted = notifier(parseNotifyConfig({ ALERTMANAGER_URL: url, ALERTMANAGER_CA: crt }));
      trusted.deliver(outcomeFixture([alert], [transitionFixture(alert, 'pending', 'firing')]));
      await vi.waitFor(() => expect(trusted.status()[0].last_success).not.toBeNull());
      expect(got).toBe(1);

      const untrusted = notifier(parseNotifyConfig({ ALERTMANAGER_URL: url }));
      untrusted.deliver(outcomeFixture([alert], [transitionFixture(alert, 'pending', 'firing')]));
      await vi.waitFor(() => expect(untrusted.status()[0].failures).toBe(1));
      expect(untrusted.status()[0].last_error?.message).toMatch(/SELF_SIGNED|self.signed|certificate/i);
      expect(got).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
