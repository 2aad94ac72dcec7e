/**
 * An alert's observed value against its threshold, in the rule's unit (AlertRuleInfo.threshold_unit):
 * seconds as durations ("3 h 12 min"), counts as numbers. A yes/no rule (unit null) has nothing to
 * compare: its summary says what holds.
 */
import { formatDuration } from './duration';
import { formatCount } from './number';

export type ThresholdUnit = 'seconds' | 'count' | null;

export interface FormattedAlertValue {
  value: string | null;
  threshold: string | null;
}

export function formatAlertValue(value: number | null, threshold: number | null, unit: ThresholdUnit | undefined): FormattedAlertValue | null {
  if (!unit) return null;
  const f = (n: number | null) => (n === null || !Number.isFinite(n) ? null : unit === 'seconds' ? formatDuration(n) : formatCount(n));
  const out = { value: f(value), threshold: f(threshold) };
  return out.value === null && out.threshold === null ? null : out;
}
