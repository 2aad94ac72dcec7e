import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCluster } from '@/lib/demo/cluster';
import { CRDB_VERSIONS, DEFAULT_CRDB_VERSION, type CrdbVersion } from '@/lib/demo/types';
import { query, startFrozen, START_MS } from './demo-helpers';

/**
 * Column sets per emulated version (shared/reference/cockroachdb.md c.1, c.4, c.6):
 * 23.2 lists everything; 24.1 (#121286) drops last_run/next_run/num_runs and shows statement,
 * trace_id and execution_errors only for SHOW JOB <id>; 25.3 removed `started` (26.1 and 26.2 keep 25.4's lists).
 */
const LIST_23_2 = ['job_id', 'job_type', 'description', 'statement', 'user_name', 'status', 'running_status', 'created', 'started', 'finished', 'modified', 'fraction_completed', 'error', 'coordinator_id', 'trace_id', 'last_run', 'next_run', 'num_runs', 'execution_errors'];
const LIST_24_3 = ['job_id', 'job_type', 'description', 'user_name', 'status', 'running_status', 'created', 'started', 'finished', 'modified', 'fraction_completed', 'error', 'coordinator_id'];
const ONE_24_3 = ['job_id', 'job_type', 'description', 'statement', 'user_name', 'status', 'running_status', 'created', 'started', 'finished', 'modified', 'fraction_completed', 'error', 'coordinator_id', 'trace_id', 'execution_errors'];
const without = (cols: string[], drop: string) => cols.filter((c) => c !== drop);
const SHOW_JOBS: Record<CrdbVersion, { list: string[]; one: string[] }> = {
  '23.2': { list: LIST_23_2, one: LIST_23_2 },
  '24.3': { list: LIST_24_3, one: ONE_24_3 },
  '25.4': { list: without(LIST_24_3, 'started'), one: without(ONE_24_3, 'started') },
  '26.1': { list: without(LIST_24_3, 'started'), one: without(ONE_24_3, 'started') },
  '26.2': { list: without(LIST_24_3, 'started'), one: without(ONE_24_3, 'started') },
};
const SCHEDULES = ['id', 'label', 'schedule_status', 'next_run', 'state', 'recurrence', 'jobsrunning', 'owner', 'created', 'on_previous_running', 'on_execution_failure', 'command'];
const SHOW_BACKUP = ['database_name', 'parent_schema_name', 'object_name', 'object_type', 'backup_type', 'start_time', 'end_time', 'size_bytes', 'rows', 'is_full_cluster', 'regions'];
// Postgres type OIDs of CockroachDB's column types.
const OID = { int8: 20, text: 25, float8: 701, timestamptz: 1184, jsonb: 3802, textArray: 1009 };

describe.each(CRDB_VERSIONS)('demo SQL, CockroachDB v%s', (version) => {
  let cluster: DemoCluster;
  beforeAll(async () => {
    cluster = await startFrozen({ version, controlPort: null });
  });
  afterAll(() => cluster?.stop());

  it('SHOW JOBS and SHOW JOB <id> have that version’s columns and types', async () => {
    const list = await query(cluster.sqlUrl, 'SHOW JOBS');
    expect(list.fields.map((f) => f.name)).toEqual(SHOW_JOBS[version].list);
    const type = (name: string) => list.fields.find((f) => f.name === name)?.dataTypeID;
    expect(type('job_id')).toBe(OID.int8);
    expect(type('created')).toBe(OID.timestamptz);
    expect(type('fraction_completed')).toBe(OID.float8);
    expect(type('coordinator_id')).toBe(OID.int8);
    const id = String(list.rows[0].job_id);
    expect(id).toMatch(/^\d{18,19}$/);
    const one = await query(cluster.sqlUrl, `SHOW JOB ${id}`);
    expect(one.fields.map((f) => f.name)).toEqual(SHOW_JOBS[version].one);
    expect(one.rows).toHaveLength(1);
    expect(String(one.rows[0].job_id)).toBe(id);
  });

  it('a job paused WITH REASON shows it as running_status from v26.1 (#158350); its status stays paused', async () => {
    const { rows } = await query<{ status: string; running_status: string | null; user_name: string }>(cluster.sqlUrl, `SELECT status, running_status, user_name FROM [SHOW JOBS] WHERE job_type = 'BACKUP' AND status = 'paused'`);
    const paused = rows.find((r) => r.user_name === 'migrations');
    expect(paused?.status).toBe('paused');
    expect(paused?.running_status ?? null).toBe(version.startsWith('26.') ? 'paused by sre_oncall during the movr migration freeze' : null);
  });

  it('SHOW JOBS keeps CockroachDB’s default filter and order', async () => {
    const { rows } = await query<{ job_type: string; finished: Date | null }>(cluster.sqlUrl, 'SHOW JOBS');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.job_type.startsWith('AUTO ') || r.job_type === 'POLL JOBS STATS')).toBe(false);
    const cutoff = START_MS - 12 * 3_600_000;
    expect(rows.every((r) => r.finished === null || r.finished.getTime() > cutoff)).toBe(true);
    // ORDER BY COALESCE(finished, now()) DESC: unfinished jobs first, then newest finished.
    const keys = rows.map((r) => r.finished?.getTime() ?? Infinity);
    expect([...keys].sort((a, b) => b - a)).toEqual(keys);
    const auto = await query<{ job_type: string }>(cluster.sqlUrl, 'SHOW AUTOMATIC JOBS');
    expect(auto.rows.length).toBeGreaterThan(0);
  });

  it('SHOW SCHEDULES [FOR BACKUP] and SHOW BACKUP have CockroachDB’s columns', async () => {
    const s = await query(cluster.sqlUrl, 'SHOW SCHEDULES');
    expect(s.fields.map((f) => f.name)).toEqual(SCHEDULES);
    expect(s.fields.find((f) => f.name === 'command')?.dataTypeID).toBe(OID.jsonb);
    const fb = await query(cluster.sqlUrl, 'SHOW SCHEDULES FOR BACKUP');
    expect(fb.fields.map((f) => f.name)).toContain('backup_type');
    const collection = String((s.rows[0].command as { backup_statement: string }).backup_statement.match(/IN '([^']+)'|INTO '([^']+)'/)?.slice(1).find(Boolean));
    const backups = await query<{ path: string }>(cluster.sqlUrl, `SHOW BACKUPS IN '${collection}'`);
    expect(backups.fields.map((f) => f.name)).toEqual(['path']);
    expect(backups.rows.length).toBeGreaterThan(0);
    const latest = await query(cluster.sqlUrl, `SHOW BACKUP FROM LATEST IN '${collection}'`);
    expect(latest.fields.map((f) => f.name)).toEqual(SHOW_BACKUP);
    expect(latest.rows.some((r) => r.backup_type === 'full')).toBe(true);
  });
});

