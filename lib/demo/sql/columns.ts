import { AUTOMATIC_JOB_TYPES, hasStartedColumn, type CrdbVersion } from '../types';

/**
 * Column sets and the SQL that produces them, per emulated CockroachDB version.
 * Everything reads from the PGlite mirror (see mirror.ts): `crdb_internal.jobs` and `system.jobs`
 * are views over `crdb.jobs_t`; `crdb.now()` is the cluster clock.
 *
 * Sources (see /work/shared/reference/cockroachdb.md §c for the version history):
 * - CRDB pkg/sql/delegate/show_jobs.go, 23.x version: one SELECT list for every form,
 *   `job_id … trace_id, last_run, next_run, num_runs, execution_errors`.
 * - CRDB pkg/sql/delegate/show_jobs.go, 24.3-era version (CockroachDB Software License header, still
 *   selects `started`): the listing form (no job ids) selects
 *   `job_id, job_type, <shortened description>, user_name, status, running_status,
 *    date_trunc('second', created|started|finished|modified), fraction_completed, error, coordinator_id`;
 *   the `SHOW JOB(S) <ids>` form selects `description, statement` and appends `trace_id, execution_errors`.
 *   This is release note v24.1.0-beta.1 #121286. The docs say "limited to 100 characters", but the
 *   source shortens descriptions longer than 70 chars to `substr(d, 0, 60) || ' … ' || right(d, 7)`,
 *   so we copy the source expression.
 * - Release notes v25.3 "Removed the 'started' column in SHOW JOBS, which was a duplicate of the
 *   'created' column" → 25.4 = the 24.3 lists without `started`, ordered by `created` instead; 26.1
 *   and 26.2 keep those lists (#159068's resolved timestamp column only comes WITH RESOLVED TIMESTAMP).
 * - Timestamps are TIMESTAMPTZ from v23.2.0-alpha.1 (#108353 jobs, #108290 SHOW BACKUP).
 */

/** `crdb_internal.jobs` columns. CRDB pkg/sql/crdb_internal.go: the 23.x table has the retry columns
 *  (last_run, next_run, num_runs) that SHOW JOBS 23.2 selects; the later TIMESTAMPTZ table (with
 *  INDEX(job_id), INDEX(status), INDEX(job_type)) no longer has them. */
export function internalJobsColumns(v: CrdbVersion): string[] {
  const retry = v === '23.2' ? ['last_run', 'next_run', 'num_runs'] : [];
  return [
    'job_id', 'job_type', 'description', 'statement', 'user_name', 'descriptor_ids', 'status',
    'running_status', 'created', 'started', 'finished', 'modified', 'fraction_completed',
    'high_water_timestamp', 'error', 'coordinator_id', 'trace_id', ...retry, 'execution_errors',
    'execution_events',
  ];
}

/**
 * system.jobs (a view over crdb.jobs_t) and the indexes that stand in for its own. CockroachDB's table:
 * PRIMARY KEY (id), jobs_status_created_idx (status, created), jobs_created_by_type_created_by_id_idx
 * (created_by_type, created_by_id) STORING (status), jobs_run_stats_idx (claim_session_id, status,
 * created) (pkg/sql/catalog/systemschema); `created` is a TIMESTAMP (not TZ). From 25.1 the table also
 * holds `finished` (crdb_internal.go reads j.finished, j.description, j.owner, j.error_msg there).
 * Postgres cannot split `status IN (…) ORDER BY created LIMIT n` into one limited span per status as
 * CockroachDB's optimizer does, so an index on created alone gives the demo the same cost shape.
 * No ORDER BY in the view: it would keep Postgres from reading those indexes in created order.
 */
