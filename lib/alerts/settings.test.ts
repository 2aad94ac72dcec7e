import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { effectiveSettings, parseAlertSettings } from './settings';

const file = (text: string, ext = 'yaml') => {
  const p = path.join(mkdtempSync(path.join(tmpdir(), 'alerts-')), `alerts.${ext}`);
  writeFileSync(p, text);
  return p;
};

describe('ALERTS_FILE', () => {
  it('applies defaults, then global, then per-cluster overrides', () => {
    const s = parseAlertSettings({
      ALERTS_FILE: file(`sql_interval: 30s
rules:
  protected_timestamp_too_old: { threshold: 24h, for: 5m }
  backup_schedule_paused: { enabled: false }
clusters:
  staging:
    rules:
      protected_timestamp_too_old: { severity: info }
`),
    });
    expect(s.sqlIntervalMs).toBe(30_000);
    expect(effectiveSettings(s, 'protected_timestamp_too_old')).toMatchObject({ threshold: 86_400, for_s: 300, severity: 'warning' });
    expect(effectiveSettings(s, 'protected_timestamp_too_old', 'staging')).toMatchObject({ threshold: 86_400, severity: 'info' });
    expect(effectiveSettings(s, 'backup_schedule_paused').enabled).toBe(false);
    expect(effectiveSettings(s, 'scheduled_backup_failed')).toMatchObject({ enabled: true, severity: 'critical', threshold: 1, window_s: 3600 });
  });

  it('reads JSON too, and without a file gives the catalog defaults', () => {
    const s = parseAlertSettings({ ALERTS_FILE: file('{"rules": {"backup_job_failed": {"severity": "critical"}}}', 'json') });
    expect(effectiveSettings(s, 'backup_job_failed').severity).toBe('critical');
    expect(effectiveSettings(parseAlertSettings({}), 'backup_job_failed').severity).toBe('warning');
  });

  it.each([
    ['rules:\n  no_such_rule: { enabled: false }', /rules\.no_such_rule: no such rule/],
    ['rules:\n  backup_job_failed: { severity: loud }', /rules\.backup_job_failed\.severity/],
    ['rules:\n  backup_job_failed: { for: soon }', /rules\.backup_job_failed\.for: must be seconds or a duration/],
    ['rules:\n  backup_job_failed: { colour: red }', /rules\.backup_job_failed/],
    ['rules:\n  backup_schedule_paused: { threshold: 3 }', /backup_schedule_paused\.threshold: backup_schedule_paused has no threshold/],
    ['clusters:\n  prod:\n    rules:\n      nope: {}', /clusters\.prod\.rules\.nope: no such rule/],
    ['sql_interval: 1s', /sql_interval/],
    ['rules: [1, 2', /cannot read/],
  ])('a bad file stops start-up naming the rule and field: %s', (text, message) => {
    expect(() => parseAlertSettings({ ALERTS_FILE: file(text) })).toThrow(ConfigError);
    expect(() => parseAlertSettings({ ALERTS_FILE: file(text) })).toThrow(message);
  });

  it('checks ALERTS_EVALUATE and ALERTS_SQL_INTERVAL', () => {
    expect(parseAlertSettings({ ALERTS_EVALUATE: 'false' }).evaluate).toBe(false);
    expect(() => parseAlertSettings({ ALERTS_EVALUATE: 'maybe' })).toThrow(/ALERTS_EVALUATE/);
    expect(() => parseAlertSettings({ ALERTS_SQL_INTERVAL: '2s' })).toThrow(/ALERTS_SQL_INTERVAL/);
    expect(() => parseAlertSettings({ ALERTS_FILE: '/nonexistent/alerts.yaml' })).toThrow(/ALERTS_FILE: cannot read/);
  });
});
