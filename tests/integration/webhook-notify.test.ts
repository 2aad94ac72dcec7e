import { afterEach, describe, expect, it, vi } from 'vitest';
import { alertFixture, outcomeFixture, transitionFixture } from '@/lib/alerts/notify/alert-fixtures';
import { parseNotifyConfig } from '@/lib/alerts/notify/config';
import { createNotifiers, type Notifier, type NotifierDeps } from '@/lib/alerts/notify/notifiers';
import type { WebhookBody } from '@/lib/alerts/notify/webhook-payload';
import { startHttpReceiver, type HttpReceiver } from './helpers/http-receiver';

/**
 * The webhook notifier against real HTTP receivers on loopback: one that fails before it recovers,
 * one that hangs, one that is down. Backoff and timeouts are shortened through the options.
 */
const DASHBOARD = 'https://ops.example.com';
const FAST: NotifierDeps = { backoff: { initialMs: 40, maxMs: 200, giveUpAfterMs: 20_000 }, timeoutMs: 2_000 };

const open: { notifiers: Notifier[]; receivers: HttpReceiver[] } = { notifiers: [], receivers: [] };
async function receiver(script: (number | 'hang')[] = []) {
  const r = await startHttpReceiver(script);
  open.receivers.push(r);
  return r;
}
function notifier(urls: string[], deps: NotifierDeps = FAST) {
  const n = createNotifiers(parseNotifyConfig({ ALERT_WEBHOOK_URL: urls.join(','), DASHBOARD_URL: DASHBOARD }), deps);
  open.notifiers.push(n);
  return n;
}
afterEach(async () => {
  await Promise.all(open.notifiers.splice(0).map((n) => n.stop()));
  await Promise.all(open.receivers.splice(0).map((r) => r.close()));
  vi.restoreAllMocks();
});

const firing = alertFixture();
const resolved = alertFixture({ state: 'resolved', resolved_at: '2026-12-01T10:30:00.000Z', evaluated_at: '2026-12-01T10:30:00.000Z' });
const fired = outcomeFixture([firing], [transitionFixture(firing, 'pending', 'firing')]);
const cleared = outcomeFixture([resolved], [transitionFixture(resolved, 'firing', 'resolved')]);
const bodies = (r: HttpReceiver) => r.requests.map((q) => JSON.parse(q.body) as WebhookBody);

describe('webhook notifier → HTTP receivers', () => {
  it('posts one JSON body per firing or resolved transition, the instance with absolute links and a Slack text', async () => {
    const rx = await receiver();
    const n = notifier([`${rx.url}/hooks/T000/B000/secret`]);
    const pending = alertFixture({ state: 'pending', fired_at: null });
    n.deliver(outcomeFixture([pending], [transitionFixture(pending, 'inactive', 'pending')]));
    n.deliver(fired);
    n.deliver(cleared);
    await vi.waitFor(() => expect(rx.requests).toHaveLength(2));
    expect(rx.requests[0]).toMatchObject({ method: 'POST', path: '/hooks/T000/B000/secret', headers: expect.objectContaining({ 'content-type': 'application/json' }) });
    const [first, second] = bodies(rx);
    expect(first).toMatchObject({
      id: firing.id,
      rule: 'backup_schedule_stale',
      severity: 'critical',
      state: 'firing',
      cluster: 'demo',
      labels: firing.labels,
      summary: firing.summary,
      description: firing.description,
      runbook: firing.runbook,
      links: [{ label: 'Schedule nightly', href: `${DASHBOARD}/c/demo/schedules/1012345678901234567` }],
      transition: { from: 'pending', to: 'firing', at: firing.evaluated_at },
      text: `[FIRING critical] demo: ${firing.summary} — ${DASHBOARD}/c/demo/schedules/1012345678901234567`,
    });
    expect(second).toMatchObject({ state: 'resolved', resolved_at: resolved.resolved_at, transition: { from: 'firing', to: 'resolved' }, text: expect.stringMatching(/^\[RESOLVED critical\]/) });
    // The secret part of the path is not shown.
    expect(n.status()[0]).toMatchObject({ receiver: 'webhook-1', kind: 'webhook', url: `${rx.url}/hooks/…` });
  });

  it('retries a failing receiver with growing waits, in order, shows the error, then recovers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const rx = await receiver([500, 500, 500]);
    const n = notifier([rx.url], { ...FAST, backoff: { initialMs: 100, maxMs: 1_000, giveUpAfterMs: 20_000 } });
    n.deliver(fired);
    n.deliver(cleared);
    // While it fails (100 + 200 + 400 ms of backoff): the error shows, both notifications wait.
    await vi.waitFor(
      () => {
        const s = n.status()[0];
        expect(s.failures).toBeGreaterThan(0);
        expect(s).toMatchObject({ queued: 2, last_success: null, last_error: { message: 'HTTP 500: status 500' } });
      },
      { timeout: 5_000, interval: 5 },
    );

    await vi.waitFor(() => expect(rx.requests).toHaveLength(5), { timeout: 5_000 });
    expect(bodies(rx).map((b) => b.transition.to)).toEqual(['firing', 'firing', 'firing', 'firing', 'resolved']);
    const gaps = rx.requests.slice(1, 4).map((q, i) => q.at - rx.requests[i].at);
    // 100, 200, 400 ms (timers fire late, not early; a little slack for rounding).
    expect(gaps[0]).toBeGreaterThanOrEqual(95);
    expect(gaps[1]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeGreaterThanOrEqual(395);
    await vi.waitFor(() => expect(n.status()[0]).toMatchObject({ failures: 0, queued: 0, dropped: 0, last_error: { message: 'HTTP 500: status 500' } }));
    expect(n.status()[0].last_success).not.toBeNull();
    // One line when it starts failing and one when it recovers, not one per retry.
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('times out a receiver that does not answer, and retries', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const rx = await receiver(['hang']);
    const n = notifier([rx.url], { ...FAST, timeoutMs: 200 });
    n.deliver(fired);
    await vi.waitFor(() => expect(rx.requests).toHaveLength(2), { timeout: 5_000 });
    await vi.waitFor(() => expect(n.status()[0]).toMatchObject({ failures: 0, last_error: { message: 'no answer within 200 ms' } }));
  });

  it('keeps a down receiver’s queue bounded, returns at once, and does not hold up a healthy one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const gone = await startHttpReceiver();
    await gone.close();
    const rx = await receiver();
    const n = notifier([gone.url, rx.url], { ...FAST, queueCapacity: 5 });
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) {
      const a = alertFixture({ id: `id-${i}` });
      n.deliver(outcomeFixture([a], [transitionFixture(a, 'pending', 'firing')]));
    }
    expect(performance.now() - t0).toBeLessThan(1_000);
    await vi.waitFor(() => expect(n.status()[0].last_error?.message).toBe('connection refused'));
    const [down] = n.status();
    expect(down.queued).toBeLessThanOrEqual(6);
    expect(down.dropped).toBeGreaterThanOrEqual(194);
    expect(down.url).toBe(gone.url);
    // The healthy receiver got the newest five, in order, despite its own bound.
    await vi.waitFor(() => expect(n.status()[1]).toMatchObject({ queued: 0, failures: 0 }));
    expect(bodies(rx).slice(-5).map((b) => b.id)).toEqual(['id-195', 'id-196', 'id-197', 'id-198', 'id-199']);
  });
});
