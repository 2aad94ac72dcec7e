import { redirect } from 'next/navigation';
import { listClusters } from '@/lib/clusters';

export const dynamic = 'force-dynamic';

/** The default cluster's page: the first configured one, or the built-in demo. */
export default async function Home() {
  const [first] = await listClusters();
  redirect(`/c/${encodeURIComponent(first.id)}`);
}
