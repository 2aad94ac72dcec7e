import { describe, expect, it } from 'vitest';
import { causeText, logThrottled } from './log-throttle';

describe('logThrottled', () => {
  it('one line per class per minute, with the count of the ones it held back', () => {
    const out: string[] = [];
    const log = (t: number, kind = 'sql_unavailable:c1') => logThrottled(kind, `${kind} failed`, t, (s) => out.push(s));
    expect(log(0)).toBe(true);
    expect(log(1_000)).toBe(false);
    expect(log(30_000)).toBe(false);
    expect(log(2_000, 'other')).toBe(true);
    expect(log(61_000)).toBe(true);
    expect(out).toEqual(['sql_unavailable:c1 failed', 'other failed', 'sql_unavailable:c1 failed (and 2 more like it in the last minute)']);
  });

  it('a cause is one line of its message, never the stack', () => {
    const err = new Error('connect ECONNREFUSED 127.0.0.1:26257');
    expect(causeText(err)).toBe('connect ECONNREFUSED 127.0.0.1:26257');
    expect(causeText(new TypeError('x\n    at foo (bar.js:1:1)'))).toBe('TypeError: x');
    expect(causeText(undefined)).toBe('');
  });
});
