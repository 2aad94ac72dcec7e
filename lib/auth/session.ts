/**
 * Sessions (AUTH_MODE=basic and oidc): the signed-in user and role in a cookie sealed by
 * iron-session (AES-256-CBC + HMAC-SHA-256 under AUTH_SESSION_SECRET), HttpOnly, SameSite=Lax,
 * Secure behind https, with an expiry inside the seal that is checked to the second (iron's own
 * ttl allows a minute of clock skew). Nothing but the name, role, mode and expiry is in it.
 */
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import { AUTH_MODES, type AuthMode } from './config';
import { ROLES, type Role } from './roles';

export const SESSION_COOKIE = 'cbm_session';

const Session = z.object({ user: z.string().min(1), role: z.enum(ROLES), mode: z.enum(AUTH_MODES), exp: z.number() });
export type Session = z.infer<typeof Session>;

export async function sealSession(secret: string, s: { user: string; role: Role; mode: AuthMode }, ttlMs: number, now = Date.now()): Promise<string> {
  const session: Session = { ...s, exp: now + ttlMs };
  return sealData(session, { password: secret, ttl: Math.ceil(ttlMs / 1000) + 60 });
}

/** The session in a cookie value, or null when it is not ours, tampered with, expired or from another mode. */
export async function openSession(secret: string, sealed: string, mode: AuthMode, now = Date.now()): Promise<Session | null> {
  if (sealed.length === 0 || sealed.length > 4096) return null;
  let raw: unknown;
  try {
    raw = await unsealData(sealed, { password: secret });
  } catch {
    return null;
  }
  const s = Session.safeParse(raw);
  if (!s.success || s.data.exp <= now || s.data.mode !== mode) return null;
  return s.data;
}

/** The Set-Cookie value of a session (or of its removal, with `value` empty and no lifetime). */
export function sessionCookie(value: string, opts: { secure: boolean; maxAgeMs: number }): string {
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.max(0, Math.floor(opts.maxAgeMs / 1000))}`];
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}
