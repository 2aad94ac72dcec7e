import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as ptsRoute } from '@/app/api/v1/clusters/[cluster]/protected-timestamps/route';
import { getJobDetail } from '@/lib/api/jobs';
import { listProtectedTimestamps } from '@/lib/api/protected-timestamps';
import { getSchedule } from '@/lib/api/schedules';
import type { ProtectedTimestampsPage, PtsRecord } from '@/lib/api/types/protected-timestamps';
import type { ClusterConfig, UnsafeInternalsMode } from '@/lib/config';
import type { DemoCluster } from '@/lib/demo/cluster';
import { CRDB_VERSIONS } from '@/lib/demo/types';
import { configureDashboardFor, scrape, startFrozen, valueOf } from './demo-helpers';

/** Who holds each protected timestamp, on every emulated version, against frozen demo clusters. */
const ctx = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
const kindOf = (r: PtsRecord) => (r.orphaned ? 'orphan' : r.holder?.kind === 'schedule' ? 'schedules' : r.holder?.kind === 'job' ? (r.holder.job_type ?? '').toLowerCase() : 'other');

describe('GET /api/v1/clusters/{c}/protected-timestamps', () => {
  let demo: DemoCluster;
  beforeAll(async () => {
    demo = await startFrozen({ controlPort: null, historyDays: 2 });
    configureDashboardFor(demo, 'ptsapi');
  });
  afterAll(() => demo?.stop());

  it('answers {cluster, records: [{id, meta_type, holder_id, holder, protected_at, age_s, verified, orphaned, target}], sql}', async () => {
    const res = await ptsRoute(new Request('http://x'), ctx({ cluster: 'ptsapi' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ProtectedTimestampsPage;
    expect(body.cluster).toBe('ptsapi');
    expect(body.sql[0]).toMatch(/FROM system\.protected_ts_records$/);
    for (const r of body.records) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'meta_type', 'holder_id', 'holder', 'protected_at', 'age_s', 'verified', 'orphaned', 'target']));
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.holder_id).toMatch(/^\d{18,19}$/);
    }
    const unknown = await ptsRoute(new Request('http://x'), ctx({ cluster: 'nope' }));
    expect(unknown.status).toBe(404);
  });
});

