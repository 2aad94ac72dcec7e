/**
 * Every rule of the catalog against hand-made contexts: fires when its condition holds, stays
 * quiet when not, holds (null) when its evidence is unavailable.
 */
import { describe, expect, it } from 'vitest';
import type { JobRow } from '../api/types/jobs';
import type { ScheduleGroup, ScheduleRow } from '../api/types/schedules';
import { RULES, RULE_IDS, ruleById } from './catalog';
import { EvidenceWindow, LAST_COMPLETED } from './evidence-window';
import type { RuleContext, ScrapedNode, SqlEvidence } from './rule-types';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const M = 60_000;
const COUNTERS = new Set(RULES.filter((r) => r.window_kind === 'increase').flatMap((r) => r.metrics));
const GAUGES = new Set(RULES.filter((r) => r.window_kind === 'max_over').flatMap((r) => r.metrics));

function node(id: number, metrics: Record<string, number>, up = true): ScrapedNode {
  return { key: `n${id}`, name: `n${id}`, node_id: id, up, error: up ? null : 'connection refused', metrics };
}

function ctx(over: Partial<RuleContext> & { nodes?: ScrapedNode[] } = {}): RuleContext {
  const window = over.window ?? new EvidenceWindow(24 * 60 * M, COUNTERS, GAUGES);
  const nodes = over.nodes ?? [node(1, {}), node(2, {})];
  return { cluster: 'c1', nowMs: NOW, clusterNowMs: NOW, scrape: { at_ms: NOW, nodes }, window, sql: null, ...over };
}

function evalRule(id: string, c: RuleContext) {
  const def = ruleById(id);
  if (!def) throw new Error(id);
  return def.evaluate(c, def.defaults);
}

const freshness = (status: ScheduleGroup['freshness']['status'], paused = false): ScheduleGroup['freshness'] => ({
  status, age_s: 7200, expected_interval_s: 3600, last_success: '2026-12-01T10:00:00Z', paused, reason: `last success 2 h ago; expected every 1 h`, late_after_s: 4200, stale_after_s: 7800,
});
const schedule = (id: string, over: Partial<ScheduleRow> = {}): ScheduleRow => ({
  id, label: 'nightly', schedule_status: 'ACTIVE', next_run: null, state: null, recurrence: '@hourly', recurrence_text: null, jobsrunning: 0, owner: 'root', created: null,
  on_previous_running: 'wait', on_execution_failure: 'reschedule', command: null, backup_type: 'FULL', collection: 's3://b/p', paired_with: null, last_success: null, last_failure: null,
  freshness: freshness('ok'), runs: [], ...over,
});
const job = (id: string, over: Partial<JobRow> = {}): JobRow => ({
  job_id: id, job_type: 'BACKUP', description: 'BACKUP INTO …', user_name: 'root', status: 'running', running_status: null, created: null, started: null, finished: null, modified: null,
  fraction_completed: 0.4, error: null, coordinator_id: 1, execution_errors: null, ...over,
});
function sqlOk(over: Partial<Extract<SqlEvidence, { ok: true }>> = {}): SqlEvidence {
  return { ok: true, at_ms: NOW, groups: [], schedules: [], metric_stale_after_s: null, jobs: [], progress: new Map(), ...over };
}

describe('the rule catalog', () => {
  it('has unique snake_case ids, each with a severity, a runbook and a reason for its defaults', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const r of RULES) {
      expect(r.rule).toMatch(/^[a-z][a-z0-9_]+$/);
      expect(r.runbook.length).toBeGreaterThan(20);
      expect(r.why.length).toBeGreaterThan(10);
    }
  });

  it('metric rules hold (null) before the first scrape and when no node answered', () => {
    for (const r of RULES.filter((x) => x.evidence === 'metric')) {
      expect(r.evaluate(ctx({ scrape: null }), r.defaults)).toBeNull();
      expect(r.evaluate(ctx({ nodes: [node(1, {}, false)] }), r.defaults)).toBeNull();
    }
  });

  it('SQL rules: [] without SQL configured, null (hold) while SQL fails', () => {
    const failing: SqlEvidence = { ok: false, at_ms: NOW, error: 'connection refused', code: 'sql_unavailable', since_ms: NOW - 5 * M };
    for (const r of RULES.filter((x) => x.evidence === 'sql' && x.rule !== 'sql_unreachable')) {
      expect(r.evaluate(ctx({ sql: null }), r.defaults)).toEqual([]);
      expect(r.evaluate(ctx({ sql: failing }), r.defaults)).toBeNull();
    }
    expect(evalRule('sql_unreachable', ctx({ sql: failing }))).toMatchObject([{ value: 300 }]);
    expect(evalRule('sql_unreachable', ctx({ sql: sqlOk() }))).toEqual([]);
  });
});

