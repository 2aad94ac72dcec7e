/**
 * PAUSE / RESUME / CANCEL JOB: the only statements the dashboard runs that change anything, and only
 * with ENABLE_JOB_CONTROL=true. CockroachDB's own error (e.g. a job not in a state that allows the
 * action, or a missing CONTROLJOB) is passed on verbatim.
 */
import type { ClusterConfig } from '../config';
import { ApiError } from '../errors';
import { ACTION_INFO, controlStatement, type JobAction } from '../jobs/control-actions';
import { jobControlEnabled } from '../jobs/control-env';
import { runWriting, withReadOnly } from './session';

export interface ControlOutcome {
  job_id: string;
  action: JobAction;
  /** The statement as the operator would type it. */
  statement: string;
  /** CockroachDB's command tag as the driver reads it (pg keeps the first word of "PAUSE JOBS 1"). */
  command: string;
  /** The job's status right after the statement (e.g. pause-requested), as SHOW JOB shows it. */
  status: string | null;
}

export async function controlJob(cluster: ClusterConfig, jobId: string, action: JobAction): Promise<ControlOutcome> {
  if (!jobControlEnabled()) throw new ApiError('job_control_disabled', 'job control is off on this dashboard (set ENABLE_JOB_CONTROL=true to allow PAUSE/RESUME/CANCEL JOB)');
  const statement = controlStatement(action, jobId);
  try {
    return await withReadOnly(cluster, `running ${statement}`, async (c) => {
      const r = await runWriting(c, `${ACTION_INFO[action].verb} $1`, [jobId]);
      // SHOW JOB, not crdb_internal.jobs: supported, so it reads back where internals are restricted (v26.1+).
      const after = await c.query<{ status: string | null }>('SELECT status FROM [SHOW JOB $1]', [jobId]);
      return { job_id: jobId, action, statement, command: r.command ?? ACTION_INFO[action].verb, status: after.rows[0]?.status ?? null };
    });
  } catch (err) {
    if (err instanceof ApiError && err.code === 'sql_error') throw new ApiError('job_control_failed', err.message, err.cause);
    throw err;
  }
}
