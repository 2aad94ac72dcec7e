import { respond } from '@/lib/errors';
import { controlForRequest } from '@/lib/api/jobs';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

/** POST …/jobs/{id}/pause|resume|cancel: only with ENABLE_JOB_CONTROL=true, from the dashboard's own pages, for an operator (403 otherwise); audited. */
export async function POST(req: Request, ctx: { params: Promise<{ cluster: string; jobId: string; action: string }> }) {
  const { cluster, jobId, action } = await ctx.params;
  return respond(() => controlForRequest(req, cluster, jobId, action));
}
