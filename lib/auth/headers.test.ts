import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, STATIC_SECURITY_HEADERS } from './headers';

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

  it('next.config.js sends the same static headers on every path (the build files included)', async () => {
    const config = createRequire(import.meta.url)('../../next.config.js') as { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
    const [rule] = await config.headers();
    expect(rule.source).toBe('/:path*');
    expect(Object.fromEntries(rule.headers.map((h) => [h.key, h.value]))).toEqual(STATIC_SECURITY_HEADERS);
  });
});
