/**
 * Rules on the nodes' metrics, evaluated on every scrape. Counters are read as their increase over
 * a window, summed over nodes and reset-aware (a node restart is growth from 0, never a negative
 * increase); gauges as their cluster value (sum, or max for ages and timestamps). A sum that misses
 * a node says so: its value is a lower bound.
 */
import { formatDuration } from '../format/duration';
import { jobsLink, overviewLink, panelLink, schedulesLink } from './alert-links';
import { LAST_COMPLETED } from './evidence-window';
import { downNote, dur, H, haveMetrics, plural, vec } from './rule-helpers';
import type { Candidate, RuleContext, RuleDef, RuleSettings } from './rule-types';
import { ptsRule } from './rules-pts';

interface CounterRule {
  rule: string;
  metrics: string[];
  severity: RuleSettings['severity'];
  threshold: number;
  window_s: number;
  for_s?: number;
  summary: string;
  why: string;
  runbook: string;
  jobs: { type: string[]; status?: string[]; scheduled?: boolean; retried?: boolean; label: string };
  /** The sentence for the description: "{n} scheduled backups failed in the last 1 h" */
  says: (n: number, window: string) => string;
}

/** "The counters grew by more than `threshold - 1`" — i.e. at least `threshold` events in the window. */
function counterRule(r: CounterRule): RuleDef {
  return {
    rule: r.rule,
    evidence: 'metric',
    defaults: { enabled: true, severity: r.severity, for_s: r.for_s ?? 0, threshold: r.threshold, window_s: r.window_s },
    threshold_unit: 'count',
    metrics: r.metrics,
    window_kind: 'increase',
    summary: r.summary,
    why: r.why,
    runbook: r.runbook,
    // increase() is reset-aware and only extrapolates outwards, so one failure reads as ≥ 1.
    promql: (s, sel) => `sum(increase(${vec(r.metrics, sel)}[${dur(s.window_s ?? r.window_s)}])) >= ${s.threshold ?? r.threshold}`,
    evaluate(ctx, s) {
      if (!haveMetrics(ctx)) return null;
      const windowS = s.window_s ?? r.window_s;
      const threshold = s.threshold ?? r.threshold;
      let n = 0;
      const nodes = new Map<string, number>();
      for (const m of r.metrics) {
        const inc = ctx.window.increase(m, windowS * 1000, ctx.nowMs);
        n += inc.value;
        for (const [k, v] of inc.byNode) nodes.set(k, (nodes.get(k) ?? 0) + v);
      }
      if (n < threshold) return [];
      const where = [...nodes].map(([k, v]) => `${k}: ${v}`).join(', ');
      const window = formatDuration(windowS);
      const c: Candidate = {
        labels: {},
        value: n,
        summary: r.says(n, window),
        description: `${r.says(n, window)} (${r.metrics.join(' + ')}, increase summed over nodes; threshold ${threshold}). Counted on ${where}.${downNote(ctx)}`,
        links: [
          jobsLink(ctx.cluster, { ...r.jobs, fromMs: ctx.clusterNowMs - windowS * 1000 }, r.jobs.label),
          ...r.metrics.map((m) => panelLink(ctx.cluster, m, ctx.nowMs, windowS)),
        ],
      };
      return [c];
    },
  };
}

interface GaugeRule {
  rule: string;
  metric: string;
  severity: RuleSettings['severity'];
  threshold: number;
  for_s: number;
  unit: 'count' | 'seconds';
  summary: string;
  why: string;
  runbook: string;
  says: (v: number) => string;
  links: (ctx: RuleContext) => Candidate['links'];
}

