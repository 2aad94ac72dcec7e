import { Suspense, type ReactNode } from 'react';
import { ClusterNav } from '@/components/layout/cluster-nav';
import { getCluster } from '@/lib/clusters';

/**
 * Every cluster page gets the section bar. An unknown cluster gets none (its pages answer 404 with
 * the list of clusters there are, and links into it would lead nowhere).
 */
export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Promise<{ cluster: string }> }) {
  const cluster = await getCluster((await params).cluster);
  return (
    <>
      {cluster && (
        // useSearchParams (kiosk=, refresh=) needs a Suspense boundary.
        <Suspense fallback={null}>
          <ClusterNav cluster={cluster.id} name={cluster.name} />
        </Suspense>
      )}
      {children}
    </>
  );
}
