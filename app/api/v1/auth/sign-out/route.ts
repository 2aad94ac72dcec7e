import { signOutForRequest } from '@/lib/api/sign-in';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** POST: ends the session (the cookie is cleared) and goes to /sign-in. */
export async function POST(req: Request) {
  return respond(async () => signOutForRequest(req));
}
