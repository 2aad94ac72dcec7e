import { schedulesForRequest } from '@/lib/api/schedules';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** Every schedule (SHOW SCHEDULES) with its runs and freshness, groups problems first, the metric beside. */
export async function GET(_req: Request, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => schedulesForRequest(cluster));
}
