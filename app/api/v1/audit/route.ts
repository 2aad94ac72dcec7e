import { auditForRequest } from '@/lib/api/audit';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** GET ?kind=&limit=: {events: [{at, user, role, kind, cluster, statement, outcome, remote}]}, newest first (operators). */
export async function GET(req: Request) {
  return respond(() => auditForRequest(req));
}
