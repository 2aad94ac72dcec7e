import { listClusters, publicCluster } from '@/lib/clusters';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

export async function GET() {
  return respond(async () => ({ clusters: (await listClusters()).map(publicCluster) }));
}