describe('counter rules (increase over a window, summed over nodes, reset-aware)', () => {
  it.each([
    ['scheduled_backup_failed', 'schedules_BACKUP_failed', 1],
    ['backup_job_failed', 'jobs_backup_resume_failed', 1],
    ['restore_job_failed', 'jobs_restore_resume_failed', 1],
    ['backup_retryable_errors', 'jobs_backup_resume_retry_error', 3],
    ['restore_retryable_errors', 'jobs_restore_resume_retry_error', 1],
    ['job_revert_failed', 'jobs_backup_fail_or_cancel_failed', 1],
  ])('%s fires at %i and not below', (id, metric, threshold) => {
    const w = new EvidenceWindow(24 * 60 * M, COUNTERS, GAUGES);
    w.observe(NOW - 30 * M, [node(1, { [metric]: 10 }), node(2, { [metric]: 0 })]);
    if (threshold > 1) w.observe(NOW - 20 * M, [node(1, { [metric]: 10 + threshold - 1 }), node(2, { [metric]: 0 })]);
    expect(evalRule(id, ctx({ window: w }))).toEqual([]);
    // n2 restarts and fails once: 0 → 1 after its earlier 0 counts as one, not as a drop.
    w.observe(NOW - 10 * M, [node(1, { [metric]: 10 + threshold - 1 }), node(2, { [metric]: 1 })]);
    const out = evalRule(id, ctx({ window: w }));
    expect(out).toHaveLength(1);
    expect(out?.[0].value).toBe(threshold);
    expect(out?.[0].links.some((l) => l.href.startsWith('/c/c1/jobs?'))).toBe(true);
  });

  it('a counter reset (node restart) is not a failure, and the window forgets old failures', () => {
    const w = new EvidenceWindow(24 * 60 * M, COUNTERS, GAUGES);
    w.observe(NOW - 90 * M, [node(1, { schedules_BACKUP_failed: 4 })]);
    w.observe(NOW - 80 * M, [node(1, { schedules_BACKUP_failed: 5 })]);
    w.observe(NOW - 10 * M, [node(1, { schedules_BACKUP_failed: 0 })]);
    expect(evalRule('scheduled_backup_failed', ctx({ window: w }))).toEqual([]);
  });

  it('says when the sum is partial (a node not scraped)', () => {
    const w = new EvidenceWindow(24 * 60 * M, COUNTERS, GAUGES);
    w.observe(NOW - 5 * M, [node(1, { schedules_BACKUP_failed: 0 })]);
    w.observe(NOW - 1 * M, [node(1, { schedules_BACKUP_failed: 2 })]);
    const out = evalRule('scheduled_backup_failed', ctx({ window: w, nodes: [node(1, { schedules_BACKUP_failed: 2 }), node(2, {}, false)] }));
    expect(out?.[0].description).toMatch(/At least this many: n2 could not be scraped/);
  });
});

describe('gauge rules', () => {
  it('paused jobs: the summed gauge above 0', () => {
    expect(evalRule('backup_jobs_paused', ctx({ nodes: [node(1, { jobs_backup_currently_paused: 0 }), node(2, { jobs_backup_currently_paused: 1 })] }))).toMatchObject([{ value: 1 }]);
    expect(evalRule('backup_jobs_paused', ctx({ nodes: [node(1, { jobs_backup_currently_paused: 0 })] }))).toEqual([]);
    // Absent (an older version) is not 0 and not a problem.
    expect(evalRule('restore_jobs_paused', ctx({ nodes: [node(1, {})] }))).toEqual([]);
  });

  it('protected timestamp age: one instance per gauge above the threshold, the max over nodes', () => {
    const out = evalRule('protected_timestamp_too_old', ctx({ nodes: [node(1, { jobs_backup_protected_age_sec: 50_000, schedules_BACKUP_protected_age_sec: 100 }), node(2, { jobs_backup_protected_age_sec: 0 })] }));
    expect(out).toHaveLength(1);
    expect(out?.[0]).toMatchObject({ labels: { metric: 'jobs_backup_protected_age_sec' }, value: 50_000 });
  });

  it('overrunning: any non-zero reschedule-skip reading within the window', () => {
    const w = new EvidenceWindow(24 * 60 * M, COUNTERS, GAUGES);
    w.observe(NOW - 30 * M, [node(1, { schedules_round_reschedule_skip: 1 })]);
    expect(evalRule('backups_overrunning_skip', ctx({ window: w }))).toMatchObject([{ value: 1 }]);
    expect(evalRule('backups_overrunning_wait', ctx({ window: w }))).toEqual([]);
  });

  it('schedule errors and malformed schedules', () => {
    expect(evalRule('schedules_error', ctx({ nodes: [node(1, { schedules_error: 2 })] }))).toMatchObject([{ value: 2 }]);
    expect(evalRule('schedules_malformed', ctx({ nodes: [node(1, { schedules_malformed: 0 })] }))).toEqual([]);
  });
});

