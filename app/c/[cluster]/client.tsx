'use client';

import { useSearchParams } from 'next/navigation';
import { useClusterMetrics } from '@/components/data/use-cluster-metrics';
import { useKnownNodeIds } from '@/components/hooks/use-known-node-ids';
import { useClusterNow } from '@/components/hooks/use-cluster-now';
import { useNow } from '@/components/hooks/use-now';
import { NodeList } from '@/components/nodes/node-list';
import { nodeColumns } from '@/lib/domain/node-columns';
import { AlertStrip } from '@/components/overview/alert-strip';
import { FreshnessStrip } from '@/components/overview/freshness-strip';
import { GridLegend } from '@/components/overview/grid-legend';
import { MetricGrid } from '@/components/overview/metric-grid';
import { OverviewCharts } from '@/components/overview/overview-charts';
import { OverviewHeader } from '@/components/overview/overview-header';
import { StaleNote } from '@/components/overview/stale-note';
import { StatusTiles } from '@/components/overview/status-tiles';
import { cn } from '@/components/ui/cn';
import { parseViewParams, refreshMs } from '@/lib/links';
import type { ClusterSnapshot } from '@/lib/api/types/metrics';
import type { ClusterAlertsAnswer } from '@/lib/api/types/alerts';
import type { SchedulesPage } from '@/lib/api/types/schedules';

// Phone order: header, freshness (1), the tiles with blind spots and PTS holders first (2), then the rest.
const LATER = 'max-sm:order-3';

interface Props {
  cluster: { id: string; name: string; sql: boolean };
  /** The server's snapshot: the first paint has data, and SWR starts from it. */
  fallbackData: ClusterSnapshot;
  /** When the server rendered: hydration computes the same "12 s ago" as the server did. */
  renderedAt: number;
  /** The server's firing alerts: the strip is on the first paint (no jump once the page is up). */
  alertsFallback?: ClusterAlertsAnswer;
  /** The cluster's clock minus the dashboard's, as the server last measured it. */
  clusterSkewMs: number;
  /** The server's schedules answer, when SQL gave it in time: the freshness strip is on the first paint. */
  schedulesFallback?: SchedulesPage;
}

export function OverviewClient({ cluster, fallbackData, renderedAt, alertsFallback, clusterSkewMs, schedulesFallback }: Props) {
  const view = parseViewParams(useSearchParams());
  const { data, error, isValidating, mutate } = useClusterMetrics(cluster.id, { fallbackData, refreshMs: refreshMs(view.refresh) });
  // Two clocks, never mixed: the scrape's age on the dashboard's, cluster times (a backup's
  // completion, a job's finish) on the cluster's own.
  const now = useNow(renderedAt);
  const clusterNow = useClusterNow(cluster.id, renderedAt, clusterSkewMs);
  const known = useKnownNodeIds(data.nodes);
  const columns = nodeColumns(data.nodes, known);
  const up = columns.filter((c) => c.node.up).length;
  const scrapedAt = Date.parse(data.scraped_at);

  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-5 px-3 py-4 sm:px-6 sm:py-6">
      <OverviewHeader name={cluster.name} scrapedAt={scrapedAt} now={now} refresh={view.refresh} validating={isValidating} onRefreshNow={() => void mutate()} />
      {error && <StaleNote error={error} scrapedAt={scrapedAt} now={now} />}
      {/* On a phone the first screen answers "fresh? failing? who holds PTS?": the strip and tiles move up. */}
      <div className={LATER}>
        <AlertStrip cluster={cluster.id} view={view} now={now} fallbackData={alertsFallback} />
      </div>
      {data.discovery_note && (
        <p role="note" data-testid="discovery-note" className={cn(LATER, 'rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100')}>
          {data.discovery_note}
        </p>
      )}
      <div className="max-sm:order-2">
        <StatusTiles columns={columns} now={clusterNow} windows={data.windows} />
      </div>
      <div className="max-sm:order-1">
        <FreshnessStrip cluster={cluster.id} sql={cluster.sql} view={view} now={clusterNow} fallbackData={schedulesFallback} />
      </div>
      <div className={LATER}>
        <OverviewCharts cluster={cluster.id} refreshMs={refreshMs(view.refresh)} sql={cluster.sql} />
      </div>

      <section aria-labelledby="grid-heading" className={cn(LATER, 'flex flex-col gap-2')}>
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id="grid-heading" className="text-base font-semibold">
            Metrics by node
          </h2>
          <GridLegend />
        </div>
        <MetricGrid cluster={cluster.id} columns={columns} aggregate={data.aggregate} now={clusterNow} />
      </section>

      <section aria-labelledby="nodes-heading" className="max-sm:order-3 rounded-lg border border-zinc-200 bg-white px-3 py-2 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4">
          <h2 id="nodes-heading" className="text-base font-semibold">
            Nodes
          </h2>
          <p className={cn('text-sm', up === columns.length ? 'text-zinc-500 dark:text-zinc-400' : 'font-semibold text-red-600 dark:text-red-400')}>
            {up}/{columns.length} nodes scraped
          </p>
        </div>
        <NodeList cluster={cluster.id} columns={columns} />
      </section>
    </main>
  );
}
