import { Suspense, type ReactNode } from 'react';
import { ClusterNav } from '@/components/layout/cluster-nav';
import { listClusters } from '@/lib/clusters';

/**
 * Every cluster page gets the section bar (with the cluster switcher when there are several). An unknown cluster gets none (its pages answer 404 with
 * the list of clusters there are, and links into it would lead nowhere).
 */
export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Promise<{ cluster: string }> }) {
  const [id, all] = [(await params).cluster, await listClusters()];
  const cluster = all.find((c) => c.id === id);
  return (
    <>
      {cluster && (
        // useSearchParams (kiosk=, refresh=) needs a Suspense boundary.
        <Suspense fallback={null}>
          <ClusterNav cluster={cluster.id} name={cluster.name} clusters={all.map((c) => ({ id: c.id, name: c.name }))} />
        </Suspense>
      )}
      {children}
    </>
  );
}
