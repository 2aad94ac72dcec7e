import { afterEach, describe, expect, it, vi } from 'vitest';
import { alertFixture, outcomeFixture, transitionFixture } from './alert-fixtures';
import { parseNotifyConfig } from './config';
import { createNotifiers, type Notifier } from './notifiers';

/** An injected fetch standing in for the network: records the calls, answers from a script. */
function fakeFetch(statuses: number[] = []) {
  const calls: { url: string; body: string; headers: Record<string, string> }[] = [];
  const f = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), body: String(init?.body), headers: init?.headers as Record<string, string> });
    const status = statuses.shift() ?? 200;
    return new Response(status === 200 ? 'ok' : `{"message":"nope ${status}"}`, { status });
  }) as typeof fetch;
  return { f, calls };
}

const open: Notifier[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((n) => n.stop()));
  vi.restoreAllMocks();
});

const cfg = parseNotifyConfig({ ALERTMANAGER_URL: 'http://am-a:9093,http://am-b:9093', ALERT_WEBHOOK_URL: 'http://hook:8080/x', DASHBOARD_URL: 'http://dash' });
const T0 = Date.parse('2026-12-01T10:05:00Z');
const firing = alertFixture();
const fired = outcomeFixture([firing], [transitionFixture(firing, 'pending', 'firing')]);

describe('createNotifiers', () => {
  it('fans out: every Alertmanager and every webhook, status in configuration order', async () => {
    const { f, calls } = fakeFetch();
    const n = createNotifiers(cfg, { fetch: f, now: () => T0 });
    open.push(n);
    n.deliver(fired);
    await vi.waitFor(() => expect(calls).toHaveLength(3));
    expect(calls.map((c) => c.url).sort()).toEqual(['http://am-a:9093/api/v2/alerts', 'http://am-b:9093/api/v2/alerts', 'http://hook:8080/x']);
    expect(n.status().map((s) => [s.receiver, s.kind, s.url])).toEqual([
      ['alertmanager-1', 'alertmanager', 'http://am-a:9093'],
      ['alertmanager-2', 'alertmanager', 'http://am-b:9093'],
      ['webhook-1', 'webhook', 'http://hook:8080/x'],
    ]);
    const am = JSON.parse(calls.find((c) => c.url.startsWith('http://am-a'))?.body ?? '[]') as { endsAt: string }[];
    expect(am[0].endsAt).toBe(new Date(T0 + 240_000).toISOString());
  });

  it('re-sends firing alerts to Alertmanager once per resend delay; the webhook only on transitions', async () => {
    const { f, calls } = fakeFetch();
    let now = T0;
    const n = createNotifiers(cfg, { fetch: f, now: () => now });
    open.push(n);
    n.deliver(fired);
    for (const dt of [10_000, 20_000, 30_000, 60_000, 70_000, 120_000]) {
      now = T0 + dt;
      n.deliver(outcomeFixture([{ ...firing, evaluated_at: new Date(now).toISOString() }]));
    }
    await vi.waitFor(() => expect(n.status().every((s) => s.queued === 0)).toBe(true));
    const toAm = calls.filter((c) => c.url === 'http://am-a:9093/api/v2/alerts');
    // At 0 (transition), 60 s and 120 s.
    expect(toAm).toHaveLength(3);
    expect(calls.filter((c) => c.url === 'http://hook:8080/x')).toHaveLength(1);
  });

  it('stretches endsAt when evaluations come further apart than configured', async () => {
    const { f, calls } = fakeFetch();
    let now = T0;
    const n = createNotifiers(cfg, { fetch: f, now: () => now });
    open.push(n);
    n.deliver(fired);
    now = T0 + 120_000;
    n.deliver(outcomeFixture([{ ...firing, evaluated_at: new Date(now).toISOString() }]));
    await vi.waitFor(() => expect(calls.filter((c) => c.url.startsWith('http://am-a'))).toHaveLength(2));
    const last = JSON.parse(calls.filter((c) => c.url.startsWith('http://am-a'))[1].body) as { endsAt: string }[];
    expect(last[0].endsAt).toBe(new Date(now + 4 * 120_000).toISOString());
  });

  it('reports an error body from the receiver in status, and never throws from deliver', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { f } = fakeFetch([400, 400]);
    const n = createNotifiers({ ...cfg, webhooks: [] }, { fetch: f, now: () => T0 });
    open.push(n);
    n.deliver(fired);
    await vi.waitFor(() => expect(n.status().map((s) => s.last_error?.message)).toEqual(['HTTP 400: {"message":"nope 400"}', 'HTTP 400: {"message":"nope 400"}']));
    expect(() => n.deliver(null as never)).not.toThrow();
  });

  it('with nothing configured, does nothing', async () => {
    const n = createNotifiers(parseNotifyConfig({}));
    n.deliver(fired);
    expect(n.status()).toEqual([]);
    await n.stop();
  });
});
