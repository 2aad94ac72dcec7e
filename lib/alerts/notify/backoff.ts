/**
 * Exponential backoff for webhook retries: 1 s, 2 s, 4 s … capped at 5 min, given up about an hour
 * after the notification was queued (a page that arrives later than that misleads more than it helps).
 * No jitter: one dashboard sends to a receiver, so there is no herd to spread.
 */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** Measured from when the notification was queued. */
  giveUpAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 300_000, giveUpAfterMs: 3_600_000 };

/** The wait before retry number `retry` (0 = the first retry). */
export function backoffDelay(retry: number, p: BackoffPolicy): number {
  return Math.min(p.maxMs, p.initialMs * 2 ** retry);
}

/** The wait before the next retry, or null when the notification should be given up. */
export function nextRetryDelay(retry: number, queuedAtMs: number, nowMs: number, p: BackoffPolicy): number | null {
  const delay = backoffDelay(retry, p);
  return nowMs + delay - queuedAtMs > p.giveUpAfterMs ? null : delay;
}
