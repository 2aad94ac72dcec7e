import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESCRIPTOR_IDS, encodeTarget } from '../model/pts';
import { startSqlServer, type SqlServer } from './server';
import { FixtureState, IDS } from './test-fixture';

/** crdb_internal.kv_protected_ts_records over the fixture (26.2, internals allowed for the session). */
let server: SqlServer;
let state: FixtureState;
let client: pg.Client;
beforeAll(async () => {
  state = new FixtureState('26.2');
  server = await startSqlServer({ state, port: 0, getFault: () => ({ mode: 'ok' }) });
  client = new pg.Client({ connectionString: `postgresql://root@127.0.0.1:${server.port}/defaultdb?sslmode=disable` });
  await client.connect();
  await client.query('SET allow_unsafe_internals = on');
});
afterAll(async () => {
  await client?.end();
  await server?.close();
});

describe('crdb_internal.kv_protected_ts_records', () => {
  it('has the system table’s columns plus the decoded ones (PR #105577, #108845)', async () => {
    const r = await client.query('SELECT * FROM crdb_internal.kv_protected_ts_records');
    expect(r.fields.map((f) => f.name)).toEqual(['id', 'ts', 'meta_type', 'meta', 'num_spans', 'spans', 'verified', 'target', 'decoded_meta', 'decoded_target', 'internal_meta', 'num_ranges', 'last_updated']);
    const paused = r.rows.find((x) => x.decoded_meta.jobID === Number(IDS.restorePaused));
    expect(paused).toMatchObject({ meta_type: 'jobs', decoded_target: { schemaObjects: { ids: [DESCRIPTOR_IDS.movr_restore_check] } }, internal_meta: { jobUsername: 'root' } });
    const chain = r.rows.find((x) => x.meta_type === 'schedules');
    expect(chain.decoded_meta).toEqual({ scheduleID: Number(IDS.incSchedule) });
    expect(chain.internal_meta).toEqual({ scheduleLabel: 'nightly', scheduleOwner: 'root' });
    expect(chain.decoded_target).toEqual({ cluster: {}, ignoreIfExcludedFromBackup: true });
  });

  it('fails as a whole once one record’s job is gone; system.protected_ts_records still lists it', async () => {
    const orphan = state.addOrphan();
    const e = await client.query('SELECT * FROM crdb_internal.kv_protected_ts_records').then(() => null, (x: { message: string }) => x);
    expect(e?.message).toBe(`job with ID ${orphan.holder_id} does not exist`);
    const rows = await client.query(`SELECT convert_from(meta, 'UTF8') AS holder FROM system.protected_ts_records`);
    expect(rows.rows.map((x) => x.holder)).toContain(orphan.holder_id);
  });

  it('encodes targets as cockroach.protectedts.Target', () => {
    expect(Buffer.from(encodeTarget({ kind: 'cluster' }, true)).toString('hex')).toBe('1a002001');
    expect(Buffer.from(encodeTarget({ kind: 'schema_objects', ids: [104, 300] }, false)).toString('hex')).toBe('0a050a0368ac02');
  });
});
