/**
 * The finished RESTORE jobs whose throughput estimates a restore time (lib/api/backup-restore.ts):
 * the newest RESTORE_SAMPLES within the 14 days CockroachDB keeps jobs, one bounded statement
 * (crdb_internal.jobs; where internals are restricted, SHOW JOB's long form of what SHOW JOBS lists, 12 h).
 */
import { isoTimestamp, rawTypes } from './pg-types';
import { withInternals, type Session, type SessionInfo } from './session';

/** Finished restores looked at for the throughput. */
export const RESTORE_SAMPLES = 20;

const RESTORES_INTERNAL = `SELECT job_id, description, created, finished FROM crdb_internal.jobs
WHERE job_type = 'RESTORE' AND status = 'succeeded' AND finished > now() - '14 days'::INTERVAL
ORDER BY finished DESC LIMIT ${RESTORE_SAMPLES}`;
// Full descriptions: SHOW JOBS' listing shortens them (v24.1+), SHOW JOB's long form does not.
const RESTORES_SHOW = `SELECT job_id, description, created, finished FROM [SHOW JOBS SELECT job_id FROM [SHOW JOBS] WHERE job_type = 'RESTORE' AND status = 'succeeded']
ORDER BY finished DESC LIMIT ${RESTORE_SAMPLES}`;

export interface FinishedRestore {
  job_id: string;
  description: string | null;
  created: string | null;
  finished: string | null;
}

export interface FinishedRestores {
  rows: FinishedRestore[];
  sql: string;
  /** Why they could not be read (a privilege, a timeout); the rest of the answer stands. */
  error: string | null;
}

export async function readFinishedRestores(c: Session, info: SessionInfo): Promise<FinishedRestores> {
  const decode = (rows: Record<string, unknown>[]) =>
    rows.map((r) => ({ job_id: String(r.job_id), description: r.description === null ? null : String(r.description), created: isoTimestamp(r.created), finished: isoTimestamp(r.finished) }));
  try {
    return await withInternals(
      info,
      async () => ({ rows: decode((await c.query({ text: RESTORES_INTERNAL, types: rawTypes })).rows as Record<string, unknown>[]), sql: RESTORES_INTERNAL, error: null }),
      async () => ({ rows: decode((await c.query({ text: RESTORES_SHOW, types: rawTypes })).rows as Record<string, unknown>[]), sql: RESTORES_SHOW, error: null }),
    );
  } catch (err) {
    // A lost connection fails the request; anything else only loses the estimate.
    if (((err as { code?: string }).code ?? '').startsWith('08')) throw err;
    return { rows: [], sql: RESTORES_INTERNAL, error: (err as Error).message ?? String(err) };
  }
}
