import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { BackupsView } from '@/components/backups/backups-view';
import { Loading } from '@/components/schedules/page-header';
import { getCluster } from '@/lib/clusters';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = await getCluster((await params).cluster);
  return { title: cluster ? `Backups · ${cluster.name} · backup monitor` : 'Unknown cluster · backup monitor' };
}

/** The backup inventory; the chosen backup is in the URL (`?collection=…&backup=…`) so it can be shared. */
export default async function BackupsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster: id } = await params;
  const cluster = await getCluster(id);
  if (!cluster) notFound();
  return (
    <Suspense fallback={<Loading text="Reading SHOW BACKUPS IN each collection…" />}>
      <BackupsView cluster={{ id: cluster.id, name: cluster.name }} />
    </Suspense>
  );
}
