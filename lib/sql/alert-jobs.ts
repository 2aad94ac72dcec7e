/**
 * The jobs the alert rules watch: unfinished BACKUP and RESTORE jobs (stuck ones) and revert-failed
 * ones. From `[SHOW JOBS]`: it lists every unfinished job plus those finished in the last 12 h,
 * which is the window that matters for an alert, and it is a SHOW statement, which CockroachDB keeps
 * working where crdb_internal is restricted (v26.1+, reference §e). Bounded, read-only, timed out.
 */
import type { ClusterConfig } from '../config';
import type { JobRow } from '../api/types/jobs';
import { toJobRow } from '../jobs/job-row';
import { isoTimestamp, rawTypes } from './pg-types';
import { withReadOnly } from './session';

/** More than this many unfinished backups and restores at once is not a shape any real cluster has; the rest are not judged. */
export const ALERT_JOBS_LIMIT = 500;

export const ALERT_JOBS_SQL =
  `SELECT job_id, job_type, description, user_name, status, running_status, created, finished, modified, fraction_completed, error, coordinator_id` +
  ` FROM [SHOW JOBS] WHERE job_type IN ('BACKUP', 'RESTORE')` +
  ` AND (status IN ('running', 'retry-running', 'pending', 'reverting', 'retry-reverting', 'revert-failed') OR status LIKE 'paused%')` +
  ` ORDER BY created DESC LIMIT ${ALERT_JOBS_LIMIT}`;

export async function readAlertJobs(cluster: ClusterConfig): Promise<JobRow[]> {
  return withReadOnly(cluster, 'reading jobs for alerts', async (c) => {
    const r = await c.query({ text: ALERT_JOBS_SQL, types: rawTypes });
    return r.rows.map((x: Record<string, unknown>) => toJobRow(x, isoTimestamp));
  });
}
