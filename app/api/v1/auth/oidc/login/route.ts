import { oidcLoginForRequest } from '@/lib/api/oidc-sign-in';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** GET ?next=/path: to the OpenID Connect provider (AUTH_MODE=oidc). */
export async function GET(req: Request) {
  return respond(() => oidcLoginForRequest(req));
}
