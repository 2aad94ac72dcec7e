/**
 * The statements the job page offers to copy: only those that can apply to the job as it is now.
 * PAUSE/RESUME/CANCEL JOB only in the statuses CockroachDB accepts them (ALLOWED_IN); a finished job
 * gets SHOW JOB and, when it failed or was canceled, what would redo its work: a RESTORE's own
 * statement, or for a scheduled backup the schedule's `ALTER BACKUP SCHEDULE … EXECUTE [FULL]
 * IMMEDIATELY` (CRDB docs alter-backup-schedule.md: "run immediately"; EXECUTE IMMEDIATELY on a
 * full/incremental pair runs the incremental, EXECUTE FULL IMMEDIATELY the full; only for an active
 * schedule), and for any backup the statement to run by hand. Pure.
 */
import { ALLOWED_IN, controlStatement, JOB_ACTIONS } from './control-actions';
import { baseStatus } from './statuses';

export interface OfferedStatement {
  sql: string;
  /** What it does, in a few words. */
  note: string;
}

export interface OfferInput {
  job_id: string;
  job_type: string | null;
  status: string | null;
  description: string | null;
  /** SHOW JOB's `statement` column (long form; absent on some versions). */
  statement: string | null;
  schedule: { id: string; schedule_status: string | null } | null;
}

/** A scheduled run's description pins AS OF SYSTEM TIME to its scheduled time: a re-run takes now. */
export function withoutAsOf(stmt: string): string {
  return stmt.replace(/\s+AS OF SYSTEM TIME\s+('(?:[^']|'')*'|\S+)/i, '');
}

export function offeredStatements(j: OfferInput): OfferedStatement[] {
  const out: OfferedStatement[] = [{ sql: `SHOW JOB ${j.job_id};`, note: 'the job as CockroachDB reports it now' }];
  const base = baseStatus(j.status) ?? '';
  for (const a of JOB_ACTIONS) {
    if (ALLOWED_IN[a].includes(base)) out.push({ sql: `${controlStatement(a, j.job_id)};`, note: `applies while the job is ${base}` });
  }
  if (base !== 'failed' && base !== 'canceled' && base !== 'revert-failed') return out;
  // SHOW JOB's `statement` may be empty (scheduled jobs): the description is the statement then.
  const own = (j.statement?.trim() || j.description?.trim() || '').replace(/;$/, '') || null;
  const type = (j.job_type ?? '').toUpperCase();
  if (type === 'RESTORE' && own) {
    out.push({ sql: `${own};`, note: 'runs the restore again as a new job (fix the cause first: e.g. drop what the failed run left behind)' });
  }
  if (type === 'BACKUP') {
    if (j.schedule) {
      // An incremental appends to a chain: `INTO LATEST IN '<collection>'`, or (as a scheduled run's
      // description prints it) `INTO '<subdir>' IN '<collection>'`; a full is `INTO '<collection>'`.
      const full = own !== null && !/\bINTO\s+(?:LATEST|'(?:[^']|'')*')\s+IN\b/i.test(own);
      const paused = (j.schedule.schedule_status ?? '').toUpperCase() === 'PAUSED';
      if (paused) out.push({ sql: `RESUME SCHEDULE ${j.schedule.id};`, note: 'the schedule is paused: EXECUTE IMMEDIATELY only works on an active schedule' });
      out.push({
        sql: `ALTER BACKUP SCHEDULE ${j.schedule.id} EXECUTE ${full ? 'FULL ' : ''}IMMEDIATELY;`,
        note: full ? "runs the schedule's full backup now (a new job of the schedule)" : 'runs the schedule now (for a full/incremental pair, the incremental)',
      });
    }
    if (own) out.push({ sql: `${withoutAsOf(own)};`, note: j.schedule ? 'or by hand, outside the schedule (a new job, AS OF now)' : 'runs the backup again by hand (a new job)' });
  }
  return out;
}
