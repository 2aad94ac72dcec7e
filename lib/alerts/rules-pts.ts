/** Protected-timestamp age, one instance per gauge (who holds it differs, and so does the fix). */
import { formatDuration } from '../format/duration';
import { jobsLink, panelLink } from './alert-links';
import { H, haveMetrics, vec } from './rule-helpers';
import type { Candidate, RuleDef } from './rule-types';

const PTS_GAUGES = [
  { metric: 'jobs_backup_protected_age_sec', holder: 'backup jobs', type: 'BACKUP' },
  { metric: 'schedules_BACKUP_protected_age_sec', holder: 'backup schedules', type: 'BACKUP' },
  { metric: 'jobs_restore_protected_age_sec', holder: 'restore jobs', type: 'RESTORE' },
] as const;

/** One instance per gauge (label `metric`): who holds it differs, and so does the fix. */
export const ptsRule: RuleDef = {
  rule: 'protected_timestamp_too_old',
  evidence: 'metric',
  defaults: { enabled: true, severity: 'warning', for_s: 15 * 60, threshold: 12 * H, window_s: null },
  threshold_unit: 'seconds',
  metrics: PTS_GAUGES.map((g) => g.metric),
  summary: 'A protected timestamp is older than the threshold (it blocks garbage collection)',
  why: '3× the default gc.ttlseconds (4 h): the docs advise alerting on protected-timestamp age past 3× the GC TTL; 15 min so a record being replaced does not page',
  runbook:
    "Find the holder: a paused or stuck job, or a schedule whose chain is not advancing. SHOW JOBS WHERE status LIKE 'paused%'; SHOW SCHEDULES; then resume, cancel or fix it. A record whose holder is gone blocks GC until removed.",
  // One series per gauge, named in a `metric` label as the dashboard's instances are.
  promql: (s, sel) => `label_replace(max by (__name__) (${vec(PTS_GAUGES.map((g) => g.metric), sel)}), "metric", "$1", "__name__", "(.+)") > ${s.threshold ?? 12 * H}`,
  evaluate(ctx, s) {
    if (!haveMetrics(ctx)) return null;
    const threshold = s.threshold ?? 12 * H;
    const out: Candidate[] = [];
    for (const g of PTS_GAUGES) {
      const values = ctx.scrape?.nodes.filter((n) => n.up && g.metric in n.metrics).map((n) => n.metrics[g.metric]) ?? [];
      if (values.length === 0) continue;
      const v = Math.max(...values);
      if (!(v > threshold)) continue;
      const says = `The oldest protected timestamp held by ${g.holder} is ${formatDuration(v)} old`;
      out.push({
        labels: { metric: g.metric },
        value: v,
        summary: says,
        description: `${says}: ${g.metric} = ${Math.round(v)} s, above ${formatDuration(threshold)}. Garbage collection cannot remove data newer than it.`,
        links: [
          jobsLink(ctx.cluster, { type: [g.type], status: ['paused', 'running'], fromMs: ctx.clusterNowMs - 14 * 86_400_000 }, `Unfinished ${g.type} jobs`),
          panelLink(ctx.cluster, g.metric, ctx.nowMs, H),
        ],
      });
    }
    return out;
  },
};
