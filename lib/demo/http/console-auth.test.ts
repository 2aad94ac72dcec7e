import { describe, expect, it } from 'vitest';
import { ConsoleSessions, decodeSessionCookie, encodeSessionCookie } from './console-auth';

describe('DB Console session cookies', () => {
  it('decodes the SessionCookie proto of a real cookie (docs) and encodes it back byte for byte', () => {
    const real = 'CIGAiPis4fj3CBIQ3u0rRQJ3tD8yIqee4hipow=='; // cockroachdb/docs cluster-api.md
    const c = decodeSessionCookie(real);
    expect(c?.secret.length).toBe(16);
    expect(c && encodeSessionCookie(c.id, c.secret)).toBe(real);
    expect(decodeSessionCookie('bm90IGEgY29va2ll')).toBeNull();
  });

  it('verifies the aggregated and the legacy cookie, quoted or not, and nothing after expiry or logout', () => {
    let now = 1_000;
    const s = new ConsoleSessions({ root: 'pw' }, () => now);
    expect(() => s.login('root', 'nope')).toThrow('the provided credentials did not match any account on the server');
    const [aggregated] = s.login('ROOT', 'pw');
    const value = aggregated.split(';')[0];
    expect(s.verify(value)).not.toBeNull();
    expect(s.verify(value.replace(/"/g, ''))).not.toBeNull();
    const legacy = s.mint('root').split(';')[0];
    const id = s.verify(`other=1; ${legacy}`);
    expect(id).not.toBeNull();
    s.logout(id!);
    expect(s.verify(legacy)).toBeNull();
    now += 7 * 86_400_000;
    expect(s.verify(value)).toBeNull(); // server.web_session_timeout: 7 days
  });
});
