import { respond } from '@/lib/errors';
import { controlForRequest } from '@/lib/api/jobs';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

/** POST …/jobs/{id}/pause|resume|cancel: only with ENABLE_JOB_CONTROL=true (403 otherwise). */
export async function POST(_req: Request, ctx: { params: Promise<{ cluster: string; jobId: string; action: string }> }) {
  const { cluster, jobId, action } = await ctx.params;
  return respond(() => controlForRequest(cluster, jobId, action));
}
