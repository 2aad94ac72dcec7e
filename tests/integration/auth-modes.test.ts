import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, remoteOf } from '@/lib/auth/authenticate';
import { parseAuthConfig } from '@/lib/auth/config';
import { PEER_HEADER } from '@/lib/auth/peer';
import { sealSession, SESSION_COOKIE } from '@/lib/auth/session';
import { newToken } from '@/lib/auth/tokens';
import { hashPassword } from '@/lib/auth/users';

/**
 * lib/auth's one question, "who is this request from?", in each mode, with real users and tokens
 * files, real bcrypt hashes and sealed cookies (the e2e specs ask it over HTTP, per mode).
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'auth-modes-'));
const SECRET = 'integration-session-secret-0123456789-abcdef';
const STAMP = Symbol.for('crdb-monitor.peer-stamped');
const token = newToken();
let usersFile = '';
let tokensFile = '';

beforeAll(async () => {
  usersFile = path.join(dir, 'users.json');
  tokensFile = path.join(dir, 'tokens.json');
  writeFileSync(usersFile, JSON.stringify([{ user: 'alice', role: 'operator', hash: await hashPassword('alice-pw-123') }]));
  writeFileSync(tokensFile, JSON.stringify([{ name: 'prometheus', role: 'viewer', hash: token.hash }]));
});
afterAll(() => {
  delete (globalThis as { [STAMP]?: boolean })[STAMP];
});

const req = (headers: Record<string, string>) => new Request('http://127.0.0.1:3000/api/v1/clusters', { headers });
const basic = (u: string, p: string) => ({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });

describe('AUTH_MODE=basic', () => {
  const cfg = () => parseAuthConfig({ AUTH_MODE: 'basic', AUTH_USERS_FILE: usersFile, AUTH_TOKENS_FILE: tokensFile, AUTH_SESSION_SECRET: SECRET });

  it('knows a user by HTTP Basic, a token or a session; nobody without', async () => {
    expect(await authenticate(req(basic('alice', 'alice-pw-123')), cfg())).toEqual({ ok: true, principal: { user: 'alice', role: 'operator', via: 'basic' } });
    expect(await authenticate(req({ authorization: `Bearer ${token.token}` }), cfg())).toEqual({ ok: true, principal: { user: 'token:prometheus', role: 'viewer', via: 'token' } });
    const sealed = await sealSession(SECRET, { user: 'alice', role: 'operator', mode: 'basic' }, 60_000);
    expect(await authenticate(req({ cookie: `other=1; ${SESSION_COOKIE}=${sealed}` }), cfg())).toMatchObject({ ok: true, principal: { user: 'alice', via: 'session' } });
    expect(await authenticate(req({}), cfg())).toMatchObject({ ok: false, status: 401, code: 'unauthenticated' });
  });

  it.each([
    ['a wrong password', basic('alice', 'nope')],
    ['an unknown user', basic('mallory', 'alice-pw-123')],
    ['malformed Basic', { authorization: 'Basic !!!' }],
    ['a wrong token', { authorization: 'Bearer cbm_wrong' }],
    ['another scheme', { authorization: 'Negotiate abc' }],
    ['a forged cookie', { cookie: `${SESSION_COOKIE}=Fe26.2**forged` }],
  ])('refuses %s with 401', async (_what, headers) => {
    expect(await authenticate(req(headers), cfg())).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses, never lets through, when the users or tokens file cannot be read', async () => {
    const broken = parseAuthConfig({ AUTH_MODE: 'basic', AUTH_USERS_FILE: path.join(dir, 'missing.json'), AUTH_TOKENS_FILE: path.join(dir, 'missing.json'), AUTH_SESSION_SECRET: SECRET });
    expect(await authenticate(req(basic('alice', 'alice-pw-123')), broken)).toMatchObject({ ok: false, status: 401, message: /users file is unavailable/ });
    expect(await authenticate(req({ authorization: `Bearer ${token.token}` }), broken)).toMatchObject({ ok: false, status: 401, message: /tokens file is unavailable/ });
  });
});

describe('AUTH_MODE=proxy', () => {
  const cfg = () => parseAuthConfig({ AUTH_MODE: 'proxy', AUTH_PROXY_TRUSTED: '10.0.0.5,fd00::/8', AUTH_OPERATOR_GROUPS: 'crdb-operators', AUTH_VIEWER_GROUPS: 'crdb-viewers' });
  const from = (peer: string, headers: Record<string, string>) => req({ [PEER_HEADER]: peer, ...headers });

  it('trusts the header only from the proxy, as the server stamped the peer', async () => {
    (globalThis as { [STAMP]?: boolean })[STAMP] = true;
    expect(await authenticate(from('10.0.0.5', { 'x-forwarded-user': 'olivia', 'x-forwarded-groups': 'dba, crdb-operators' }), cfg())).toEqual({ ok: true, principal: { user: 'olivia', role: 'operator', via: 'proxy' } });
    expect(await authenticate(from('::ffff:10.0.0.5', { 'x-forwarded-user': 'victor', 'x-forwarded-groups': 'crdb-viewers' }), cfg())).toMatchObject({ ok: true, principal: { role: 'viewer' } });
    expect(await authenticate(from('fd00::7', { 'x-forwarded-user': 'eve', 'x-forwarded-groups': 'marketing' }), cfg())).toMatchObject({ ok: false, status: 403, message: /none of the groups/ });
    expect(await authenticate(from('10.0.0.6', { 'x-forwarded-user': 'olivia', 'x-forwarded-groups': 'crdb-operators' }), cfg())).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
    expect(await authenticate(from('10.0.0.5', {}), cfg())).toMatchObject({ ok: false, status: 401 });
    expect(remoteOf(from('10.0.0.5', { 'x-forwarded-for': '192.0.2.7, 10.0.0.5' }), cfg())).toBe('192.0.2.7 via 10.0.0.5');
    expect(remoteOf(from('10.0.0.6', { 'x-forwarded-for': '192.0.2.7' }), cfg())).toBe('10.0.0.6');
  });

  it('trusts nobody when the peer is unknown (served without scripts/serve.mjs)', async () => {
    delete (globalThis as { [STAMP]?: boolean })[STAMP];
    expect(await authenticate(from('10.0.0.5', { 'x-forwarded-user': 'olivia', 'x-forwarded-groups': 'crdb-operators' }), cfg())).toMatchObject({ ok: false, status: 403 });
    expect(remoteOf(from('10.0.0.5', {}), cfg())).toBe('unknown');
  });
});

describe('configuration', () => {
  it.each([
    [{ AUTH_MODE: 'ldap' }, /AUTH_MODE: must be one of none, basic, proxy, oidc/],
    [{ AUTH_MODE: 'basic' }, /AUTH_USERS_FILE: must be set with AUTH_MODE=basic/],
    [{ AUTH_MODE: 'proxy' }, /AUTH_PROXY_TRUSTED: must be set/],
    [{ AUTH_MODE: 'oidc', OIDC_ISSUER_URL: 'https://id.example.com' }, /OIDC_CLIENT_ID: must be set/],
    [{ AUTH_SESSION_SECRET: 'short' }, /AUTH_SESSION_SECRET: must be at least 32 characters/],
    [{ AUTH_SESSION_TTL: 'forever' }, /AUTH_SESSION_TTL: must be a duration/],
    [{ FRAME_ANCESTORS: 'javascript:alert(1)' }, /FRAME_ANCESTORS/],
  ])('%j is refused', (env, message) => {
    expect(() => parseAuthConfig(env)).toThrow(message);
  });

  it('defaults to no sign-in', () => {
    expect(parseAuthConfig({})).toMatchObject({ mode: 'none', sessionSecretGenerated: true, sessionTtlMs: 8 * 3_600_000, frameAncestors: [] });
  });
});
