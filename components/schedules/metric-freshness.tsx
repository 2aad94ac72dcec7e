import { exactUtc } from '@/components/jobs/rel-time';
import { formatDuration, formatSince } from '@/lib/format/duration';
import { metricHref } from '@/lib/links';
import type { MetricFreshness } from '@/lib/api/types/schedules';
import type { ClusterSnapshot } from '@/lib/api/types/metrics';
import { FreshnessBadge } from './freshness-badge';
import { LINK } from './page-header';

const METRIC = 'schedules_BACKUP_last_completed_time';

/**
 * The cluster-wide signal, beside the per-schedule answer: now − max over nodes of the gauge's max
 * over the window (a restarted node reports 0, so the latest value alone would lie).
 */
export function MetricFreshnessPanel({ cluster, metric, disagreement, now }: { cluster: string; metric: MetricFreshness | null; disagreement: string | null; now: number }) {
  return (
    <section aria-labelledby="metric-freshness" className="flex min-w-0 flex-col gap-1.5 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm sm:px-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="metric-freshness" className="flex flex-wrap items-center gap-2 font-semibold text-zinc-700 dark:text-zinc-300">
        Cluster metric
        {metric && <FreshnessBadge status={metric.status} reason={metric.note} />}
      </h2>
      {metric ? (
        <>
          <p>
            last backup that updates{' '}
            <a href={metricHref(cluster, METRIC, { from: `now-${Math.max(1, Math.round(metric.window_s / 3600))}h` })} className={`${LINK} font-mono text-xs break-words`}>
              {METRIC}
            </a>
            : {metric.age_s === null ? <strong>never reported</strong> : <strong>{formatDuration(metric.age_s)} ago</strong>}
            {metric.last_completed && (
              <span className="text-zinc-500 dark:text-zinc-400">
                {' '}
                (at {exactUtc(metric.last_completed)})
              </span>
            )}
          </p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            max over nodes of the max over the last {formatDuration(metric.window_s)}; latest per node:{' '}
            {metric.nodes.map((n, i) => (
              <span key={n.node_id} className="tabular-nums">
                {i > 0 && ', '}n{n.node_id} {n.value === null ? 'unreachable' : n.value === 0 ? '0 (restarted or never ran)' : formatSince(n.value, now)}
              </span>
            ))}
          </p>
          {metric.note && <p className="text-xs text-zinc-500 dark:text-zinc-400">{metric.note}</p>}
        </>
      ) : (
        <p className="text-zinc-500 dark:text-zinc-400">No node answered with {METRIC}: the per-schedule answer stands alone.</p>
      )}
      {disagreement && (
        <p role="note" data-testid="disagreement" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100">
          <strong>The metric and the schedules disagree:</strong> {disagreement}
        </p>
      )}
    </section>
  );
}

/**
 * When SQL is down the per-schedule answer is gone, but the nodes still serve the gauge: its latest
 * value, max over the nodes that answered (not over a window: a node restarted since reports 0).
 */
export function MetricOnly({ cluster, snapshot, now }: { cluster: string; snapshot: ClusterSnapshot; now: number }) {
  const v = snapshot.aggregate[METRIC];
  return (
    <section aria-labelledby="metric-only" className="rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm sm:px-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="metric-only" className="font-semibold text-zinc-700 dark:text-zinc-300">
        Cluster metric (latest scrape)
      </h2>
      <p data-testid="metric-only">
        <a href={metricHref(cluster, METRIC, { from: 'now-1d' })} className={`${LINK} font-mono text-xs break-words`}>
          {METRIC}
        </a>
        : {v === undefined ? 'no node reports it' : v > 0 ? <strong>last backup {formatSince(v, now)}</strong> : 'zero on every node (restarted since its last backup, or never set)'}
      </p>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Only backups of schedules created with updates_cluster_last_backup_time_metric move it; per-schedule freshness needs SQL.</p>
    </section>
  );
}
