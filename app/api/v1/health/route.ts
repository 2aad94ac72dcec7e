import { listClusters } from '@/lib/clusters';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** Liveness for load balancers and the e2e suite: answers once the clusters (or the demo) are ready. */
export async function GET() {
  try {
    const clusters = await listClusters();
    return Response.json({ status: 'ok', clusters: clusters.length });
  } catch (err) {
    console.error('health:', err);
    return Response.json({ error: { code: 'unavailable', message: 'the dashboard could not load its clusters' } }, { status: 503 });
  }
}
