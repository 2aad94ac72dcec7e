import { describe, expect, it } from 'vitest';
import type { Freshness, ScheduleRow, ScheduleRun } from '../api/types/schedules';
import { groupSchedules, isFailing, pairSchedules } from './schedule-groups';

const NOW = Date.parse('2026-11-25T20:07:00Z');
const ago = (min: number) => new Date(NOW - min * 60_000).toISOString();
const fresh = (interval: number | null): Freshness => ({ status: 'ok', age_s: null, expected_interval_s: interval, last_success: null, paused: false, reason: '', late_after_s: null, stale_after_s: null });
const run = (status: string, finishedMinAgo: number | null): ScheduleRun => ({ job_id: String(1000 + (finishedMinAgo ?? 0)), status, created: null, finished: finishedMinAgo === null ? null : ago(finishedMinAgo), error: null });

function row(p: Partial<ScheduleRow> & { id: string; label: string }): ScheduleRow {
  return {
    schedule_status: 'ACTIVE', next_run: null, state: null, recurrence: null, recurrence_text: null, jobsrunning: 0, owner: 'root', created: null,
    on_previous_running: 'WAIT', on_execution_failure: 'RETRY_SCHED', command: null, backup_type: 'FULL', collection: `s3://b/${p.label}`,
    paired_with: null, last_success: ago(10), last_failure: null, freshness: fresh(3_600), runs: [], ...p,
  };
}

describe('pairSchedules', () => {
  it('pairs by unpause_on_success, then by label + collection; a FULL BACKUP ALWAYS schedule stays alone', () => {
    const pairs = pairSchedules([
      { id: '1', label: 'dr', backup_type: 'FULL', collection: 's3://a', unpause_on_success: '2' },
      { id: '2', label: 'dr', backup_type: 'INCREMENTAL', collection: 's3://a' },
      { id: '3', label: 'movr', backup_type: 'FULL', collection: 'gs://m' },
      { id: '4', label: 'movr', backup_type: 'INCREMENTAL', collection: 'gs://m' },
      { id: '5', label: 'rides', backup_type: 'FULL', collection: 'external://r' },
      { id: '6', label: 'other', backup_type: 'INCREMENTAL', collection: 'gs://elsewhere' },
    ]);
    expect(Object.fromEntries(pairs)).toEqual({ 1: '2', 2: '1', 3: '4', 4: '3' });
  });
});

describe('isFailing', () => {
  it('is about the most recent finished run, not a running one', () => {
    expect(isFailing({ runs: [run('running', null), run('failed', 5), run('succeeded', 60)] })).toBe(true);
    expect(isFailing({ runs: [run('succeeded', 5), run('failed', 60)] })).toBe(false);
    expect(isFailing({ runs: [] })).toBe(false);
  });
});

describe('groupSchedules: pairs together, problems first', () => {
  const rows = [
    row({ id: '10', label: 'alpha_ok', backup_type: 'INCREMENTAL', paired_with: '11', last_success: ago(20), freshness: fresh(3_600) }),
    row({ id: '11', label: 'alpha_ok', backup_type: 'FULL', paired_with: '10', last_success: ago(600), freshness: fresh(86_400) }),
    row({ id: '20', label: 'payroll', backup_type: 'INCREMENTAL', paired_with: '21', schedule_status: 'PAUSED', last_success: ago(9 * 1440), freshness: fresh(86_400) }),
    row({ id: '21', label: 'payroll', backup_type: 'FULL', paired_with: '20', schedule_status: 'PAUSED', last_success: ago(10 * 1440), freshness: fresh(604_800) }),
    row({ id: '30', label: 'beta_late', last_success: ago(100), freshness: fresh(3_600) }),
    row({ id: '40', label: 'gamma_failing', last_success: ago(20), freshness: fresh(3_600), runs: [run('failed', 5), run('succeeded', 20)] }),
    row({ id: '50', label: 'delta_paused_ok', schedule_status: 'PAUSED', last_success: ago(5), freshness: fresh(3_600) }),
    row({ id: '60', label: 'epsilon_waiting', backup_type: 'INCREMENTAL', schedule_status: 'PAUSED', state: 'Waiting for initial backup to complete', last_success: null, freshness: fresh(3_600) }),
  ];
  const groups = groupSchedules(rows, NOW);

  it('orders stale, late, failing, paused, then the healthy by label', () => {
    expect(groups.map((g) => [g.label, g.problems])).toEqual([
      ['payroll', ['stale', 'paused']],
      ['beta_late', ['late']],
      ['gamma_failing', ['failing']],
      ['delta_paused_ok', ['paused']],
      ['alpha_ok', []],
      ['epsilon_waiting', []],
    ]);
  });

  it('a pair is one group, full first, keyed by the full', () => {
    const alpha = groups.find((g) => g.label === 'alpha_ok');
    expect(alpha).toMatchObject({ key: '11', schedule_ids: ['11', '10'] });
    expect(alpha?.freshness).toMatchObject({ status: 'ok', expected_interval_s: 3_600, age_s: 1_200 });
    expect(groups.find((g) => g.label === 'payroll')?.freshness.paused).toBe(true);
  });

  it('the incremental waiting for its first full is not a forgotten pause', () => {
    expect(groups.find((g) => g.label === 'epsilon_waiting')?.problems).toEqual([]);
  });
});

describe('groupSchedules: where a click lands', () => {
  const failed = (min: number, error: string): ScheduleRun => ({ ...run('failed', min), error });

  it('a failing incremental beside a healthy full: the group names the incremental and its newest failure', () => {
    const [g] = groupSchedules(
      [
        row({ id: '1', label: 'movr', backup_type: 'FULL', paired_with: '2', last_success: ago(30), freshness: fresh(86_400), runs: [run('succeeded', 30), failed(7 * 1440, 'old')] }),
        row({ id: '2', label: 'movr', backup_type: 'INCREMENTAL', paired_with: '1', last_success: ago(30), freshness: fresh(900), runs: [failed(3, 'AccessDenied'), failed(18, 'AccessDenied (older)')] }),
      ],
      NOW,
    );
    expect(g.problems).toContain('failing');
    expect(g.focus_id).toBe('2');
    expect(g.failure).toEqual({ schedule_id: '2', job_id: '1003', finished: ago(3), error: 'AccessDenied' });
  });

  it('stale without failures lands on the schedule with the shortest cadence (the one that sets the interval)', () => {
    const [g] = groupSchedules(
      [
        row({ id: '1', label: 'dr', backup_type: 'FULL', paired_with: '2', last_success: ago(600), freshness: fresh(86_400), runs: [run('succeeded', 600)] }),
        row({ id: '2', label: 'dr', backup_type: 'INCREMENTAL', paired_with: '1', last_success: ago(600), freshness: fresh(3_600), runs: [] }),
      ],
      NOW,
    );
    expect(g.problems[0]).toBe('stale');
    expect(g.failure).toBeNull();
    expect(g.focus_id).toBe('2');
  });

  it('a healthy group lands on its full', () => {
    const [g] = groupSchedules([row({ id: '7', label: 'ok', runs: [run('succeeded', 5)] })], NOW);
    expect(g).toMatchObject({ problems: [], focus_id: '7', failure: null });
  });
});
