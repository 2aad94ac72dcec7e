import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { DemoBanner } from '@/components/layout/demo-banner';
import { OverviewSkeleton } from '@/components/overview/overview-skeleton';
import { clusterAlertsForRequest } from '@/lib/api/alerts';
import { clusterSkewMs } from '@/lib/api/cluster-clock';
import { clusterMetrics } from '@/lib/api/metrics';
import { schedulesForRequest } from '@/lib/api/schedules';
import { getCluster } from '@/lib/clusters';
import type { ClusterConfig } from '@/lib/config';
import { OverviewClient } from './client';

export const dynamic = 'force-dynamic';

// A server component renders once per request, so reading the clock here is stable; the client
// hydrates its relative times ("12 s ago") against this same instant before its own clock runs.
function requestTime(): number {
  return Date.now();
}

export async function generateMetadata({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = await getCluster((await params).cluster);
  return { title: cluster ? `${cluster.name} · backup monitor` : 'Unknown cluster · backup monitor' };
}

const SCHEDULES_BUDGET_MS = 1_500;

/** The answer if it comes within `ms`, else undefined (the client's own request takes over); never throws. */
function within<T>(ms: number, p: Promise<T>): Promise<T | undefined> {
  return Promise.race([p.catch(() => undefined), new Promise<undefined>((r) => setTimeout(() => r(undefined), ms))]);
}

/** Waits for the first snapshot (up to the scrape timeout when a node hangs) inside the page's Suspense. */
async function OverviewData({ cluster }: { cluster: ClusterConfig }) {
  const [snapshot, alerts, schedules] = await Promise.all([
    clusterMetrics(cluster.id),
    // The alert strip's first paint; if the store cannot answer, the client's own poll decides.
    clusterAlertsForRequest(cluster.id, new URLSearchParams({ state: 'firing' })).catch(() => undefined),
    // The freshness strip's, when SQL answers within the budget: a slow cluster never holds the page.
    cluster.sqlUrl === null ? undefined : within(SCHEDULES_BUDGET_MS, schedulesForRequest(cluster.id)),
  ]);
  return (
    <OverviewClient
      cluster={{ id: cluster.id, name: cluster.name, sql: cluster.sqlUrl !== null }}
      fallbackData={snapshot}
      renderedAt={requestTime()}
      clusterSkewMs={clusterSkewMs(cluster.id)}
      alertsFallback={alerts}
      schedulesFallback={schedules}
    />
  );
}

/**
 * The cluster overview: the server's snapshot first, then the client keeps it fresh with SWR.
 * The cluster is resolved before anything streams, so an unknown id is a real HTTP 404 (a
 * route-level loading.tsx would flush a 200 first); the scrape streams in behind a skeleton.
 */
export default async function ClusterPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster: id } = await params;
  const cluster = await getCluster(id);
  if (!cluster) notFound();
  return (
    <>
      {/* Only the demo's SQL URL is shown: a real cluster's can carry a password. */}
      {cluster.demo && <DemoBanner sqlUrl={cluster.sqlUrl} />}
      {/* Also the boundary useSearchParams (refresh=) in the client needs. */}
      <Suspense fallback={<OverviewSkeleton />}>
        <OverviewData cluster={cluster} />
      </Suspense>
    </>
  );
}
