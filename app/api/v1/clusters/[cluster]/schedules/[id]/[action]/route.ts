import { scheduleControlForRequest } from '@/lib/api/schedules';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

/** POST …/schedules/{id}/pause|resume: only with ENABLE_JOB_CONTROL=true (403 otherwise). */
export async function POST(_req: Request, ctx: { params: Promise<{ cluster: string; id: string; action: string }> }) {
  const { cluster, id, action } = await ctx.params;
  return respond(() => scheduleControlForRequest(cluster, id, action));
}
