import { describe, expect, it } from 'vitest';
import { showBackupColumns, showJobsColumns, showSchedulesColumns } from './columns';
import { join, splitStatements, tokenize } from './lexer';
import { rewriteQuery, type Plan } from './rewrite';

const one = (sql: string, v: '23.2' | '24.3' | '25.4' = '25.4'): Plan => {
  const plans = rewriteQuery(sql, v);
  expect(plans).toHaveLength(1);
  return plans[0];
};
const sqlOf = (sql: string, v: '23.2' | '24.3' | '25.4' = '25.4'): string => {
  const p = one(sql, v);
  if (p.kind !== 'sql') throw new Error(`expected sql, got ${JSON.stringify(p)}`);
  return p.sql;
};

describe('lexer', () => {
  it('is lossless and splits only top-level semicolons', () => {
    const sql = `SELECT 'a;b', "x;y", $$c;d$$ /* e; */ -- f;\n FROM t; SELECT (1;2); `;
    expect(join(tokenize(sql))).toBe(sql);
    expect(splitStatements(tokenize(sql)).map((s) => join(s).trim())).toEqual([
      `SELECT 'a;b', "x;y", $$c;d$$ /* e; */ -- f;\n FROM t`,
      'SELECT (1;2)',
    ]);
  });
});

describe('column sets per version', () => {
  it('SHOW JOBS listing: 23.2 full list, 24.3 drops statement/trace/retry columns, 25.4 also started', () => {
    expect(showJobsColumns('23.2', 'listing')).toEqual([
      'job_id', 'job_type', 'description', 'statement', 'user_name', 'status', 'running_status', 'created', 'started',
      'finished', 'modified', 'fraction_completed', 'error', 'coordinator_id', 'trace_id', 'last_run', 'next_run',
      'num_runs', 'execution_errors',
    ]);
    expect(showJobsColumns('24.3', 'listing')).toEqual([
      'job_id', 'job_type', 'description', 'user_name', 'status', 'running_status', 'created', 'started', 'finished',
      'modified', 'fraction_completed', 'error', 'coordinator_id',
    ]);
    expect(showJobsColumns('25.4', 'listing')).not.toContain('started');
    expect(showJobsColumns('24.3', 'ids')).toEqual([
      'job_id', 'job_type', 'description', 'statement', 'user_name', 'status', 'running_status', 'created', 'started',
      'finished', 'modified', 'fraction_completed', 'error', 'coordinator_id', 'trace_id', 'execution_errors',
    ]);
  });
  it('SHOW SCHEDULES FOR BACKUP appends backup_type after command; check_files appends file_bytes', () => {
    expect(showSchedulesColumns('backup').slice(-2)).toEqual(['command', 'backup_type']);
    expect(showBackupColumns(true).slice(-2)).toEqual(['regions', 'file_bytes']);
  });
});

