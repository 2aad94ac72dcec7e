import type { NextRequest } from 'next/server';
import { respond } from '@/lib/errors';
import { jobsForRequest } from '@/lib/api/jobs';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** `?type&status&node&from&to&q&scheduled&sort&limit&cursor` → a page of jobs; `&format=csv|json` → a download. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => jobsForRequest(cluster, req.nextUrl.searchParams));
}
