/**
 * The OIDC routes: /api/v1/auth/oidc/login sends the browser to the provider, /callback finishes
 * the sign-in (lib/auth/oidc.ts) and sets the session cookie. Successes and failures go to the audit
 * trail; a failure goes back to /sign-in with the reason, never to a stack trace.
 */
import { recordAudit } from '../auth/audit';
import { cookieValue, remoteOf } from '../auth/authenticate';
import { authConfig } from '../auth/config';
import { finishOidc, OIDC_CALLBACK_PATH, OIDC_COOKIE, startOidc } from '../auth/oidc';
import { safeReturnPath } from '../auth/return-path';
import { ownOrigin } from '../auth/same-origin';
import { sealSession, sessionCookie } from '../auth/session';
import { ApiError } from '../errors';

function redirect(origin: string, to: string, cookies: string[], status = 303): Response {
  const headers = new Headers({ location: new URL(to, origin).toString(), 'cache-control': 'no-store' });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(null, { status, headers });
}

function txCookie(value: string, secure: boolean, maxAgeS: number): string {
  return [`${OIDC_COOKIE}=${value}`, `Path=${OIDC_CALLBACK_PATH}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeS}`, ...(secure ? ['Secure'] : [])].join('; ');
}

const failedPage = (next: string, reason: string) => `/sign-in?${new URLSearchParams({ error: 'oidc', reason: reason.slice(0, 200), next }).toString()}`;

function oidcOnly() {
  const cfg = authConfig();
  if (cfg.mode !== 'oidc') throw new ApiError('not_found', `there is no OpenID Connect sign-in here (AUTH_MODE=${cfg.mode})`);
  return cfg;
}

export async function oidcLoginForRequest(req: Request): Promise<Response> {
  const cfg = oidcOnly();
  const origin = ownOrigin(req, cfg.publicOrigin);
  const next = safeReturnPath(new URL(req.url).searchParams.get('next'));
  try {
    const { url, tx } = await startOidc(cfg, origin, next);
    return redirect(origin, url, [txCookie(tx, origin.startsWith('https:'), 600)], 302);
  } catch (err) {
    console.error('oidc: cannot start a sign-in:', err);
    return redirect(origin, failedPage(next, `the OpenID Connect provider cannot be reached (${cfg.oidc?.issuer})`), []);
  }
}

export async function oidcCallbackForRequest(req: Request): Promise<Response> {
  const cfg = oidcOnly();
  const origin = ownOrigin(req, cfg.publicOrigin);
  const secure = origin.startsWith('https:');
  const url = new URL(req.url);
  const remote = remoteOf(req, cfg);
  const clearTx = txCookie('', secure, 0);
  const failed = (user: string, reason: string, next: string) => {
    recordAudit({ user, role: null, kind: 'sign_in_failed', cluster: null, statement: null, outcome: `oidc: ${reason}`, remote });
    return redirect(origin, failedPage(next, reason), [clearTx]);
  };
  const providerError = url.searchParams.get('error');
  if (providerError) return failed('(unknown)', `the provider said ${providerError.slice(0, 60)}: ${(url.searchParams.get('error_description') ?? '').slice(0, 120)}`, '/');
  let out;
  try {
    out = await finishOidc(cfg, origin, url, cookieValue(req.headers, OIDC_COOKIE));
  } catch (err) {
    console.error('oidc: sign-in failed:', err);
    return failed('(unknown)', `the provider's answer did not check out (${err instanceof Error ? err.message.slice(0, 120) : 'error'})`, '/');
  }
  if (!out.ok) return failed(out.user, out.reason, out.next);
  recordAudit({ user: out.user, role: out.role, kind: 'sign_in', cluster: null, statement: null, outcome: `ok: oidc (${cfg.oidc?.issuer})`, remote });
  const sealed = await sealSession(cfg.sessionSecret, { user: out.user, role: out.role, mode: 'oidc' }, cfg.sessionTtlMs);
  return redirect(origin, safeReturnPath(out.next), [clearTx, sessionCookie(sealed, { secure, maxAgeMs: cfg.sessionTtlMs })]);
}
