import { scheduleControlForRequest } from '@/lib/api/schedules';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

/** POST …/schedules/{id}/pause|resume: only with ENABLE_JOB_CONTROL=true, from the dashboard's own pages, for an operator (403 otherwise); audited. */
export async function POST(req: Request, ctx: { params: Promise<{ cluster: string; id: string; action: string }> }) {
  const { cluster, id, action } = await ctx.params;
  return respond(() => scheduleControlForRequest(req, cluster, id, action));
}
