/**
 * The request interceptor (Next 16's proxy.ts, on the Node runtime), for every page and API request:
 * security headers with a fresh CSP nonce on every response (lib/auth/headers.ts), cross-site
 * state-changing requests refused in every mode (lib/auth/same-origin.ts), and, when AUTH_MODE is
 * not none, nobody through without a session, HTTP Basic credentials, a bearer token or a trusted
 * proxy's header (lib/auth/authenticate.ts): pages are sent to /sign-in, API calls get 401/403.
 * Roles are decided where they matter (the control routes, /audit), which re-check who is asking.
 */
import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { authenticate } from '@/lib/auth/authenticate';
import { authConfig } from '@/lib/auth/config';
import { NONCE_HEADER, securityHeaders } from '@/lib/auth/headers';
import { crossSiteRefusal, ownOrigin } from '@/lib/auth/same-origin';
import { errorBody } from '@/lib/errors';

/** Reachable without signing in: load balancers' health check, the sign-in page and its routes, the icon. */
const OPEN = [/^\/api\/v1\/health\/?$/, /^\/sign-in\/?$/, /^\/api\/v1\/auth\//, /^\/icon\.svg$/, /^\/favicon\.ico$/];
const isApi = (path: string) => path.startsWith('/api/') || path === '/metrics' || path.startsWith('/metrics/');

function finish(res: NextResponse | Response, headers: Record<string, string>): NextResponse | Response {
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export async function proxy(req: NextRequest) {
  const cfg = authConfig();
  const nonce = randomBytes(16).toString('base64');
  const headers = securityHeaders(nonce, { frameAncestors: cfg.frameAncestors, dev: process.env.NODE_ENV !== 'production' });
  const path = req.nextUrl.pathname;

  const refusal = crossSiteRefusal(req, ownOrigin(req, cfg.publicOrigin));
  if (refusal) return finish(Response.json(errorBody('cross_site', refusal), { status: 403 }), headers);

  if (cfg.mode !== 'none' && !OPEN.some((re) => re.test(path))) {
    const who = await authenticate(req, cfg);
    if (!who.ok) {
      if (isApi(path)) {
        const extra: Record<string, string> = who.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="crdb-backup-monitor"' } : {};
        if (who.retryAfterS) extra['Retry-After'] = String(who.retryAfterS);
        return finish(Response.json(errorBody(who.code, who.message), { status: who.status, headers: extra }), headers);
      }
      if (who.status === 401) {
        const to = new URL('/sign-in', ownOrigin(req, cfg.publicOrigin));
        to.searchParams.set('next', `${path}${req.nextUrl.search}`);
        return finish(NextResponse.redirect(to, 307), headers);
      }
      return finish(new Response(`${who.status}: ${who.message}\n`, { status: who.status, headers: { 'content-type': 'text/plain; charset=utf-8' } }), headers);
    }
  }

  // Next reads the nonce for its own scripts from the request's CSP header; the layout reads x-nonce.
  const forwarded = new Headers(req.headers);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set('content-security-policy', headers['Content-Security-Policy']);
  return finish(NextResponse.next({ request: { headers: forwarded } }), headers);
}

export const config = {
  // Not the build's static files (content-hashed JS, CSS and fonts): next.config.js gives them the static headers.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
