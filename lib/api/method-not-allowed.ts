/**
 * Handlers for the HTTP methods a route does not serve. Next answers those itself with a 405 and
 * an empty body; an API client gets `{error:{code,message}}` from every other error, so it gets
 * that here too, with the `Allow` header RFC 9110 §15.5.6 asks of a 405.
 */
import { errorBody } from '../errors';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Handler = (req: Request) => Response;

/** `export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');` in a GET-only route file. */
export function otherMethods(...served: Method[]): Record<Method, Handler> {
  const allow = [...served, ...(served.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const handler: Handler = (req) =>
    Response.json(errorBody('method_not_allowed', `${req.method} is not supported here; this route answers ${served.join(', ')}`), { status: 405, headers: { allow } });
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}
