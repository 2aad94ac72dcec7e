import { describe, expect, it } from 'vitest';
import { formatAlertValue } from './alert-value';

describe('formatAlertValue', () => {
  it.each([
    [7_260, 3_600, 'seconds', { value: '2 h 1 min', threshold: '1 h' }],
    [null, 1_800, 'seconds', { value: null, threshold: '30 min' }],
    [3, 1, 'count', { value: '3', threshold: '1' }],
    [12_345, null, 'count', { value: '12,345', threshold: null }],
    [null, null, 'count', null],
    // A yes/no rule: its summary says what holds.
    [134, null, null, null],
    [5, 1, undefined, null],
  ] as const)('%s against %s (%s)', (value, threshold, unit, want) => {
    expect(formatAlertValue(value, threshold, unit)).toEqual(want);
  });
});