export function systemJobsSql(v: CrdbVersion): string[] {
  const finished = v >= '25.1' ? ', finished' : '';
  return [
    `CREATE INDEX ON crdb.jobs_t (status, (created AT TIME ZONE 'UTC'), job_id)`,
    `CREATE INDEX ON crdb.jobs_t ((created AT TIME ZONE 'UTC'), job_id)`,
    `CREATE VIEW system.jobs AS SELECT job_id AS id, status, (created AT TIME ZONE 'UTC') AS created,
      created_by_type, created_by_id, coordinator_id AS claim_instance_id, job_type${finished} FROM crdb.jobs_t`,
  ];
}

const AUTOMATIC_LIST = AUTOMATIC_JOB_TYPES.map((t) => `'${t}'`).join(', ');
const AGE_FILTER = `(finished IS NULL OR finished > crdb.now() - '12h'::interval)`;
const trunc = (c: string) => `date_trunc('second', ${c}) AS ${c}`;
const SHORT_DESCRIPTION =
  `CASE WHEN length(description) > 70 THEN concat(substr(description, 0, 60)||' … '||right(description, 7)) ` +
  `ELSE description END AS description`;

export type JobsForm = 'listing' | 'automatic' | 'ids';

/** Result column names of SHOW JOBS in the given form (what a client sees, in order). */
export function showJobsColumns(v: CrdbVersion, form: JobsForm): string[] {
  return showJobsSelectList(v, form).map((e) => /(?:AS )?(\w+)$/.exec(e)?.[1] ?? e);
}

function showJobsSelectList(v: CrdbVersion, form: JobsForm): string[] {
  if (v === '23.2') {
    return [
      'job_id', 'job_type', 'description', 'statement', 'user_name', 'status', 'running_status',
      'created', 'started', 'finished', 'modified', 'fraction_completed', 'error', 'coordinator_id',
      'trace_id', 'last_run', 'next_run', 'num_runs', 'execution_errors',
    ];
  }
  const ids = form === 'ids';
  const times = hasStartedColumn(v) ? ['created', 'started', 'finished', 'modified'] : ['created', 'finished', 'modified'];
  return [
    'job_id', 'job_type', ...(ids ? ['description', 'statement'] : [SHORT_DESCRIPTION]),
    'user_name', 'status', 'running_status', ...times.map(trunc),
    'fraction_completed', 'error', 'coordinator_id', ...(ids ? ['trace_id', 'execution_errors'] : []),
  ];
}

/**
 * SHOW [AUTOMATIC] JOBS (no ids: 12 h filter, CRDB's order) or SHOW JOB(S) <ids> (`idsSql` is a
 * select list / expression usable inside `IN (…)`; no filter, no order — as in show_jobs.go).
 */
export function showJobsSql(v: CrdbVersion, form: JobsForm, idsSql?: string): string {
  const select = `SELECT ${showJobsSelectList(v, form).join(', ')} FROM crdb_internal.jobs`;
  if (form === 'ids') return `${select} WHERE job_id IN (${idsSql ?? 'NULL'})`;
  const typePredicate =
    form === 'automatic' ? `job_type IN (${AUTOMATIC_LIST})` : `(job_type IS NULL OR job_type NOT IN (${AUTOMATIC_LIST}))`;
  // show_jobs.go orders by `started`; 25.3+ dropped that column, so `created` takes its place.
  // CockroachDB sorts NULLs first ascending, i.e. last descending; Postgres does the opposite by default.
  const second = hasStartedColumn(v) ? 'started' : 'created';
  return `${select} WHERE ${typePredicate} AND ${AGE_FILTER} ORDER BY COALESCE(finished, crdb.now()) DESC, ${second} DESC NULLS LAST`;
}

/** SHOW JOBS FOR SCHEDULE(S) x = SHOW JOBS SELECT id FROM system.jobs WHERE created_by_type='crdb_schedule'
 *  AND created_by_id IN (x) (show_jobs.go; `jobs.CreatedByScheduledJobs` = 'crdb_schedule'). */
export function jobsForSchedulesIds(schedulesSql: string): string {
  return `SELECT id FROM system.jobs WHERE created_by_type = 'crdb_schedule' AND created_by_id IN (${schedulesSql})`;
}

