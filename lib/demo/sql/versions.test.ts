import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSqlServer, type SqlServer } from './server';
import { FixtureState, IDS } from './test-fixture';

/** Column names, order and type OIDs of the 23.2 and 24.3 faces (25.4 is covered by server.test.ts). */

const servers: Record<'23.2' | '24.3', SqlServer> = {} as Record<'23.2' | '24.3', SqlServer>;
const clients: pg.Client[] = [];

async function client(v: '23.2' | '24.3'): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: `postgresql://root@127.0.0.1:${servers[v].port}/defaultdb?sslmode=disable` });
  await c.connect();
  clients.push(c);
  return c;
}

const cols = (r: pg.QueryResult) => r.fields.map((f) => `${f.name}:${f.dataTypeID}`);

beforeAll(async () => {
  const [a, b] = await Promise.all(
    (['23.2', '24.3'] as const).map((v) => startSqlServer({ state: new FixtureState(v), port: 0, getFault: () => ({ mode: 'ok' }) })),
  );
  servers['23.2'] = a;
  servers['24.3'] = b;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end()));
  await Promise.all(Object.values(servers).map((s) => s.close()));
});

describe('23.2', () => {
  it('SHOW JOBS has one column list for every form, with the retry columns', async () => {
    const c = await client('23.2');
    const expected = [
      'job_id:20', 'job_type:25', 'description:25', 'statement:25', 'user_name:25', 'status:25', 'running_status:25',
      'created:1184', 'started:1184', 'finished:1184', 'modified:1184', 'fraction_completed:701', 'error:25',
      'coordinator_id:20', 'trace_id:20', 'last_run:1184', 'next_run:1184', 'num_runs:20', 'execution_errors:1009',
    ];
    const list = await c.query('SHOW JOBS');
    expect(cols(list)).toEqual(expected);
    expect(cols(await c.query('SHOW JOB $1', [IDS.fullOk]))).toEqual(expected);
    // Listing form keeps full descriptions and precise timestamps in 23.2.
    expect(list.rows.find((r) => r.job_id === IDS.fullOk).finished).toEqual(new Date('2026-11-24T00:12:31.250Z'));
    const internal = await c.query('SELECT * FROM crdb_internal.jobs WHERE job_id = $1', [IDS.incFailed]);
    expect(internal.fields.map((f) => f.name)).toContain('num_runs');
    expect(internal.rows[0].num_runs).toBe('2');
  });

  it('SHOW SCHEDULES and SHOW BACKUP share the 23.2+ layout', async () => {
    const c = await client('23.2');
    expect(cols(await c.query('SHOW SCHEDULES FOR BACKUP')).slice(-4)).toEqual([
      'on_previous_running:25', 'on_execution_failure:25', 'command:25', 'backup_type:25',
    ]);
    const b = await c.query(`SHOW BACKUP FROM LATEST IN 's3://acme-backups/prod'`);
    expect(cols(b).slice(5, 7)).toEqual(['start_time:1184', 'end_time:1184']);
    expect((await c.query('SELECT version() AS v')).rows[0].v).toMatch(/^CockroachDB CCL v23\.2\./);
  });
});

describe('24.3', () => {
  it('SHOW JOBS listing drops statement/trace_id/execution_errors and the retry columns; SHOW JOB keeps them', async () => {
    const c = await client('24.3');
    const list = await c.query('SHOW JOBS');
    expect(cols(list)).toEqual([
      'job_id:20', 'job_type:25', 'description:25', 'user_name:25', 'status:25', 'running_status:25', 'created:1184',
      'started:1184', 'finished:1184', 'modified:1184', 'fraction_completed:701', 'error:25', 'coordinator_id:20',
    ]);
    const schema = list.rows.find((r) => r.job_id === IDS.schemaChange);
    expect(schema.description).toBe('ALTER TABLE movr.public.vehicle_location_histories ADD COLU … ULT 100');
    expect(list.rows.find((r) => r.job_id === IDS.fullOk).finished).toEqual(new Date('2026-11-24T00:12:31Z'));
    const one = await c.query('SHOW JOB $1', [IDS.schemaChange]);
    expect(cols(one)).toEqual([
      'job_id:20', 'job_type:25', 'description:25', 'statement:25', 'user_name:25', 'status:25', 'running_status:25',
      'created:1184', 'started:1184', 'finished:1184', 'modified:1184', 'fraction_completed:701', 'error:25',
      'coordinator_id:20', 'trace_id:20', 'execution_errors:1009',
    ]);
    expect(one.rows[0].description).toMatch(/DEFAULT 100$/);
    const internal = await c.query('SELECT * FROM crdb_internal.jobs LIMIT 1');
    expect(internal.fields.map((f) => f.name)).not.toContain('last_run');
  });
});
