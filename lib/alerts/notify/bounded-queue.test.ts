import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './bounded-queue';

describe('BoundedQueue', () => {
  it('is first in, first out', () => {
    const q = new BoundedQueue<number>(3);
    q.push(1);
    q.push(2);
    expect([q.shift(), q.shift(), q.shift()]).toEqual([1, 2, undefined]);
    expect(q.size).toBe(0);
  });

  it('drops the oldest when full, and counts them', () => {
    const q = new BoundedQueue<number>(3);
    for (let i = 1; i <= 5; i++) q.push(i);
    expect(q.size).toBe(3);
    expect(q.dropped).toBe(2);
    expect([q.shift(), q.shift(), q.shift()]).toEqual([3, 4, 5]);
  });

  it('stays bounded over a long outage', () => {
    const q = new BoundedQueue<number>(1_000);
    for (let i = 0; i < 100_000; i++) q.push(i);
    expect(q.size).toBe(1_000);
    expect(q.dropped).toBe(99_000);
    expect(q.shift()).toBe(99_000);
    // The backing array is compacted, not grown for every push.
    expect((q as unknown as { items: number[] }).items.length).toBeLessThan(2_100);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
    expect(() => new BoundedQueue(1.5)).toThrow(RangeError);
  });
});
