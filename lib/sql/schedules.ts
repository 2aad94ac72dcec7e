/**
 * The schedules page and one schedule: SHOW SCHEDULES (every schedule), SHOW SCHEDULES FOR BACKUP
 * (full/incremental), the runs of every schedule in one statement, and per-schedule freshness with
 * the cluster metric beside it. Read-only pooled session, parameterised statements.
 */
import type pg from 'pg';
import { staticConfig, type ClusterConfig } from '../config';
import { disagreement, freshnessHistory, freshnessOf, type FreshnessPolicy } from '../domain/freshness';
import { expectedIntervalS, recurrenceText } from '../domain/recurrence';
import { groupSchedules, pairSchedules } from '../domain/schedule-groups';
import { ApiError } from '../errors';
import { toJobRow } from '../jobs/job-row';
import { backupOptions, collectionOf, parseCommand, type ParsedCommand } from '../schedules/command';
import { metricSignal } from '../schedules/metric-signal';
import { redactStatement, redactUri } from '../schedules/redact';
import { emptyFacts, RUNS_PER_SCHEDULE, RUNS_WINDOW_DAYS, runFacts, runsStatement, type RunFacts, type RunRow } from '../schedules/runs';
import type { ScheduleDetail, ScheduleRow, SchedulesPage } from '../schedules/types';
import { inlineParams } from './jobs-sql';
import { isoTimestamp, rawTimestamps } from './pg-types';
import { withReadOnly, type Session } from './session';

