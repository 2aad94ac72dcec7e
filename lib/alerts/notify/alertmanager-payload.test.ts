import { describe, expect, it } from 'vitest';
import { alertFixture } from './alert-fixtures';
import { batches, toAlertmanagerAlert } from './alertmanager-payload';

const opts = { dashboardUrl: 'https://ops.example.com', validUntilMs: Date.parse('2026-12-01T10:09:00Z') };

describe('toAlertmanagerAlert', () => {
  it('maps a firing instance to a v2 postable alert', () => {
    expect(toAlertmanagerAlert(alertFixture(), opts)).toEqual({
      labels: { alertname: 'backup_schedule_stale', severity: 'critical', cluster: 'demo', schedule_id: '1012345678901234567', label: 'nightly' },
      annotations: {
        summary: 'Schedule nightly has not completed a backup for 2h',
        description: 'The newest successful backup of schedule nightly is 2h old; its cron expects one every hour.',
        runbook: 'https://runbooks.example.com/crdb/backup-stale',
        dashboard_url: 'https://ops.example.com/c/demo/schedules/1012345678901234567',
      },
      startsAt: '2026-12-01T10:05:00.000Z',
      endsAt: '2026-12-01T10:09:00.000Z',
      generatorURL: 'https://ops.example.com/c/demo/schedules/1012345678901234567',
    });
  });

  it('ends a resolved instance when it resolved', () => {
    const a = toAlertmanagerAlert(alertFixture({ state: 'resolved', resolved_at: '2026-12-01T10:30:00.000Z' }), opts);
    expect(a.endsAt).toBe('2026-12-01T10:30:00.000Z');
    expect(a.startsAt).toBe('2026-12-01T10:05:00.000Z');
  });

  it('links to the cluster alerts page when the instance has no link, keeping a path prefix', () => {
    const a = toAlertmanagerAlert(alertFixture({ links: [], cluster: 'prod-eu' }), { ...opts, dashboardUrl: 'https://ops.example.com/crdb' });
    expect(a.generatorURL).toBe('https://ops.example.com/crdb/c/prod-eu/alerts');
    expect(a.annotations.dashboard_url).toBe(a.generatorURL);
  });

  it('keeps the identity labels over instance labels of the same name, fixes label names, drops empty values', () => {
    const a = toAlertmanagerAlert(alertFixture({ labels: { cluster: 'other', alertname: 'x', 'node-id': '2', '1st': 'a', empty: '' }, runbook: '' }), opts);
    expect(a.labels).toEqual({ alertname: 'backup_schedule_stale', severity: 'critical', cluster: 'demo', node_id: '2', _1st: 'a' });
    expect(a.annotations).not.toHaveProperty('runbook');
  });
});

describe('batches', () => {
  it('splits into Prometheus-sized batches of 64', () => {
    const items = Array.from({ length: 130 }, (_, i) => i);
    expect(batches(items).map((b) => b.length)).toEqual([64, 64, 2]);
    expect(batches([])).toEqual([]);
  });
});
