import { scheduleControlForRequest } from '@/lib/api/schedules';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** POST …/schedules/{id}/pause|resume: only with ENABLE_JOB_CONTROL=true (403 otherwise). */
export async function POST(_req: Request, ctx: { params: Promise<{ cluster: string; id: string; action: string }> }) {
  const { cluster, id, action } = await ctx.params;
  return respond(() => scheduleControlForRequest(cluster, id, action));
}
