import Link from 'next/link';
import { listClusters } from '@/lib/clusters';
import { clusterHref } from '@/lib/links';

/** An unknown cluster id in the URL (a stale or mistyped link): offer the ones that exist. */
export default async function ClusterNotFound() {
  const clusters = await listClusters();
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-xl font-semibold">No such cluster</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">This dashboard is not configured to watch a cluster with that id. It watches:</p>
      <ul className="mt-3 space-y-1 text-sm">
        {clusters.map((c) => (
          <li key={c.id}>
            <Link href={clusterHref(c.id)} className="text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400">
              {c.name}
            </Link>{' '}
            <span className="font-mono text-xs text-zinc-500">/c/{c.id}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
