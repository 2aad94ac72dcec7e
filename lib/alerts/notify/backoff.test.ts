import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, nextRetryDelay } from './backoff';

describe('backoff', () => {
  it.each([
    [0, 1_000],
    [1, 2_000],
    [2, 4_000],
    [7, 128_000],
    [8, 256_000],
    [9, 300_000],
    [50, 300_000],
    [5000, 300_000],
  ])('retry %i waits %i ms', (retry, ms) => {
    expect(backoffDelay(retry, DEFAULT_BACKOFF)).toBe(ms);
  });

  it('gives up once the next retry would land past an hour after queueing', () => {
    const queuedAt = 0;
    expect(nextRetryDelay(3, queuedAt, 3_000_000, DEFAULT_BACKOFF)).toBe(8_000);
    expect(nextRetryDelay(12, queuedAt, 3_400_000, DEFAULT_BACKOFF)).toBe(null);
    expect(nextRetryDelay(12, queuedAt, 3_300_000, DEFAULT_BACKOFF)).toBe(300_000);
  });

  it('retries for about an hour in all', () => {
    let t = 0;
    let retries = 0;
    for (let d = nextRetryDelay(0, 0, t, DEFAULT_BACKOFF); d !== null; d = nextRetryDelay(++retries, 0, t, DEFAULT_BACKOFF)) t += d;
    expect(t).toBeGreaterThan(55 * 60_000);
    expect(t).toBeLessThanOrEqual(60 * 60_000);
    expect(retries).toBeLessThan(25);
  });
});
