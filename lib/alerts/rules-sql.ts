/**
 * Rules on what SQL says, evaluated every ALERTS_SQL_INTERVAL from one read of the schedules and
 * the unfinished jobs: per-schedule freshness (the only per-schedule signal: the metric is one
 * cluster-wide opt-in gauge), paused schedules, stuck and revert-failed jobs, and SQL itself.
 * While SQL is unreachable these rules hold their state (unknown is not resolved) and
 * sql_unreachable says why.
 */
import { baseStatus } from '../jobs/statuses';
import { formatDuration } from '../format/duration';
import { jobLink, jobsLink, scheduleLink, schedulesLink } from './alert-links';
import type { Candidate, RuleContext, RuleDef } from './rule-types';

const H = 3600;

/** The evidence when SQL answered; null (hold) when it did not; [] rules when no SQL is configured. */
function sqlFacts(ctx: RuleContext) {
  if (ctx.sql === null) return 'none' as const;
  return ctx.sql.ok ? ctx.sql : null;
}

function freshnessRule(status: 'late' | 'stale'): RuleDef {
  return {
    rule: `backup_schedule_${status}`,
    evidence: 'sql',
    defaults: { enabled: true, severity: status === 'stale' ? 'critical' : 'warning', for_s: 0, threshold: null, window_s: null },
    threshold_unit: 'seconds',
    metrics: [],
    summary: status === 'stale' ? 'A backup is stale: no success for several of its intervals' : 'A backup is late: no success within its interval',
    why:
      status === 'stale'
        ? 'past FRESHNESS_STALE_MULTIPLIER (2) intervals plus FRESHNESS_GRACE: at least one whole run is missing, so the RPO is broken'
        : 'past one interval plus FRESHNESS_GRACE (10 min, since a backup\'s finish includes its run time); the grace is the wait, so no extra `for`',
    runbook:
      'Open the schedule: its newest runs and their errors. Paused? RESUME SCHEDULE <id>. Failing? Read the error of the newest failed job. Running long? Compare run duration with the recurrence. SHOW SCHEDULES; SHOW JOBS FOR SCHEDULES <id>;',
    evaluate(ctx) {
      const sql = sqlFacts(ctx);
      if (sql === 'none') return [];
      if (sql === null) return null;
      const out: Candidate[] = [];
      for (const g of sql.groups) {
        if (g.freshness.status !== status) continue;
        const members = g.schedule_ids.map((id) => sql.schedules.find((s) => s.id === id)).filter((s) => s !== undefined);
        if (!members.some((s) => s.backup_type !== null)) continue;
        const f = g.freshness;
        const name = g.label ?? g.key;
        // Land on the half that made it red: the member with the newest failure, else the full.
        const failing = [...members].filter((s) => s.last_failure).sort((a, b) => (b.last_failure?.finished ?? '').localeCompare(a.last_failure?.finished ?? ''))[0];
        const first = failing ?? members[0];
        const ordered = [first, ...members.filter((s) => s !== first)];
        const lastErr = failing?.last_failure;
        out.push({
          labels: { schedule_id: g.schedule_ids.join(','), label: name, ...(g.collection ? { collection: g.collection } : {}) },
          value: f.age_s,
          threshold: status === 'stale' ? f.stale_after_s : f.late_after_s,
          summary: `Backup ${name} is ${status}: ${f.age_s === null ? 'it never succeeded' : `last success ${formatDuration(f.age_s)} ago`}`,
          description:
            `${f.reason}.` +
            (f.paused ? ' The schedule is PAUSED.' : '') +
            (lastErr ? ` Newest failure (job ${lastErr.job_id}): ${(lastErr.error ?? 'no error text').slice(0, 300)}` : ''),
          links: [
            ...ordered.map((s) => scheduleLink(ctx.cluster, s.id, `${s.label ?? s.id}${s.backup_type ? ` (${s.backup_type.toLowerCase()})` : ''}`)),
            ...(lastErr ? [jobLink(ctx.cluster, lastErr.job_id)] : []),
            jobsLink(ctx.cluster, { type: ['BACKUP'], scheduled: true, fromMs: ctx.clusterNowMs - 7 * 86_400_000, status: ['failed'] }, 'Failed scheduled backups (7 d)'),
          ],
        });
      }
      return out;
    },
  };
}

