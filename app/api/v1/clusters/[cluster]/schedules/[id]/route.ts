import { scheduleForRequest } from '@/lib/api/schedules';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** One schedule, its pair, options, jobs (SHOW JOBS FOR SCHEDULES) and freshness over time. */
export async function GET(_req: Request, ctx: { params: Promise<{ cluster: string; id: string }> }) {
  const { cluster, id } = await ctx.params;
  return respond(() => scheduleForRequest(cluster, id));
}
