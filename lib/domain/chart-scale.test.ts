import { describe, expect, it } from 'vitest';
import { spikeClip } from './chart-scale';

describe('spikeClip', () => {
  it('a lone spike over ordinary values: clip at the 95th percentile with head room', () => {
    const values = [...Array.from({ length: 99 }, (_, i) => 1 + (i % 4)), 60];
    expect(spikeClip(values)).toEqual({ cap: 5, peak: 60 });
  });

  it('nothing to clip: values of one size, too few values, or only zeros', () => {
    expect(spikeClip(Array.from({ length: 50 }, (_, i) => 10 + (i % 7)))).toBeNull();
    expect(spikeClip([1, 2, 60])).toBeNull();
    expect(spikeClip(Array.from({ length: 50 }, () => 0))).toBeNull();
  });
});
