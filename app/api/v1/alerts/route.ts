import type { NextRequest } from 'next/server';
import { fleetAlertsForRequest } from '@/lib/api/alerts';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** `?state&from&to` → every cluster's alerts, each with its `cluster` (lib/api/alerts.ts). */
export async function GET(req: NextRequest) {
  return respond(() => fleetAlertsForRequest(req.nextUrl.searchParams));
}
