/** `GET /api/v1/clusters/{c}/job-events`: the chart markers' shapes. */

export const JOB_EVENT_KINDS = ['start', 'success', 'failure'] as const;
export type JobEventKind = (typeof JOB_EVENT_KINDS)[number];

export interface JobEvent {
  job_id: string;
  kind: JobEventKind;
  /** Unix ms. */
  t_ms: number;
  job_type: string | null;
  /** The node that coordinated the job: the one whose counters moved. */
  coordinator_id: number | null;
  description: string | null;
  /** The job's error, on failure events only. */
  error: string | null;
  /** The job's status now (says "canceled" or "revert-failed" where `kind` says failure). */
  status: string | null;
}

/** `GET /api/v1/clusters/{c}/job-events`. */
export interface JobEventsAnswer {
  events: JobEvent[];
  /** Some events were left out (more than the route's bound, or more jobs than one statement reads). */
  truncated: boolean;
  /** The statements that ran, parameters written in; null when no SQL is configured. */
  sql: string | null;
  /** false: the cluster has no SQL URL, so there are no events to show (not an error). */
  sql_configured: boolean;
  /** What the events cannot include here (e.g. ad-hoc jobs older than 12 h without allow_unsafe_internals). */
  unavailable?: string[];
}

