/**
 * Durations and ages for people reading a dashboard mid-incident: two units at most
 * ("3 h 12 min", "2 d 4 h"), whole numbers, never a fraction of a unit. Pure: no clock, no locale.
 */
const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;

/** Seconds → "42 s", "42 min", "3 h 12 min", "2 d 4 h"; "—" when it is not a finite number. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.floor(Math.abs(seconds)));
  if (s < MINUTE) return `${s} s`;
  if (s < HOUR) return `${Math.floor(s / MINUTE)} min`;
  if (s < DAY) return pair(Math.floor(s / HOUR), 'h', Math.floor((s % HOUR) / MINUTE), 'min');
  return pair(Math.floor(s / DAY), 'd', Math.floor((s % DAY) / HOUR), 'h');
}

function pair(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}

// Clocks of the browser, the dashboard and the nodes drift by a few seconds: within this, "just now".
const SKEW_S = 5;

/** Seconds elapsed → "42 min ago"; a small negative (clock skew) is "just now", a larger one "in 3 min". */
export function formatAgo(elapsedSeconds: number): string {
  if (!Number.isFinite(elapsedSeconds)) return '—';
  if (Math.abs(elapsedSeconds) < SKEW_S) return 'just now';
  return elapsedSeconds < 0 ? `in ${formatDuration(-elapsedSeconds)}` : `${formatDuration(elapsedSeconds)} ago`;
}

/** Age of a unix-seconds timestamp at `nowMs` → "12 min ago". */
export function formatSince(unixSeconds: number, nowMs: number): string {
  return formatAgo(nowMs / 1000 - unixSeconds);
}
