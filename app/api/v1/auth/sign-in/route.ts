import { signInForRequest } from '@/lib/api/sign-in';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

/** POST the sign-in form (user, password, next): a session cookie and a 303 to `next`, or back to /sign-in. */
export async function POST(req: Request) {
  return respond(() => signInForRequest(req));
}
