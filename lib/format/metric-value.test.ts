import { describe, expect, it } from 'vitest';
import { formatMetricValue } from './metric-value';

const NOW = Date.UTC(2026, 10, 25, 20, 42, 0);

describe('formatMetricValue', () => {
  it.each([
    ['timestamp', NOW / 1000 - 12 * 60, '12 min ago', false],
    ['timestamp', 0, 'never', true],
    ['age', 8_132, '2 h 15 min', false],
    ['age', 0, '0', true],
    ['counter', 1_234, '1,234', false],
    ['counter', 0, '0', true],
    ['gauge', 3, '3', false],
  ] as const)('%s %s → %s', (kind, value, text, zero) => {
    expect(formatMetricValue(kind, value, NOW)).toEqual({ text, zero });
  });
});
