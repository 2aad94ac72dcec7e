import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listJobEvents, parseJobEventsQuery } from '@/lib/api/job-events';
import { getSchedule, listSchedules } from '@/lib/api/schedules';
import type { JobsPage } from '@/lib/api/types/jobs';
import type { ClusterConfig, UnsafeInternalsMode } from '@/lib/config';
import type { DemoCluster } from '@/lib/demo/cluster';
import { CRDB_VERSIONS, type CrdbVersion } from '@/lib/demo/types';
import { parseJobsQuery } from '@/lib/jobs/filter';
import { listBackups } from '@/lib/sql/backups';
import { getJob, listJobs } from '@/lib/sql/jobs';
import { lastSessionInfo } from '@/lib/sql/session';
import { query, START_MS, startFrozen } from './demo-helpers';

/**
 * Every emulated version, twice: with the dashboard's default (CRDB_UNSAFE_INTERNALS=auto: it sets
 * allow_unsafe_internals = on where the variable exists) and with CRDB_UNSAFE_INTERNALS=off. Before
 * v26.1 "off" changes nothing (nothing is restricted: no variable before 25.4, on by default in 25.4);
 * on 26.1 and 26.2 the answers come from SHOW statements and say what they cannot show.
 */
const RESTRICTED_WHEN_OFF: Record<CrdbVersion, boolean> = { '23.2': false, '24.3': false, '25.4': false, '26.1': true, '26.2': true };
const H12 = 12 * 3_600_000;

const filter = (qs: string) => {
  const r = parseJobsQuery(new URLSearchParams(qs));
  if (!r.success) throw new Error(r.error.message);
  return r.data;
};
// Sorted: SHOW JOB's long form prints times to the second from v24.1, so ties may order differently.
const ids = (p: JobsPage) => p.jobs.map((j) => j.job_id).sort();