describe.each(CRDB_VERSIONS)('protected timestamps on CockroachDB v%s', (version) => {
  let demo: DemoCluster;
  const config = (mode: UnsafeInternalsMode, user = 'root'): ClusterConfig => ({
    id: `pts-${version.replace('.', '')}-${mode}-${user}-${process.pid}`, name: version, sqlUrl: demo.sqlUrl.replace('root@', `${user}@`), httpUrls: demo.nodeUrls,
    httpCa: null, httpPort: 8080, httpScheme: 'http', demo: false, unsafeInternals: mode,
  });
  let page: ProtectedTimestampsPage;
  beforeAll(async () => {
    demo = await startFrozen({ version, controlPort: null, historyDays: 2 });
    page = await listProtectedTimestamps(config('auto'));
  });
  afterAll(() => demo?.stop());

  it('names every holder (job or schedule, as SHOW JOB / SHOW SCHEDULES show it), oldest first, and flags the orphan', () => {
    const { records } = page;
    expect(records.length).toBeGreaterThan(3);
    const orphans = records.filter((r) => r.orphaned);
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({ meta_type: 'jobs', holder: null, severity: 'critical', target: { kind: 'cluster' } });
    expect(orphans[0].problems[0]).toMatch(/^its job \d+ no longer exists: nothing will release this record/);
    // The orphan's job is long deleted: it is the oldest record, first.
    expect(records[0].orphaned).toBe(true);
    const times = records.map((r) => Date.parse(r.protected_at as string));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const r of records.filter((x) => !x.orphaned)) {
      expect(r.holder, r.id).not.toBeNull();
      if (r.holder?.kind === 'job') expect(['BACKUP', 'RESTORE']).toContain(r.holder.job_type);
      if (r.holder?.kind === 'schedule') expect(r.holder.label).toBeTruthy();
    }
    const paused = records.find((r) => r.holder?.kind === 'job' && r.holder.status === 'paused');
    expect(paused).toMatchObject({ severity: 'warn', target: { kind: 'schema_objects', ids: [104] } });
    expect(paused?.problems).toContain('held by a paused job: it ages until the job is resumed or canceled');
    // The forgotten paused schedule's chain record: past 24 h.
    const payroll = records.find((r) => r.holder?.kind === 'schedule' && r.holder.label === 'payroll_weekly');
    expect(payroll).toMatchObject({ severity: 'critical' });
    expect(payroll?.problems).toEqual(expect.arrayContaining(['older than 24 h']));
  });

  it('the records per holder kind add up to the *_protected_record_count gauges; the oldest age is *_protected_age_sec (within one poll)', async () => {
    const exp = await scrape(demo.nodeUrls[0]);
    for (const [kind, prefix] of [['backup', 'jobs_backup'], ['restore', 'jobs_restore'], ['schedules', 'schedules_BACKUP']] as const) {
      const mine = page.records.filter((r) => kindOf(r) === kind);
      expect(mine.length, kind).toBe(valueOf(exp, `${prefix}_protected_record_count`));
      const oldest = Math.max(0, ...mine.map((r) => r.age_s ?? 0));
      expect(Math.abs(oldest - (valueOf(exp, `${prefix}_protected_age_sec`) as number)), kind).toBeLessThanOrEqual(10);
    }
  });

  it('a holder’s page shows its records: the paused backup’s job page, a schedule’s page', async () => {
    const paused = page.records.find((r) => r.holder?.kind === 'job' && r.holder.status === 'paused') as PtsRecord;
    const job = await getJobDetail(config('auto'), paused.holder_id as string);
    expect(job.protected_timestamp).toMatchObject({ held: true, records: [{ id: paused.id, age_s: paused.age_s }] });
    expect(job.protected_timestamp.note).toMatch(/^holds 1 protected timestamp record/);
    const chain = page.records.find((r) => r.holder?.kind === 'schedule') as PtsRecord;
    const schedule = await getSchedule(config('auto'), chain.holder_id as string);
    expect(schedule.protected_timestamps.error).toBeNull();
    expect(schedule.protected_timestamps.records.map((r) => r.id)).toContain(chain.id);
  });

  it('a missing privilege is a clear, specific message on that widget only', async () => {
    const monitor = config('auto', 'monitor');
    await expect(listProtectedTimestamps(monitor)).rejects.toMatchObject({ code: 'insufficient_privilege', message: expect.stringMatching(/VIEWSYSTEMTABLE/) });
    const paused = page.records.find((r) => r.holder?.kind === 'job' && r.holder.status === 'paused') as PtsRecord;
    const job = await getJobDetail(monitor, paused.holder_id as string);
    expect(job.job.status).toBe('paused');
    expect(job.protected_timestamp).toMatchObject({ held: 'unknown', records: [] });
    expect(job.protected_timestamp.note).toMatch(/GRANT SYSTEM VIEWSYSTEMTABLE/);
  });

  it(version.startsWith('26.') ? 'with CRDB_UNSAFE_INTERNALS=off: "needs allow_unsafe_internals", never a privilege error' : 'with CRDB_UNSAFE_INTERNALS=off: the same records (nothing restricted before 26.1)', async () => {
    const off = config('off');
    if (!version.startsWith('26.')) return expect((await listProtectedTimestamps(off)).records.map((r) => r.id)).toEqual(page.records.map((r) => r.id));
    await expect(listProtectedTimestamps(off)).rejects.toMatchObject({ code: 'internals_restricted', status: 403, message: expect.stringMatching(/needs allow_unsafe_internals/) });
    const paused = page.records.find((r) => r.holder?.kind === 'job' && r.holder.status === 'paused') as PtsRecord;
    const job = await getJobDetail(off, paused.holder_id as string);
    expect(job.protected_timestamp.held).toBe('unknown');
    expect(job.protected_timestamp.note).toMatch(/needs allow_unsafe_internals/);
    expect(job.protected_timestamp.note).not.toMatch(/VIEWJOB|VIEWSYSTEMTABLE/);
  });
});
