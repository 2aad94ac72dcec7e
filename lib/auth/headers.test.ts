import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './headers';

describe('security headers', () => {
  it('allow scripts only with the nonce, and no inline script', () => {
    const csp = contentSecurityPolicy('abc123', { frameAncestors: [], dev: false });
    const script = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('deny framing unless kiosk origins are configured', () => {
    expect(securityHeaders('n', { frameAncestors: [], dev: false })['X-Frame-Options']).toBe('DENY');
    const kiosk = securityHeaders('n', { frameAncestors: ['https://wall.example.com'], dev: false });
    expect(kiosk['X-Frame-Options']).toBeUndefined();
    expect(kiosk['Content-Security-Policy']).toContain('frame-ancestors https://wall.example.com');
  });
});
