import { describe, expect, it } from 'vitest';
import { chartRows, compactNumber, secondsScale, secondsTicks, valueAt, valueUnit, type RangeData } from './chart-data';

const T = Date.parse('2026-11-25T20:00:00Z');

describe('valueAt', () => {
  it('draws a last-completed timestamp as its age, and 0 as unknown', () => {
    expect(valueAt('timestamp', T, T / 1000 - 600)).toBe(600);
    expect(valueAt('timestamp', T, 0)).toBeNull();
    expect(valueAt('age', T, 42)).toBe(42);
    expect(valueAt('counter', T, 0)).toBe(0);
  });
});

describe('chartRows', () => {
  const data: RangeData = {
    metric: 'm',
    from: '',
    to: '',
    step_s: 60,
    fn: 'raw',
    series: [
      { node_id: 1, points: [[T, 1], [T + 60_000, 2]] },
      { node_id: 3, points: [[T + 60_000, 5]] },
    ],
    aggregate: { how: 'sum', points: [[T, 1], [T + 60_000, 7]] },
  };
  it('lines up the nodes on one time axis, a missing point being a gap', () => {
    const { rows, lines } = chartRows(data, 'gauge', { showAggregate: true, aggregateLabel: 'cluster (sum)' });
    expect(lines.map((l) => l.key)).toEqual(['n1', 'n3', 'agg']);
    expect(rows).toEqual([
      { t: T, n1: 1, n3: null, agg: 1 },
      { t: T + 60_000, n1: 2, n3: 5, agg: 7 },
    ]);
  });
  it('breaks every line where nothing was recorded at all', () => {
    const gap: RangeData = { ...data, series: [{ node_id: 1, points: [[T, 1], [T + 60_000, 2], [T + 600_000, 3]] }], aggregate: undefined };
    expect(chartRows(gap, 'gauge', { showAggregate: true, aggregateLabel: '' }).rows).toEqual([
      { t: T, n1: 1 },
      { t: T + 60_000, n1: 2 },
      { t: T + 120_000, n1: null },
      { t: T + 600_000, n1: 3 },
    ]);
  });

  it('leaves the aggregate out when asked', () => {
    expect(chartRows(data, 'gauge', { showAggregate: false, aggregateLabel: '' }).lines.map((l) => l.key)).toEqual(['n1', 'n3']);
  });
});

describe('units', () => {
  it.each([
    ['counter', 'increase', 'per_interval'],
    ['counter', 'rate', 'per_second'],
    ['counter', 'raw', 'count'],
    ['gauge', 'raw', 'count'],
    ['age', 'raw', 'seconds'],
    ['timestamp', 'raw', 'seconds'],
  ] as const)('%s %s → %s', (kind, fn, unit) => {
    expect(valueUnit(kind, fn)).toBe(unit);
  });
  it.each([
    [30, 's'],
    [3000, 'min'],
    [36_000, 'h'],
    [864_000, 'd'],
  ])('%d s of age → ticks in %s', (max, unit) => {
    expect(secondsScale(max).unit).toBe(unit);
  });
  it.each([
    [0, '0'],
    [3, '3'],
    [0.25, '0.25'],
    [1234, '1.2k'],
    [45_000, '45k'],
    [2_500_000, '2.5M'],
  ])('%d → %s', (v, s) => {
    expect(compactNumber(v)).toBe(s);
  });
});

describe('secondsTicks', () => {
  it.each([
    [8_200, [0, 3600, 7200, 10800]],
    [45, [0, 20, 40, 60]],
    [2_400, [0, 600, 1200, 1800, 2400]],
    [940_000, [0, 432000, 864000, 1296000]],
    [0, [0, 60]],
  ])('max %d s → %j', (max, want) => {
    expect(secondsTicks(max)).toEqual(want);
  });
});
