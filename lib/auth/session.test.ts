import { describe, expect, it } from 'vitest';
import { openSession, sealSession, sessionCookie } from './session';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('session cookies', () => {
  it('round-trips the user and role until it expires', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const sealed = await sealSession(SECRET, { user: 'alice', role: 'operator', mode: 'basic' }, 60_000, now);
    expect(sealed).not.toContain('alice');
    expect(await openSession(SECRET, sealed, 'basic', now + 59_000)).toMatchObject({ user: 'alice', role: 'operator' });
    expect(await openSession(SECRET, sealed, 'basic', now + 60_000)).toBeNull();
  });

  it('refuses another secret, another mode, tampering and garbage', async () => {
    const sealed = await sealSession(SECRET, { user: 'bob', role: 'viewer', mode: 'basic' }, 60_000);
    expect(await openSession(`${SECRET}x`, sealed, 'basic')).toBeNull();
    expect(await openSession(SECRET, sealed, 'oidc')).toBeNull();
    expect(await openSession(SECRET, `${sealed.slice(0, -3)}abc`, 'basic')).toBeNull();
    expect(await openSession(SECRET, 'Fe26.2*garbage', 'basic')).toBeNull();
    expect(await openSession(SECRET, '', 'basic')).toBeNull();
  });

  it('is HttpOnly and SameSite=Lax, Secure only behind https', () => {
    expect(sessionCookie('v', { secure: false, maxAgeMs: 3_600_000 })).toBe('cbm_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600');
    expect(sessionCookie('', { secure: true, maxAgeMs: 0 })).toBe('cbm_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure');
  });
});
