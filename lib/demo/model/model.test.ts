import { describe, expect, it } from 'vitest';
import { isCurrentlyRunning } from './jobs';
import { DemoModel } from './model';

const START = Date.parse('2026-11-25T20:07:00Z');
// These tests read jobs and metrics, not the time-series store: without it a model starts ~1.7 s sooner.
const make = (seed = 7, version: '23.2' | '24.3' | '25.4' = '25.4') => new DemoModel({ nodes: 3, seed, speed: 0, version, startMs: START, timeSeries: false });
const sum = (m: DemoModel, name: string) => [1, 2, 3].reduce((acc, n) => acc + (m.nodeMetrics(n)[name] ?? 0), 0);

describe('demo behaviour model', () => {
  it('holds about 14 days of history, with every kind of job the views need', () => {
    const m = make();
    const jobs = m.jobs();
    const oldest = Math.min(...jobs.filter((j) => j.created_by_id).map((j) => j.created.getTime()));
    expect(START - oldest).toBeGreaterThan(13.9 * 86_400_000);
    const kinds = new Set(jobs.map((j) => `${j.job_type}/${j.status}`));
    for (const k of ['BACKUP/succeeded', 'BACKUP/failed', 'BACKUP/paused', 'RESTORE/running', 'RESTORE/succeeded', 'AUTO CREATE STATS/succeeded', 'CHANGEFEED/running']) {
      expect(kinds, k).toContain(k);
    }
    expect(jobs.some((j) => j.execution_errors.length > 0 && j.job_type === 'BACKUP')).toBe(true);
    expect(jobs.filter((j) => j.status === 'failed').every((j) => j.error.length > 10)).toBe(true);
  });

  it('gives the same history for the same seed and start, and another for another seed', () => {
    const a = make(3).jobs().map((j) => [j.job_id, j.status, j.created.getTime(), j.coordinator_id, j.error].join('|'));
    const b = make(3).jobs().map((j) => [j.job_id, j.status, j.created.getTime(), j.coordinator_id, j.error].join('|'));
    const c = make(4).jobs().map((j) => [j.job_id, j.status, j.created.getTime(), j.coordinator_id, j.error].join('|'));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('creates schedules as CREATE SCHEDULE FOR BACKUP does: full/incremental pairs, a metric-updating one, a forgotten pause', () => {
    const s = make().schedules();
    const dr = s.filter((x) => x.label === 'cluster_dr');
    expect(dr.map((x) => x.backup_type).sort()).toEqual(['FULL', 'INCREMENTAL']);
    expect(dr.every((x) => x.updates_last_backup_metric)).toBe(true);
    expect(dr.find((x) => x.backup_type === 'INCREMENTAL')?.command.backup_statement).toMatch(/^BACKUP INTO LATEST IN 's3:\/\/.*AWS_SECRET_ACCESS_KEY=redacted' WITH revision_history, detached$/);
    const payroll = s.filter((x) => x.label === 'payroll_weekly');
    expect(payroll.every((x) => x.schedule_status === 'PAUSED' && x.next_run === null)).toBe(true);
    expect(s.filter((x) => x.schedule_status === 'ACTIVE').every((x) => x.next_run && x.next_run.getTime() > START)).toBe(true);
    // Ids are INT8s past JavaScript's safe integers, carried as strings.
    expect(s.every((x) => /^\d{19}$/.test(x.id) && BigInt(x.id) > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
  });

  it('keeps every metric consistent with the jobs SQL shows', () => {
    const m = make();
    for (let i = 0; i < 12; i++) {
      const jobs = m.jobs();
      for (const [t, type] of [['backup', 'BACKUP'], ['restore', 'RESTORE']] as const) {
        expect(sum(m, `jobs_${t}_currently_running`)).toBe(jobs.filter((j) => j.job_type === type && isCurrentlyRunning(j.status)).length);
        expect(sum(m, `jobs_${t}_currently_paused`)).toBe(jobs.filter((j) => j.job_type === type && j.status === 'paused').length);
        for (const n of [1, 2, 3]) {
          const mine = jobs.filter((j) => j.job_type === type && isCurrentlyRunning(j.status) && j.coordinator_id === n).length;
          expect(m.nodeMetrics(n)[`jobs_${t}_currently_running`]).toBe(mine);
        }
      }
      m.advance(7 * 60_000);
    }
  });

  it('counts scheduled runs on the nodes that ran them, and the paused backup holds an ageing protected timestamp', () => {
    const m = make();
    const scheduled = m.jobs().filter((j) => j.created_by_id);
    expect(sum(m, 'schedules_BACKUP_started')).toBe(scheduled.length);
    expect(sum(m, 'schedules_BACKUP_succeeded')).toBe(scheduled.filter((j) => j.status === 'succeeded').length);
    expect(sum(m, 'schedules_BACKUP_failed')).toBe(scheduled.filter((j) => j.status === 'failed' || j.status === 'canceled').length);
    const age0 = Math.max(...[1, 2, 3].map((n) => m.nodeMetrics(n).jobs_backup_protected_age_sec));
    expect(age0).toBeGreaterThan(3600);
    m.advance(600_000);
    expect(Math.max(...[1, 2, 3].map((n) => m.nodeMetrics(n).jobs_backup_protected_age_sec))).toBeGreaterThanOrEqual(age0 + 600);
    // The paused payroll schedule still holds its chain's record from before the pause: days old.
    expect(Math.max(...[1, 2, 3].map((n) => m.nodeMetrics(n).schedules_BACKUP_protected_age_sec))).toBeGreaterThan(8 * 86_400);
  });

  it('never decreases a counter except across a node restart, which also zeroes last_completed_time', () => {
    const m = make();
    const counters = ['jobs_backup_resume_completed', 'schedules_BACKUP_started', 'schedules_BACKUP_succeeded', 'jobs_backup_resume_retry_error'];
    let prev = [1, 2, 3].map((n) => m.nodeMetrics(n));
    for (let i = 0; i < 30; i++) {
      m.advance(15 * 60_000);
      const cur = [1, 2, 3].map((n) => m.nodeMetrics(n));
      for (const c of counters) for (const n of [0, 1, 2]) expect(cur[n][c]).toBeGreaterThanOrEqual(prev[n][c]);
      prev = cur;
    }
    expect(prev.some((x) => x.schedules_BACKUP_last_completed_time > 0)).toBe(true);
    m.restartNode(2);
    const after = m.nodeMetrics(2);
    expect(after.schedules_BACKUP_last_completed_time).toBe(0);
    expect(after.jobs_backup_resume_completed).toBe(0);
    expect(m.jobs().filter((j) => j.coordinator_id === 2 && j.status === 'running')).toEqual([]);
  });

  it('has overrunning backups make the scheduler wait or skip, in its round gauges', () => {
    const m = new DemoModel({ nodes: 3, seed: 1, speed: 0, version: '25.4', startMs: START, historyDays: 1 });
    let skip = 0;
    let wait = 0;
    for (let i = 0; i < 24 * 60; i++) {
      m.advance(60_000);
      skip += sum(m, 'schedules_round_reschedule_skip');
      wait += sum(m, 'schedules_round_reschedule_wait');
    }
    expect(skip).toBeGreaterThan(0);
    expect(wait).toBeGreaterThan(0);
  });

  it('exports fail_or_cancel_failed only where the version still has it', () => {
    expect(make(7, '25.4').nodeMetrics(1)).not.toHaveProperty('jobs_backup_fail_or_cancel_failed');
    expect(make(7, '23.2').nodeMetrics(1)).toHaveProperty('jobs_backup_fail_or_cancel_failed');
  });

  it('pauses, resumes and cancels jobs with CockroachDB-like state changes and errors', () => {
    const m = make();
    const running = m.jobs().find((j) => j.job_type === 'RESTORE' && j.status === 'running')!;
    m.pauseJob(running.job_id);
    expect(m.job(running.job_id)?.status).toBe('pause-requested');
    m.advance(20_000);
    expect(m.job(running.job_id)?.status).toBe('paused');
    m.resumeJob(running.job_id);
    m.advance(20_000);
    expect(m.job(running.job_id)?.status).toBe('running');
    const done = m.jobs().find((j) => j.status === 'succeeded')!;
    expect(() => m.pauseJob(done.job_id)).toThrow(/cannot be requested to be paused/);
    expect(() => m.cancelJob('123')).toThrow(/does not exist/);
    m.cancelJob(running.job_id);
    m.advance(60_000);
    expect(m.job(running.job_id)?.status).toBe('canceled');
  });
});

describe('schedule fault (setScheduleFault)', () => {
  const line = (m: DemoModel) => m.jobs().map((j) => [j.job_id, j.status, j.created.getTime(), j.error].join('|'));

  it("fails every backup the schedule starts, until cleared; other schedules' history stays the same", () => {
    const m = make(5);
    const plain = make(5);
    m.setScheduleFault('movr_frequent', 'failed to write to external storage: gs: 403 Forbidden');
    m.advance(3_600_000);
    plain.advance(3_600_000);
    const ids = new Set(m.schedules().filter((s) => s.label === 'movr_frequent').map((s) => s.id));
    const after = m.jobs().filter((j) => j.created_by_id !== null && ids.has(j.created_by_id) && j.created.getTime() > START);
    expect(after.length).toBeGreaterThanOrEqual(4);
    expect(after.filter((j) => j.status !== 'running' && j.status !== 'pending').every((j) => j.status === 'failed' && j.error.includes('403 Forbidden'))).toBe(true);
    expect(m.scheduleFaults()).toEqual({ movr_frequent: 'failed to write to external storage: gs: 403 Forbidden' });
    // The seeded history before the fault is untouched.
    expect(line(m).filter((l) => Number(l.split('|')[2]) < START)).toEqual(line(plain).filter((l) => Number(l.split('|')[2]) < START));
    m.setScheduleFault('movr_frequent', null);
    m.advance(3 * 3_600_000);
    const later = m.jobs().filter((j) => j.created_by_id !== null && ids.has(j.created_by_id) && j.created.getTime() > START + 3_600_000);
    expect(later.some((j) => j.status === 'succeeded')).toBe(true);
    expect(() => m.setScheduleFault('nope', 'x')).toThrow(/no schedule labelled nope/);
  });
});

describe('a demo anchored at an epoch', () => {
  it('is the same world whenever it starts: same jobs and counters', () => {
    const epoch = Date.parse('2026-11-23T00:00:00Z');
    const a = new DemoModel({ nodes: 3, seed: 9, speed: 0, version: '25.4', startMs: epoch + 2 * 86_400_000, epochMs: epoch, historyDays: 3 });
    const b = new DemoModel({ nodes: 3, seed: 9, speed: 0, version: '25.4', startMs: epoch + 86_400_000, epochMs: epoch, historyDays: 3 });
    b.advance(86_400_000);
    const key = (m: DemoModel) => m.jobs().map((j) => `${j.job_id}|${j.status}|${j.coordinator_id}`);
    expect(key(b)).toEqual(key(a));
    expect([1, 2, 3].map((n) => b.nodeMetrics(n))).toEqual([1, 2, 3].map((n) => a.nodeMetrics(n)));
  });
  it('records its time series (/ts/query) without changing its past', () => {
    const recorded = new DemoModel({ nodes: 3, seed: 7, speed: 0, version: '25.4', startMs: START, timeSeries: { retentionDays: 1 } });
    const key = (m: DemoModel) => m.jobs().map((j) => [j.job_id, j.status, j.created.getTime(), j.coordinator_id].join('|'));
    expect(key(recorded)).toEqual(key(make()));
    expect([1, 2, 3].map((n) => recorded.nodeMetrics(n))).toEqual([1, 2, 3].map((n) => make().nodeMetrics(n)));
  });
});
