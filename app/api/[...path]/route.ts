import { errorBody } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** Any /api path without a route: a JSON 404, like every other API error. */
function notFound(req: Request) {
  return Response.json(errorBody('not_found', `no API route ${req.method} ${new URL(req.url).pathname}`), { status: 404 });
}
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
