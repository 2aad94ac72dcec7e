import type { NextRequest } from 'next/server';
import { respond } from '@/lib/errors';
import { errorGroupsForRequest } from '@/lib/api/jobs';

export const dynamic = 'force-dynamic';

/** The explorer's filter (`type&status&node&from&to&q&scheduled&retried`) → its failures grouped by error text. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => errorGroupsForRequest(cluster, req.nextUrl.searchParams));
}
