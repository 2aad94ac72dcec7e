'use client';

import { drillHref } from '@/lib/domain/drill';
import Link from 'next/link';
import { useChartAlerts } from '@/components/alerts/use-chart-alerts';
import { chartMetric } from '@/components/charts/chart-metric';
import { LazyMetricChart as MetricChart, WhenNear } from '@/components/charts/lazy-charts';
import type { CatalogEntry } from '@/lib/catalog';
import type { RangeData } from '@/lib/domain/chart-data';
import { useMemo } from 'react';
import { BackfillProgress } from '@/components/overview/backfill-progress';
import { useMetricRange } from '@/components/charts/use-metric-range';
import { useChartEvents } from '@/components/data/use-job-events';
import { catalogByExported } from '@/lib/catalog';
import { metricHref, protectedTimestampsHref, ptsHolderOfMetric } from '@/lib/links';

const RANGE = { from: 'now-6h', to: 'now' } as const;

/** The overview's history, in the order an on-call engineer asks: what holds PTS, is the last backup fresh, what runs, what fails. */
const CHARTS = [
  ['jobs_backup_protected_age_sec', 'Oldest PTS · backup jobs'],
  ['schedules_BACKUP_protected_age_sec', 'Oldest PTS · backup schedules'],
  ['jobs_restore_protected_age_sec', 'Oldest PTS · restore jobs'],
  ['schedules_BACKUP_last_completed_time', 'Last completed scheduled backup'],
  ['jobs_backup_currently_running', 'Backup jobs running'],
  ['jobs_backup_currently_paused', 'Backup jobs paused'],
  ['jobs_restore_currently_running', 'Restore jobs running'],
  ['jobs_restore_currently_paused', 'Restore jobs paused'],
  ['schedules_BACKUP_failed', 'Scheduled backups failed'],
  ['jobs_backup_resume_failed', 'Backup jobs failed'],
  ['jobs_backup_resume_retry_error', 'Backup retry errors'],
  ['jobs_restore_resume_failed', 'Restore jobs failed'],
  ['jobs_restore_resume_retry_error', 'Restore retry errors'],
] as const;

// Six hours at a 30 s+ step gain nothing from refreshing every few seconds like the live tiles.
const MIN_REFRESH_MS = 30_000;
// A small chart (~300 px): above this many job events in 6 h, only failures are marked. The
// overview's charts of one job type share one request (same key).
const OVERVIEW_DENSE_EVENTS = 30;

const CHART_PX = 150;
// A 300 px chart cannot tell 300 lines apart, and 13 of them with a legend entry per node froze a
// 300-node overview (bench/overview-grid.bench.ts): past this many nodes, the cluster line only.
const MAX_NODE_LINES = 12;

/** The range without its per-node series when there are too many to draw on a small chart. */
function clusterOnly(data: RangeData | undefined): RangeData | undefined {
  return data && data.aggregate && data.series.length > MAX_NODE_LINES ? { ...data, series: [] } : data;
}

/** The chart with its data: mounted once its card nears the viewport, so charts below the fold ask for nothing until scrolled to. */
function ChartBody({ cluster, entry, title, every, sql }: { cluster: string; entry: CatalogEntry; title: string; every: number; sql: boolean }) {
  const exported = entry.exported;
  const { data: range, error, isValidating } = useMetricRange(cluster, exported, RANGE, every);
  const data = useMemo(() => clusterOnly(range), [range]);
  const many = range !== undefined && data !== range;
  const events = useChartEvents(cluster, exported, { ...RANGE, refreshMs: every, sql, denseAbove: OVERVIEW_DENSE_EVENTS });
  const alerts = useChartAlerts(cluster, exported, { ...RANGE, refreshMs: every });
  return (
    <>
      {many && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="cluster-line-only">
          {range.series.length} nodes: the cluster line only; per node on its panel (open)
        </p>
      )}
      <MetricChart
        metric={chartMetric(entry)}
        data={data}
        error={error?.message}
        loading={isValidating}
        height={CHART_PX}
        maxTicks={4}
        ariaLabel={`${title}, last 6 h`}
        drillAt={drillHref(cluster, exported) ? (t, node) => drillHref(cluster, exported, { at: t, node }) : undefined}
        {...events.chart}
        {...alerts}
      />
    </>
  );
}

function ChartCard({ cluster, exported, title, refreshMs, sql }: { cluster: string; exported: string; title: string; refreshMs: number; sql: boolean }) {
  const entry = catalogByExported(exported);
  const holder = ptsHolderOfMetric(exported);
  const every = refreshMs === 0 ? 0 : Math.max(refreshMs, MIN_REFRESH_MS);
  if (!entry) return null;
  return (
    <article aria-label={title} className="flex min-w-0 flex-col gap-1 rounded-lg border border-zinc-200 bg-white p-2.5 dark:border-zinc-800 dark:bg-zinc-900">
      <h3 className="flex items-baseline justify-between gap-2 text-sm font-medium">
        <span className="truncate">{title}</span>
        <span className="flex shrink-0 gap-2">
          {holder && (
            <Link href={protectedTimestampsHref(cluster, holder)} prefetch={false} className="text-xs font-normal text-emerald-700 hover:underline dark:text-emerald-400" title="The records and who holds them">
              holders
            </Link>
          )}
          <Link href={metricHref(cluster, exported, RANGE)} prefetch={false} className="text-xs font-normal text-emerald-700 hover:underline dark:text-emerald-400">
            open
          </Link>
        </span>
      </h3>
      <WhenNear height={CHART_PX}>
        <ChartBody cluster={cluster} entry={entry} title={title} every={every} sql={sql} />
      </WhenNear>
    </article>
  );
}

/** The last 6 h of the metrics that answer "since when?", one small chart each; each opens its panel page. */
export function OverviewCharts({ cluster, refreshMs, sql }: { cluster: string; refreshMs: number; sql: boolean }) {
  return (
    <section aria-labelledby="charts-heading" className="flex flex-col gap-3">
      <h2 id="charts-heading" className="text-base font-semibold">
        Last 6 hours
      </h2>
      <BackfillProgress cluster={cluster} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {CHARTS.map(([exported, title]) => (
          <ChartCard key={exported} cluster={cluster} exported={exported} title={title} refreshMs={refreshMs} sql={sql} />
        ))}
      </div>
    </section>
  );
}
