import { describe, expect, it } from 'vitest';
import { isRelativeRef, parseTimeRef, resolveRange } from './time-range';

const NOW = Date.parse('2026-11-25T20:00:00Z');
const M = 60_000;

describe('parseTimeRef', () => {
  it.each([
    ['now', NOW],
    ['now-15m', NOW - 15 * M],
    ['now-6h', NOW - 360 * M],
    ['now-7d', NOW - 7 * 1440 * M],
    ['now-1h30m', NOW - 90 * M],
    ['2026-11-25T19:00:00Z', Date.parse('2026-11-25T19:00:00Z')],
    ['2026-11-25T19:00:00.250Z', Date.parse('2026-11-25T19:00:00.250Z')],
    ['2026-11-25T20:00:00+01:00', Date.parse('2026-11-25T19:00:00Z')],
    // No zone: UTC for everyone, not the reader's local time.
    ['2026-11-25T19:00', Date.parse('2026-11-25T19:00:00Z')],
    ['2026-11-25', Date.parse('2026-11-25T00:00:00Z')],
    ['yesterday', null],
    ['now-6x', null],
    ['now+1h', null],
    ['now-', null],
    ['2026-13-45', null],
    ['', null],
  ])('%s', (ref, want) => {
    expect(parseTimeRef(ref, NOW)).toBe(want);
  });

  it('tells relative from absolute', () => {
    expect(isRelativeRef('now-6h')).toBe(true);
    expect(isRelativeRef('now')).toBe(true);
    expect(isRelativeRef('2026-11-25T19:00:00Z')).toBe(false);
  });
});

describe('resolveRange', () => {
  it('defaults to the last hour', () => {
    expect(resolveRange(undefined, undefined, NOW)).toEqual({ ok: true, range: { fromMs: NOW - 60 * M, toMs: NOW } });
  });
  it('mixes relative and absolute', () => {
    expect(resolveRange('2026-11-25T19:30:00Z', 'now', NOW)).toEqual({ ok: true, range: { fromMs: NOW - 30 * M, toMs: NOW } });
  });
  it.each([
    ['soon', 'now', /from must be/],
    ['now-1h', 'later', /to must be/],
    ['now', 'now-1h', /must be before/],
    ['now-400d', 'now', /366 days/],
  ])('%s → %s is refused', (from, to, message) => {
    const r = resolveRange(from, to, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
