import { listClusters, publicCluster } from '@/lib/clusters';

export const dynamic = 'force-dynamic';

export async function GET() {
  return Response.json({ clusters: (await listClusters()).map(publicCluster) });
}
