import type { EventEmitter } from 'node:events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlFault } from '../cluster-state';
import { startSqlServer, type SqlServer } from './server';
import { COLLECTION, FixtureState, IDS, NOW } from './test-fixture';

/** CockroachDB 25.4 face over the fixture, talked to with node-postgres (extended + simple protocol). */

let state: FixtureState;
let server: SqlServer;
let fault: SqlFault = { mode: 'ok' };
const clients: pg.Client[] = [];
const url = () => `postgresql://root@127.0.0.1:${server.port}/defaultdb?sslmode=disable`;

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url() });
  c.on('error', () => undefined);
  await c.connect();
  clients.push(c);
  return c;
}

/** CockroachDB command tags ("PAUSE JOBS 1") that pg's Result does not keep whole. */
function tagsOf(c: pg.Client): string[] {
  const tags: string[] = [];
  (c as unknown as { connection: EventEmitter }).connection.on('commandComplete', (m: { text: string }) => tags.push(m.text));
  return tags;
}

const cols = (r: pg.QueryResult) => r.fields.map((f) => `${f.name}:${f.dataTypeID}`);
const errorOf = async (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e: pg.DatabaseError) => e);

beforeAll(async () => {
  state = new FixtureState('25.4');
  server = await startSqlServer({ state, port: 0, getFault: () => fault });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  await server.close();
});

