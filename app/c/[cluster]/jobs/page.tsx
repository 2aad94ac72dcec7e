import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { JobsExplorer } from '@/components/jobs/jobs-explorer';
import { clusterSkewMs } from '@/lib/api/cluster-clock';
import { getCluster } from '@/lib/clusters';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = await getCluster((await params).cluster);
  return { title: cluster ? `Jobs · ${cluster.name} · backup monitor` : 'Unknown cluster · backup monitor' };
}

function requestTime(): number {
  return Date.now();
}

/** The jobs explorer: the client reads the filters from the URL and fetches one page from the API. */
export default async function JobsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster: id } = await params;
  const cluster = await getCluster(id);
  if (!cluster) notFound();
  return (
    // useSearchParams in the client needs a Suspense boundary.
    <Suspense fallback={<div className="p-6 text-sm text-zinc-500">Loading jobs…</div>}>
      <JobsExplorer cluster={{ id: cluster.id, name: cluster.name }} renderedAt={requestTime()} clusterSkewMs={clusterSkewMs(cluster.id)} />
    </Suspense>
  );
}
