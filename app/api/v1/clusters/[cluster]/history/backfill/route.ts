import { backfillStatusForRequest } from '@/lib/api/history-backfill';
import { otherMethods } from '@/lib/api/method-not-allowed';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** The day-one backfill from CockroachDB's /ts/query: `{state, from, to, done_points, total_points, eta_s, error}`. */
export async function GET(_req: Request, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => backfillStatusForRequest(cluster));
}
