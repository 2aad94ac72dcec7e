import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCluster } from '@/lib/demo/cluster';
import { CRDB_VERSIONS, type CrdbVersion } from '@/lib/demo/types';
import { startFrozen } from './demo-helpers';

/**
 * The restriction of CockroachDB's internals (reference §e): the variable exists from v25.4 (on by
 * default), crdb_internal and system are restricted by default from v26.1, SHOW statements keep working,
 * and the error is CockroachDB's own (SQLSTATE 42501, message, HINT).
 */
const RESTRICTED_BY_DEFAULT: Record<CrdbVersion, boolean> = { '23.2': false, '24.3': false, '25.4': false, '26.1': true, '26.2': true };
const HAS_VAR: Record<CrdbVersion, boolean> = { '23.2': false, '24.3': false, '25.4': true, '26.1': true, '26.2': true };

type PgError = { code?: string; message?: string; hint?: string };
const failure = (p: Promise<unknown>) => p.then(() => null, (e: PgError) => e);

describe.each(CRDB_VERSIONS)('allow_unsafe_internals on CockroachDB v%s', (version) => {
  let cluster: DemoCluster;
  const clients: pg.Client[] = [];
  const connect = async () => {
    const c = new pg.Client({ connectionString: cluster.sqlUrl });
    await c.connect();
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    cluster = await startFrozen({ version, controlPort: null, historyDays: 2 });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await cluster?.stop();
  });

  it(HAS_VAR[version] ? 'SHOW/SET allow_unsafe_internals work, with the version’s default' : 'the variable does not exist: SET and SHOW fail as unknown', async () => {
    const c = await connect();
    if (!HAS_VAR[version]) {
      for (const stmt of ['SET allow_unsafe_internals = on', 'SHOW allow_unsafe_internals']) {
        const e = await failure(c.query(stmt));
        expect(e).toMatchObject({ code: '42704', message: 'unrecognized configuration parameter "allow_unsafe_internals"' });
      }
      return;
    }
    expect((await c.query('SHOW allow_unsafe_internals')).rows[0]).toEqual({ allow_unsafe_internals: RESTRICTED_BY_DEFAULT[version] ? 'off' : 'on' });
    await c.query('SET allow_unsafe_internals = true');
    expect((await c.query('SHOW allow_unsafe_internals')).rows[0].allow_unsafe_internals).toBe('on');
    await c.query('RESET allow_unsafe_internals');
    expect((await c.query('SHOW allow_unsafe_internals')).rows[0].allow_unsafe_internals).toBe(RESTRICTED_BY_DEFAULT[version] ? 'off' : 'on');
    expect(await failure(c.query(`SET allow_unsafe_internals = 'maybe'`))).toMatchObject({ code: '22023' });
  });

  it(RESTRICTED_BY_DEFAULT[version] ? 'a fresh session is denied crdb_internal and system with CockroachDB’s error' : 'a fresh session reads crdb_internal and system', async () => {
    const c = await connect();
    const statements = [
      'SELECT job_id FROM crdb_internal.jobs LIMIT 1',
      'SELECT id FROM system.jobs LIMIT 1',
      'SHOW JOBS SELECT id FROM system.jobs LIMIT 1',
      `SELECT * FROM "crdb_internal"."gossip_nodes"`,
    ];
    for (const text of statements) {
      const e = await failure(c.query(text));
      if (!RESTRICTED_BY_DEFAULT[version]) {
        expect(e, text).toBeNull();
        continue;
      }
      expect(e, text).toMatchObject({
        code: '42501',
        message: 'Access to crdb_internal and system is restricted.',
        hint: 'These interfaces are unsupported in production. To proceed, set the session variable allow_unsafe_internals = true (not recommended), or contact Cockroach Labs for a supported alternative.',
      });
    }
    // The same with the extended protocol (a parameter), and the connection keeps working.
    const e = await failure(c.query('SELECT job_id FROM crdb_internal.jobs WHERE job_id = $1', ['1']));
    expect(e?.code ?? null).toBe(RESTRICTED_BY_DEFAULT[version] ? '42501' : null);
    expect((await c.query('SELECT 1 AS one')).rows[0].one).toBe(1);
  });

  it('SHOW statements keep working whatever the variable says', async () => {
    const c = await connect();
    if (HAS_VAR[version]) await c.query('SET allow_unsafe_internals = off');
    const jobs = await c.query<{ job_id: string }>('SHOW JOBS');
    expect(jobs.rows.length).toBeGreaterThan(0);
    const one = await c.query<{ job_id: string }>('SHOW JOB $1', [jobs.rows[0].job_id]);
    expect(one.rows).toHaveLength(1);
    const schedules = await c.query<{ id: string }>('SHOW SCHEDULES');
    expect(schedules.rows.length).toBeGreaterThan(0);
    const forSchedule = await c.query('SHOW JOBS FOR SCHEDULE $1', [schedules.rows[0].id]);
    expect(forSchedule.fields.map((f) => f.name)).toContain('job_id');
    // Nested delegation: only SHOW statements written by the client.
    const nested = await c.query(`SELECT count(*) AS n FROM [SHOW JOBS SELECT job_id FROM [SHOW JOBS] UNION SELECT job_id FROM [SHOW JOBS FOR SCHEDULES SELECT id FROM [SHOW SCHEDULES]]]`);
    expect(Number(nested.rows[0].n)).toBeGreaterThan(jobs.rows.length - 1);
  });

  it.runIf(HAS_VAR[version])('after SET allow_unsafe_internals = on, crdb_internal and system answer (also in one simple Query)', async () => {
    const c = await connect();
    const r = await c.query('SET allow_unsafe_internals = on; SELECT count(*) AS n FROM crdb_internal.jobs');
    const rows = (Array.isArray(r) ? r.at(-1) : r) as pg.QueryResult;
    expect(Number(rows.rows[0].n)).toBeGreaterThan(0);
    expect((await c.query('SELECT count(*) AS n FROM system.jobs')).rows[0].n).toBe(rows.rows[0].n);
  });
});
