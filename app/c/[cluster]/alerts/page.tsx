import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { AlertsSkeleton, AlertsView } from '@/components/alerts/alerts-view';
import { getCluster } from '@/lib/clusters';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = await getCluster((await params).cluster);
  return { title: cluster ? `Alerts · ${cluster.name} · backup monitor` : 'Unknown cluster · backup monitor' };
}

function requestTime(): number {
  return Date.now();
}

/** The cluster's alerts: the client reads the filter from the URL and keeps the list fresh (refresh=). */
export default async function AlertsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster: id } = await params;
  const cluster = await getCluster(id);
  if (!cluster) notFound();
  return (
    // useSearchParams in the client needs a Suspense boundary.
    <Suspense
      fallback={
        <main className="mx-auto flex w-full max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
          <AlertsSkeleton />
        </main>
      }
    >
      <AlertsView cluster={{ id: cluster.id, name: cluster.name }} renderedAt={requestTime()} />
    </Suspense>
  );
}