describe('SHOW JOBS family (25.4)', () => {
  it('SHOW JOBS: columns, types, automatic jobs hidden, 12 h filter, CockroachDB order', async () => {
    const c = await client();
    const r = await c.query('show jobs;');
    expect(cols(r)).toEqual([
      'job_id:20', 'job_type:25', 'description:25', 'user_name:25', 'status:25', 'running_status:25', 'created:1184',
      'finished:1184', 'modified:1184', 'fraction_completed:701', 'error:25', 'coordinator_id:20',
    ]);
    expect(r.rows.map((x) => x.job_id)).toEqual([
      IDS.fullRunning, IDS.incRunning, IDS.restorePaused, IDS.importCanceled, IDS.incFailed, IDS.schemaChange, IDS.fullOk,
    ]);
    expect(r.rows[0].description).toBe("BACKUP INTO '/2026/11/24-115000.00' IN 's3://acme-backups/p … tached)");
  });

  it('the 12 h window follows the cluster clock, not the wall clock', async () => {
    const c = await client();
    state.setNow(new Date(NOW.getTime() + 13 * 60_000));
    try {
      const r = await c.query('SELECT job_id FROM [SHOW JOBS] WHERE job_id = $1', [IDS.fullOk]);
      expect(r.rows).toEqual([]);
      expect((await c.query('SELECT now()::text AS t')).rows[0].t).toBe('2026-11-24 12:13:00+00');
    } finally {
      state.setNow(NOW);
    }
  });

  it('SHOW AUTOMATIC JOBS, SHOW JOB $1, SHOW JOBS FOR SCHEDULE', async () => {
    const c = await client();
    const auto = await c.query('SHOW AUTOMATIC JOBS');
    expect(auto.rows.map((x) => x.job_type).sort()).toEqual(['AUTO CREATE STATS', 'AUTO SPAN CONFIG RECONCILIATION']);
    const one = await c.query('SHOW JOB $1', [IDS.incFailed]);
    expect(cols(one)).toEqual([
      'job_id:20', 'job_type:25', 'description:25', 'statement:25', 'user_name:25', 'status:25', 'running_status:25',
      'created:1184', 'finished:1184', 'modified:1184', 'fraction_completed:701', 'error:25', 'coordinator_id:20',
      'trace_id:20', 'execution_errors:1009',
    ]);
    expect(one.rows[0]).toMatchObject({ status: 'failed', execution_errors: ['10:01:02 retryable error: rpc error: node unavailable'] });
    const forSchedule = await c.query(`SHOW JOBS FOR SCHEDULE ${IDS.incSchedule}`);
    expect(forSchedule.rows.map((x) => x.job_id)).toEqual([IDS.incRunning, IDS.incFailed]);
    const nested = await c.query(`SHOW JOBS FOR SCHEDULES WITH x AS (SHOW SCHEDULES) SELECT id FROM x WHERE label = 'nightly'`);
    expect(nested.rows.map((x) => x.job_id)).toEqual([IDS.fullOk, IDS.incRunning, IDS.incFailed]);
  });

  it('[SHOW JOBS] and WITH x AS (SHOW JOBS) as data sources, crdb_internal.jobs with $n, ORDER BY, LIMIT', async () => {
    const c = await client();
    const running = await c.query(`SELECT job_id FROM [SHOW JOBS] WHERE status = $1 AND job_type = 'BACKUP'`, ['running']);
    expect(running.rows.map((x) => x.job_id)).toEqual([IDS.fullRunning, IDS.incRunning]);
    expect((await c.query('WITH x AS (SHOW JOBS) SELECT count(*)::int4 AS n FROM x')).rows).toEqual([{ n: 7 }]);
    const internal = await c.query(
      `SELECT job_id, status, created, last_run FROM crdb_internal.jobs WHERE job_type = $1 AND created > $2::TIMESTAMPTZ ORDER BY created DESC LIMIT $3`,
      ['BACKUP', '2026-11-24T00:00:00Z', 2],
    ).catch((e: Error) => e);
    // 25.4's crdb_internal.jobs has no retry columns; without them the same query works.
    expect(internal).toBeInstanceOf(Error);
    const ok = await c.query(
      `SELECT job_id, status FROM crdb_internal.jobs WHERE job_type = $1 AND created >= $2::TIMESTAMPTZ ORDER BY created DESC LIMIT $3`,
      ['BACKUP', '2026-11-24T00:00:00Z', 2],
    );
    expect(ok.rows).toEqual([{ job_id: IDS.fullRunning, status: 'running' }, { job_id: IDS.incRunning, status: 'running' }]);
    const sys = await c.query(`SELECT id, status, created_by_type, created_by_id FROM system.jobs WHERE created_by_id = $1 ORDER BY id`, [IDS.incSchedule]);
    expect(sys.rows.map((x) => x.id)).toEqual([IDS.incRunning, IDS.incFailed]);
  });

  it('picks up jobs added and removed since the last statement', async () => {
    const c = await client();
    state.addJob({ job_id: '1108890000000000099', job_type: 'BACKUP', description: 'BACKUP INTO x', status: 'running', created: NOW });
    expect((await c.query(`SHOW JOB 1108890000000000099`)).rows).toHaveLength(1);
    state.removeJob('1108890000000000099');
    expect((await c.query(`SHOW JOB 1108890000000000099`)).rows).toHaveLength(0);
    const layers = `SELECT count(*)::int4 AS n FROM [SHOW BACKUP FROM '/2026/11/23-000000.00' IN '${COLLECTION}']`;
    expect((await c.query(layers)).rows).toEqual([{ n: 10 }]);
    state.addLayer('/2026/11/23-000000.00');
    expect((await c.query(layers)).rows).toEqual([{ n: 15 }]);
  });
});