/** The gauge's cluster value (sum, or max for ages) is above the threshold. */
function gaugeRule(r: GaugeRule): RuleDef {
  return {
    rule: r.rule,
    evidence: 'metric',
    defaults: { enabled: true, severity: r.severity, for_s: r.for_s, threshold: r.threshold, window_s: null },
    threshold_unit: r.unit,
    metrics: [r.metric],
    summary: r.summary,
    why: r.why,
    runbook: r.runbook,
    promql: (s, sel) => `${r.unit === 'seconds' ? 'max' : 'sum'}(${vec([r.metric], sel)}) > ${s.threshold ?? r.threshold}`,
    evaluate(ctx, s) {
      if (!haveMetrics(ctx)) return null;
      const up = ctx.scrape?.nodes.filter((n) => n.up && r.metric in n.metrics) ?? [];
      // A metric no node exports (an older version) is absent, not 0: nothing to judge.
      if (up.length === 0) return [];
      const values = up.map((n) => n.metrics[r.metric]);
      const v = r.unit === 'seconds' ? Math.max(...values) : values.reduce((a, b) => a + b, 0);
      const threshold = s.threshold ?? r.threshold;
      if (!(v > threshold)) return [];
      const shown = r.unit === 'seconds' ? formatDuration(v) : String(v);
      return [
        {
          labels: { metric: r.metric },
          value: v,
          summary: r.says(v),
          description: `${r.says(v)}: ${r.metric} = ${shown} (threshold ${r.unit === 'seconds' ? formatDuration(threshold) : threshold}).${r.unit === 'count' ? downNote(ctx) : ''}`,
          links: [...r.links(ctx), panelLink(ctx.cluster, r.metric, ctx.nowMs, H)],
        },
      ];
    },
  };
}

