/**
 * Cross-site request refusal for every state-changing request (POST/PUT/PATCH/DELETE), in every mode.
 * A "simple" cross-site POST needs no CORS preflight, so a page on any site could otherwise submit
 * one in an operator's name; browsers label every such request with Origin (and Sec-Fetch-Site),
 * and both must say it came from the dashboard's own origin. A request with neither comes from no
 * browser (curl, a script): it is not a cross-site forgery, and it still has to authenticate.
 */
export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface RequestLike {
  method: string;
  url: string;
  headers: Headers;
}

/**
 * The dashboard's own origin for this request: DASHBOARD_URL's when set (behind a proxy the Host
 * may be rewritten, and a fixed origin also defeats DNS rebinding), else the one the browser
 * addressed (the Host header, on the scheme the request arrived with).
 */
export function ownOrigin(req: RequestLike, publicOrigin: string | null): string {
  if (publicOrigin) return publicOrigin;
  const u = new URL(req.url);
  const host = req.headers.get('host') ?? u.host;
  return `${u.protocol}//${host}`;
}

/** Why the request is refused as cross-site, or null when it may go on. */
export function crossSiteRefusal(req: RequestLike, origin: string): string | null {
  if (!STATE_CHANGING.has(req.method.toUpperCase())) return null;
  const site = req.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return `a ${req.method} from another site (Sec-Fetch-Site: ${site.slice(0, 20)}) is refused: state-changing requests must come from the dashboard's own pages`;
  const from = req.headers.get('origin');
  if (from !== null && from !== origin) return `a ${req.method} from origin ${from.slice(0, 80)} is refused: state-changing requests must come from ${origin}`;
  return null;
}
