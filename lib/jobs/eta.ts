/**
 * Time left for a running job, from its progress rate since it started: the same linear estimate
 * DB Console's jobs page shows. Under 5 % the rate is mostly start-up cost, so no estimate.
 */
import { formatDuration } from '../format/duration';
import { baseStatus } from './statuses';

export const MIN_FRACTION_FOR_ETA = 0.05;

export interface EtaInput {
  status: string | null;
  fraction_completed: number | null;
  /** ISO-8601; 25.3+ has no `started` in SHOW JOBS (a duplicate of created), so callers pass created then. */
  started: string | null;
  nowMs: number;
}

/** Seconds left, or null when no honest estimate exists (not running, too early, no start time). */
export function etaSeconds({ status, fraction_completed: f, started, nowMs }: EtaInput): number | null {
  if (baseStatus(status) !== 'running' || f === null || !Number.isFinite(f)) return null;
  if (f < MIN_FRACTION_FOR_ETA || f >= 1 || !started) return null;
  const start = Date.parse(started);
  const elapsed = (nowMs - start) / 1000;
  if (!Number.isFinite(start) || elapsed <= 0) return null;
  return (elapsed * (1 - f)) / f;
}

/** "about 12 min", "less than a minute"; null when there is no estimate. */
export function formatEta(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 60) return 'less than a minute';
  return `about ${formatDuration(seconds)}`;
}
