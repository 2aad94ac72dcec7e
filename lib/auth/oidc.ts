/**
 * AUTH_MODE=oidc with openid-client: the authorization code flow with PKCE, state and nonce. The
 * in-flight values live in a short-lived sealed cookie (cbm_oidc, 10 minutes, sent back only to the
 * callback), so any server instance can finish a sign-in. The user comes from OIDC_USER_CLAIM (then
 * email, then sub), the role from OIDC_ROLE_CLAIM (ID token, else the userinfo endpoint) mapped
 * through AUTH_OPERATOR_GROUPS / AUTH_VIEWER_GROUPS. A plain-http issuer is allowed on loopback only
 * (a provider beside the dashboard, as in the tests); anywhere else it must be https.
 */
import * as client from 'openid-client';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import type { AuthConfig, OidcConfig } from './config';
import { isLoopbackHost } from './peer';
import { roleFromGroups, type Role } from './roles';

export const OIDC_COOKIE = 'cbm_oidc';
export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const TX_TTL_S = 600;

const KEY = Symbol.for('crdb-monitor.oidc-configuration');
type Holder = { [KEY]?: { issuer: string; config: Promise<client.Configuration> } };

function configuration(o: OidcConfig): Promise<client.Configuration> {
  const g = globalThis as Holder;
  if (g[KEY]?.issuer !== o.issuer) {
    const url = new URL(o.issuer);
    const insecure = url.protocol === 'http:' && isLoopbackHost(url.hostname);
    const config = client.discovery(url, o.clientId, o.clientSecret, undefined, { timeout: 10, execute: insecure ? [client.allowInsecureRequests] : [] });
    // A failed discovery is retried on the next sign-in, not cached.
    config.catch(() => {
      if (g[KEY]?.config === config) delete g[KEY];
    });
    g[KEY] = { issuer: o.issuer, config };
  }
  return g[KEY].config;
}

const Tx = z.object({ verifier: z.string(), state: z.string(), nonce: z.string(), next: z.string() });

/** The provider's authorization URL, and the sealed cookie value that the callback needs. */
export async function startOidc(cfg: AuthConfig, origin: string, next: string): Promise<{ url: string; tx: string }> {
  const o = cfg.oidc as OidcConfig;
  const config = await configuration(o);
  const verifier = client.randomPKCECodeVerifier();
  const tx = { verifier, state: client.randomState(), nonce: client.randomNonce(), next };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: `${origin}${OIDC_CALLBACK_PATH}`,
    scope: o.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: tx.state,
    nonce: tx.nonce,
  });
  return { url: url.toString(), tx: await sealData(tx, { password: cfg.sessionSecret, ttl: TX_TTL_S }) };
}

function claimValues(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v === 'string') return v.split(/[\s,]+/).filter(Boolean);
  return [];
}

export type OidcOutcome = { ok: true; user: string; role: Role; next: string } | { ok: false; user: string; reason: string; next: string };

/** Exchanges the code (checking state, nonce and PKCE) and maps the claims to a user and role. */
export async function finishOidc(cfg: AuthConfig, origin: string, callback: URL, sealedTx: string | null): Promise<OidcOutcome> {
  const o = cfg.oidc as OidcConfig;
  let tx: z.infer<typeof Tx>;
  try {
    tx = Tx.parse(sealedTx ? await unsealData(sealedTx, { password: cfg.sessionSecret, ttl: TX_TTL_S }) : null);
  } catch {
    return { ok: false, user: '(unknown)', reason: 'the sign-in took too long or did not start here: start it again', next: '/' };
  }
  const config = await configuration(o);
  // The URL the provider redirected to, on the dashboard's public origin (the redirect_uri it was given).
  const current = new URL(`${origin}${OIDC_CALLBACK_PATH}${callback.search}`);
  const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: tx.verifier, expectedState: tx.state, expectedNonce: tx.nonce });
  const idClaims = tokens.claims();
  if (!idClaims) return { ok: false, user: '(unknown)', reason: 'the provider sent no ID token', next: tx.next };
  let claims: Record<string, unknown> = idClaims;
  if (!(o.roleClaim in idClaims) || !(o.userClaim in idClaims)) {
    claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
  }
  const pick = [claims[o.userClaim], claims.email, claims.sub].find((v): v is string => typeof v === 'string' && v.length > 0);
  const user = (pick ?? idClaims.sub).slice(0, 200);
  const role = roleFromGroups(claimValues(claims[o.roleClaim]), cfg);
  if (role === null) return { ok: false, user, reason: `not in any group allowed here (claim ${o.roleClaim})`, next: tx.next };
  return { ok: true, user, role, next: tx.next };
}
