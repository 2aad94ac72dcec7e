import { oidcCallbackForRequest } from '@/lib/api/oidc-sign-in';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** GET: the provider's redirect back with the code; sets the session and goes on to `next`. */
export async function GET(req: Request) {
  return respond(() => oidcCallbackForRequest(req));
}
