import type { NextRequest } from 'next/server';
import { clusterAlertsForRequest } from '@/lib/api/alerts';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** `?state&from&to&metric` → `{cluster, evaluated_at, alerts, counts, deliveries}` (lib/api/alerts.ts). */
export async function GET(req: NextRequest, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => clusterAlertsForRequest(cluster, req.nextUrl.searchParams));
}
