/**
 * The sign-in and sign-out routes (AUTH_MODE=basic; sign-out also ends an OIDC session). A plain
 * form POST answered with a 303, so the page works before (and without) JavaScript. Every attempt
 * is in the audit trail, with the reason of a failure; never the password.
 */
import { z } from 'zod';
import { checkPassword, remoteOf } from '../auth/authenticate';
import { recordAudit } from '../auth/audit';
import { authConfig } from '../auth/config';
import { safeReturnPath } from '../auth/return-path';
import { ownOrigin } from '../auth/same-origin';
import { sealSession, sessionCookie } from '../auth/session';
import { ApiError } from '../errors';

const Form = z.object({ user: z.string().trim().min(1).max(200), password: z.string().min(1).max(1000), next: z.string().optional() });

function seeOther(origin: string, to: string, cookie?: string): Response {
  const headers = new Headers({ location: new URL(to, origin).toString(), 'cache-control': 'no-store' });
  if (cookie) headers.append('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}

function signInPage(next: string, params: Record<string, string>): string {
  const q = new URLSearchParams({ ...params, next });
  return `/sign-in?${q.toString()}`;
}

export async function signInForRequest(req: Request): Promise<Response> {
  const cfg = authConfig();
  if (cfg.mode !== 'basic') throw new ApiError('not_found', `there is no password sign-in here (AUTH_MODE=${cfg.mode})`);
  const origin = ownOrigin(req, cfg.publicOrigin);
  let fields: Record<string, unknown>;
  try {
    fields = Object.fromEntries((await req.formData()).entries());
  } catch {
    throw new ApiError('bad_request', 'send the sign-in form (user, password) as application/x-www-form-urlencoded or multipart/form-data');
  }
  const next = safeReturnPath(typeof fields.next === 'string' ? fields.next : null);
  const form = Form.safeParse(fields);
  if (!form.success) return seeOther(origin, signInPage(next, { error: 'missing' }));
  const { user, password } = form.data;
  const remote = remoteOf(req, cfg);
  const r = await checkPassword(user, password, remote, cfg);
  if (!r.ok) {
    recordAudit({ user, role: null, kind: 'sign_in_failed', cluster: null, statement: null, outcome: r.message, remote });
    return seeOther(origin, signInPage(next, r.code === 'too_many_attempts' ? { error: 'locked', wait: String(r.retryAfterS ?? 0) } : { error: 'invalid' }));
  }
  recordAudit({ user, role: r.principal.role, kind: 'sign_in', cluster: null, statement: null, outcome: 'ok: password', remote });
  const sealed = await sealSession(cfg.sessionSecret, { user, role: r.principal.role, mode: cfg.mode }, cfg.sessionTtlMs);
  return seeOther(origin, next, sessionCookie(sealed, { secure: origin.startsWith('https:'), maxAgeMs: cfg.sessionTtlMs }));
}

export function signOutForRequest(req: Request): Response {
  const cfg = authConfig();
  const origin = ownOrigin(req, cfg.publicOrigin);
  return seeOther(origin, '/sign-in?signed_out=1', sessionCookie('', { secure: origin.startsWith('https:'), maxAgeMs: 0 }));
}