export type WhichSchedules = 'all' | 'running' | 'paused';
export type ScheduleExecutor = 'any' | 'backup' | 'other';

/**
 * SHOW SCHEDULES (CRDB pkg/sql/delegate/show_schedules.go, 24.x+): id, label, schedule_status, next_run,
 * state, recurrence, jobsRunning (unquoted → `jobsrunning`), owner, created, on_previous_running,
 * on_execution_failure, then `command`: the args JSONB without '@type' for plain SHOW SCHEDULES, but
 * the backup_statement STRING for SHOW SCHEDULES FOR BACKUP, which also appends backup_type last.
 * RUNNING/PAUSED filter on next_run (NOT NULL / NULL) in CRDB; the model keeps schedule_status in step.
 * The docs say output is "sorted by creation time".
 */
export function showSchedulesSql(which: WhichSchedules, exec: ScheduleExecutor, idSql?: string): string {
  const backup = exec === 'backup';
  const cols = [
    's.id', 's.label', 's.schedule_status', 's.next_run', 's.state', 's.recurrence',
    `(SELECT count(*) FROM crdb.jobs_t j WHERE j.status = 'running' AND j.created_by_type = 'crdb_schedule' AND j.created_by_id = s.id) AS jobsrunning`,
    's.owner', 's.created', 's.on_previous_running', 's.on_execution_failure',
    backup ? `s.command->>'backup_statement' AS command` : `s.command - '@type' AS command`,
    ...(backup ? ['s.backup_type'] : []),
  ];
  const where: string[] = [];
  if (which === 'paused') where.push('s.next_run IS NULL');
  if (which === 'running') where.push('s.next_run IS NOT NULL');
  // Every demo schedule is a backup schedule; FOR SQL STATISTICS / FOR CHANGEFEED list nothing.
  if (exec === 'other') where.push('false');
  if (idSql !== undefined) where.push(`s.id = (${idSql})`);
  const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  return `SELECT ${cols.join(', ')} FROM crdb.schedules_t s${whereSql} ORDER BY s.created, s.id`;
}

/** SHOW SCHEDULES output column names (tests / docs). */
export function showSchedulesColumns(exec: ScheduleExecutor): string[] {
  const base = [
    'id', 'label', 'schedule_status', 'next_run', 'state', 'recurrence', 'jobsrunning', 'owner',
    'created', 'on_previous_running', 'on_execution_failure', 'command',
  ];
  return exec === 'backup' ? [...base, 'backup_type'] : base;
}

/**
 * SHOW BACKUP (CRDB pkg/ccl/backupccl/show.go backupShowerHeaders): database_name, parent_schema_name,
 * object_name, object_type, backup_type, start_time, end_time, size_bytes, rows, is_full_cluster,
 * regions (v23.1+), then file_bytes only WITH check_files (appended after regions in the source; the
 * docs' check_files example table omits regions, the source does not).
 */
export function showBackupColumns(checkFiles: boolean): string[] {
  const base = [
    'database_name', 'parent_schema_name', 'object_name', 'object_type', 'backup_type', 'start_time',
    'end_time', 'size_bytes', 'rows', 'is_full_cluster', 'regions',
  ];
  return checkFiles ? [...base, 'file_bytes'] : base;
}

export function showBackupSql(collectionSql: string, subdirSql: string, checkFiles: boolean): string {
  const cols = showBackupColumns(checkFiles).join(', ');
  return `SELECT ${cols} FROM crdb.show_backup((${collectionSql})::text, (${subdirSql})::text, ${checkFiles})`;
}

/** SHOW BACKUPS IN x: one column `path`, the full-backup subdirectories, sorted. */
export function showBackupsSql(collectionSql: string): string {
  return `SELECT path FROM crdb.backups_t WHERE coll_key = crdb.coll_key((${collectionSql})::text) ORDER BY path`;
}
