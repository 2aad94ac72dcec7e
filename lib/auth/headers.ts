/**
 * Security headers on every response (proxy.ts sets them; next.config.js repeats the static ones for
 * files proxy.ts does not see). The Content-Security-Policy allows scripts only from the dashboard's
 * origin and with this response's nonce, which Next puts on its own bootstrap and streamed scripts
 * (it reads the nonce from the request's CSP header) and the layout on the theme script: no
 * 'unsafe-inline' for scripts. Styles allow inline `style=` attributes, which React and Recharts
 * write for sizes and colours and which cannot carry a nonce. Embedding (frame-ancestors) is denied
 * unless FRAME_ANCESTORS names the kiosk screens' origins.
 */
import STATIC from './static-headers.json';

export const NONCE_HEADER = 'x-nonce';

/** The headers that do not depend on the request (next.config.js sets them on the build's static files too). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = STATIC;

export function contentSecurityPolicy(nonce: string, opts: { frameAncestors: readonly string[]; dev: boolean }): string {
  const ancestors = opts.frameAncestors.length > 0 ? opts.frameAncestors.join(' ') : "'none'";
  return [
    "default-src 'self'",
    // 'strict-dynamic': the chunks Next's nonce'd bootstrap loads run; hosts listed here are then ignored.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

export function securityHeaders(nonce: string, opts: { frameAncestors: readonly string[]; dev: boolean }): Record<string, string> {
  const h: Record<string, string> = { ...STATIC_SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(nonce, opts) };
  // For browsers without frame-ancestors; omitted when embedding is allowed (it cannot name origins).
  if (opts.frameAncestors.length === 0) h['X-Frame-Options'] = 'DENY';
  return h;
}
