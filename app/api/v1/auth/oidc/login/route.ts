import { oidcLoginForRequest } from '@/lib/api/oidc-sign-in';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** GET ?next=/path: to the OpenID Connect provider (AUTH_MODE=oidc). */
export async function GET(req: Request) {
  return respond(() => oidcLoginForRequest(req));
}
