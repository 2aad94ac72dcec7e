import { compactNumber, secondsScale, type ValueUnit } from '@/lib/domain/chart-data';
import { formatDuration } from '@/lib/format/duration';
import { formatCount } from '@/lib/format/number';

/** Axis tick text for a value in `unit`, scaled by `max` (the largest value on the chart). */
export function tickFormatter(unit: ValueUnit, max: number): (v: number) => string {
  if (unit === 'seconds') {
    const { div, unit: u } = secondsScale(max);
    return (v) => `${+(v / div).toFixed(1)} ${u}`;
  }
  if (unit === 'per_second') return (v) => `${compactNumber(v)}/s`;
  return (v) => compactNumber(v);
}

/** The exact value a tooltip shows. */
export function exactValue(unit: ValueUnit, v: number): string {
  if (unit === 'seconds') return `${formatDuration(v)} (${formatCount(Math.round(v))} s)`;
  if (unit === 'per_second') return `${formatCount(+v.toPrecision(4))}/s`;
  return formatCount(v);
}
