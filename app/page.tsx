import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { FleetClient } from '@/components/fleet/fleet-client';
import { FleetSkeleton } from '@/components/fleet/fleet-skeleton';
import { fleet } from '@/lib/api/fleet';
import { listClusters } from '@/lib/clusters';

export const dynamic = 'force-dynamic';

export const metadata = { title: 'Fleet · backup monitor' };

function requestTime(): number {
  return Date.now();
}

async function FleetData() {
  return <FleetClient fallbackData={await fleet()} renderedAt={requestTime()} />;
}

/** The fleet when several clusters are configured (the built-in demo has three); one cluster opens straight away. */
export default async function Home() {
  const clusters = await listClusters();
  if (clusters.length === 1) redirect(`/c/${encodeURIComponent(clusters[0].id)}`);
  return (
    // Also the boundary useSearchParams (q=, sort=, refresh=, kiosk=) needs.
    <Suspense fallback={<FleetSkeleton />}>
      <FleetData />
    </Suspense>
  );
}
