import type { AlertInstance, AlertState, AlertTransition, EvaluationOutcome } from '../types';

/** Data fixtures for the notifier tests: one alert instance and the outcomes that move it along. */
export function alertFixture(over: Partial<AlertInstance> = {}): AlertInstance {
  return {
    id: 'a1b2c3',
    cluster: 'demo',
    rule: 'backup_schedule_stale',
    severity: 'critical',
    state: 'firing',
    active_since: '2026-12-01T10:00:00.000Z',
    fired_at: '2026-12-01T10:05:00.000Z',
    resolved_at: null,
    evaluated_at: '2026-12-01T10:05:00.000Z',
    value: 7200,
    threshold: 3600,
    labels: { schedule_id: '1012345678901234567', label: 'nightly' },
    summary: 'Schedule nightly has not completed a backup for 2h',
    description: 'The newest successful backup of schedule nightly is 2h old; its cron expects one every hour.',
    runbook: 'https://runbooks.example.com/crdb/backup-stale',
    links: [{ label: 'Schedule nightly', href: '/c/demo/schedules/1012345678901234567' }],
    metrics: [],
    ...over,
  };
}

export function transitionFixture(alert: AlertInstance, from: AlertTransition['from'], to: AlertState, at = alert.evaluated_at): AlertTransition {
  return { alert, from, to, at };
}

export function outcomeFixture(alerts: AlertInstance[], transitions: AlertTransition[] = [], evaluated_at = alerts[0]?.evaluated_at ?? new Date().toISOString()): EvaluationOutcome {
  return { cluster: alerts[0]?.cluster ?? 'demo', evaluated_at, alerts, transitions };
}
