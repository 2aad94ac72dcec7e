import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { Loading } from '@/components/schedules/page-header';
import { SchedulesView } from '@/components/schedules/schedules-view';
import { clusterSkewMs } from '@/lib/api/cluster-clock';
import { getCluster } from '@/lib/clusters';
import { controlOffered } from '@/lib/api/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = await getCluster((await params).cluster);
  return { title: cluster ? `Schedules · ${cluster.name} · backup monitor` : 'Unknown cluster · backup monitor' };
}

function requestTime(): number {
  return Date.now();
}

/** Backup schedules, problems first: the client fetches and refreshes them (refresh=). */
export default async function SchedulesPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster: id } = await params;
  const cluster = await getCluster(id);
  if (!cluster) notFound();
  return (
    // useSearchParams in the client needs a Suspense boundary.
    <Suspense fallback={<Loading text="Reading SHOW SCHEDULES…" />}>
      <SchedulesView cluster={{ id: cluster.id, name: cluster.name }} renderedAt={requestTime()} clusterSkewMs={clusterSkewMs(cluster.id)} control={await controlOffered()} />
    </Suspense>
  );
}