describe.each(CRDB_VERSIONS)('CockroachDB v%s, internals allowed and CRDB_UNSAFE_INTERNALS=off', (version) => {
  let demo: DemoCluster;
  let allowed: ClusterConfig;
  let off: ClusterConfig;
  /** Jobs a schedule created (read directly, as an operator with the variable on would). */
  let scheduled: Set<string>;
  const restricted = RESTRICTED_WHEN_OFF[version];
  const config = (mode: UnsafeInternalsMode): ClusterConfig => ({
    id: `ui-${version.replace('.', '')}-${mode}-${process.pid}`, name: version, sqlUrl: demo.sqlUrl, httpUrls: demo.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: false, unsafeInternals: mode,
  });

  beforeAll(async () => {
    // extraJobs: ad-hoc backups spread over the history, some finished long before SHOW JOBS' 12 h.
    demo = await startFrozen({ version, nodes: 1, controlPort: null, historyDays: 3, extraJobs: 30 });
    allowed = config('auto');
    off = config('off');
    const { rows } = await query<{ id: string }>(demo.sqlUrl, `SELECT id::STRING AS id FROM system.jobs WHERE created_by_type = 'crdb_schedule'`);
    scheduled = new Set(rows.map((r) => r.id));
  });
  afterAll(() => demo?.stop());

  it('the session knows the version and whether internals are restricted', async () => {
    await listJobs(allowed, filter('from=now-1h'));
    await listJobs(off, filter('from=now-1h'));
    expect(lastSessionInfo(allowed)).toMatchObject({ version: expect.stringMatching(new RegExp(`^v${version.replace('.', '\\.')}\\.`)), internals: 'allowed' });
    const info = lastSessionInfo(off);
    expect(info?.internals).toBe(restricted ? 'restricted' : 'allowed');
    expect(info?.variable).toBe(version >= '25.4');
    if (restricted) expect(info?.why).toMatch(/CRDB_UNSAFE_INTERNALS=off, and the session's default is off/);
  });

  it('jobs beyond 12 h: crdb_internal.jobs, or SHOW JOBS + SHOW JOBS FOR SCHEDULES saying what is missing', async () => {
    // Ad-hoc backups (their collection is .../adhoc): no schedule creates them.
    const f = filter('type=BACKUP,RESTORE&q=adhoc&from=now-3d&limit=200');
    const full = await listJobs(allowed, f);
    expect(full).toMatchObject({ source: 'crdb_internal.jobs', unavailable: [] });
    const degraded = await listJobs(off, f);
    if (!restricted) return expect(ids(degraded)).toEqual(ids(full));
    expect(degraded.source).toBe('show_jobs+schedules');
    expect(degraded.sql).not.toMatch(/crdb_internal|system\./);
    expect(degraded.unavailable).toEqual([expect.stringMatching(/finished more than 12 h ago need allow_unsafe_internals/)]);
    // What is missing is exactly the ad-hoc jobs that finished more than 12 h ago.
    const missing = full.jobs.filter((j) => !ids(degraded).includes(j.job_id));
    expect(missing.length).toBeGreaterThan(0);
    for (const j of missing) {
      expect(scheduled.has(j.job_id)).toBe(false);
      expect(Date.parse(j.finished ?? '')).toBeLessThan(START_MS - H12 + 60_000);
    }
    expect(degraded.jobs.every((j) => full.jobs.some((x) => x.job_id === j.job_id && x.status === j.status))).toBe(true);
  });

  it('text search and retry filters read the full description and execution errors either way', async () => {
    for (const qs of ['q=movr&from=now-6h', 'q=adhoc&from=now-3d&limit=200', 'retried=1&from=now-3d&limit=200', 'status=retry-running,retry-reverting&from=now-6h']) {
      const full = await listJobs(allowed, filter(qs));
      const degraded = await listJobs(off, filter(qs));
      if (qs.includes('retry-running')) expect(full.sql).toContain(`IN ('retry-running', 'retry-reverting')`);
      const within12h = qs.includes('now-6h');
      if (!restricted || within12h) {
        expect(ids(degraded), qs).toEqual(ids(full));
        expect(degraded.unavailable, qs).toEqual([]);
      } else {
        expect(ids(degraded).every((id) => ids(full).includes(id)), qs).toBe(true);
        expect(degraded.unavailable, qs).toHaveLength(1);
      }
      if (qs.startsWith('q=')) expect(degraded.jobs.every((j) => j.description?.includes(qs.slice(2, qs.indexOf('&')))), qs).toBe(true);
    }
  });

  it('job detail: the creating schedule found either way (system.jobs, or SHOW JOBS FOR SCHEDULE)', async () => {
    const id = [...scheduled].sort().at(-5) as string;
    const a = await getJob(allowed, id);
    const b = await getJob(off, id);
    expect(a.schedule?.id).toMatch(/^\d+$/);
    expect(b.schedule).toEqual(a.schedule);
    expect(b.job).toEqual(a.job);
    const adhoc = (await listJobs(allowed, filter('type=BACKUP&from=now-3d&limit=200'))).jobs.find((j) => !scheduled.has(j.job_id));
    expect((await getJob(off, adhoc?.job_id as string)).schedule).toBeNull();
  });

  it('schedules freshness and a schedule’s page: the same answer from SHOW JOBS FOR SCHEDULE', async () => {
    const a = await listSchedules(allowed);
    const b = await listSchedules(off);
    const facts = (p: typeof a) => p.schedules.map((s) => [s.id, s.last_success, s.last_failure?.job_id ?? null, s.freshness.status, s.runs.map((r) => r.job_id).join()]);
    expect(facts(b)).toEqual(facts(a));
    expect(b.groups.map((g) => [g.label, g.freshness.status, g.problems])).toEqual(a.groups.map((g) => [g.label, g.freshness.status, g.problems]));
    expect(a.groups[0]).toMatchObject({ label: 'payroll_weekly' });
    if (restricted) expect(b.sql.join('\n')).not.toMatch(/crdb_internal|system\./);
    const id = a.schedules[0].id;
    const da = await getSchedule(allowed, id);
    const db = await getSchedule(off, id);
    expect(db.jobs.map((j) => j.job_id)).toEqual(da.jobs.map((j) => j.job_id));
  });

  it('backups: collections and trends either way', async () => {
    const a = await listBackups(allowed, {});
    const b = await listBackups(off, {});
    expect(b.collections.map((c) => [c.collection, c.backups?.length])).toEqual(a.collections.map((c) => [c.collection, c.backups?.length]));
    // SHOW JOB's long form prints times to the second from v24.1: durations may differ by a second.
    const approx = (t: typeof a.trends) => t.map((x) => ({ ...x, runs: x.runs.map((r) => ({ ...r, duration_s: r.duration_s === null ? null : Math.round(r.duration_s / 10) })) }));
    expect(approx(b.trends)).toEqual(approx(a.trends));
    expect(a.trends.some((t) => t.runs.length > 0)).toBe(true);
  });

  it('job events: ad-hoc jobs older than 12 h are missing without internals, and the answer says so', async () => {
    // Absolute times: the demo's clock is frozen at START_MS, the dashboard's is the wall clock.
    const iso = (ms: number) => new Date(ms).toISOString();
    const q = parseJobEventsQuery(new URLSearchParams({ from: iso(START_MS - 18 * 3_600_000), to: iso(START_MS) }));
    const a = await listJobEvents(allowed, q);
    const b = await listJobEvents(off, q);
    expect(a.unavailable).toEqual([]);
    if (!restricted) return expect(b.events).toEqual(a.events);
    expect(b.unavailable).toEqual([expect.stringMatching(/need allow_unsafe_internals/)]);
    expect(b.events.length).toBeLessThan(a.events.length);
    // Every event of the last 12 h is there.
    const recent = (e: typeof a.events) => e.filter((x) => x.t_ms > START_MS - H12 + 60_000).map((x) => `${x.job_id}:${x.kind}`).sort();
    expect(recent(b.events)).toEqual(recent(a.events));
  });
});
