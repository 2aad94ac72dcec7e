/**
 * The exported rule file under Prometheus's own tools: `promtool check rules` on the default and a
 * customised configuration, and `promtool test rules` (input series → expected alerts at given
 * times) for every exported rule, firing and not — including a node restart that drops
 * schedules_BACKUP_last_completed_time to 0 on one node and a counter reset. The tested copy leaves
 * out the annotations (promtool compares them verbatim; `check rules` validates their templates).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { RULES } from './catalog';
import { ruleFile, ruleFileYaml } from './prometheus-rules';
import { effectiveSettings, parseAlertSettings, type AlertSettings } from './settings';

const hasPromtool = spawnSync('promtool', ['--version']).status === 0;
if (!hasPromtool) console.warn('prometheus-rules.test.ts: promtool checks skipped — apt-get install -y prometheus');
const D = { severity: 'critical', cluster: 'demo' };
const W = { severity: 'warning', cluster: 'demo' };
const dir = mkdtempSync(path.join(tmpdir(), 'promrules-'));
const settingsOf = (s: AlertSettings) => (rule: string, cluster: string) => effectiveSettings(s, rule, cluster);

function promtool(args: string[]) {
  const r = spawnSync('promtool', args, { encoding: 'utf8', cwd: dir });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function writeRules(name: string, s: AlertSettings, selector: string | null = null, annotations = true): string {
  const file = path.join(dir, name);
  if (annotations) writeFileSync(file, ruleFileYaml([{ id: 'demo', selector }], settingsOf(s), 'http://dash:3000'));
  else {
    const obj = ruleFile([{ id: 'demo', selector }], settingsOf(s), 'http://dash:3000');
    for (const g of obj.groups) for (const r of g.rules) r.annotations = {};
    writeFileSync(file, stringify(obj));
  }
  return file;
}

type Case = { series: Record<string, string>; at: string; rule: string; expect: Record<string, string>[] };
/** One promtool test per case (1-minute samples from t=0). */
function testFile(rules: string, cases: Case[]): string {
  const file = path.join(dir, `test-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(
    file,
    stringify({
      rule_files: [path.basename(rules)],
      evaluation_interval: '1m',
      tests: cases.map((c) => ({
        interval: '1m',
        input_series: Object.entries(c.series).map(([series, values]) => ({ series, values })),
        alert_rule_test: [{ eval_time: c.at, alertname: c.rule, exp_alerts: c.expect.map((l) => ({ exp_labels: l })) }],
      })),
    }),
  );
  return file;
}

const job = (name: string, node: number, extra = '') => `${name}{job="cockroachdb",instance="n${node}:8080",node_id="${node}"${extra}}`;
const nodeLabels = (node: number) => ({ job: 'cockroachdb', instance: `n${node}:8080`, node_id: String(node) });
const sched = (name: string) => `${name}{cluster="demo",schedule_id="11",label="nightly",backup_type="FULL",collection="s3://b/p",job="crdb-monitor",instance="dash:3000"}`;
const schedLabels = { schedule_id: '11', label: 'nightly', backup_type: 'FULL', collection: 's3://b/p', job: 'crdb-monitor', instance: 'dash:3000' };

const CASES: Case[] = [
  // Counters: increase over the window, summed over nodes; a restart (drop) is not a failure.
  { rule: 'scheduled_backup_failed', at: '10m', series: { [job('schedules_BACKUP_failed', 1)]: '3x5 4x5', [job('schedules_BACKUP_failed', 2)]: '0x10' }, expect: [D] },
  { rule: 'scheduled_backup_failed', at: '10m', series: { [job('schedules_BACKUP_failed', 1)]: '7x5 0x5' }, expect: [] },
  { rule: 'scheduled_backup_failed', at: '90m', series: { [job('schedules_BACKUP_failed', 1)]: '0x5 1x85' }, expect: [] },
  { rule: 'backup_job_failed', at: '10m', series: { [job('jobs_backup_resume_failed', 2)]: '0x5 1x5' }, expect: [W] },
  { rule: 'backup_job_failed', at: '10m', series: { [job('jobs_backup_resume_failed', 2)]: '2x10' }, expect: [] },
  { rule: 'restore_job_failed', at: '10m', series: { [job('jobs_restore_resume_failed', 1)]: '0x5 1x5' }, expect: [D] },
  { rule: 'backup_retryable_errors', at: '10m', series: { [job('jobs_backup_resume_retry_error', 1)]: '0x3 1x3 2x4', [job('jobs_backup_resume_retry_error', 3)]: '0x10' }, expect: [] },
  { rule: 'backup_retryable_errors', at: '10m', series: { [job('jobs_backup_resume_retry_error', 1)]: '0x3 1x3 2x4', [job('jobs_backup_resume_retry_error', 3)]: '0x5 1x5' }, expect: [W] },
  { rule: 'restore_retryable_errors', at: '10m', series: { [job('jobs_restore_resume_retry_error', 1)]: '0x5 1x5' }, expect: [W] },
  { rule: 'job_revert_failed', at: '10m', series: { [job('jobs_restore_fail_or_cancel_failed', 1)]: '0x5 1x5' }, expect: [D] },
  // Gauges with a `for`.
  { rule: 'backup_jobs_paused', at: '20m', series: { [job('jobs_backup_currently_paused', 1)]: '1x40' }, expect: [] },
  { rule: 'backup_jobs_paused', at: '31m', series: { [job('jobs_backup_currently_paused', 1)]: '1x40', [job('jobs_backup_currently_paused', 2)]: '0x40' }, expect: [W] },
  { rule: 'restore_jobs_paused', at: '31m', series: { [job('jobs_restore_currently_paused', 2)]: '2x40' }, expect: [W] },
  {
    rule: 'protected_timestamp_too_old',
    at: '16m',
    series: { [job('jobs_backup_protected_age_sec', 1)]: '50000+60x20', [job('schedules_BACKUP_protected_age_sec', 1)]: '100x20' },
    expect: [{ ...W, metric: 'jobs_backup_protected_age_sec' }],
  },
  { rule: 'protected_timestamp_too_old', at: '10m', series: { [job('jobs_backup_protected_age_sec', 1)]: '50000+60x20' }, expect: [] },
  { rule: 'backups_overrunning_skip', at: '30m', series: { [job('schedules_round_reschedule_skip', 1)]: '0x10 1 0x20' }, expect: [W] },
  { rule: 'backups_overrunning_wait', at: '30m', series: { [job('schedules_round_reschedule_wait', 1)]: '0x30' }, expect: [] },
  { rule: 'schedules_error', at: '10m', series: { [job('schedules_error', 1)]: '1x10' }, expect: [W] },
  { rule: 'schedules_malformed', at: '3m', series: { [job('schedules_malformed', 1)]: '1x10' }, expect: [] },
  { rule: 'schedules_malformed', at: '6m', series: { [job('schedules_malformed', 1)]: '1x10' }, expect: [W] },
  { rule: 'backups_overrunning_wait', at: '30m', series: { [job('schedules_round_reschedule_wait', 2)]: '0x5 2 0x25' }, expect: [W] },
  // The docs' last-completed-time advice; a node restarted to 0 changes nothing.
  { rule: 'cluster_backup_not_advancing', at: '26h', series: { [job('schedules_BACKUP_last_completed_time', 1)]: '60x1600', [job('schedules_BACKUP_last_completed_time', 2)]: '60x1600' }, expect: [D] },
  {
    rule: 'cluster_backup_not_advancing',
    at: '26h',
    series: { [job('schedules_BACKUP_last_completed_time', 1)]: '80000x1500 0x100', [job('schedules_BACKUP_last_completed_time', 2)]: '60x1600' },
    expect: [],
  },
  { rule: 'cluster_backup_not_advancing', at: '26h', series: { [job('schedules_BACKUP_last_completed_time', 1)]: '0x1600' }, expect: [] },
  // Prometheus's own target health.
  { rule: 'monitoring_blind_spot', at: '6m', series: { 'up{job="cockroachdb",instance="n2:8080",node_id="2"}': '1 1 0x10', 'up{job="cockroachdb",instance="n1:8080",node_id="1"}': '1x12' }, expect: [{ ...W, ...nodeLabels(2) }] },
  { rule: 'monitoring_blind_spot', at: '3m', series: { 'up{job="cockroachdb",instance="n2:8080",node_id="2"}': '1 1 0x10' }, expect: [] },
  // The exporter's per-schedule series.
  { rule: 'backup_schedule_stale', at: '3h', series: { [sched('crdb_monitor_schedule_last_success_timestamp_seconds')]: '0x200', [sched('crdb_monitor_schedule_late_after_seconds')]: '4200x200', [sched('crdb_monitor_schedule_stale_after_seconds')]: '7800x200' }, expect: [{ ...D, ...schedLabels }] },
  { rule: 'backup_schedule_late', at: '3h', series: { [sched('crdb_monitor_schedule_last_success_timestamp_seconds')]: '0x200', [sched('crdb_monitor_schedule_late_after_seconds')]: '4200x200', [sched('crdb_monitor_schedule_stale_after_seconds')]: '7800x200' }, expect: [] },
  { rule: 'backup_schedule_late', at: '100m', series: { [sched('crdb_monitor_schedule_last_success_timestamp_seconds')]: '0x200', [sched('crdb_monitor_schedule_late_after_seconds')]: '4200x200', [sched('crdb_monitor_schedule_stale_after_seconds')]: '7800x200' }, expect: [{ ...W, ...schedLabels }] },
  { rule: 'backup_schedule_stale', at: '100m', series: { [sched('crdb_monitor_schedule_last_success_timestamp_seconds')]: '5400x200', [sched('crdb_monitor_schedule_stale_after_seconds')]: '7800x200' }, expect: [] },
  { rule: 'backup_schedule_paused', at: '61m', series: { [sched('crdb_monitor_schedule_paused')]: '1x70' }, expect: [{ ...W, ...schedLabels }] },
  { rule: 'backup_schedule_paused', at: '61m', series: { [sched('crdb_monitor_schedule_paused')]: '0x70' }, expect: [] },
  { rule: 'sql_unreachable', at: '5m', series: { 'crdb_monitor_sql_up{cluster="demo",job="crdb-monitor",instance="dash:3000"}': '1 0x10' }, expect: [{ ...W, job: 'crdb-monitor', instance: 'dash:3000' }] },
];

describe('the exported rule file', () => {
  it('exports every metric rule of the catalog and the exporter-based schedule rules, with the effective settings', () => {
    const s = parseAlertSettings({});
    const names = ruleFile([{ id: 'demo', selector: null }], settingsOf(s), 'http://dash:3000').groups[0].rules.map((r) => r.alert);
    for (const r of RULES.filter((x) => x.evidence !== 'sql')) expect(names).toContain(r.rule);
    for (const r of ['backup_schedule_stale', 'backup_schedule_late', 'backup_schedule_paused', 'sql_unreachable']) expect(names).toContain(r);
    expect(names).not.toContain('backup_job_stuck');
    // Every exported rule has a test case firing and one not firing.
    for (const n of new Set(names)) {
      expect(CASES.some((c) => c.rule === n && c.expect.length > 0), `${n} fires in a case`).toBe(true);
    }
  });

  it.skipIf(!hasPromtool)('passes promtool check rules with the defaults and with a customised configuration', () => {
    expect(promtool(['check', 'rules', writeRules('default.yml', parseAlertSettings({}))]).status).toBe(0);
    const custom = path.join(dir, 'alerts.yaml');
    writeFileSync(custom, 'rules:\n  protected_timestamp_too_old: { threshold: 24h, for: 1h }\n  backup_job_failed: { enabled: false }\n  cluster_backup_not_advancing: { threshold: 2h }\n');
    const file = writeRules('custom.yml', parseAlertSettings({ ALERTS_FILE: custom }), '{job="crdb",cluster="prod-eu"}');
    const r = promtool(['check', 'rules', file]);
    expect(r.out).toMatch(/SUCCESS/);
    expect(r.status).toBe(0);
  });

  it.skipIf(!hasPromtool)('promtool test rules: every exported rule fires on its input series and stays quiet where it must', () => {
    const rules = writeRules('tested.yml', parseAlertSettings({}), null, false);
    const r = promtool(['test', 'rules', testFile(rules, CASES)]);
    expect(r.out).toMatch(/SUCCESS/);
    expect(r.status).toBe(0);
  });

  it.skipIf(!hasPromtool)('promtool test rules fails on a wrong expectation (the test is real)', () => {
    const rules = writeRules('tested2.yml', parseAlertSettings({}), null, false);
    const wrong = { ...CASES[1], expect: [D] };
    expect(promtool(['test', 'rules', testFile(rules, [wrong])]).status).not.toBe(0);
  });
});
