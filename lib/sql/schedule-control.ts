/**
 * PAUSE / RESUME SCHEDULE, behind the same opt-in as job control (ENABLE_JOB_CONTROL=true) and the
 * same confirmation in the UI. CockroachDB's own refusal (e.g. no privilege on the schedule) is
 * passed on verbatim. Pausing a schedule stops new runs only; a job already running keeps running.
 */
import type { ClusterConfig } from '../config';
import { ApiError } from '../errors';
import { jobControlEnabled } from '../jobs/control-env';
import { runWriting, withReadOnly } from './session';

export const SCHEDULE_ACTIONS = ['pause', 'resume'] as const;
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number];

/** The statement each action runs and what it does, for the confirmation (CRDB docs pause-schedules / resume-schedules). */
export const SCHEDULE_ACTION_INFO: Record<ScheduleAction, { verb: string; consequence: string }> = {
  pause: {
    verb: 'PAUSE SCHEDULE',
    consequence:
      'No new backup starts until the schedule is resumed; its backups get older every hour it stays paused (a forgotten pause is a classic outage). A job already running is not paused.',
  },
  resume: { verb: 'RESUME SCHEDULE', consequence: 'The schedule runs again at its next recurrence; CockroachDB recomputes next_run.' },
};

export interface ScheduleControlOutcome {
  schedule_id: string;
  action: ScheduleAction;
  statement: string;
  /** The command tag as the driver reads it. */
  command: string;
  /** schedule_status right after the statement (ACTIVE / PAUSED), or null when SHOW SCHEDULE no longer finds it. */
  schedule_status: string | null;
}

export async function controlSchedule(cluster: ClusterConfig, id: string, action: ScheduleAction): Promise<ScheduleControlOutcome> {
  if (!jobControlEnabled()) throw new ApiError('job_control_disabled', 'schedule control is off on this dashboard (set ENABLE_JOB_CONTROL=true to allow PAUSE/RESUME SCHEDULE)');
  const { verb } = SCHEDULE_ACTION_INFO[action];
  const statement = `${verb} ${id}`;
  try {
    return await withReadOnly(cluster, `running ${statement}`, async (c) => {
      const before = await c.query<{ id: string }>('SHOW SCHEDULE $1', [id]);
      if (before.rows.length === 0) throw new ApiError('not_found', `no schedule ${id} on cluster "${cluster.id}"`);
      const r = await runWriting(c, `${verb} $1`, [id]);
      const after = await c.query<{ schedule_status: string | null }>('SHOW SCHEDULE $1', [id]);
      return { schedule_id: id, action, statement, command: r.command ?? verb, schedule_status: after.rows[0]?.schedule_status ?? null };
    });
  } catch (err) {
    if (err instanceof ApiError && err.code === 'sql_error') throw new ApiError('job_control_failed', err.message, err.cause);
    throw err;
  }
}
