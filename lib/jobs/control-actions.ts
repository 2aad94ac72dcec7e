/** The job-control actions, the statements they run and what they do (shown in the confirmation). */
export const JOB_ACTIONS = ['pause', 'resume', 'cancel'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/** The statement each action runs and what it does, for the confirmation dialog (CRDB docs pause-job / resume-job / cancel-job). */
export const ACTION_INFO: Record<JobAction, { verb: string; consequence: string }> = {
  pause: {
    verb: 'PAUSE JOB',
    consequence: 'The job stops making progress (pause-requested, then paused) and keeps its protected timestamp, so garbage collection stays held back until it is resumed or canceled.',
  },
  resume: { verb: 'RESUME JOB', consequence: 'The paused job is picked up again by a node and continues from its last checkpoint.' },
  cancel: {
    verb: 'CANCEL JOB',
    consequence: 'The job is canceled and reverts what it did; this cannot be undone. A canceled backup must be started again from the beginning.',
  },
};

export function controlStatement(action: JobAction, jobId: string): string {
  return `${ACTION_INFO[action].verb} ${jobId}`;
}

/** Which actions CockroachDB accepts in which status (CRDB pkg/sql/delegate/job_control.go). */
export const ALLOWED_IN: Record<JobAction, readonly string[]> = {
  pause: ['pending', 'running', 'reverting'],
  resume: ['paused'],
  cancel: ['pending', 'running', 'paused'],
};
