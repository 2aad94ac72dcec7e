/**
 * Job statuses and how the UI names them. CockroachDB pkg/jobs/jobs.go lists the statuses; the SHOW
 * JOBS docs (v23.2–v26.2) add `retry-running` and `retry-reverting`. `Terminal()` is failed | succeeded
 * | canceled | revert-failed. A status text may carry more than the status (v26.1 #158350 shows a pause
 * reason; its release note says "status field", the PR running_status), so statuses are matched by prefix.
 */
export const JOB_STATUSES = [
  'pending',
  'running',
  'retry-running',
  'paused',
  'pause-requested',
  'failed',
  'succeeded',
  'canceled',
  'cancel-requested',
  'reverting',
  'retry-reverting',
  'revert-failed',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Not a CockroachDB status: a running job whose execution_errors is not empty (it hit retryable errors). */
export const RETRYING = 'retrying';
/** What the `status` filter accepts: CockroachDB's statuses plus `retrying`. */
export const STATUS_FILTERS = [...JOB_STATUSES, RETRYING] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const TERMINAL: readonly string[] = ['failed', 'succeeded', 'canceled', 'revert-failed'];

/** The known status a status text starts with ("paused: out of disk" → paused); null when unknown. */
export function baseStatus(status: string | null | undefined): JobStatus | null {
  if (!status) return null;
  const s = status.trim().toLowerCase();
  // Longest first, so "pause-requested" is not read as "pause…" of something shorter.
  const hit = [...JOB_STATUSES].sort((a, b) => b.length - a.length).find((k) => s === k || s.startsWith(`${k}:`) || s.startsWith(`${k} `));
  return hit ?? null;
}

export function isTerminal(status: string | null | undefined): boolean {
  const b = baseStatus(status);
  return b !== null && TERMINAL.includes(b);
}

export type StatusTone = 'ok' | 'running' | 'warn' | 'critical' | 'neutral';

export interface StatusDisplay {
  /** What the badge says: the status, or "retrying". */
  label: string;
  tone: StatusTone;
  /** Hover text: what it means for the operator. */
  explain: string;
}

const EXPLAIN: Record<JobStatus, [StatusTone, string]> = {
  pending: ['neutral', 'waiting for a node to claim it'],
  running: ['running', 'running'],
  'retry-running': ['warn', 'retrying: running again after a retryable error (SHOW JOBS docs: "Job is retrying another job that failed")'],
  paused: ['warn', 'paused: it makes no progress and may hold a protected timestamp until resumed or canceled'],
  'pause-requested': ['warn', 'a pause was requested; it moves to paused once the node running it registers the request'],
  failed: ['critical', 'failed; see the error'],
  succeeded: ['ok', 'succeeded'],
  canceled: ['neutral', 'canceled'],
  'cancel-requested': ['warn', 'a cancel was requested; it reverts, then becomes canceled'],
  reverting: ['warn', 'reverting after a failure or a cancel'],
  'retry-reverting': ['warn', 'the retry failed or was canceled and its changes are being reverted (SHOW JOBS docs)'],
  'revert-failed': ['critical', 'reverting failed: it is necessary to clean up manually (CockroachDB docs, SHOW JOBS)'],
};

/**
 * The badge for a job. A running job with execution errors shows as "retrying": CockroachDB keeps it
 * `running` while it backs off and retries (jobs.registry.retry.*), which hides exactly what on-call
 * needs to see.
 */
export function statusDisplay(status: string | null | undefined, executionErrors?: readonly string[] | null): StatusDisplay {
  const b = baseStatus(status);
  if (b === null) return { label: status || '—', tone: 'neutral', explain: status ? `status "${status}"` : 'no status' };
  if (b === 'running' && executionErrors && executionErrors.length > 0) {
    const n = executionErrors.length;
    return { label: RETRYING, tone: 'warn', explain: `running, after ${n} retryable error${n === 1 ? '' : 's'}; the latest: ${executionErrors[n - 1]}` };
  }
  const [tone, explain] = EXPLAIN[b];
  // Keep a reason CockroachDB appended (v26.1+) visible.
  return { label: status && status !== b ? status : b, tone, explain };
}
