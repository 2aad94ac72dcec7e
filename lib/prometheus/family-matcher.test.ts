import { describe, expect, it } from 'vitest';
import { matcherOf, matchersFor } from './family-matcher';
import type { MetricType } from './types';

/** -1: not a sample of the family; 0: its own sample; i + 1: suffix i. */
function which(name: string, type: MetricType | undefined, line: string): number {
  const m = matcherOf(matchersFor(name), type);
  m.re.lastIndex = 0;
  return m.re.test(line) ? m.suffixByExtraLength[m.re.lastIndex - m.nameLength] : -1;
}

describe('family matcher', () => {
  it.each([
    ['x', undefined, 'x 1', 0],
    ['x', undefined, 'x{a="b"} 1', 0],
    ['x', undefined, 'x\t1', 0],
    ['x', undefined, 'x_total 1', -1],
    ['x', undefined, 'xy 1', -1],
    ['x', undefined, 'x', -1], // nothing after the name
    ['x', undefined, 'y 1', -1],
    ['x', 'counter', 'x_bucket{le="1"} 1', -1],
    ['h', 'histogram', 'h_bucket{le="1"} 1', 1],
    ['h', 'histogram', 'h_sum 1', 2],
    ['h', 'histogram', 'h_count 1', 3],
    ['h', 'histogram', 'h{a="b"} 1', 0],
    ['h', 'histogram', 'h_bucketx 1', -1],
    ['s', 'summary', 's{quantile="0.5"} 1', 0],
    ['s', 'summary', 's_sum 1', 1],
    ['s', 'summary', 's_count 1', 2],
    ['s', 'summary', 's_bucket 1', -1],
    ['job:rate5m', 'gauge', 'job:rate5m 1', 0],
    ['jobs_backup_resume_failed', 'counter', 'jobs_backup_resume_failed_x 1', -1],
  ] as const)('%s (%s) on %j → %d', (name, type, line, want) => {
    expect(which(name, type, line)).toBe(want);
  });

  it('compiles each name and type once per process', () => {
    const a = matcherOf(matchersFor('cached_family'), 'histogram');
    expect(matcherOf(matchersFor('cached_family'), 'histogram')).toBe(a);
    expect(matcherOf(matchersFor('cached_family'), 'gauge')).not.toBe(a);
  });
});
