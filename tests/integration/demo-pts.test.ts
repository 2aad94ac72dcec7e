import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCluster } from '@/lib/demo/cluster';
import { CRDB_VERSIONS } from '@/lib/demo/types';
import { query, scrape, START_MS, startFrozen, valueOf } from './demo-helpers';

/**
 * The demo's protected timestamp records (reference §f) agree with its PTS gauges: one record per
 * running or paused backup/restore and per backup schedule chain, written as CockroachDB writes them,
 * plus one orphaned record (its job long deleted), which the gauges skip as the metrics poller does.
 */
interface Row { id: string; ts: string; meta_type: string; meta: Buffer; num_spans: string; spans: Buffer; verified: boolean; target: Buffer }

describe.each(CRDB_VERSIONS)('protected timestamp records, CockroachDB v%s', (version) => {
  let demo: DemoCluster;
  beforeAll(async () => {
    demo = await startFrozen({ version, controlPort: null, historyDays: 2 });
  });
  afterAll(() => demo?.stop());

  it('system.protected_ts_records has CockroachDB’s columns and types, meta as decimal id bytes, ts as HLC decimal', async () => {
    const r = await query<Row>(demo.sqlUrl, 'SELECT * FROM system.protected_ts_records');
    expect(r.fields.map((f) => `${f.name}:${f.dataTypeID}`)).toEqual(['id:2950', 'ts:1700', 'meta_type:25', 'meta:17', 'num_spans:20', 'spans:17', 'verified:16', 'target:17']);
    expect(r.rows.length).toBeGreaterThan(3);
    for (const row of r.rows) {
      expect(['jobs', 'schedules']).toContain(row.meta_type);
      expect(row.meta.toString('utf8')).toMatch(/^\d{18,19}$/);
      expect(row.ts).toMatch(/^\d{19}\.\d{10}$/);
      expect(row.target.length).toBeGreaterThan(1);
    }
  });

  it('the records per holder kind are the *_protected_record_count gauges, the oldest the *_protected_age_sec (one orphan aside)', async () => {
    const records = (await query<{ meta_type: string; holder: string; ts: string }>(demo.sqlUrl, `SELECT meta_type, convert_from(meta, 'UTF8') AS holder, ts::STRING AS ts FROM system.protected_ts_records`)).rows;
    const jobs = new Map((await query<{ id: string; job_type: string }>(demo.sqlUrl, 'SELECT job_id::STRING AS id, job_type FROM crdb_internal.jobs')).rows.map((j) => [j.id, j.job_type]));
    const schedules = new Set((await query<{ id: string }>(demo.sqlUrl, 'SELECT id::STRING AS id FROM [SHOW SCHEDULES]')).rows.map((s) => s.id));
    const kindOf = (r: (typeof records)[number]) => (r.meta_type === 'schedules' ? (schedules.has(r.holder) ? 'schedules' : 'orphan') : (jobs.get(r.holder)?.toLowerCase() ?? 'orphan'));
    expect(records.filter((r) => kindOf(r) === 'orphan')).toHaveLength(1);
    const exp = await scrape(demo.nodeUrls[0]); // node 1 runs the job-stats poller
    const ageOf = (kind: string) => {
      const ts = records.filter((r) => kindOf(r) === kind).map((r) => Number(BigInt(r.ts.split('.')[0]) / 1_000_000n));
      return ts.length === 0 ? 0 : (START_MS - Math.min(...ts)) / 1000;
    };
    for (const [kind, prefix] of [['backup', 'jobs_backup'], ['restore', 'jobs_restore'], ['schedules', 'schedules_BACKUP']] as const) {
      expect(records.filter((r) => kindOf(r) === kind).length, kind).toBe(valueOf(exp, `${prefix}_protected_record_count`));
      // Within one poll (10 s) of the gauge.
      expect(Math.abs(ageOf(kind) - (valueOf(exp, `${prefix}_protected_age_sec`) as number)), kind).toBeLessThan(10);
    }
    expect(records.filter((r) => kindOf(r) === 'backup').length).toBeGreaterThan(0);
    expect(records.filter((r) => kindOf(r) === 'schedules').length).toBeGreaterThan(0);
  });

  it('crdb_internal.kv_protected_ts_records fails as a whole while a record’s job is gone', async () => {
    const e = await query(demo.sqlUrl, 'SELECT * FROM crdb_internal.kv_protected_ts_records').then(() => null, (x: { message: string }) => x);
    expect(e?.message).toMatch(/^job with ID \d+ does not exist$/);
  });

  it('is restricted like every system table on v26.x without allow_unsafe_internals, and admin-only', async () => {
    const denied = await query(demo.sqlUrl, 'SELECT count(*) FROM system.protected_ts_records', [], { internals: false }).then(() => null, (x: { code: string; message: string }) => x);
    if (version.startsWith('26.')) expect(denied).toMatchObject({ code: '42501', message: 'Access to crdb_internal and system is restricted.' });
    else expect(denied).toBeNull();
    const monitor = demo.sqlUrl.replace('root@', 'monitor@');
    const e = await query(monitor, 'SELECT count(*) FROM system.protected_ts_records').then(() => null, (x: { code: string; message: string }) => x);
    expect(e).toMatchObject({ code: '42501', message: 'user monitor does not have SELECT privilege on relation protected_ts_records' });
  });
});
