import { listClusters, publicCluster } from '@/lib/clusters';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET() {
  return respond(async () => ({ clusters: (await listClusters()).map(publicCluster) }));
}
