import { describe, expect, it } from 'vitest';
import { timeTicks } from './time-ticks';

const T = Date.parse('2026-11-25T21:00:59Z');
const M = 60_000;

describe('timeTicks', () => {
  it.each([
    ['15 min', 15 * M, 6, 5 * M, 'minutes'],
    ['2 min', 2 * M, 6, 30_000, 'seconds'],
    ['6 h', 360 * M, 6, 60 * M, 'minutes'],
    ['7 d', 7 * 1440 * M, 6, 2 * 1440 * M, 'days'],
  ] as const)('%s → ticks every %d ms', (_name, span, max, step, precision) => {
    const { ticks, precision: p } = timeTicks(T, T + span, max);
    expect(p).toBe(precision);
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.length).toBeLessThanOrEqual(max);
    expect(ticks.every((t) => t % step === 0 && t >= T && t <= T + span)).toBe(true);
  });

  it('puts hour ticks on local round hours', () => {
    const offset = 330 * M; // UTC+5:30
    const { ticks } = timeTicks(T, T + 360 * M, 6, offset);
    expect(ticks.every((t) => (t + offset) % (60 * M) === 0)).toBe(true);
  });
});
