import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentSeries, TS_SAMPLE_MS, TsStore } from './ts-store';

function all(s: SegmentSeries, from = -1e9, to = 1e9): [number, number][] {
  const out: [number, number][] = [];
  s.forEach(from, to, (step, v) => out.push([step, v]));
  return out;
}

describe('SegmentSeries', () => {
  it('returns exactly what was appended, gaps included, for any values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double())), { maxLength: 200 }), (steps) => {
        const s = new SegmentSeries();
        const expected: [number, number][] = [];
        let step = 100;
        let v = 0;
        for (const [gap, dv] of steps) {
          step += gap;
          v = Number.isInteger(dv) ? v + dv : dv;
          s.append(step, v);
          expected.push([step, v]);
        }
        expect(all(s)).toEqual(expected);
      }),
    );
  });

  it('keeps an overflow to infinity exact (no infinite slope)', () => {
    const s = new SegmentSeries();
    s.append(101, -6.985441083371519e292);
    s.append(102, -Infinity);
    expect(all(s)).toEqual([[101, -6.985441083371519e292], [102, -Infinity]]);
  });

  it('holds a counter flat between events and an age growing by 10 per sample in a few segments', () => {
    const s = new SegmentSeries();
    for (let k = 0; k < 8640; k++) s.append(k, k < 4000 ? 7 : 10 * (k - 4000));
    expect(s.segments).toBe(2);
    expect(all(s, 3999, 4002)).toEqual([[3999, 7], [4000, 0], [4001, 10], [4002, 20]]);
  });

  it('drops whole segments that end before the cutoff', () => {
    const s = new SegmentSeries();
    for (let k = 0; k < 30; k++) s.append(k, Math.floor(k / 10));
    s.dropBefore(15);
    expect(s.segments).toBe(2);
    expect(all(s)[0]).toEqual([10, 1]);
  });
});

describe('TsStore', () => {
  it('records nothing for a node that is not serving, and keeps only the retention on read', () => {
    const store = new TsStore({ nodeIds: [1, 2], fromMs: 0, retentionMs: 60_000 });
    for (let k = 0; k < 12; k++) {
      if (k === 4) store.setServing(2, false);
      if (k === 8) store.setServing(2, true);
      store.record(k * TS_SAMPLE_MS, (id) => ({ schedules_error: id * 100 + k }));
    }
    const name = 'cr.node.schedules.error';
    expect(store.read(name, 2, 0, 1e9, 110_000).t).toEqual([50_000, 60_000, 70_000, 80_000, 90_000, 100_000, 110_000].filter((t) => t < 40_000 || t >= 80_000));
    expect(store.read(name, 1, 0, 1e9, 110_000).v).toEqual([105, 106, 107, 108, 109, 110, 111]);
    expect(store.sources(name)).toEqual([1, 2]);
    expect(store.sources('cr.node.schedules.malformed')).toEqual([]);
  });
});
