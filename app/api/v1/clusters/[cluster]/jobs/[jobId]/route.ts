import { respond } from '@/lib/errors';
import { jobForRequest } from '@/lib/api/jobs';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

export async function GET(_req: Request, ctx: { params: Promise<{ cluster: string; jobId: string }> }) {
  const { cluster, jobId } = await ctx.params;
  return respond(() => jobForRequest(cluster, jobId));
}