describe('SHOW SCHEDULES and SHOW BACKUP (25.4)', () => {
  it('SHOW SCHEDULES / FOR BACKUP / PAUSED / RUNNING / SCHEDULE <id>', async () => {
    const c = await client();
    const all = await c.query('SHOW SCHEDULES');
    expect(cols(all)).toEqual([
      'id:20', 'label:25', 'schedule_status:25', 'next_run:1184', 'state:25', 'recurrence:25', 'jobsrunning:20', 'owner:25',
      'created:1184', 'on_previous_running:25', 'on_execution_failure:25', 'command:3802',
    ]);
    expect(all.rows.find((x) => x.id === IDS.incSchedule)).toMatchObject({ jobsrunning: '1', command: { backup_type: 1 } });
    const forBackup = await c.query('SHOW SCHEDULES FOR BACKUP');
    expect(cols(forBackup).slice(-2)).toEqual(['command:25', 'backup_type:25']);
    expect(forBackup.rows.map((x) => x.backup_type)).toEqual(['FULL', 'INCREMENTAL', 'FULL', 'INCREMENTAL']);
    expect((await c.query('SHOW PAUSED SCHEDULES')).rows.map((x) => x.id)).toEqual([IDS.dbIncSchedule]);
    expect((await c.query('SHOW RUNNING SCHEDULES')).rows).toHaveLength(3);
    const one = await c.query('SHOW SCHEDULE $1', [IDS.dbIncSchedule]);
    expect(one.rows[0]).toMatchObject({ schedule_status: 'PAUSED', next_run: null, state: 'Waiting for initial backup to complete' });
  });

  it('SHOW BACKUPS IN / SHOW BACKUP FROM LATEST / FROM <subdir> WITH check_files', async () => {
    const c = await client();
    const other = 's3://acme-backups/prod?AWS_ACCESS_KEY_ID=OTHER&AWS_SECRET_ACCESS_KEY=secret';
    expect((await c.query(`SHOW BACKUPS IN '${other}'`)).rows).toEqual([{ path: '/2026/11/23-000000.00' }, { path: '/2026/11/24-000000.00' }]);
    const latest = await c.query('SHOW BACKUP FROM LATEST IN $1', [COLLECTION]);
    expect(cols(latest)).toEqual([
      'database_name:25', 'parent_schema_name:25', 'object_name:25', 'object_type:25', 'backup_type:25', 'start_time:1184',
      'end_time:1184', 'size_bytes:20', 'rows:20', 'is_full_cluster:16', 'regions:25',
    ]);
    expect(latest.rows).toHaveLength(10);
    expect(latest.rows[2]).toMatchObject({ object_name: 'users', backup_type: 'full', start_time: null, size_bytes: '31280', rows: '341' });
    expect(latest.rows[9]).toMatchObject({ backup_type: 'incremental', end_time: new Date('2026-11-24T01:00:00Z') });
    const checked = await c.query(`SHOW BACKUP FROM '2026/11/23-000000.00' IN '${COLLECTION}' WITH check_files`);
    expect(cols(checked).at(-1)).toBe('file_bytes:20');
  });

  it('backup errors carry CockroachDB text and SQLSTATE', async () => {
    const c = await client();
    const missing = await errorOf(c.query(`SHOW BACKUP FROM LATEST IN '${COLLECTION}' WITH check_files`));
    expect(missing.code).toBe('XXUUU');
    expect(missing.message).toBe(
      'The following files are missing from the backup:\n\ts3:/acme-backups/prod/incrementals/2026/11/24-000000.00/20261124/010000.00/data/912345678901234567.sst',
    );
    const noLatest = await errorOf(c.query(`SHOW BACKUP FROM LATEST IN 'gs://nowhere/x'`));
    expect(noLatest).toMatchObject({ code: '58P01', message: expect.stringContaining('path does not contain a completed latest backup') });
    expect(await errorOf(c.query(`SHOW BACKUP '2020/01/01-000000.00' IN '${COLLECTION}'`))).toMatchObject({ code: 'XXUUU' });
    expect((await c.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});

describe('protocol behaviour', () => {
  it('unsupported statements answer an error with a code; the connection keeps working', async () => {
    const c = await client();
    expect(await errorOf(c.query(`BACKUP INTO 's3://x'`))).toMatchObject({ code: '0A000' });
    expect(await errorOf(c.query('SHOW CLUSTER SETTINGS'))).toMatchObject({ code: '0A000' });
    expect(await errorOf(c.query('SELEKT 1'))).toMatchObject({ code: '42601' });
    expect(await errorOf(c.query('SELECT * FROM crdb_internal.ranges'))).toMatchObject({ code: '42P01' });
    expect(await errorOf(c.query('CREATE TABLE t (a INT)'))).toMatchObject({ code: '25006' });
    expect((await c.query('SELECT version() AS v')).rows[0].v).toMatch(/^CockroachDB CCL v25\.4\./);
    expect((await c.query('SHOW server_version')).rows).toEqual([{ server_version: '13.0.0' }]);
  });

  it('a failed client transaction does not poison other connections', async () => {
    const [a, b] = [await client(), await client()];
    await a.query('BEGIN');
    await errorOf(a.query('SELECT no_such_column FROM crdb_internal.jobs'));
    expect(await errorOf(a.query('SELECT 1'))).toMatchObject({ code: '25P02' });
    expect((await b.query('SELECT count(*)::int4 AS n FROM crdb_internal.jobs')).rows).toEqual([{ n: 10 }]);
    await a.query('ROLLBACK');
    expect((await a.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
  });

  it('several statements in one simple Query; SET/SHOW are per connection', async () => {
    const [a, b] = [await client(), await client()];
    const multi = (await a.query(`SELECT 1 AS x; SHOW JOB ${IDS.fullOk}`)) as unknown as pg.QueryResult[];
    expect(multi[1].rows[0].status).toBe('succeeded');
    await a.query(`SET TIME ZONE 'America/New_York'`);
    expect((await a.query('SHOW TIME ZONE')).rows).toEqual([{ timezone: 'America/New_York' }]);
    expect((await b.query('SHOW TIME ZONE')).rows).toEqual([{ timezone: 'UTC' }]);
    expect((await a.query(`SELECT '2026-11-24 12:00:00+00'::timestamptz::text AS t`)).rows[0].t).toBe('2026-11-24 07:00:00-05');
    expect((await b.query(`SELECT '2026-11-24 12:00:00+00'::timestamptz::text AS t`)).rows[0].t).toBe('2026-11-24 12:00:00+00');
  });
});

describe('control statements', () => {
  it('PAUSE/RESUME/CANCEL JOB and PAUSE/RESUME SCHEDULE go through the ClusterState', async () => {
    const c = await client();
    const tags = tagsOf(c);
    await c.query(`PAUSE JOB $1 WITH REASON = 'maintenance'`, [IDS.incRunning]);
    expect((await c.query('SHOW JOB $1', [IDS.incRunning])).rows[0].status).toBe('paused');
    await c.query(`RESUME JOB ${IDS.incRunning}`);
    await c.query('PAUSE SCHEDULE $1', [IDS.fullSchedule]);
    expect((await c.query('SHOW SCHEDULE $1', [IDS.fullSchedule])).rows[0].schedule_status).toBe('PAUSED');
    await c.query(`RESUME SCHEDULES SELECT id FROM [SHOW PAUSED SCHEDULES] WHERE label = 'nightly'`);
    await c.query(`CANCEL JOBS (WITH x AS (SHOW JOBS) SELECT job_id FROM x WHERE job_type = 'RESTORE')`);
    expect(tags.filter((t) => !t.startsWith('SHOW'))).toEqual(['PAUSE JOBS 1', 'RESUME JOBS 1', 'PAUSE SCHEDULES 1', 'RESUME SCHEDULES 1', 'CANCEL JOBS 1']);
    expect(state.calls).toEqual([
      `paused job ${IDS.incRunning}`, 'reason maintenance', `resumed job ${IDS.incRunning}`, `pause schedule ${IDS.fullSchedule}`,
      `resume schedule ${IDS.fullSchedule}`, `canceled job ${IDS.restorePaused}`,
    ]);
  });

  it('errors from the ClusterState keep their SQLSTATE', async () => {
    const c = await client();
    expect(await errorOf(c.query('RESUME JOB $1', [IDS.fullOk]))).toMatchObject({ code: '55000' });
    expect(await errorOf(c.query('PAUSE JOB 1'))).toMatchObject({ code: '42704', message: 'job with ID 1 does not exist' });
    expect((await c.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });
});

describe('faults', () => {
  it('error mode: every statement fails with the message; recovers', async () => {
    const c = await client();
    fault = { mode: 'error', message: 'node unavailable; try another peer' };
    try {
      expect(await errorOf(c.query('SHOW JOBS'))).toMatchObject({ code: '58000', message: 'node unavailable; try another peer' });
      expect(await errorOf(c.query('SELECT $1::int', [1]))).toMatchObject({ code: '58000' });
    } finally {
      fault = { mode: 'ok' };
    }
    expect((await c.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });

  it('refuse mode: new connections are refused, open ones dropped; back to ok accepts again', async () => {
    const open = await client();
    fault = { mode: 'refuse' };
    try {
      await server.faultChanged();
      const e = await errorOf(new pg.Client({ connectionString: url(), connectionTimeoutMillis: 2000 }).connect());
      expect((e as unknown as { code: string }).code).toBe('ECONNREFUSED');
      await expect(open.query('SELECT 1')).rejects.toThrow();
    } finally {
      fault = { mode: 'ok' };
      await server.faultChanged();
    }
    const again = await client();
    expect((await again.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });
});