describe('rewrite', () => {
  it('SHOW JOBS: automatic types excluded, 12 h filter on the cluster clock, CockroachDB order', () => {
    const s = sqlOf('show jobs;');
    expect(s).toContain(`job_type NOT IN ('AUTO CREATE STATS'`);
    expect(s).toContain(`finished > crdb.now() - '12h'::interval`);
    expect(s).toMatch(/ORDER BY COALESCE\(finished, crdb.now\(\)\) DESC, created DESC NULLS LAST$/);
    expect(sqlOf('SHOW JOBS', '24.3')).toMatch(/started DESC NULLS LAST$/);
    expect(sqlOf('SHOW AUTOMATIC JOBS')).toContain(`job_type IN ('AUTO CREATE STATS'`);
  });
  it('SHOW JOB <id>, SHOW JOBS <select>, FOR SCHEDULE(S): no filter, no order', () => {
    expect(sqlOf('SHOW JOB 123')).toMatch(/WHERE job_id IN \(123\)$/);
    expect(sqlOf('SHOW JOB $1')).toMatch(/WHERE job_id IN \(\$1\)$/);
    expect(sqlOf(`SHOW JOBS SELECT id FROM system.jobs WHERE status = 'failed'`)).toMatch(/IN \(SELECT id FROM system.jobs WHERE status = 'failed'\)$/);
    expect(sqlOf('SHOW JOBS FOR SCHEDULE 42')).toContain(`created_by_type = 'crdb_schedule' AND created_by_id IN (42)`);
    const nested = sqlOf(`SHOW JOBS FOR SCHEDULES WITH x AS (SHOW SCHEDULES) SELECT id FROM x WHERE label = 'nightly'`);
    expect(nested).toContain('WITH x AS (SELECT s.id, s.label');
    expect(nested).not.toContain('SHOW');
  });
  it('bracketed SHOW subqueries and WITH … AS (SHOW …)', () => {
    const s = sqlOf(`SELECT job_id FROM [SHOW JOBS] WHERE status = 'running'`);
    expect(s).toMatch(/^SELECT job_id FROM \(SELECT job_id, job_type, .* DESC NULLS LAST\) WHERE status = 'running'$/);
    expect(sqlOf('WITH x AS (SHOW JOBS) SELECT count(*) FROM x')).toMatch(/^WITH x AS \(SELECT job_id/);
  });
  it('CockroachDB syntax inside ordinary statements', () => {
    expect(sqlOf(`SELECT now() - '12h':::INTERVAL, 1::INT, 'a'::STRING, CURRENT_TIMESTAMP`)).toBe(
      `SELECT now() - '12h'::INTERVAL, 1::int8, 'a'::text, crdb.now()`,
    );
    expect(sqlOf(`SELECT * FROM crdb_internal.jobs AS OF SYSTEM TIME follower_read_timestamp() WHERE job_id = $1`)).toBe(
      'SELECT * FROM crdb_internal.jobs  WHERE job_id = $1',
    );
  });
  it('SHOW BACKUP / SHOW BACKUPS', () => {
    expect(sqlOf(`SHOW BACKUPS IN 's3://b/p?AUTH=implicit'`)).toContain(`crdb.coll_key(('s3://b/p?AUTH=implicit')::text)`);
    expect(sqlOf(`SHOW BACKUP FROM LATEST IN $1`)).toContain(`crdb.show_backup(($1)::text, ('LATEST')::text, false)`);
    const cf = sqlOf(`SHOW BACKUP '2026/11/24-000000.00' IN 's3://b/p' WITH check_files`);
    expect(cf).toContain('regions, file_bytes FROM crdb.show_backup');
    expect(cf).toContain(', true)');
    expect(one(`SHOW BACKUP FROM LATEST IN 's3://b' WITH privileges`)).toMatchObject({ kind: 'error', code: '0A000' });
  });
  it('SHOW SCHEDULES variants', () => {
    expect(sqlOf('SHOW PAUSED SCHEDULES')).toContain('WHERE s.next_run IS NULL');
    expect(sqlOf('show running schedules for backup')).toContain(`s.command->>'backup_statement' AS command, s.backup_type`);
    expect(sqlOf('SHOW SCHEDULE $1')).toContain('WHERE s.id = ($1)');
  });
  it('control statements', () => {
    expect(one('PAUSE JOB 123')).toMatchObject({ kind: 'control', target: 'job', op: 'PAUSE', idsSql: 'SELECT (123)', tag: 'PAUSE JOBS' });
    expect(one(`pause job $1 with reason = 'disk full'`)).toMatchObject({ reason: { literal: 'disk full' }, idsSql: 'SELECT ($1)' });
    expect(one('PAUSE JOB $1 WITH REASON = $2')).toMatchObject({ reason: { param: 2 } });
    expect(one('CANCEL JOBS (SELECT job_id FROM [SHOW JOBS])')).toMatchObject({ op: 'CANCEL', tag: 'CANCEL JOBS' });
    expect(one('RESUME SCHEDULE 9')).toMatchObject({ target: 'schedule', op: 'RESUME', tag: 'RESUME SCHEDULES' });
    expect(one('PAUSE JOBS FOR SCHEDULE 9')).toMatchObject({ tag: 'PAUSE JOBS FOR SCHEDULES' });
    expect(one('CANCEL SCHEDULE 9')).toMatchObject({ kind: 'error', code: '42601' });
  });
  it('session statements and unsupported CockroachDB statements', () => {
    expect(one('SET application_name = dashboard')).toEqual({ kind: 'set', name: 'application_name', value: 'dashboard', tag: 'SET' });
    expect(one(`SET TIME ZONE 'America/New_York'`)).toMatchObject({ name: 'timezone', value: 'America/New_York' });
    expect(one('SHOW TRANSACTION ISOLATION LEVEL')).toEqual({ kind: 'show_var', name: 'transaction_isolation' });
    expect(one('begin')).toMatchObject({ kind: 'txn', op: 'begin' });
    expect(one(`BACKUP INTO 's3://b'`)).toMatchObject({ kind: 'error', code: '0A000' });
    expect(one('SHOW TABLES')).toMatchObject({ kind: 'error', code: '0A000' });
    expect(one('SHOW JOBS WHEN COMPLETE 1')).toMatchObject({ kind: 'error', code: '0A000' });
    expect(one('SHOW BOGUS THING')).toMatchObject({ kind: 'error', code: '42601' });
  });
});
