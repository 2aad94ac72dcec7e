/**
 * Reading protected timestamp records and their holders. Rows only: holders, orphans and problems are
 * composed in lib/api/protected-timestamps.ts.
 *
 * The records come from `system.protected_ts_records` on every version: `crdb_internal.kv_protected_ts_records`
 * (v23.2+) looks up every record's job or schedule and fails as a whole when one is gone, i.e. exactly
 * when there is an orphan to find (reference §f). Reading the system table needs admin or VIEWSYSTEMTABLE,
 * and on v26.1+ allow_unsafe_internals; no SHOW statement lists the records. The holders come from
 * supported statements: SHOW JOB's long form of the jobs and SHOW SCHEDULES.
 */
import type { PtsTarget } from '../api/types/protected-timestamps';
import { ApiError } from '../errors';
import { decodeMeta, decodeTarget, hlcToMs } from './pts-decode';
import { rawTypes } from './pg-types';
import type { Session, SessionInfo } from './session';
import { mapSqlError } from './sql-errors';

export const PTS_PRIVILEGE_HINT =
  "Reading system.protected_ts_records needs admin or the VIEWSYSTEMTABLE system privilege: GRANT SYSTEM VIEWSYSTEMTABLE TO <the dashboard's user>.";

export const RECORDS_SQL = 'SELECT id::STRING AS id, ts::STRING AS ts, meta_type, meta, verified, target FROM system.protected_ts_records';

export interface PtsRow {
  id: string;
  /** As stored: '<wall nanos>.<logical>'. */
  ts: string;
  wall_ms: number | null;
  meta_type: string;
  holder_id: string | null;
  verified: boolean;
  target: PtsTarget;
}

export interface HolderJob {
  job_id: string;
  job_type: string | null;
  status: string | null;
  running_status: string | null;
  description: string | null;
  coordinator_id: number | null;
  user_name: string | null;
}

export interface HolderSchedule {
  id: string;
  label: string | null;
  schedule_status: string | null;
  recurrence: string | null;
  owner: string | null;
}

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** Every record; a restricted session or a missing privilege is a specific error (this widget only). */
export async function readPtsRecords(c: Session, info: SessionInfo): Promise<PtsRow[]> {
  const doing = 'reading protected timestamp records (system.protected_ts_records)';
  if (info.internals === 'restricted') {
    throw new ApiError(
      'internals_restricted',
      `Reading protected timestamp records (system.protected_ts_records) needs allow_unsafe_internals: ${info.why}; no SHOW statement lists them. ` +
        'Set CRDB_UNSAFE_INTERNALS=auto (the default) or on, or have an administrator run ALTER ROLE <user> SET allow_unsafe_internals = on.',
    );
  }
  let r;
  try {
    r = await c.query({ text: RECORDS_SQL, types: rawTypes });
  } catch (err) {
    throw mapSqlError(err, doing, PTS_PRIVILEGE_HINT);
  }
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    id: String(x.id),
    ts: String(x.ts),
    wall_ms: hlcToMs(x.ts),
    meta_type: String(x.meta_type),
    holder_id: decodeMeta(x.meta),
    verified: x.verified === true || x.verified === 't',
    target: decodeTarget(x.target),
  }));
}

/** The holders' rows as SHOW JOB shows them; a job missing from the answer no longer exists. */
export async function readHolderJobs(c: Session, ids: string[]): Promise<Map<string, HolderJob>> {
  if (ids.length === 0) return new Map();
  const r = await c.query({
    text: 'SELECT job_id, job_type, status, running_status, description, coordinator_id, user_name FROM [SHOW JOBS SELECT unnest($1::INT8[])]',
    values: [ids],
    types: rawTypes,
  });
  return new Map(
    (r.rows as Record<string, unknown>[]).map((x) => [
      String(x.job_id),
      {
        job_id: String(x.job_id),
        job_type: str(x.job_type),
        status: str(x.status),
        running_status: str(x.running_status),
        description: str(x.description),
        coordinator_id: x.coordinator_id === null || x.coordinator_id === undefined ? null : Number(x.coordinator_id),
        user_name: str(x.user_name),
      },
    ]),
  );
}

export async function readHolderSchedules(c: Session): Promise<Map<string, HolderSchedule>> {
  const r = await c.query({ text: 'SELECT id, label, schedule_status, recurrence, owner FROM [SHOW SCHEDULES]', types: rawTypes });
  return new Map(
    (r.rows as Record<string, unknown>[]).map((x) => [
      String(x.id),
      { id: String(x.id), label: str(x.label), schedule_status: str(x.schedule_status), recurrence: str(x.recurrence), owner: str(x.owner) },
    ]),
  );
}

/** The statements, as the page shows them. */
export const HOLDER_SQL = [
  'SELECT job_id, job_type, status, running_status, description, coordinator_id, user_name FROM [SHOW JOBS SELECT unnest(ARRAY[<holder job ids>]::INT8[])]',
  'SELECT id, label, schedule_status, recurrence, owner FROM [SHOW SCHEDULES]',
];
