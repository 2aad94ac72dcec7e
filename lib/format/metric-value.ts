/**
 * One catalog metric's value as a cell shows it, by the metric's kind (lib/catalog.ts):
 * - timestamp (unix seconds) → its age, "12 min ago"; 0 → "never": CockroachDB prints 0 until the
 *   node completes a backup after its last restart (or no schedule maintains the metric).
 * - age (seconds) → a duration, "3 h 12 min"; 0 → "0" (nothing held).
 * - counter / gauge → an integer with thousands separators.
 */
import type { MetricKind } from '../catalog';
import { formatDuration, formatSince } from './duration';
import { formatCount } from './number';

export interface FormattedValue {
  text: string;
  /** The value is 0 (or "never"): rendered quieter than a value that says something. */
  zero: boolean;
}

export function formatMetricValue(kind: MetricKind, value: number, nowMs: number): FormattedValue {
  if (value === 0) return { text: kind === 'timestamp' ? 'never' : '0', zero: true };
  switch (kind) {
    case 'timestamp':
      return { text: formatSince(value, nowMs), zero: false };
    case 'age':
      return { text: formatDuration(value), zero: false };
    default:
      return { text: formatCount(value), zero: false };
  }
}
