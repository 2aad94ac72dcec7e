/**
 * What happened to a demo cluster before it started: the "story" its pages tell. The classic story
 * (the single built-in demo, and `demo` in the fleet) has a forgotten paused schedule, a paused
 * backup holding an ageing protected timestamp and a restore in flight; a fleet adds a healthy
 * production cluster (none of that, and no random backup failures) and a staging cluster whose
 * bucket credentials were revoked hours ago. Pure data; the model scripts it.
 */
export interface DemoStory {
  /** Schedules with `pausedDaysAgo` in the scenario are paused (payroll_weekly, nine days ago). */
  forgottenPause: boolean;
  /** A manual backup paused WITH REASON, holding its protected timestamp. */
  pausedBackup: boolean;
  /** A restore started 35 minutes before the epoch. */
  restoreInFlight: boolean;
  /** Share of scheduled backups that fail at random (CockroachDB clusters see the odd failure). */
  scheduledFailureRate: number;
  /** Now and then a run crawls and overruns its cadence (skipped rounds); a healthy cluster's runs fit. */
  overruns: boolean;
  /** Backups of this schedule fail from `hoursBeforeStart` before the cluster started, with `error`. */
  failing: { label: string; hoursBeforeStart: number; error: string } | null;
}

export const CLASSIC_STORY: DemoStory = { forgottenPause: true, pausedBackup: true, restoreInFlight: true, scheduledFailureRate: 0.035, overruns: true, failing: null };

export const HEALTHY_STORY: DemoStory = { forgottenPause: false, pausedBackup: false, restoreInFlight: false, scheduledFailureRate: 0, overruns: false, failing: null };
