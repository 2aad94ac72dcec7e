/**
 * Who a request comes from, in the configured mode: the one place proxy.ts (every page and API
 * request), the pages (what to show) and the control routes (the role re-check) ask. A bearer
 * token works in every mode but none; HTTP Basic in basic mode; the proxy's user header only from
 * AUTH_PROXY_TRUSTED; the session cookie in basic and oidc mode.
 */
import { authConfig, type AuthConfig } from './config';
import { controlAvailable } from './control-policy';
import { peerAddress, trustedProxies } from './peer';
import { noteFailedSignIn, noteSignIn, signInBlockedFor } from './rate-limit';
import type { Principal } from './roles';
import { roleFromGroups } from './roles';
import { openSession, SESSION_COOKIE } from './session';
import { verifyToken } from './tokens';
import { verifyPassword } from './users';

export type AuthFailure = { status: 401 | 403 | 429; code: 'unauthenticated' | 'forbidden' | 'too_many_attempts'; message: string; retryAfterS?: number };
export type AuthResult = { ok: true; principal: Principal } | ({ ok: false } & AuthFailure);

interface RequestLike {
  headers: Headers;
}

const fail = (f: AuthFailure): AuthResult => ({ ok: false, ...f });

/** A users or tokens file that cannot be read refuses the request (and says so in the log), never lets it through. */
async function guarded(what: string, fn: () => Promise<AuthResult> | AuthResult): Promise<AuthResult> {
  try {
    return await fn();
  } catch (err) {
    console.error(`access: ${what}:`, err instanceof Error ? err.message : err);
    return fail({ status: 401, code: 'unauthenticated', message: `${what} is unavailable on the server (see its log)` });
  }
}
const NOT_SIGNED_IN = fail({ status: 401, code: 'unauthenticated', message: 'sign in first: this dashboard needs a session, HTTP Basic credentials or a bearer token' });

export function cookieValue(headers: Headers, name: string): string | null {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}

let trustCache: { entries: readonly string[]; test: (a: string | null) => boolean } | undefined;
function trusted(cfg: AuthConfig, addr: string | null): boolean {
  if (trustCache?.entries !== cfg.proxyTrusted) trustCache = { entries: cfg.proxyTrusted, test: trustedProxies(cfg.proxyTrusted) };
  return trustCache.test(addr);
}

/** Where the request came from, for the audit trail: the peer, or behind a trusted proxy the client it names. */
export function remoteOf(req: RequestLike, cfg: AuthConfig = authConfig()): string {
  const peer = peerAddress(req.headers);
  if (peer === null) return 'unknown';
  const forwarded = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded && cfg.mode === 'proxy' && trusted(cfg, peer) ? `${forwarded.slice(0, 60)} via ${peer}` : peer;
}

/** HTTP Basic against the users file, rate-limited like the sign-in form. */
export async function checkPassword(user: string, password: string, remote: string, cfg: AuthConfig): Promise<AuthResult> {
  const wait = await signInBlockedFor(user, remote);
  if (wait > 0) return fail({ status: 429, code: 'too_many_attempts', message: `too many failed sign-ins: try again in ${wait} s`, retryAfterS: wait });
  let role;
  try {
    role = cfg.usersFile ? await verifyPassword(cfg.usersFile, user, password) : null;
  } catch (err) {
    console.error('access: the users file:', err instanceof Error ? err.message : err);
    return fail({ status: 401, code: 'unauthenticated', message: 'the users file is unavailable on the server (see its log)' });
  }
  if (role === null) {
    await noteFailedSignIn(user, remote);
    return fail({ status: 401, code: 'unauthenticated', message: 'wrong user name or password' });
  }
  await noteSignIn(user);
  return { ok: true, principal: { user, role, via: 'basic' } };
}

function decodeBasic(value: string): { user: string; password: string } | null {
  let text: string;
  try {
    text = Buffer.from(value, 'base64').toString('utf8');
  } catch {
    return null;
  }
  const i = text.indexOf(':');
  return i > 0 ? { user: text.slice(0, i), password: text.slice(i + 1) } : null;
}

export async function authenticate(req: RequestLike, cfg: AuthConfig = authConfig()): Promise<AuthResult> {
  if (cfg.mode === 'none') return { ok: true, principal: { user: 'anonymous', role: controlAvailable('none') ? 'operator' : 'viewer', via: 'none' } };

  const authz = req.headers.get('authorization');
  if (authz !== null) {
    const [scheme, value = ''] = authz.trim().split(/\s+/, 2);
    if (/^bearer$/i.test(scheme)) {
      return guarded('the tokens file', () => {
        const t = cfg.tokensFile && value ? verifyToken(cfg.tokensFile, value) : null;
        return t ? { ok: true, principal: { user: `token:${t.name}`, role: t.role, via: 'token' } } : fail({ status: 401, code: 'unauthenticated', message: 'the bearer token is not valid' });
      });
    }
    if (/^basic$/i.test(scheme) && cfg.mode === 'basic') {
      const creds = decodeBasic(value);
      return creds ? checkPassword(creds.user, creds.password, remoteOf(req, cfg), cfg) : fail({ status: 401, code: 'unauthenticated', message: 'the Basic credentials are malformed' });
    }
    if (cfg.mode !== 'proxy') return fail({ status: 401, code: 'unauthenticated', message: `Authorization: ${scheme.slice(0, 20)} is not accepted here (AUTH_MODE=${cfg.mode})` });
  }

  if (cfg.mode === 'proxy') {
    const user = req.headers.get(cfg.proxyUserHeader)?.trim();
    if (!user) return NOT_SIGNED_IN;
    if (!trusted(cfg, peerAddress(req.headers))) return fail({ status: 403, code: 'forbidden', message: `the ${cfg.proxyUserHeader} header is only trusted from the proxy (AUTH_PROXY_TRUSTED); this request came from elsewhere` });
    const groups = (req.headers.get(cfg.proxyGroupsHeader) ?? '').split(',').map((g) => g.trim()).filter(Boolean);
    const role = roleFromGroups(groups, cfg);
    if (role === null) return fail({ status: 403, code: 'forbidden', message: `${user.slice(0, 64)} is in none of the groups allowed here (AUTH_VIEWER_GROUPS)` });
    return { ok: true, principal: { user: user.slice(0, 200), role, via: 'proxy' } };
  }

  const sealed = cookieValue(req.headers, SESSION_COOKIE);
  const session = sealed ? await openSession(cfg.sessionSecret, sealed, cfg.mode) : null;
  return session ? { ok: true, principal: { user: session.user, role: session.role, via: 'session' } } : NOT_SIGNED_IN;
}
