import { describe, expect, it } from 'vitest';
import { bucketCount, chooseStep } from './step';

const H = 3_600_000;

describe('chooseStep', () => {
  it.each([
    ['15 min', 0.25 * H, 1000, 2, 2],
    ['1 h', H, 1000, 2, 5],
    ['6 h', 6 * H, 1000, 10, 30],
    ['6 h, two points a bucket', 6 * H, 500, 10, 60],
    ['24 h', 24 * H, 1000, 10, 120],
    ['7 d', 168 * H, 1000, 10, 900],
    ['14 d', 336 * H, 500, 10, 3600],
    ['a year', 8760 * H, 1000, 10, 43200],
    ['5 years', 5 * 8760 * H, 1000, 10, 172800],
  ])('%s, ≤ %d buckets, recorded every %d s → %d s', (_name, span, maxBuckets, minStepS, want) => {
    const step = chooseStep(0, span, { maxBuckets, minStepS });
    expect(step).toBe(want);
    expect(bucketCount(0, span, step)).toBeLessThanOrEqual(maxBuckets);
  });

  it('is never finer than the recording interval', () => {
    expect(chooseStep(0, 60_000, { maxBuckets: 1000, minStepS: 10 })).toBe(10);
    expect(chooseStep(0, 60_000, { maxBuckets: 1000 })).toBe(1);
  });

  it('keeps every span within the bound', () => {
    for (let span = 1000; span < 30 * 24 * H; span = Math.ceil(span * 1.37)) {
      expect(bucketCount(0, span, chooseStep(0, span, { maxBuckets: 1000 }))).toBeLessThanOrEqual(1000);
    }
  });
});
