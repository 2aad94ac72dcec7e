import { notFound } from 'next/navigation';
import { DemoBanner } from '@/components/layout/demo-banner';
import { NodeList } from '@/components/nodes/node-list';
import { getCluster } from '@/lib/clusters';
import { probeNode } from '@/lib/scrape/probe-node';

export const dynamic = 'force-dynamic';

export default async function ClusterPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster: id } = await params;
  const cluster = await getCluster(id);
  if (!cluster) notFound();
  const probes = await Promise.all(cluster.httpUrls.map((u) => probeNode(u)));
  const up = probes.filter((p) => p.up).length;
  return (
    <>
      {cluster.demo && <DemoBanner sqlUrl={cluster.sqlUrl} />}
      <main className="mx-auto max-w-6xl p-4 sm:p-6">
        <header className="mb-6 flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">{cluster.name}</h1>
          <p className={up === probes.length ? 'text-sm text-zinc-500' : 'text-sm font-medium text-red-600'}>
            {up}/{probes.length} nodes scraped
          </p>
        </header>
        <section aria-labelledby="nodes-heading" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <h2 id="nodes-heading" className="mb-2 text-lg font-medium">
            Nodes
          </h2>
          {probes.length === 0 ? <p className="text-sm text-zinc-500">No node HTTP URLs are configured (CRDB_HTTP_URLS).</p> : <NodeList probes={probes} />}
        </section>
      </main>
    </>
  );
}
