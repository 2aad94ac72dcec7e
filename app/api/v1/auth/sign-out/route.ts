import { signOutForRequest } from '@/lib/api/sign-in';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

/** POST: ends the session (the cookie is cleared) and goes to /sign-in. */
export async function POST(req: Request) {
  return respond(async () => signOutForRequest(req));
}
