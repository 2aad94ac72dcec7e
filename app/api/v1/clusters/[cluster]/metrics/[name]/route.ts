import type { NextRequest } from 'next/server';
import { ApiError, respond } from '@/lib/errors';
import { RangeQueryParams, rangeQuery } from '@/lib/api/metric-range';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** One metric's history: `?from&to&nodes&step&fn&aggregate` (lib/history/query.ts). */
export async function GET(req: NextRequest, ctx: { params: Promise<{ cluster: string; name: string }> }) {
  const { cluster, name } = await ctx.params;
  return respond(async () => {
    const q = RangeQueryParams.safeParse(Object.fromEntries(req.nextUrl.searchParams));
    if (!q.success) throw new ApiError('bad_request', q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return rangeQuery(cluster, name, q.data);
  });
}