const JSON_OID = 114;
const JSONB_OID = 3802;
/** Timestamps as text (pg-types.ts) and JSON as text: `command` holds INT8 ids that JSON.parse would round. */
export const rawTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === JSON_OID || oid === JSONB_OID) return (v: string) => v;
    return rawTimestamps.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const int = (v: unknown): number | null => (v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** One SHOW SCHEDULES row with what the dashboard derives from its command. */
export interface ScheduleFacts {
  row: ScheduleRow;
  command: ParsedCommand;
  /** The collection exactly as SHOW SCHEDULES printed it (usable in SHOW BACKUPS IN); row.collection is redacted. */
  rawCollection: string | null;
}

export interface ScheduleState {
  nowMs: number;
  schedules: ScheduleFacts[];
  sql: string[];
}

/** The cluster's clock: the jobs' `finished` and the gauge are stamped by it, and the demo's may be frozen or fast. */
async function clusterNow(c: Session): Promise<number> {
  const r = await c.query<{ now: string }>({ text: 'SELECT now() AS now', types: rawTypes });
  const ms = Date.parse(isoTimestamp(r.rows[0]?.now) ?? '');
  return Number.isFinite(ms) ? ms : Date.now();
}

/** Reads every schedule with its runs and freshness (3 statements + the clock, whatever the count). */
export async function readSchedules(c: Session, policy: FreshnessPolicy): Promise<ScheduleState> {
  const nowMs = await clusterNow(c);
  const all = await c.query({ text: 'SHOW SCHEDULES', types: rawTypes });
  // backup_type exists from v23.2 (#102890); before, the JSON's backup_type (or the statement) says it.
  const forBackup = await c.query({ text: 'SHOW SCHEDULES FOR BACKUP', types: rawTypes });
  const backupType = new Map<string, string | null>(forBackup.rows.map((r: Record<string, unknown>) => [String(r.id), str(r.backup_type)]));
  const q = runsStatement(RUNS_PER_SCHEDULE, RUNS_WINDOW_DAYS);
  const runs = await c.query({ text: q.text, values: q.values, types: rawTypes });
  const facts = runFacts(
    runs.rows.map((r: Record<string, unknown>) => ({
      schedule_id: String(r.schedule_id),
      rn: Number(r.rn),
      job_id: String(r.job_id),
      status: str(r.status),
      created: isoTimestamp(r.created),
      finished: isoTimestamp(r.finished),
      error: str(r.error),
    })) satisfies RunRow[],
    RUNS_PER_SCHEDULE,
  );
  const schedules = all.rows.map((r: Record<string, unknown>) => toFacts(r, backupType, facts.get(String(r.id)) ?? emptyFacts(), nowMs, policy));
  const pairs = pairSchedules(schedules.map((s) => ({ ...s.row, unpause_on_success: s.command.unpause_on_success })));
  for (const s of schedules) s.row.paired_with = pairs.get(s.row.id) ?? null;
  return { nowMs, schedules, sql: ['SHOW SCHEDULES', 'SHOW SCHEDULES FOR BACKUP', inlineParams(q)] };
}

function toFacts(r: Record<string, unknown>, backupType: Map<string, string | null>, f: RunFacts, nowMs: number, policy: FreshnessPolicy): ScheduleFacts {
  const id = String(r.id);
  const command = parseCommand(r.command);
  const rawCollection = collectionOf(command.statement);
  const recurrence = str(r.recurrence);
  const interval = expectedIntervalS(recurrence);
  const paused = (str(r.schedule_status) ?? '').toUpperCase() === 'PAUSED';
  const row: ScheduleRow = {
    id,
    label: str(r.label),
    schedule_status: str(r.schedule_status),
    next_run: isoTimestamp(r.next_run),
    state: str(r.state),
    recurrence,
    recurrence_text: recurrenceText(recurrence),
    jobsrunning: int(r.jobsrunning),
    owner: str(r.owner),
    created: isoTimestamp(r.created),
    on_previous_running: str(r.on_previous_running),
    on_execution_failure: str(r.on_execution_failure),
    command: command.statement === null ? null : redactStatement(command.statement),
    backup_type: backupType.get(id) ?? command.backup_type,
    collection: rawCollection === null ? null : redactUri(rawCollection),
    paired_with: null,
    last_success: f.lastSuccess,
    last_failure: f.lastFailure,
    freshness: freshnessOf({ lastSuccessMs: f.lastSuccess === null ? null : Date.parse(f.lastSuccess), lastSuccess: f.lastSuccess, intervalS: interval, paused, nowMs }, policy),
    runs: f.runs,
  };
  return { row, command, rawCollection };
}

export async function listSchedules(cluster: ClusterConfig): Promise<SchedulesPage> {
  const policy = staticConfig().freshness;
  const state = await withReadOnly(cluster, 'listing schedules', (c) => readSchedules(c, policy));
  const rows = state.schedules.map((s) => s.row);
  const groups = groupSchedules(rows, state.nowMs, policy);
  const metric = await metricSignal(cluster, state, groups, policy);
  const backupGroups = groups.filter((g) => g.schedule_ids.some((id) => rows.find((r) => r.id === id)?.backup_type !== null));
  return {
    cluster: cluster.id,
    generated_at: new Date(state.nowMs).toISOString(),
    schedules: rows,
    groups,
    metric,
    disagreement: disagreement(metric, backupGroups),
    sql: state.sql,
  };
}

/** How many jobs the detail page reads (both schedules of the pair). */
export const DETAIL_JOBS = 200;

export async function getSchedule(cluster: ClusterConfig, id: string): Promise<ScheduleDetail> {
  const policy = staticConfig().freshness;
  return withReadOnly(cluster, `reading schedule ${id}`, async (c) => {
    const state = await readSchedules(c, policy);
    const me = state.schedules.find((s) => s.row.id === id);
    if (!me) throw new ApiError('not_found', `no schedule ${id} on cluster "${cluster.id}" (SHOW SCHEDULES does not list it)`);
    const pair = me.row.paired_with ? (state.schedules.find((s) => s.row.id === me.row.paired_with) ?? null) : null;
    const ids = pair ? [me.row.id, pair.row.id] : [me.row.id];
    // SHOW JOBS FOR SCHEDULES has no 12 h filter (reference §c.1); [ ] bounds and orders it.
    const text = `SELECT * FROM [SHOW JOBS FOR SCHEDULES SELECT unnest($1::INT8[])] ORDER BY created DESC LIMIT ${DETAIL_JOBS}`;
    const jobs = await c.query({ text, values: [ids], types: rawTypes });
    const jobRows = jobs.rows.map((r: Record<string, unknown>) => toJobRow(r, isoTimestamp));
    const successes = jobRows.filter((j) => j.status === 'succeeded' && j.finished).map((j) => Date.parse(j.finished as string));
    const options = [
      ...backupOptions(me.command.statement),
      ...(me.row.on_previous_running ? [{ name: 'on_previous_running', value: me.row.on_previous_running }] : []),
      ...(me.row.on_execution_failure ? [{ name: 'on_execution_failure', value: me.row.on_execution_failure }] : []),
      ...(me.command.updates_metric ? [{ name: 'updates_cluster_last_backup_time_metric', value: 'true' }] : []),
    ];
    const oldest = jobRows.at(-1)?.created;
    return {
      schedule: me.row,
      pair: pair?.row ?? null,
      options,
      jobs: jobRows,
      freshness_history: freshnessHistory(successes, oldest ? Date.parse(oldest) : state.nowMs - 86_400_000, state.nowMs),
      sql: [...state.sql, `SELECT * FROM [SHOW JOBS FOR SCHEDULES SELECT unnest(ARRAY[${ids.join(', ')}]::INT8[])] ORDER BY created DESC LIMIT ${DETAIL_JOBS}`],
    };
  });
}
