import { auditForRequest } from '@/lib/api/audit';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** GET ?kind=&limit=: {events: [{at, user, role, kind, cluster, statement, outcome, remote}]}, newest first (operators). */
export async function GET(req: Request) {
  return respond(() => auditForRequest(req));
}