describe('cluster_backup_not_advancing (the docs\' own advice)', () => {
  const T = NOW / 1000;
  it('fires past the threshold, with a node restarted to 0 not making it fire (#96888)', () => {
    const w = new EvidenceWindow(24 * 60 * M, COUNTERS, GAUGES);
    w.observe(NOW - 50 * M, [node(1, { [LAST_COMPLETED]: T - 3600 }), node(2, { [LAST_COMPLETED]: T - 4000 })]);
    w.observe(NOW, [node(1, { [LAST_COMPLETED]: 0 }), node(2, { [LAST_COMPLETED]: T - 4000 })]);
    const sql = sqlOk({ metric_stale_after_s: 7800 });
    expect(evalRule('cluster_backup_not_advancing', ctx({ window: w, sql }))).toEqual([]);
    expect(evalRule('cluster_backup_not_advancing', ctx({ window: w, sql: sqlOk({ metric_stale_after_s: 1800 }) }))).toMatchObject([{ value: 3600, threshold: 1800 }]);
  });

  it('does not fire when no node exports a non-zero value, and falls back to 25 h without SQL', () => {
    const w = new EvidenceWindow(24 * 60 * M, COUNTERS, GAUGES);
    w.observe(NOW, [node(1, { [LAST_COMPLETED]: 0 })]);
    expect(evalRule('cluster_backup_not_advancing', ctx({ window: w }))).toEqual([]);
    const old = new EvidenceWindow(48 * 60 * M, COUNTERS, GAUGES);
    old.observe(NOW - 60 * M, [node(1, { [LAST_COMPLETED]: T - 26 * 3600 })]);
    expect(evalRule('cluster_backup_not_advancing', ctx({ window: old }))).toMatchObject([{ threshold: 25 * 3600 }]);
  });
});

describe('SQL rules', () => {
  it('freshness: stale (critical) and late (warning) per backup, linking to the half that failed', () => {
    const full = schedule('1', { backup_type: 'FULL', paired_with: '2' });
    const inc = schedule('2', { backup_type: 'INCREMENTAL', paired_with: '1', last_failure: { job_id: '99', finished: '2026-12-01T11:00:00Z', error: 'AccessDenied' } });
    const group = (status: 'ok' | 'late' | 'stale'): ScheduleGroup => ({ key: '1', label: 'nightly', collection: 's3://b/p', schedule_ids: ['1', '2'], freshness: freshness(status), problems: [], focus_id: '2', failure: null });
    const sql = (status: 'ok' | 'late' | 'stale') => sqlOk({ groups: [group(status)], schedules: [full, inc] });
    const stale = evalRule('backup_schedule_stale', ctx({ sql: sql('stale') }));
    expect(stale).toMatchObject([{ labels: { schedule_id: '1,2', label: 'nightly', collection: 's3://b/p' }, value: 7200 }]);
    expect(stale?.[0].links[0].href).toBe('/c/c1/schedules/2');
    expect(stale?.[0].description).toMatch(/AccessDenied/);
    expect(evalRule('backup_schedule_late', ctx({ sql: sql('stale') }))).toEqual([]);
    expect(evalRule('backup_schedule_late', ctx({ sql: sql('late') }))).toHaveLength(1);
    expect(evalRule('backup_schedule_stale', ctx({ sql: sql('ok') }))).toEqual([]);
  });

  it('paused backup schedules, not other schedules', () => {
    const out = evalRule('backup_schedule_paused', ctx({ sql: sqlOk({ schedules: [schedule('1', { schedule_status: 'PAUSED' }), schedule('2', { schedule_status: 'PAUSED', backup_type: null }), schedule('3')] }) }));
    expect(out?.map((c) => c.labels.schedule_id)).toEqual(['1']);
  });

  it('stuck: a running job whose progress has not changed for the threshold', () => {
    const progress = new Map([
      ['7', { sig: 'x', since_ms: NOW - 31 * M }],
      ['8', { sig: 'y', since_ms: NOW - 5 * M }],
      ['9', { sig: 'z', since_ms: NOW - 60 * M }],
    ]);
    const jobs = [job('7'), job('8'), job('9', { status: 'paused' })];
    expect(evalRule('backup_job_stuck', ctx({ sql: sqlOk({ jobs, progress }) }))?.map((c) => c.labels.job_id)).toEqual(['7']);
  });

  it('revert-failed jobs, one instance each', () => {
    const out = evalRule('revert_failed_job', ctx({ sql: sqlOk({ jobs: [job('5', { status: 'revert-failed', error: 'boom' }), job('6')] }) }));
    expect(out).toMatchObject([{ labels: { job_id: '5' } }]);
    expect(out?.[0].links[0].href).toBe('/c/c1/jobs/5');
  });
});

describe('monitoring_blind_spot', () => {
  it('one instance per node not scraped, with how long since it was last seen', () => {
    const w = new EvidenceWindow(24 * 60 * M, COUNTERS, GAUGES);
    w.observe(NOW - 3 * M, [node(2, {})]);
    const out = evalRule('monitoring_blind_spot', ctx({ window: w, nodes: [node(1, {}), node(2, {}, false)] }));
    expect(out).toMatchObject([{ labels: { node_id: '2' }, value: 180 }]);
    expect(evalRule('monitoring_blind_spot', ctx({ scrape: null }))).toBeNull();
  });
});
