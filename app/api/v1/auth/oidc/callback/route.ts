import { oidcCallbackForRequest } from '@/lib/api/oidc-sign-in';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** GET: the provider's redirect back with the code; sets the session and goes on to `next`. */
export async function GET(req: Request) {
  return respond(() => oidcCallbackForRequest(req));
}
