import { describe, expect, it } from 'vitest';
import { batchesOf, missingStretches, ROLLUP_MS, TEN_S_MS, TEN_S_TTL_MS, windowsOf } from './ts-plan';

const M = 60_000;
const NOW = Date.parse('2026-11-25T20:07:00Z');

describe('missingStretches', () => {
  it('is what neither a backfilled span nor a recorded minute covers, newest first, short runs ignored', () => {
    const minutes = [10, 11, 12, 20].map((m) => m);
    expect(missingStretches(0, 30 * M, [{ fromMs: 2 * M, toMs: 5 * M }], minutes, 2 * M)).toEqual([
      { fromMs: 21 * M, toMs: 30 * M },
      { fromMs: 13 * M, toMs: 20 * M },
      { fromMs: 5 * M, toMs: 10 * M },
      { fromMs: 0, toMs: 2 * M },
    ]);
    // A one-minute hole is the recorder's jitter, not a gap.
    expect(missingStretches(10 * M, 13 * M, [], [10, 12], 2 * M)).toEqual([]);
    expect(missingStretches(0, 10 * M, [{ fromMs: 0, toMs: 10 * M }], [], 2 * M)).toEqual([]);
  });
});

describe('windowsOf', () => {
  it('10 s windows on whole minutes within the 10 s TTL, 30 min ones only past it, newest first, within the point budget', () => {
    const from = NOW - TEN_S_TTL_MS - 2 * 86_400_000;
    const w = windowsOf([{ fromMs: from, toMs: NOW - TEN_S_MS }], NOW, 100, 60_000);
    expect(w[0]?.toMs).toBe(NOW - TEN_S_MS);
    for (let i = 1; i < w.length; i++) expect(w[i]?.toMs).toBe(w[i - 1]?.fromMs);
    const fine = w.filter((x) => x.sampleMs === TEN_S_MS);
    const coarse = w.filter((x) => x.sampleMs === ROLLUP_MS);
    expect(fine.length + coarse.length).toBe(w.length);
    expect(Math.min(...fine.map((x) => x.fromMs))).toBeLessThanOrEqual(NOW - TEN_S_TTL_MS);
    expect(Math.max(...coarse.map((x) => x.toMs))).toBeLessThan(NOW - TEN_S_TTL_MS);
    for (const x of fine.slice(1)) expect(x.fromMs % M).toBe(0);
    for (const x of w) expect(((x.toMs - x.fromMs) / x.sampleMs) * 100).toBeLessThanOrEqual(60_000);
  });
});

describe('batchesOf', () => {
  it('groups queries so one answer stays within the point budget', () => {
    expect(batchesOf([1, 2, 3, 4, 5], 100, 250).map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batchesOf([1, 2], 1000, 10).map((b) => b.length)).toEqual([1, 1]);
  });
});
