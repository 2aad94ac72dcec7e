/**
 * The schedules' statements, decoded: SHOW SCHEDULES (every schedule), SHOW SCHEDULES FOR BACKUP
 * (full/incremental), the runs of every schedule in one statement, the cluster's clock, and one
 * schedule pair's jobs. Rows only: freshness, grouping and the metric signal are composed in
 * lib/api/schedules.ts. Read-only pooled session, parameterised statements.
 */
import type { JobRow } from '../api/types/jobs';
import { toJobRow } from '../jobs/job-row';
import { collectionOf, parseCommand, type ParsedCommand } from '../schedules/command';
import { RUNS_PER_SCHEDULE, RUNS_WINDOW_DAYS, runsStatement, runsStatementFromShow, type RunRow } from '../schedules/runs';
import { inlineParams } from './jobs-sql';
import { isoTimestamp, rawTypes } from './pg-types';
import { withInternals, type Session, type SessionInfo } from './session';

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const int = (v: unknown): number | null => (v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** One SHOW SCHEDULES row, its columns by name (a column this version lacks is null), its command decoded. */
export interface ScheduleRecord {
  id: string;
  label: string | null;
  schedule_status: string | null;
  next_run: string | null;
  state: string | null;
  recurrence: string | null;
  jobsrunning: number | null;
  owner: string | null;
  created: string | null;
  on_previous_running: string | null;
  on_execution_failure: string | null;
  /** SHOW SCHEDULES FOR BACKUP's backup_type (v23.2+, #102890), else what the command says. */
  backup_type: string | null;
  command: ParsedCommand;
  /** The collection exactly as SHOW SCHEDULES printed it (usable in SHOW BACKUPS IN); never shown unredacted. */
  rawCollection: string | null;
}

export interface ScheduleRows {
  /** The cluster's clock: the jobs' `finished` and the gauge are stamped by it, and the demo's may be frozen or fast. */
  nowMs: number;
  schedules: ScheduleRecord[];
  /** The runs of every schedule (runsStatement), newest first per schedule. */
  runs: RunRow[];
  sql: string[];
}

export async function clusterNow(c: Session): Promise<number> {
  const r = await c.query<{ now: string }>({ text: 'SELECT now() AS now', types: rawTypes });
  const ms = Date.parse(isoTimestamp(r.rows[0]?.now) ?? '');
  return Number.isFinite(ms) ? ms : Date.now();
}

/**
 * Every schedule with its runs: 3 statements and the clock, whatever the count. The runs come from
 * system.jobs + crdb_internal.jobs, or, where the session may not read internals, from SHOW JOBS FOR
 * SCHEDULE of each schedule (same rows, one longer statement).
 */
export async function readScheduleRows(c: Session, info: SessionInfo): Promise<ScheduleRows> {
  const nowMs = await clusterNow(c);
  const all = await c.query({ text: 'SHOW SCHEDULES', types: rawTypes });
  const forBackup = await c.query({ text: 'SHOW SCHEDULES FOR BACKUP', types: rawTypes });
  const backupType = new Map<string, string | null>(forBackup.rows.map((r: Record<string, unknown>) => [String(r.id), str(r.backup_type)]));
  const ids = all.rows.map((r: Record<string, unknown>) => String(r.id));
  const fromShow = () => (ids.length === 0 ? null : runsStatementFromShow(ids, RUNS_PER_SCHEDULE, RUNS_WINDOW_DAYS));
  let q: { text: string; values: unknown[] } | null = runsStatement(RUNS_PER_SCHEDULE, RUNS_WINDOW_DAYS);
  const runs = await withInternals(
    info,
    () => c.query({ text: q!.text, values: q!.values, types: rawTypes }),
    async () => {
      q = fromShow();
      return q ? c.query({ text: q.text, values: q.values, types: rawTypes }) : { rows: [] };
    },
  );
  return {
    nowMs,
    schedules: all.rows.map((r: Record<string, unknown>) => toRecord(r, backupType)),
    runs: runs.rows.map((r: Record<string, unknown>) => ({
      schedule_id: String(r.schedule_id),
      rn: Number(r.rn),
      job_id: String(r.job_id),
      status: str(r.status),
      created: isoTimestamp(r.created),
      finished: isoTimestamp(r.finished),
      error: str(r.error),
    })),
    sql: ['SHOW SCHEDULES', 'SHOW SCHEDULES FOR BACKUP', ...(q ? [inlineParams(q)] : [])],
  };
}

function toRecord(r: Record<string, unknown>, backupType: Map<string, string | null>): ScheduleRecord {
  const id = String(r.id);
  const command = parseCommand(r.command);
  return {
    id,
    label: str(r.label),
    schedule_status: str(r.schedule_status),
    next_run: isoTimestamp(r.next_run),
    state: str(r.state),
    recurrence: str(r.recurrence),
    jobsrunning: int(r.jobsrunning),
    owner: str(r.owner),
    created: isoTimestamp(r.created),
    on_previous_running: str(r.on_previous_running),
    on_execution_failure: str(r.on_execution_failure),
    backup_type: backupType.get(id) ?? command.backup_type,
    command,
    rawCollection: collectionOf(command.statement),
  };
}

/** How many jobs the detail page reads (both schedules of the pair). */
export const DETAIL_JOBS = 200;

/** The newest jobs of these schedules. SHOW JOBS FOR SCHEDULES has no 12 h filter (reference §c.1); [ ] bounds and orders it. */
export async function readScheduleJobs(c: Session, ids: string[]): Promise<{ jobs: JobRow[]; sql: string }> {
  const text = `SELECT * FROM [SHOW JOBS FOR SCHEDULES SELECT unnest($1::INT8[])] ORDER BY created DESC LIMIT ${DETAIL_JOBS}`;
  const r = await c.query({ text, values: [ids], types: rawTypes });
  return {
    jobs: r.rows.map((x: Record<string, unknown>) => toJobRow(x, isoTimestamp)),
    sql: `SELECT * FROM [SHOW JOBS FOR SCHEDULES SELECT unnest(ARRAY[${ids.join(', ')}]::INT8[])] ORDER BY created DESC LIMIT ${DETAIL_JOBS}`,
  };
}
