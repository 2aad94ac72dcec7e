import { describe, expect, it } from 'vitest';
import { isLoopbackHost, trustedProxies } from './peer';
import { crossSiteRefusal, ownOrigin } from './same-origin';

const req = (method: string, headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/v1/clusters/demo/jobs/1/pause') => ({ method, url, headers: new Headers(headers) });

describe('crossSiteRefusal', () => {
  const own = 'http://127.0.0.1:3000';
  it.each([
    ['POST', { origin: own, 'sec-fetch-site': 'same-origin' }, null],
    ['POST', {}, null],
    ['GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, null],
    ['POST', { origin: 'https://evil.example' }, /origin https:\/\/evil.example is refused/],
    ['POST', { origin: 'null' }, /origin null is refused/],
    ['DELETE', { 'sec-fetch-site': 'cross-site' }, /Sec-Fetch-Site: cross-site/],
    ['PUT', { 'sec-fetch-site': 'same-site', origin: own }, /same-site/],
    ['post', { origin: 'http://127.0.0.1:3001' }, /is refused/],
  ] as const)('%s with %j', (method, headers, expected) => {
    const r = crossSiteRefusal(req(method, headers), own);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatch(expected);
  });

  it('takes DASHBOARD_URL as the origin when set, else the Host the browser addressed', () => {
    expect(ownOrigin(req('POST', { host: 'dash.internal:3000' }), null)).toBe('http://dash.internal:3000');
    expect(ownOrigin(req('POST', { host: 'dash.internal:3000' }), 'https://crdb.example.com')).toBe('https://crdb.example.com');
  });
});

describe('trusted proxies', () => {
  it('matches addresses and CIDR ranges, v4, v6 and v4-mapped', () => {
    const t = trustedProxies(['10.0.0.5', '192.168.0.0/16', 'fd00::/8']);
    expect(t('10.0.0.5')).toBe(true);
    expect(t('::ffff:10.0.0.5')).toBe(true);
    expect(t('10.0.0.6')).toBe(false);
    expect(t('192.168.44.1')).toBe(true);
    expect(t('fd12::1')).toBe(true);
    expect(t('fe80::1')).toBe(false);
    expect(t(null)).toBe(false);
    expect(t('not an address')).toBe(false);
  });

  it.each(['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/1', ''])('refuses %j', (bad) => {
    expect(() => trustedProxies([bad])).toThrow(/AUTH_PROXY_TRUSTED/);
  });

  it('knows loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', 'example.com', ''].some(isLoopbackHost)).toBe(false);
  });
});
