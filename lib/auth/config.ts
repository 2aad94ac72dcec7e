/**
 * Access control configuration (AUTH_* and OIDC_* variables), parsed once with zod. A bad value
 * stops start-up with a message naming the variable (instrumentation.ts), like the rest of the
 * configuration. Secrets (session secret, client secret) are kept here and never logged.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../config';
import { parseDuration } from '../duration';

export const AUTH_MODES = ['none', 'basic', 'proxy', 'oidc'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
const optional = z.string().trim().optional().transform((v) => (v === '' ? undefined : v));

const Env = z.object({
  AUTH_MODE: z.string().trim().toLowerCase().default('none').pipe(z.enum(AUTH_MODES, { message: `must be one of ${AUTH_MODES.join(', ')}` })),
  AUTH_SESSION_SECRET: optional.pipe(z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional()),
  AUTH_SESSION_TTL: z.string().trim().default('8h'),
  AUTH_USERS_FILE: optional,
  AUTH_TOKENS_FILE: optional,
  AUTH_PROXY_TRUSTED: optional,
  AUTH_PROXY_USER_HEADER: z.string().trim().toLowerCase().default('x-forwarded-user'),
  AUTH_PROXY_GROUPS_HEADER: z.string().trim().toLowerCase().default('x-forwarded-groups'),
  AUTH_OPERATOR_GROUPS: z.string().default('operator'),
  AUTH_VIEWER_GROUPS: optional,
  OIDC_ISSUER_URL: optional.pipe(z.url({ protocol: /^https?$/, message: 'must be the issuer URL (http(s)://…)' }).optional()),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_SCOPES: z.string().trim().default('openid profile email'),
  OIDC_ROLE_CLAIM: z.string().trim().default('groups'),
  OIDC_USER_CLAIM: z.string().trim().default('preferred_username'),
  DASHBOARD_URL: optional.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
  FRAME_ANCESTORS: optional,
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  roleClaim: string;
  userClaim: string;
}

export interface AuthConfig {
  mode: AuthMode;
  /** Seals session cookies; random per process when AUTH_SESSION_SECRET is unset (sessions then end at a restart). */
  sessionSecret: string;
  sessionSecretGenerated: boolean;
  sessionTtlMs: number;
  usersFile: string | null;
  tokensFile: string | null;
  /** Addresses and CIDR ranges allowed to send the proxy's user header. */
  proxyTrusted: string[];
  proxyUserHeader: string;
  proxyGroupsHeader: string;
  /** Group (proxy) or role-claim (OIDC) values that make an operator; and, when set, the ones needed to get in at all. */
  operatorGroups: string[];
  viewerGroups: string[] | null;
  oidc: OidcConfig | null;
  /** The dashboard's public origin (DASHBOARD_URL) when it sits behind a proxy; else the request's own. */
  publicOrigin: string | null;
  /** CSP frame-ancestors sources allowed to embed the dashboard (kiosk screens); none by default. */
  frameAncestors: string[];
}

export function parseAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const r = Env.safeParse(env);
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  const e = r.data;
  const ttl = parseDuration(e.AUTH_SESSION_TTL);
  if (ttl === null || ttl < 60_000 || ttl > 30 * 86_400_000) throw new ConfigError(`AUTH_SESSION_TTL: must be a duration between 1m and 30d, like 8h (got "${e.AUTH_SESSION_TTL}")`);
  const need = (name: keyof typeof e, why: string) => {
    if (!e[name]) throw new ConfigError(`${name}: must be set with AUTH_MODE=${e.AUTH_MODE} (${why})`);
  };
  if (e.AUTH_MODE === 'basic') need('AUTH_USERS_FILE', 'the users who may sign in; see `npm run auth:hash`');
  if (e.AUTH_MODE === 'proxy') need('AUTH_PROXY_TRUSTED', 'the addresses of the proxy whose user header is trusted');
  if (e.AUTH_MODE === 'oidc') {
    need('OIDC_ISSUER_URL', "the provider's issuer URL");
    need('OIDC_CLIENT_ID', 'the client registered at the provider');
    need('OIDC_CLIENT_SECRET', "that client's secret");
  }
  const frameAncestors = list(e.FRAME_ANCESTORS);
  for (const src of frameAncestors) {
    if (!/^(https?:\/\/[^\s;,'"]+|'self')$/.test(src)) throw new ConfigError(`FRAME_ANCESTORS: "${src.slice(0, 60)}" is not an origin (https://kiosk.example.com) or 'self'`);
  }
  return {
    mode: e.AUTH_MODE,
    sessionSecret: e.AUTH_SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    sessionSecretGenerated: e.AUTH_SESSION_SECRET === undefined,
    sessionTtlMs: ttl,
    usersFile: e.AUTH_USERS_FILE ?? null,
    tokensFile: e.AUTH_TOKENS_FILE ?? null,
    proxyTrusted: list(e.AUTH_PROXY_TRUSTED),
    proxyUserHeader: e.AUTH_PROXY_USER_HEADER,
    proxyGroupsHeader: e.AUTH_PROXY_GROUPS_HEADER,
    operatorGroups: list(e.AUTH_OPERATOR_GROUPS),
    viewerGroups: e.AUTH_VIEWER_GROUPS === undefined ? null : list(e.AUTH_VIEWER_GROUPS),
    oidc:
      e.AUTH_MODE === 'oidc'
        ? { issuer: e.OIDC_ISSUER_URL as string, clientId: e.OIDC_CLIENT_ID as string, clientSecret: e.OIDC_CLIENT_SECRET as string, scopes: e.OIDC_SCOPES, roleClaim: e.OIDC_ROLE_CLAIM, userClaim: e.OIDC_USER_CLAIM }
        : null,
    publicOrigin: e.DASHBOARD_URL ? new URL(e.DASHBOARD_URL).origin : null,
    frameAncestors,
  };
}

// On globalThis: proxy.ts and every route bundle must agree on one (possibly generated) session secret.
const KEY = Symbol.for('crdb-monitor.auth-config');
type Holder = { [KEY]?: AuthConfig };

export function authConfig(): AuthConfig {
  const g = globalThis as Holder;
  g[KEY] ??= parseAuthConfig(process.env);
  return g[KEY];
}
