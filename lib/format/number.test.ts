import { describe, expect, it } from 'vitest';
import { formatCount, formatFraction } from './number';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [1_234, '1,234'],
    [1_234_567, '1,234,567'],
    [-42, '-42'],
    [0.5, '0.5'],
    [2.345_67, '2.35'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '+Inf'],
    [Number.NEGATIVE_INFINITY, '-Inf'],
  ])('%s → %s', (n, want) => {
    expect(formatCount(n)).toBe(want);
  });
});

describe('formatFraction', () => {
  it('prints part/whole', () => {
    expect(formatFraction(2, 3)).toBe('2/3');
  });
});
