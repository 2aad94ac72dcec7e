import { describe, expect, it } from 'vitest';
import { EvidenceWindow, LAST_COMPLETED } from './evidence-window';

const M = 60_000;
const F = 'schedules_BACKUP_failed';
const SKIP = 'schedules_round_reschedule_skip';
const win = () => new EvidenceWindow(6 * 60 * M, new Set([F]), new Set([SKIP]));
const node = (key: string, metrics: Record<string, number>, up = true) => ({ key, up, metrics });

describe('EvidenceWindow', () => {
  it('counts a counter\'s increase per node and in total, over the window only', () => {
    const w = win();
    w.observe(0, [node('n1', { [F]: 5 }), node('n2', { [F]: 0 })]);
    w.observe(10 * M, [node('n1', { [F]: 7 }), node('n2', { [F]: 1 })]);
    w.observe(70 * M, [node('n1', { [F]: 8 }), node('n2', { [F]: 1 })]);
    expect(w.increase(F, 60 * M, 70 * M).value).toBe(1);
    const all = w.increase(F, 120 * M, 70 * M);
    expect(all.value).toBe(4);
    expect([...all.byNode]).toEqual([['n1', 3], ['n2', 1]]);
  });

  it('reads a drop as a restart from 0, never as a negative increase', () => {
    const w = win();
    w.observe(0, [node('n1', { [F]: 100 })]);
    w.observe(M, [node('n1', { [F]: 2 })]); // restarted, then failed twice
    expect(w.increase(F, 60 * M, M).value).toBe(2);
    w.observe(2 * M, [node('n1', { [F]: 0 })]); // restarted again, nothing new
    expect(w.increase(F, 60 * M, 2 * M).value).toBe(2);
  });

  it('the first reading after the dashboard starts is a baseline, and a down node records nothing', () => {
    const w = win();
    w.observe(0, [node('n1', { [F]: 9 }), node('n2', { [F]: 3 }, false)]);
    expect(w.increase(F, 60 * M, 0).value).toBe(0);
    expect(w.lastUpMs('n2')).toBeUndefined();
    expect(w.lastUpMs('n1')).toBe(0);
  });

  it('keeps a gauge\'s non-zero readings for max over the window', () => {
    const w = win();
    w.observe(0, [node('n1', { [SKIP]: 0 })]);
    expect(w.maxOver(SKIP, 60 * M, 0)).toBeNull();
    w.observe(M, [node('n1', { [SKIP]: 2 })]);
    w.observe(2 * M, [node('n1', { [SKIP]: 0 })]);
    expect(w.maxOver(SKIP, 60 * M, 2 * M)).toBe(2);
    expect(w.maxOver(SKIP, 60 * M, 62 * M)).toBeNull();
  });

  it('last_completed_time: max over nodes of max over the window, so a restarted node reading 0 changes nothing (#96888)', () => {
    const w = win();
    const t = 1_700_000_000;
    w.observe(0, [node('n1', { [LAST_COMPLETED]: t }), node('n2', { [LAST_COMPLETED]: t - 60 })]);
    w.observe(M, [node('n1', { [LAST_COMPLETED]: 0 }), node('n2', { [LAST_COMPLETED]: t - 60 })]);
    expect(w.lastCompletedMax(60 * M, M)).toBe(t);
    // Past the window the restarted node's old value no longer counts; n2's is still seen.
    w.observe(90 * M, [node('n1', { [LAST_COMPLETED]: 0 }), node('n2', { [LAST_COMPLETED]: t - 60 })]);
    expect(w.lastCompletedMax(60 * M, 90 * M)).toBe(t - 60);
    expect(new EvidenceWindow(M, new Set(), new Set()).lastCompletedMax(M, 0)).toBeNull();
  });

  it('drops readings past its horizon, and accepts history seeds out of order', () => {
    const w = new EvidenceWindow(60 * M, new Set([F]), new Set());
    w.seedIncrease(F, 'n1', 30 * M, 2);
    w.seedIncrease(F, 'n1', 10 * M, 1);
    w.observe(50 * M, [node('n1', { [F]: 4 })]);
    expect(w.increase(F, 60 * M, 50 * M).value).toBe(3);
    w.observe(80 * M, [node('n1', { [F]: 4 })]);
    expect(w.increase(F, 60 * M, 80 * M).value).toBe(2);
  });
});
