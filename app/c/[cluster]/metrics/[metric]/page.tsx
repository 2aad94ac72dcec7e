import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ChartState } from '@/components/charts/chart-state';
import { catalogByExported, type CatalogEntry } from '@/lib/catalog';
import { getCluster } from '@/lib/clusters';
import { PanelClient } from './client';

export const dynamic = 'force-dynamic';

function entryOf(name: string): CatalogEntry | undefined {
  const e = catalogByExported(name);
  // Only the exported spelling is a page: one URL per metric, so links compare equal.
  return e?.exported === name ? e : undefined;
}

export async function generateMetadata({ params }: { params: Promise<{ cluster: string; metric: string }> }) {
  const { cluster, metric } = await params;
  const c = await getCluster(cluster);
  return { title: `${entryOf(metric)?.exported ?? 'Unknown metric'} · ${c?.name ?? cluster} · backup monitor` };
}

/** One metric, full size, every setting in the URL (lib/links.ts) so the link shows the same view. */
export default async function MetricPage({ params }: { params: Promise<{ cluster: string; metric: string }> }) {
  const { cluster: id, metric } = await params;
  const cluster = await getCluster(id);
  const entry = entryOf(metric);
  if (!cluster || !entry) notFound();
  return (
    // The boundary useSearchParams in the client needs.
    <Suspense fallback={<main className="mx-auto max-w-[1600px] px-3 py-4 sm:px-6"><ChartState height={420} kind="loading" /></main>}>
      <PanelClient cluster={{ id: cluster.id, name: cluster.name, sql: cluster.sqlUrl !== null }} metric={entry} />
    </Suspense>
  );
}
