import { describe, expect, it } from 'vitest';
import { formatAgo, formatDuration, formatSince } from './duration';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [0.9, '0 s'],
    [42, '42 s'],
    [59, '59 s'],
    [60, '1 min'],
    [42 * 60 + 59, '42 min'],
    [3_600, '1 h'],
    [3 * 3_600 + 12 * 60 + 30, '3 h 12 min'],
    [23 * 3_600 + 59 * 60, '23 h 59 min'],
    [86_400, '1 d'],
    [2 * 86_400 + 4 * 3_600 + 59 * 60, '2 d 4 h'],
    [852_222, '9 d 20 h'],
    [-90, '1 min'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%s s → %s', (s, want) => {
    expect(formatDuration(s)).toBe(want);
  });
});

describe('formatAgo', () => {
  it.each([
    [0, 'just now'],
    [4.9, 'just now'],
    [-3, 'just now'],
    [12, '12 s ago'],
    [42 * 60, '42 min ago'],
    [3 * 3_600 + 12 * 60, '3 h 12 min ago'],
    [-180, 'in 3 min'],
    [Number.NaN, '—'],
  ])('%s s → %s', (s, want) => {
    expect(formatAgo(s)).toBe(want);
  });
});

describe('formatSince', () => {
  it('measures a unix-seconds timestamp against a millisecond clock', () => {
    const now = Date.UTC(2026, 10, 25, 20, 42, 0);
    expect(formatSince(Date.UTC(2026, 10, 25, 20, 0, 0) / 1000, now)).toBe('42 min ago');
  });
});
