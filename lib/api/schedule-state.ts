/**
 * Every schedule as the schedules answer needs it: the decoded rows (lib/sql/schedules.ts) with
 * their recurrence in words, credentials redacted, the runs' facts, per-schedule freshness
 * (lib/domain/freshness.ts) and the full/incremental pairing.
 */
import { freshnessOf, type FreshnessPolicy } from '../domain/freshness';
import { expectedIntervalS, recurrenceText } from '../domain/recurrence';
import { pairSchedules } from '../domain/schedule-groups';
import type { ParsedCommand } from '../schedules/command';
import { redactStatement, redactUri } from '../schedules/redact';
import { emptyFacts, RUNS_PER_SCHEDULE, runFacts, type RunFacts } from '../schedules/runs';
import { readScheduleRows, type ScheduleRecord } from '../sql/schedules';
import type { Session, SessionInfo } from '../sql/session';
import type { ScheduleRow } from './types/schedules';

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

/** Reads every schedule with its runs and freshness (3 statements + the clock, whatever the count). */
export async function readSchedules(c: Session, info: SessionInfo, policy: FreshnessPolicy): Promise<ScheduleState> {
  const rows = await readScheduleRows(c, info);
  const facts = runFacts(rows.runs, RUNS_PER_SCHEDULE);
  const schedules = rows.schedules.map((r) => toFacts(r, facts.get(r.id) ?? emptyFacts(), rows.nowMs, policy));
  const pairs = pairSchedules(schedules.map((s) => ({ ...s.row, unpause_on_success: s.command.unpause_on_success })));
  for (const s of schedules) s.row.paired_with = pairs.get(s.row.id) ?? null;
  return { nowMs: rows.nowMs, schedules, sql: rows.sql };
}

function toFacts(r: ScheduleRecord, f: RunFacts, nowMs: number, policy: FreshnessPolicy): ScheduleFacts {
  const interval = expectedIntervalS(r.recurrence);
  const paused = (r.schedule_status ?? '').toUpperCase() === 'PAUSED';
  const row: ScheduleRow = {
    id: r.id,
    label: r.label,
    schedule_status: r.schedule_status,
    next_run: r.next_run,
    state: r.state,
    recurrence: r.recurrence,
    recurrence_text: recurrenceText(r.recurrence),
    jobsrunning: r.jobsrunning,
    owner: r.owner,
    created: r.created,
    on_previous_running: r.on_previous_running,
    on_execution_failure: r.on_execution_failure,
    command: r.command.statement === null ? null : redactStatement(r.command.statement),
    backup_type: r.backup_type,
    collection: r.rawCollection === null ? null : redactUri(r.rawCollection),
    paired_with: null,
    last_success: f.lastSuccess,
    last_failure: f.lastFailure,
    freshness: freshnessOf({ lastSuccessMs: f.lastSuccess === null ? null : Date.parse(f.lastSuccess), lastSuccess: f.lastSuccess, intervalS: interval, paused, nowMs }, policy),
    runs: f.runs,
  };
  return { row, command: r.command, rawCollection: r.rawCollection };
}