describe('demo SQL clients and history', () => {
  let cluster: DemoCluster;
  beforeAll(async () => {
    cluster = await startFrozen({ controlPort: null });
  });
  afterAll(() => cluster?.stop());

  it('psql (simple protocol) prints SHOW JOBS with CockroachDB’s columns', async () => {
    // Async: the server runs in this process, so a blocking exec would starve it.
    const { stdout: out } = await promisify(execFile)('psql', [cluster.sqlUrl, '-X', '-A', '-F', '|', '-c', 'SHOW JOBS'], { encoding: 'utf8', timeout: 15_000 });
    const [header, ...lines] = out.trim().split('\n');
    expect(header.split('|')).toEqual(SHOW_JOBS[DEFAULT_CRDB_VERSION].list);
    expect(lines.some((l) => /\|BACKUP\|/.test(l))).toBe(true);
  });

  it('filters [SHOW JOBS] and crdb_internal.jobs with parameters, over concurrent connections', async () => {
    const LIMITS = [5, 1, 7, 2, 9, 3];
    const backups = await query<{ job_id: string }>(cluster.sqlUrl, `SELECT job_id, status FROM [SHOW JOBS] WHERE job_type = 'BACKUP' AND status = $1`, ['succeeded']);
    expect(backups.rows.length).toBeGreaterThan(0);
    const results = await Promise.all(
      ['BACKUP', 'RESTORE', 'BACKUP', 'RESTORE', 'BACKUP', 'RESTORE'].map((t, i) =>
        query<{ job_type: string }>(cluster.sqlUrl, 'SELECT job_id, job_type FROM crdb_internal.jobs WHERE job_type = $1 AND created > $2 ORDER BY created DESC LIMIT $3', [t, new Date(START_MS - 7 * 86_400_000), LIMITS[i]]),
      ),
    );
    results.forEach((r, i) => {
      expect(r.rows).toHaveLength(LIMITS[i]);
      expect(r.rows.every((row) => row.job_type === (i % 2 === 0 ? 'BACKUP' : 'RESTORE'))).toBe(true);
    });
  });

  it('reaches past SHOW JOBS’ 12 hours through crdb_internal.jobs: about 14 days of history', async () => {
    const { rows } = await query<{ oldest: Date; n: string }>(cluster.sqlUrl, `SELECT min(created) AS oldest, count(*) AS n FROM crdb_internal.jobs WHERE job_type = 'BACKUP'`);
    expect(START_MS - rows[0].oldest.getTime()).toBeGreaterThan(13 * 86_400_000);
    expect(Number(rows[0].n)).toBeGreaterThan(1000);
  });

  it('gives the same history for the same seed', async () => {
    const twin = await startFrozen({ controlPort: null });
    try {
      const sql = 'SELECT job_id, status, created, coordinator_id, error FROM crdb_internal.jobs ORDER BY job_id';
      const [a, b] = await Promise.all([query(cluster.sqlUrl, sql), query(twin.sqlUrl, sql)]);
      expect(a.rows.length).toBeGreaterThan(1000);
      expect(b.rows).toEqual(a.rows);
    } finally {
      await twin.stop();
    }
  });

  it('answers an unsupported statement with a SQLSTATE, and the connection keeps working', async () => {
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: cluster.sqlUrl });
    await client.connect();
    try {
      const err = await client.query('SHOW RANGES FROM DATABASE movr').then(() => null, (e: { code?: string }) => e);
      expect(err?.code).toMatch(/^[0-9A-Z]{5}$/);
      const ok = await client.query('SELECT version()');
      expect(String(ok.rows[0].version)).toMatch(new RegExp(`^CockroachDB CCL v${DEFAULT_CRDB_VERSION.replace('.', '\\.')}\\.`));
    } finally {
      await client.end();
    }
  });
});
