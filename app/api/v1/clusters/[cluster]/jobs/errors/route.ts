import type { NextRequest } from 'next/server';
import { respond } from '@/lib/errors';
import { errorGroupsForRequest } from '@/lib/api/jobs';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** The explorer's filter (`type&status&node&from&to&q&scheduled&retried`) → its failures grouped by error text. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => errorGroupsForRequest(cluster, req.nextUrl.searchParams));
}
