import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeliveryWorker, type WorkerOptions } from './delivery-worker';
import type { Post, PostResult } from './http-post';

/** A receiver in memory: answers from a script, records what it got. */
function receiver(answers: (PostResult | 'hang')[] = []) {
  const got: string[] = [];
  const post: Post = (_url, body, init) => {
    got.push(body);
    const a = answers.shift() ?? { ok: true, status: 200 };
    if (a !== 'hang') return Promise.resolve(a);
    return new Promise((resolve) => init.signal.addEventListener('abort', () => resolve({ ok: false, retryable: true, error: 'aborted' })));
  };
  return { got, post };
}

const fail500: PostResult = { ok: false, retryable: true, error: 'HTTP 500: boom' };
const workers: DeliveryWorker[] = [];
function worker(post: Post, over: Partial<WorkerOptions> = {}) {
  const w = new DeliveryWorker({
    receiver: 'webhook-1',
    kind: 'webhook',
    url: 'http://127.0.0.1:1/secret-path',
    displayUrl: 'http://127.0.0.1:1/…',
    headers: {},
    post,
    now: Date.now,
    timeoutMs: 1_000,
    capacity: 10,
    retry: { initialMs: 5, maxMs: 20, giveUpAfterMs: 5_000 },
    ...over,
  });
  workers.push(w);
  return w;
}
const settle = (w: DeliveryWorker) => vi.waitFor(() => expect(w.status().queued).toBe(0), { timeout: 3_000, interval: 5 });

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  vi.restoreAllMocks();
});

describe('DeliveryWorker', () => {
  it('delivers in order, retrying a failing body before the next one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const r = receiver([fail500, fail500]);
    const w = worker(r.post);
    w.enqueue('1');
    w.enqueue('2');
    await settle(w);
    expect(r.got).toEqual(['1', '1', '1', '2']);
    expect(w.status()).toMatchObject({ failures: 0, dropped: 0, last_error: { message: 'HTTP 500: boom' } });
    expect(w.status().last_success).not.toBeNull();
  });

  it('returns from enqueue at once, even while the receiver hangs', () => {
    const w = worker(receiver(['hang']).post);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) w.enqueue(String(i));
    expect(performance.now() - t0).toBeLessThan(50);
    // One in flight, ten waiting, the 89 oldest of the rest dropped.
    expect(w.status()).toMatchObject({ queued: 11, dropped: 89 });
  });

  it('keeps the newest bodies when the queue overflows', async () => {
    const r = receiver(['hang']);
    const w = worker(r.post, { timeoutMs: 50, retry: null });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (let i = 0; i < 15; i++) w.enqueue(String(i));
    await settle(w);
    // Body 0 was in flight (it timed out, not retried); 1–4 dropped; 5–14 delivered.
    expect(r.got).toEqual(['0', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    expect(w.status()).toMatchObject({ dropped: 4, failures: 0, last_error: { message: 'no answer within 50 ms' } });
  });

  it('gives up a body after its retry window and counts it dropped', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const r = receiver(Array(100).fill(fail500));
    const w = worker(r.post, { retry: { initialMs: 5, maxMs: 5, giveUpAfterMs: 30 } });
    w.enqueue('x');
    await settle(w);
    expect(w.status()).toMatchObject({ dropped: 1, queued: 0 });
    expect(w.status().failures).toBeGreaterThan(1);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      'alerts: webhook webhook-1 (http://127.0.0.1:1/…): delivery failed: HTTP 500: boom (retrying)',
      expect.stringMatching(/gave up a notification after \d+ attempts/),
    ]);
  });

  it('does not retry a refusal (4xx) and moves on', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const r = receiver([{ ok: false, retryable: false, error: 'HTTP 400: bad' }]);
    const w = worker(r.post);
    w.enqueue('a');
    w.enqueue('b');
    await settle(w);
    expect(r.got).toEqual(['a', 'b']);
    expect(w.status()).toMatchObject({ dropped: 1, failures: 0 });
  });

  it('never logs the URL it posts to', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const w = worker(receiver([fail500]).post);
    w.enqueue('a');
    await settle(w);
    expect(warn.mock.calls.flat().join(' ')).not.toContain('secret-path');
    expect(JSON.stringify(w.status())).not.toContain('secret-path');
  });

  it('stop() aborts the request in flight and a pending retry, then ignores new bodies', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const hanging = worker(receiver(['hang']).post, { timeoutMs: 60_000 });
    hanging.enqueue('a');
    const retrying = worker(receiver([fail500]).post, { retry: { initialMs: 60_000, maxMs: 60_000, giveUpAfterMs: 3_600_000 } });
    retrying.enqueue('b');
    await vi.waitFor(() => expect(retrying.status().failures).toBe(1));
    const t0 = performance.now();
    await Promise.all([hanging.stop(), retrying.stop()]);
    expect(performance.now() - t0).toBeLessThan(500);
    hanging.enqueue('c');
    expect(hanging.status().queued).toBe(0);
  });
});
