import type { NextRequest } from 'next/server';
import { respond } from '@/lib/errors';
import { jobEventsForRequest } from '@/lib/api/job-events';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** `?type&scheduled&from&to&node` → `{events, truncated, sql, sql_configured}`: the chart markers' jobs (lib/api/job-events.ts). */
export async function GET(req: NextRequest, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => jobEventsForRequest(cluster, req.nextUrl.searchParams));
}
