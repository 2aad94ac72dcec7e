import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ProtectedTimestampsView } from '@/components/protected-timestamps/pts-view';
import { Loading } from '@/components/schedules/page-header';
import { getCluster } from '@/lib/clusters';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = await getCluster((await params).cluster);
  return { title: cluster ? `Protected timestamps · ${cluster.name} · backup monitor` : 'Unknown cluster · backup monitor' };
}

function requestTime(): number {
  return Date.now();
}

/** Who holds each protected timestamp record (`holder=` filters); the client fetches and refreshes them. */
export default async function ProtectedTimestampsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster: id } = await params;
  const cluster = await getCluster(id);
  if (!cluster) notFound();
  return (
    <Suspense fallback={<Loading text="Reading system.protected_ts_records…" />}>
      <ProtectedTimestampsView cluster={{ id: cluster.id, name: cluster.name }} renderedAt={requestTime()} />
    </Suspense>
  );
}
