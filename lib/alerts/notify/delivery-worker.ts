import type { DeliveryStatus } from '../types';
import { nextRetryDelay, type BackoffPolicy } from './backoff';
import { BoundedQueue } from './bounded-queue';
import type { Post, PostResult } from './http-post';

/**
 * One receiver's queue and the one loop that empties it: bodies go out one at a time, in the order
 * they were queued, so a receiver never sees "resolved" before the "firing" it resolves. enqueue()
 * returns at once; a dead receiver costs at most `capacity` queued bodies (the oldest are dropped).
 */
export interface WorkerOptions {
  receiver: string;
  kind: DeliveryStatus['kind'];
  /** Where to POST (may carry a secret in its path: never shown). */
  url: string;
  /** The URL shown in status and logs. */
  displayUrl: string;
  headers: Record<string, string>;
  post: Post;
  now: () => number;
  timeoutMs: number;
  capacity: number;
  /**
   * null: a failed body is not retried (Alertmanager: the next resend carries every alert again, as
   * Prometheus's notifier relies on). Otherwise retried with backoff, keeping later bodies waiting.
   */
  retry: BackoffPolicy | null;
}

interface Item {
  body: string;
  queuedAt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class DeliveryWorker {
  private readonly queue: BoundedQueue<Item>;
  private inFlight = false;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly stopSignal = new AbortController();
  private wake: (() => void) | null = null;
  private lastSuccess: string | null = null;
  private lastError: DeliveryStatus['last_error'] = null;
  private failures = 0;
  // Bodies given up after their retries or refused for good; reported with those the queue dropped.
  private abandoned = 0;

  constructor(private readonly o: WorkerOptions) {
    this.queue = new BoundedQueue<Item>(o.capacity);
  }

  enqueue(body: string): void {
    if (this.stopped) return;
    this.queue.push({ body, queuedAt: this.o.now() });
    // A flag, not the promise: it is cleared in the same turn as the loop sees the queue empty.
    if (!this.running) {
      this.running = true;
      this.loop = this.drain();
    }
  }

  status(): DeliveryStatus {
    return {
      receiver: this.o.receiver,
      kind: this.o.kind,
      url: this.o.displayUrl,
      last_success: this.lastSuccess,
      last_error: this.lastError,
      failures: this.failures,
      queued: this.queue.size + (this.inFlight ? 1 : 0),
      dropped: this.queue.dropped + this.abandoned,
    };
  }

  /** Abandons what is queued, aborts the request in flight and waits for the loop to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.clear();
    this.stopSignal.abort();
    this.wake?.();
    await this.loop;
  }

  private async drain(): Promise<void> {
    try {
      for (let item = this.queue.shift(); item && !this.stopped; item = this.queue.shift()) {
        this.inFlight = true;
        try {
          await this.deliver(item);
        } finally {
          this.inFlight = false;
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async deliver(item: Item): Promise<void> {
    for (let retry = 0; !this.stopped; retry++) {
      const error = await this.attempt(item.body);
      if (error === null) return;
      if (this.stopped) return;
      if (!this.o.retry || !error.retryable) {
        if (this.o.retry) this.abandoned++;
        return;
      }
      const delay = nextRetryDelay(retry, item.queuedAt, this.o.now(), this.o.retry);
      if (delay === null) {
        this.abandoned++;
        this.log(`gave up a notification after ${retry + 1} attempts`);
        return;
      }
      await this.sleep(delay);
    }
  }

  /** One POST; null on success, else what went wrong (already recorded). */
  private async attempt(body: string): Promise<{ retryable: boolean } | null> {
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = AbortSignal.any([timeout, this.stopSignal.signal]);
    const r: PostResult = await this.o.post(this.o.url, body, { headers: this.o.headers, signal }).catch((err: unknown) => ({ ok: false, retryable: true, error: err instanceof Error ? err.message : String(err) }));
    if (r.ok) {
      if (this.failures > 0) this.log(`delivering again after ${this.failures} failed attempts`);
      this.lastSuccess = iso(this.o.now());
      this.failures = 0;
      return null;
    }
    const message = timeout.aborted ? `no answer within ${this.o.timeoutMs} ms` : r.error;
    if (this.stopped) return { retryable: false };
    this.failures++;
    this.lastError = { at: iso(this.o.now()), message };
    // The first failure of a run is logged, not every retry of a receiver that is down for an hour.
    if (this.failures === 1) this.log(`delivery failed: ${message}${r.retryable && this.o.retry ? ' (retrying)' : ''}`);
    return { retryable: r.retryable };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.wake = null;
        resolve();
      };
      // unref: a retry waiting out its backoff must not keep the process alive.
      const t = setTimeout(done, ms);
      t.unref?.();
      this.wake = done;
    });
  }

  private log(message: string): void {
    console.warn(`alerts: ${this.o.kind} ${this.o.receiver} (${this.o.displayUrl}): ${message}`);
  }
}
