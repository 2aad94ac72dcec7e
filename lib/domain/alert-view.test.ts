import { describe, expect, it } from 'vitest';
import type { AlertInstance } from '../api/types/alerts';
import { alertWindows, chartAlertsQuery, clipWindows, clusterAlertsApiHref, firingBadge, firingBreakdown, formatStateFilter, parseStateFilter, toggleState, windowRules } from './alert-view';

function alert(over: Partial<AlertInstance> = {}): AlertInstance {
  return {
    id: 'a1',
    cluster: 'demo',
    rule: 'scheduled_backup_failed',
    severity: 'critical',
    state: 'firing',
    active_since: '2026-12-01T10:00:00.000Z',
    fired_at: '2026-12-01T10:00:00.000Z',
    resolved_at: null,
    evaluated_at: '2026-12-01T10:30:00.000Z',
    value: 2,
    threshold: 1,
    labels: {},
    summary: '2 scheduled backups failed in the last 1 h',
    description: '',
    runbook: '',
    links: [],
    metrics: ['schedules_BACKUP_failed'],
    ...over,
  };
}

const T = (hhmm: string) => Date.parse(`2026-12-01T${hhmm}:00.000Z`);

describe('state filter (state=)', () => {
  it.each([
    [null, ['pending', 'firing', 'resolved']],
    ['', ['pending', 'firing', 'resolved']],
    ['firing', ['firing']],
    ['resolved,firing', ['firing', 'resolved']],
    ['firing,nonsense', ['firing']],
    ['nonsense', ['pending', 'firing', 'resolved']],
    [' pending , firing ', ['pending', 'firing']],
  ] as const)('%j → %j', (raw, want) => {
    expect(parseStateFilter(raw)).toEqual(want);
  });

  it('prints nothing for every state (the default) and the API order otherwise', () => {
    expect(formatStateFilter(['resolved', 'firing', 'pending'])).toBeUndefined();
    expect(formatStateFilter([])).toBeUndefined();
    expect(formatStateFilter(['resolved', 'firing'])).toBe('firing,resolved');
  });

  it('toggles a state and never leaves the filter empty', () => {
    expect(toggleState(['firing', 'resolved'], 'pending')).toEqual(['pending', 'firing', 'resolved']);
    expect(toggleState(['firing', 'resolved'], 'resolved')).toEqual(['firing']);
    expect(toggleState(['firing'], 'firing')).toEqual(['firing']);
  });

  it('builds the API URL with a fixed parameter order (one SWR key per query)', () => {
    expect(clusterAlertsApiHref('demo')).toBe('/api/v1/clusters/demo/alerts');
    expect(clusterAlertsApiHref('a b', { state: ['firing'] })).toBe('/api/v1/clusters/a%20b/alerts?state=firing');
    expect(clusterAlertsApiHref('demo', { to: 'now', from: 'now-6h', metric: 'schedules_BACKUP_failed', state: ['pending', 'firing', 'resolved'] })).toBe(
      '/api/v1/clusters/demo/alerts?metric=schedules_BACKUP_failed&from=now-6h&to=now',
    );
  });
});

describe('nav badge', () => {
  it.each([
    [{ critical: 0, warning: 0, info: 0 }, null, ''],
    [{ critical: 1, warning: 2, info: 0 }, { count: 3, tone: 'critical' }, '1 critical, 2 warning'],
    [{ critical: 0, warning: 2, info: 1 }, { count: 3, tone: 'warning' }, '2 warning, 1 info'],
    [{ critical: 0, warning: 0, info: 1 }, { count: 1, tone: 'info' }, '1 info'],
  ] as const)('%j → %j', (firing, badge, text) => {
    expect(firingBadge(firing)).toEqual(badge);
    expect(firingBreakdown(firing)).toBe(text);
  });
});