export const METRIC_RULES: RuleDef[] = [
  counterRule({
    rule: 'scheduled_backup_failed',
    metrics: ['schedules_BACKUP_failed'],
    severity: 'critical',
    threshold: 1,
    window_s: H,
    summary: 'A scheduled backup failed',
    why: 'any failure of a scheduled backup leaves a gap in the chain; 1 h window so a failure stays visible for an hourly cadence',
    runbook:
      'Open the failed jobs and read their error (credentials, storage, a descriptor change). SHOW JOBS with status failed; the schedule keeps running per on_execution_failure (retry, reschedule, pause).',
    jobs: { type: ['BACKUP'], status: ['failed'], scheduled: true, label: 'Failed scheduled backups' },
    says: (n, w) => `${plural(n, 'scheduled backup')} failed in the last ${w}`,
  }),
  counterRule({
    rule: 'backup_job_failed',
    metrics: ['jobs_backup_resume_failed'],
    severity: 'warning',
    threshold: 1,
    window_s: H,
    summary: 'A backup job failed with a non-retryable error',
    why: 'every backup job failure (scheduled or manual); scheduled ones also raise scheduled_backup_failed, which is critical',
    runbook: 'SHOW JOBS: the failed BACKUP jobs and their error. A manual backup is not retried: re-run it once the cause is fixed.',
    jobs: { type: ['BACKUP'], status: ['failed'], label: 'Failed backup jobs' },
    says: (n, w) => `${plural(n, 'backup job')} failed in the last ${w}`,
  }),
  counterRule({
    rule: 'restore_job_failed',
    metrics: ['jobs_restore_resume_failed'],
    severity: 'critical',
    threshold: 1,
    window_s: H,
    summary: 'A restore job failed',
    why: 'a failed restore is an incident in progress (someone needed that data)',
    runbook: 'SHOW JOBS: the failed RESTORE and its error; check the backup with SHOW BACKUP … WITH check_files, then retry the RESTORE.',
    jobs: { type: ['RESTORE'], status: ['failed'], label: 'Failed restore jobs' },
    says: (n, w) => `${plural(n, 'restore job')} failed in the last ${w}`,
  }),
  counterRule({
    rule: 'backup_retryable_errors',
    metrics: ['jobs_backup_resume_retry_error'],
    severity: 'warning',
    threshold: 3,
    window_s: H,
    summary: 'Backup jobs keep hitting retryable errors',
    why: 'one retry is normal (a node restart, a lease move); three in an hour means something keeps failing',
    runbook: 'The job page lists execution_errors: storage throttling, node restarts, network. SELECT job_id, execution_errors FROM crdb_internal.jobs WHERE job_type = \'BACKUP\' AND status = \'running\';',
    jobs: { type: ['BACKUP'], retried: true, label: 'Backups with retryable errors' },
    says: (n, w) => `Backup jobs hit ${plural(n, 'retryable error')} in the last ${w}`,
  }),
  counterRule({
    rule: 'restore_retryable_errors',
    metrics: ['jobs_restore_resume_retry_error'],
    severity: 'warning',
    threshold: 1,
    window_s: H,
    summary: 'A restore job is encountering retryable errors',
    why: 'the docs page names restores with retryable errors explicitly: a restore is rare and urgent, so one retry is worth a look',
    runbook: 'The job page lists execution_errors. A restore that keeps retrying may never finish: check node health and the storage it reads.',
    jobs: { type: ['RESTORE'], retried: true, label: 'Restores with retryable errors' },
    says: (n, w) => `Restore jobs hit ${plural(n, 'retryable error')} in the last ${w}`,
  }),
  counterRule({
    rule: 'job_revert_failed',
    metrics: ['jobs_backup_fail_or_cancel_failed', 'jobs_restore_fail_or_cancel_failed'],
    severity: 'critical',
    threshold: 1,
    window_s: 6 * H,
    summary: 'A backup or restore job failed to clean up after itself (revert failed)',
    why: 'a failed revert needs manual cleanup (CockroachDB docs); the metric exists up to v25.3, the SQL rule revert_failed_job covers every version',
    runbook: 'SHOW JOBS WHERE status = \'revert-failed\'; a RESTORE that could not revert leaves offline descriptors to clean up: contact support with the job id.',
    jobs: { type: ['BACKUP', 'RESTORE'], status: ['revert-failed'], label: 'Revert-failed jobs' },
    says: (n, w) => `${plural(n, 'job')} failed to revert in the last ${w}`,
  }),
  gaugeRule({
    rule: 'backup_jobs_paused',
    metric: 'jobs_backup_currently_paused',
    severity: 'warning',
    threshold: 0,
    for_s: 30 * 60,
    unit: 'count',
    summary: 'Backup jobs are paused (they keep their protected timestamp and block GC)',
    why: 'a paused backup holds its protected timestamp; 30 min lets a deliberate pause through, a forgotten one not',
    runbook: "SHOW JOBS WHERE status LIKE 'paused%'; RESUME JOB <id> or CANCEL JOB <id>.",
    says: (v) => `${plural(v, 'backup job is', 'backup jobs are')} paused`,
    links: (ctx) => [jobsLink(ctx.cluster, { type: ['BACKUP'], status: ['paused'], fromMs: ctx.clusterNowMs - 14 * 86_400_000 }, 'Paused backup jobs')],
  }),
  gaugeRule({
    rule: 'restore_jobs_paused',
    metric: 'jobs_restore_currently_paused',
    severity: 'warning',
    threshold: 0,
    for_s: 30 * 60,
    unit: 'count',
    summary: 'Restore jobs are paused',
    why: 'a paused restore keeps its target offline and its protected timestamp held',
    runbook: "SHOW JOBS WHERE job_type = 'RESTORE' AND status LIKE 'paused%'; RESUME JOB <id> or CANCEL JOB <id>.",
    says: (v) => `${plural(v, 'restore job is', 'restore jobs are')} paused`,
    links: (ctx) => [jobsLink(ctx.cluster, { type: ['RESTORE'], status: ['paused'], fromMs: ctx.clusterNowMs - 14 * 86_400_000 }, 'Paused restore jobs')],
  }),
  ptsRule,
  ...(['skip', 'wait'] as const).map(
    (policy): RuleDef => ({
      rule: `backups_overrunning_${policy}`,
      evidence: 'metric',
      defaults: { enabled: true, severity: 'warning', for_s: 0, threshold: 0, window_s: 2 * H },
      threshold_unit: 'count',
      metrics: [`schedules_round_reschedule_${policy}`],
      window_kind: 'max_over',
      summary: `Backups overrun their cadence: scheduler rounds ${policy === 'skip' ? 'skipped' : 'delayed'} a schedule`,
      why: 'the gauge is reset every scheduler round, so any non-zero reading within 2 h means a run was still going when the next was due',
      runbook: `A backup takes longer than its recurrence (on_previous_running = ${policy}). Compare run durations on the schedule page with its cron; lengthen the recurrence or make backups faster.`,
      promql: (s, sel) => `max(max_over_time(${vec([`schedules_round_reschedule_${policy}`], sel)}[${dur(s.window_s ?? 2 * H)}])) > ${s.threshold ?? 0}`,
      evaluate(ctx, s) {
        if (!haveMetrics(ctx)) return null;
        const m = `schedules_round_reschedule_${policy}`;
        const windowS = s.window_s ?? 2 * H;
        const max = ctx.window.maxOver(m, windowS * 1000, ctx.nowMs);
        if (max === null || !(max > (s.threshold ?? 0))) return [];
        const says = `Scheduler rounds ${policy === 'skip' ? 'skipped' : 'made wait'} up to ${plural(max, 'schedule')} in the last ${formatDuration(windowS)}`;
        return [{ labels: {}, value: max, summary: says, description: `${says} (${m}, max over the window): a backup was still running when its next run was due.`, links: [schedulesLink(ctx.cluster), panelLink(ctx.cluster, m, ctx.nowMs, windowS)] }];
      },
    }),
  ),
  ...(['error', 'malformed'] as const).map((kind) =>
    gaugeRule({
      rule: `schedules_${kind}`,
      metric: `schedules_${kind}`,
      severity: 'warning',
      threshold: 0,
      for_s: 5 * 60,
      unit: 'count',
      summary: kind === 'error' ? 'Schedules did not execute successfully' : 'Schedules are malformed',
      why: `schedules_${kind} counts schedules the scheduler could not ${kind === 'error' ? 'run' : 'parse'} in its latest round`,
      runbook: 'SHOW SCHEDULES: look at the state column of each schedule for the error; a malformed schedule must be dropped and re-created.',
      says: (v) => `${plural(v, 'schedule')} ${kind === 'error' ? 'failed to execute' : 'are malformed'}`,
      links: (ctx) => [schedulesLink(ctx.cluster)],
    }),
  ),
  {
    rule: 'cluster_backup_not_advancing',
    evidence: 'metric',
    defaults: { enabled: true, severity: 'critical', for_s: 0, threshold: null, window_s: null },
    threshold_unit: 'seconds',
    metrics: [LAST_COMPLETED],
    summary: "The cluster's last completed backup time is not advancing",
    why:
      'the docs page\'s own advice, computed as its docs advise (now − max over nodes of max over a window); the threshold defaults to the stale point of the cadence of the schedules that feed the metric (from SQL), else 25 h (a daily backup and an hour)',
    runbook:
      'Which schedule maintains the metric (created with updates_cluster_last_backup_time_metric)? SHOW SCHEDULES; its recent jobs on the schedule page; a paused or failing schedule stops the metric.',
    // The docs' own expression: time() - max(max_over_time(…[window])); a restarted node's 0 never wins the max.
    // Prometheus does not know the schedules' cadence: the threshold is the configured one, else 25 h.
    promql: (s, sel) => {
      const t = s.threshold ?? 25 * H;
      const m = `max(max_over_time(${vec([LAST_COMPLETED], sel)}[${dur(Math.max(t, H))}]))`;
      return `(time() - ${m} > ${t}) and (${m} > 0)`;
    },
    evaluate(ctx, s) {
      if (!haveMetrics(ctx)) return null;
      const derived = ctx.sql?.ok ? ctx.sql.metric_stale_after_s : null;
      const threshold = s.threshold ?? derived ?? 25 * H;
      // The window is as long as the threshold: a node that restarted (reading 0) within it still has its earlier value.
      const max = ctx.window.lastCompletedMax(Math.max(threshold, H) * 1000, ctx.nowMs);
      // No node reports a non-zero value: no schedule maintains it here, or every node restarted. Nothing to judge (#96888).
      if (max === null) return [];
      const age = Math.max(0, Math.round(ctx.clusterNowMs / 1000 - max));
      if (age <= threshold) return [];
      const says = `The last backup recorded by schedules_BACKUP_last_completed_time finished ${formatDuration(age)} ago`;
      return [
        {
          labels: {},
          value: age,
          threshold,
          summary: says,
          description: `${says} (now − max over nodes of max over ${formatDuration(Math.max(threshold, H))}; threshold ${formatDuration(threshold)}${derived !== null && s.threshold === null ? ', from the schedules\' cadence' : ''}).`,
          links: [schedulesLink(ctx.cluster), panelLink(ctx.cluster, LAST_COMPLETED, ctx.nowMs, threshold), overviewLink(ctx.cluster)],
        },
      ];
    },
  },
];
