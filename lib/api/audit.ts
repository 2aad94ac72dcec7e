/**
 * GET /api/v1/audit (and the /audit page): the audit trail, newest first, for operators (and for
 * everyone with AUTH_MODE=none, where nobody signs in). `kind=job_control,sign_in_failed` filters,
 * `limit` (1 to 5000, default 500) bounds it.
 */
import { z } from 'zod';
import { AUDIT_KINDS, type AuditList } from './types/audit';
import { auditStore } from '../auth/audit';
import { authenticate } from '../auth/authenticate';
import { authConfig } from '../auth/config';
import type { Principal } from '../auth/roles';
import { ApiError } from '../errors';

const Query = z.object({
  kind: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(AUDIT_KINDS, { message: `kind must be among ${AUDIT_KINDS.join(', ')}` }))),
  limit: z.coerce.number({ message: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be between 1 and 5000').max(5000, 'limit must be between 1 and 5000').default(500),
});

export function mayReadAudit(p: Principal): boolean {
  return authConfig().mode === 'none' || p.role === 'operator';
}

export function readAudit(q: { kinds?: readonly (typeof AUDIT_KINDS)[number][]; limit: number }): AuditList {
  return { events: auditStore().list(q) };
}

export async function auditForRequest(req: Request): Promise<AuditList> {
  const who = await authenticate(req);
  if (!who.ok) throw new ApiError(who.code, who.message);
  if (!mayReadAudit(who.principal)) throw new ApiError('forbidden', `${who.principal.user} is a viewer: the audit trail is shown to operators`);
  const q = Query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) throw new ApiError('bad_request', q.error.issues[0]?.message ?? 'bad query');
  return readAudit({ kinds: q.data.kind, limit: q.data.limit });
}
