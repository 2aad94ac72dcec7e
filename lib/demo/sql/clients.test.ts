import { execFile } from 'node:child_process';
import net from 'node:net';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSqlServer, type SqlServer } from './server';
import { FixtureState, IDS } from './test-fixture';
import * as w from './wire';

/** Client interoperability: pooled and prepared node-postgres traffic, psql, and raw extended-protocol details. */

let server: SqlServer;
const clients: pg.Client[] = [];
const url = () => `postgresql://root@127.0.0.1:${server.port}/defaultdb?sslmode=disable`;

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url() });
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startSqlServer({ state: new FixtureState('25.4'), port: 0, getFault: () => ({ mode: 'ok' }) });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  await server.close();
});

describe('node-postgres', () => {
  it('20 parameterised queries at once over a 4-connection pool all get their own answers', async () => {
    const pool = new pg.Pool({ connectionString: url(), max: 4 });
    try {
      const ids = Object.values(IDS).filter((id) => !id.startsWith('110886527'));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const id = ids[i % ids.length];
          return i % 2
            ? pool.query('SELECT job_id, $2::int4 AS i FROM crdb_internal.jobs WHERE job_id = $1', [id, i])
            : pool.query('SELECT job_id, $2::int4 AS i FROM [SHOW JOB $1]', [id, i]);
        }),
      );
      results.forEach((r, i) => expect(r.rows).toEqual([{ job_id: ids[i % ids.length], i }]));
    } finally {
      await pool.end();
    }
  });

  it('named prepared statements with the same name on two connections', async () => {
    const [a, b] = [await client(), await client()];
    const qa = (v: string) => a.query({ name: 'q1', text: 'SELECT job_id FROM crdb_internal.jobs WHERE status = $1 ORDER BY job_id', values: [v] });
    const qb = (v: string) => b.query({ name: 'q1', text: 'SELECT schedule_id AS schedule FROM system.scheduled_jobs WHERE schedule_name = $1 ORDER BY schedule_id', values: [v] });
    const chain = async <T>(values: string[], run: (v: string) => Promise<T>) => {
      const out: T[] = [];
      for (const v of values) out.push(await run(v));
      return out;
    };
    const [ra, rb] = await Promise.all([chain(['paused', 'canceled', 'paused'], qa), chain(['nightly', 'movr_weekly', 'nightly'], qb)]);
    expect(ra.map((r) => r.rows)).toEqual([[{ job_id: IDS.restorePaused }], [{ job_id: IDS.importCanceled }], [{ job_id: IDS.restorePaused }]]);
    expect(rb.map((r) => r.rows.length)).toEqual([2, 2, 2]);
    expect(rb[0].rows[0]).toEqual({ schedule: IDS.fullSchedule });
  });
});

describe('psql (simple protocol, SSL declined)', () => {
  const run = promisify(execFile);
  const psql = (sql: string, sslmode = 'disable') =>
    run('psql', [`postgresql://root@127.0.0.1:${server.port}/defaultdb?sslmode=${sslmode}`, '-X', '-c', sql], { timeout: 10_000 });

  it('prints SHOW JOBS with its columns and rows', async () => {
    const { stdout } = await psql('SHOW JOBS');
    const header = stdout.split('\n')[0].split('|').map((s) => s.trim());
    expect(header).toEqual([
      'job_id', 'job_type', 'description', 'user_name', 'status', 'running_status', 'created', 'finished', 'modified',
      'fraction_completed', 'error', 'coordinator_id',
    ]);
    expect(stdout).toContain(IDS.schemaChange);
    expect(stdout).toMatch(/\(\d+ rows\)/);
  });

  it('runs several statements from one -c, shows CockroachDB command tags, and reports errors', async () => {
    const { stdout } = await psql(`PAUSE JOB ${IDS.fullRunning}; SELECT status FROM [SHOW JOB ${IDS.fullRunning}]`);
    expect(stdout).toContain('PAUSE JOBS 1');
    expect(stdout).toMatch(/status\s*\n-+\n\s*paused/);
    const failed = await psql('SHOW TABLES').catch((e: { stderr: string; code: number }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('not supported') });
  });

  it('connects with sslmode=prefer (the server answers N to SSLRequest)', async () => {
    const { stdout } = await psql('SELECT version()', 'prefer');
    expect(stdout).toContain('CockroachDB CCL v25.4');
  });
});

describe('raw extended protocol', () => {
  it('Flush answers mid-batch (cursor style) and binary int8 parameters are accepted', async () => {
    const sock = net.connect(server.port, '127.0.0.1');
    let buf: Uint8Array = new Uint8Array(0);
    sock.on('data', (d) => (buf = w.concat([buf, new Uint8Array(d)])));
    const reply = async (until: string) => {
      for (let i = 0; i < 100 && ![...w.messages(buf)].some((m) => m.type === until); i++) await new Promise((r) => setTimeout(r, 10));
      const types = [...w.messages(buf)].map((m) => m.type).join('');
      buf = new Uint8Array(0);
      return types;
    };
    const body = w.concat([w.i32(196608), w.cstr('user'), w.cstr('root'), Uint8Array.of(0)]);
    sock.write(w.concat([w.i32(body.length + 4), body]));
    expect(await reply('Z')).toMatch(/^RS+KZ$/);
    sock.write(w.concat([
      w.msg('P', w.cstr('s1'), w.cstr('SELECT job_id, status FROM crdb_internal.jobs WHERE job_id = $1'), w.i16(1), w.i32(20)),
      w.msg('D', w.byte('S'), w.cstr('s1')),
      w.msg('H'),
    ]));
    expect(await reply('T')).toBe('1tT');
    const id = new Uint8Array(8);
    new DataView(id.buffer).setBigInt64(0, BigInt(IDS.fullOk));
    sock.write(w.concat([
      w.buildBind({ portal: '', statement: 's1', paramFormats: [1], params: [id], resultFormats: [0] }),
      w.msg('E', w.cstr(''), w.i32(0)),
      w.msg('S'),
    ]));
    expect(await reply('Z')).toBe('2DCZ');
    sock.end();
  });
});