describe('shaded windows', () => {
  it('turns fired episodes into windows, oldest first; a pending one (never fired) has none', () => {
    const w = alertWindows([
      alert({ id: 'b', fired_at: '2026-12-01T11:00:00.000Z', active_since: '2026-12-01T11:00:00.000Z', resolved_at: '2026-12-01T11:20:00.000Z', state: 'resolved', severity: 'warning', rule: 'backup_job_failed' }),
      alert(),
      alert({ id: 'c', state: 'pending', fired_at: null }),
    ]);
    expect(w.map((x) => [x.rule, x.startMs, x.endMs])).toEqual([
      ['scheduled_backup_failed', T('10:00'), null],
      ['backup_job_failed', T('11:00'), T('11:20')],
    ]);
  });

  it("an instance about one of its rule's metrics shades only that metric's chart", () => {
    const pts = (m: string) => alert({ id: m, rule: 'protected_timestamp_too_old', labels: { metric: m }, metrics: ['jobs_backup_protected_age_sec', 'jobs_restore_protected_age_sec'] });
    const answer = [pts('jobs_backup_protected_age_sec'), pts('jobs_restore_protected_age_sec'), alert()];
    expect(alertWindows(answer, 'jobs_restore_protected_age_sec').map((w) => w.key)).toEqual(['jobs_restore_protected_age_sec@2026-12-01T10:00:00.000Z']);
    expect(alertWindows(answer)).toHaveLength(3);
  });

  it("keeps only the episodes of rules that read the chart's metric (the plain list holds every rule's)", () => {
    const sql = alert({ id: 's', rule: 'backup_schedule_stale', metrics: [] });
    const other = alert({ id: 'o', rule: 'backup_job_failed', metrics: ['jobs_backup_resume_failed'] });
    expect(alertWindows([sql, other, alert()], 'schedules_BACKUP_failed').map((w) => w.rule)).toEqual(['scheduled_backup_failed']);
  });

  it('a range ending now shares the plain list; any other range asks for the metric', () => {
    expect(chartAlertsQuery('schedules_BACKUP_failed', 'now-6h', 'now')).toEqual({ from: 'now-6h', to: 'now' });
    expect(chartAlertsQuery('schedules_BACKUP_failed', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z')).toEqual({ metric: 'schedules_BACKUP_failed', from: '2026-12-01T10:00:00Z', to: '2026-12-01T12:00:00Z' });
    expect(chartAlertsQuery('m', 'now-1h', 'now-30m')).toMatchObject({ metric: 'm' });
  });

  it('an instance that fired twice is two windows; the same episode twice is one', () => {
    const first = alert({ state: 'resolved', resolved_at: '2026-12-01T10:10:00.000Z' });
    const again = alert({ active_since: '2026-12-01T10:40:00.000Z', fired_at: '2026-12-01T10:40:00.000Z' });
    expect(alertWindows([first, again, first])).toHaveLength(2);
  });

  it('cuts windows to the range; an ongoing one reaches the newest sample (or its last evaluation), never the future', () => {
    const [ongoing] = alertWindows([alert()]);
    // Range 09:00–12:00, newest sample 11:00: the window runs 10:00–11:00.
    expect(clipWindows([ongoing], T('09:00'), T('12:00'), T('11:00'))).toMatchObject([{ x1: T('10:00'), x2: T('11:00'), ongoing: true }]);
    // A range that ended before now: cut at its end.
    expect(clipWindows([ongoing], T('09:00'), T('10:20'), T('11:00'))).toMatchObject([{ x1: T('10:00'), x2: T('10:20') }]);
    // The evaluation saw it later than the chart's newest sample.
    expect(clipWindows([ongoing], T('09:00'), T('12:00'), T('10:15'))).toMatchObject([{ x2: T('10:30') }]);
    // Starts before the range.
    expect(clipWindows([ongoing], T('10:05'), T('10:25'), T('10:25'))).toMatchObject([{ x1: T('10:05'), x2: T('10:25') }]);
  });

  it('drops windows outside the range and widens a very short one to the minimum', () => {
    const [done] = alertWindows([alert({ state: 'resolved', resolved_at: '2026-12-01T10:00:10.000Z' })]);
    expect(clipWindows([done], T('10:01'), T('11:00'), T('11:00'))).toEqual([]);
    expect(clipWindows([done], T('08:00'), T('09:00'), T('11:00'))).toEqual([]);
    const [w] = clipWindows([done], T('09:00'), T('11:00'), T('11:00'), 60_000);
    expect(w.x2 - w.x1).toBe(60_000);
    expect(w.x1).toBeGreaterThanOrEqual(T('09:00'));
    expect(w.ongoing).toBe(false);
  });

  it('names each rule once, worst severity first', () => {
    const w = alertWindows([
      alert({ id: 'x', rule: 'backup_job_failed', severity: 'warning' }),
      alert({ id: 'y' }),
      alert({ id: 'z', active_since: '2026-12-01T10:50:00.000Z', fired_at: '2026-12-01T10:50:00.000Z' }),
    ]);
    expect(windowRules(w)).toEqual([
      { rule: 'scheduled_backup_failed', severity: 'critical' },
      { rule: 'backup_job_failed', severity: 'warning' },
    ]);
  });
});