export const SQL_RULES: RuleDef[] = [
  freshnessRule('stale'),
  freshnessRule('late'),
  {
    rule: 'backup_schedule_paused',
    evidence: 'sql',
    defaults: { enabled: true, severity: 'warning', for_s: H, threshold: null, window_s: null },
    threshold_unit: null,
    metrics: [],
    summary: 'A backup schedule is paused',
    why: 'a forgotten pause is a classic outage; 1 h lets a maintenance pause through (SHOW SCHEDULES does not say since when, so the hour counts from when the dashboard saw it)',
    runbook: 'Was it paused on purpose? SHOW SCHEDULES; RESUME SCHEDULE <id>. A paused incremental schedule resumes by itself when its full backup succeeds (unpause_on_success).',
    evaluate(ctx) {
      const sql = sqlFacts(ctx);
      if (sql === 'none') return [];
      if (sql === null) return null;
      return sql.schedules
        .filter((s) => s.backup_type !== null && (s.schedule_status ?? '').toUpperCase() === 'PAUSED')
        .map((s) => ({
          labels: { schedule_id: s.id, label: s.label ?? s.id },
          value: null,
          summary: `Backup schedule ${s.label ?? s.id} is paused`,
          description: `Schedule ${s.id} (${s.label ?? 'no label'}, ${s.backup_type ?? 'backup'}) is PAUSED: it takes no backups until resumed.${s.last_success ? ` Last success ${s.last_success}.` : ''}`,
          links: [scheduleLink(ctx.cluster, s.id, s.label), schedulesLink(ctx.cluster)],
        }));
    },
  },
  {
    rule: 'backup_job_stuck',
    evidence: 'sql',
    defaults: { enabled: true, severity: 'warning', for_s: 0, threshold: 30 * 60, window_s: null },
    threshold_unit: 'seconds',
    metrics: [],
    summary: 'A running backup or restore makes no progress',
    why: 'a stuck scheduled job does not increment schedules_BACKUP_failed, so only this catches it; 30 min of unchanged fraction_completed and running_status',
    runbook: 'Open the job: its running_status and execution_errors. SHOW JOB <id>; check the coordinator node; PAUSE JOB / RESUME JOB moves it to another node.',
    evaluate(ctx, s) {
      const sql = sqlFacts(ctx);
      if (sql === 'none') return [];
      if (sql === null) return null;
      const threshold = s.threshold ?? 30 * 60;
      const out: Candidate[] = [];
      for (const j of sql.jobs) {
        if (baseStatus(j.status) !== 'running') continue;
        const since = sql.progress.get(j.job_id)?.since_ms;
        if (since === undefined) continue;
        const stuckS = Math.round((ctx.nowMs - since) / 1000);
        if (stuckS <= threshold) continue;
        const pct = j.fraction_completed === null ? 'unknown progress' : `${Math.round(j.fraction_completed * 100)} %`;
        out.push({
          labels: { job_id: j.job_id, job_type: j.job_type ?? 'unknown' },
          value: stuckS,
          summary: `${j.job_type ?? 'Job'} ${j.job_id} has made no progress for ${formatDuration(stuckS)}`,
          description: `Job ${j.job_id} (${j.description?.slice(0, 200) ?? ''}) is running at ${pct}${j.running_status ? ` (${j.running_status})` : ''} and has not moved for ${formatDuration(stuckS)}; coordinator n${j.coordinator_id ?? '?'}.`,
          links: [jobLink(ctx.cluster, j.job_id)],
        });
      }
      return out;
    },
  },
  {
    rule: 'revert_failed_job',
    evidence: 'sql',
    defaults: { enabled: true, severity: 'critical', for_s: 0, threshold: null, window_s: null },
    threshold_unit: null,
    metrics: [],
    summary: 'A backup or restore job is revert-failed: manual cleanup needed',
    why: 'CockroachDB docs: revert-failed needs manual cleanup; read over SQL so every version is covered (the metric is gone in v25.4)',
    runbook: "SHOW JOB <id>: its error. A RESTORE that could not revert leaves offline descriptors; contact support with the job id. SHOW JOBS WHERE status = 'revert-failed';",
    evaluate(ctx) {
      const sql = sqlFacts(ctx);
      if (sql === 'none') return [];
      if (sql === null) return null;
      return sql.jobs
        .filter((j) => j.status === 'revert-failed')
        .map((j) => ({
          labels: { job_id: j.job_id, job_type: j.job_type ?? 'unknown' },
          value: null,
          summary: `${j.job_type ?? 'Job'} ${j.job_id} failed to revert`,
          description: `Job ${j.job_id} (${j.description?.slice(0, 200) ?? ''}) is revert-failed: ${j.error?.slice(0, 300) ?? 'no error text'}`,
          links: [jobLink(ctx.cluster, j.job_id)],
        }));
    },
  },
  {
    rule: 'sql_unreachable',
    evidence: 'sql',
    defaults: { enabled: true, severity: 'warning', for_s: 2 * 60, threshold: null, window_s: null },
    threshold_unit: null,
    metrics: [],
    summary: 'The dashboard cannot read the cluster over SQL: freshness and jobs cannot be judged',
    why: '2 min rides out a node restart behind a load balancer; the SQL rules hold their last state meanwhile',
    runbook: 'Check CRDB_SQL_URL, the load balancer and the SQL user (VIEWJOB). The metric rules keep working from the nodes.',
    evaluate(ctx) {
      if (ctx.sql === null || ctx.sql.ok) return [];
      const forS = Math.round((ctx.nowMs - ctx.sql.since_ms) / 1000);
      return [
        {
          labels: {},
          value: forS,
          summary: `SQL has failed for ${formatDuration(forS)}: ${ctx.sql.error.slice(0, 120)}`,
          description: `Every SQL read since ${new Date(ctx.sql.since_ms).toISOString()} failed (${ctx.sql.code}): ${ctx.sql.error.slice(0, 300)}. Per-schedule freshness, stuck and revert-failed jobs cannot be judged; those alerts keep their last state.`,
          links: [schedulesLink(ctx.cluster)],
        },
      ];
    },
  },
];
