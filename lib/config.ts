import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_POLICY, type FreshnessPolicy, type Grace } from './domain/freshness';
import { parseDuration } from './duration';

/**
 * Which clusters the dashboard watches and how, from the environment (documented in
 * .env.example). Parsed once at start-up; a bad value stops start-up with a message naming the
 * variable. With no cluster variables the built-in demo cluster is used (lib/demo/embedded.ts).
 */

const Id = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes (it appears in URLs)');
const SqlUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), 'must be a postgresql:// URL');
const HttpUrl = z
  .string()
  .trim()
  .transform((u) => u.replace(/\/+$/, ''))
  .refine((u) => /^https?:\/\/[^/?#\s]+$/.test(u), 'must be an http(s)://host:port base URL');
const Duration = (name: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const ms = parseDuration(v);
      if (ms === null || ms < 1000 || ms > 3_600_000) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a duration between 1s and 1h, like 10s or 1m (got "${v}")` });
        return z.NEVER;
      }
      return ms;
    });

/**
 * FRESHNESS_GRACE: a duration ("10m") or a share of the schedule's interval ("10%"); see
 * lib/domain/freshness.ts DEFAULT_POLICY for why the default is a fixed 10 minutes.
 */
const GraceSetting = z
  .string()
  .trim()
  .transform((v, ctx): Grace => {
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(v);
    if (pct && Number(pct[1]) <= 500) return { kind: 'fraction', f: Number(pct[1]) / 100 };
    const ms = parseDuration(v);
    if (!pct && ms !== null && ms <= 7 * 86_400_000) return { kind: 'duration', s: Math.round(ms / 1000) };
    ctx.addIssue({ code: 'custom', message: `FRESHNESS_GRACE must be a duration up to 7d like 10m, or a share of the interval like 10% (got "${v}")` });
    return z.NEVER;
  });

/** BACKUP_COLLECTIONS: collection URIs besides the schedules' own that the backups page may list. */
const Collections = z
  .string()
  .transform((v) => v.split(',').map((u) => u.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z][a-z0-9+.-]*:\/\/\S+$/i, 'each entry must be a storage URI like s3://bucket/path or external://name')));

/** CockroachDB's docs configure Prometheus with `job_name: 'cockroachdb'`: the selector of a cluster that names none. */
export const DEFAULT_PROMETHEUS_SELECTOR = '{job="cockroachdb"}';

/**
 * A PromQL selector that picks this cluster's CockroachDB series in Prometheus: label matchers in
 * braces, e.g. `{job="cockroachdb",cluster="prod-eu"}`.
 */
const PromSelector = z
  .string()
  .trim()
  .regex(/^\{\s*([a-zA-Z_][a-zA-Z0-9_]*\s*(=|!=|=~|!~)\s*"(?:[^"\\]|\\.)*"\s*(,\s*|(?=\})))*\}$/, 'must be label matchers in braces, like {job="cockroachdb",cluster="prod-eu"}');
/**
 * CRDB_UNSAFE_INTERNALS: whether the dashboard's sessions run `SET allow_unsafe_internals = on`
 * (CockroachDB v25.4+; crdb_internal and system are restricted by default from v26.1, reference §e).
 * auto: where the variable exists, falling back to SHOW statements if CockroachDB refuses; on: the
 * same, but a refusal is an error; off: never (SHOW statements only on v26.1+, unless the role's own
 * default allows it, `ALTER ROLE <user> SET allow_unsafe_internals = on`).
 */
export const UNSAFE_INTERNALS_MODES = ['auto', 'on', 'off'] as const;
export type UnsafeInternalsMode = (typeof UNSAFE_INTERNALS_MODES)[number];
const UnsafeInternals = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(UNSAFE_INTERNALS_MODES, { message: 'CRDB_UNSAFE_INTERNALS must be auto, on or off' }));

/** One cluster as CLUSTERS_FILE lists it (same fields as the CRDB_* variables). */
const ClusterEntry = z.object({
  id: Id,
  name: z.string().trim().min(1).max(100).optional(),
  sql_url: SqlUrl.optional(),
  http_urls: z.array(HttpUrl).optional(),
  http_ca: z.string().trim().min(1).optional(),
  http_port: z.number().int().min(1).max(65535).optional(),
  http_scheme: z.enum(['http', 'https']).optional(),
  prometheus_selector: PromSelector.optional(),
  unsafe_internals: z.enum(UNSAFE_INTERNALS_MODES).optional(),
  console_user: z.string().trim().min(1).optional(),
  console_password: z.string().min(1).optional(),
  console_cookie: z.string().trim().min(1).optional(),
});
const ClustersFile = z.union([z.array(ClusterEntry), z.object({ clusters: z.array(ClusterEntry) }).transform((f) => f.clusters)]);

const Env = z.object({
  CRDB_SQL_URL: SqlUrl.optional(),
  CRDB_HTTP_URLS: z
    .string()
    .transform((v) => v.split(',').map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(HttpUrl).min(1, 'must list at least one URL'))
    .optional(),
  CRDB_CLUSTER_ID: Id.default('default'),
  CRDB_CLUSTER_NAME: z.string().trim().min(1).max(100).optional(),
  CRDB_HTTP_CA: z.string().trim().min(1).optional(),
  CRDB_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  CRDB_HTTP_SCHEME: z.enum(['http', 'https']).default('http'),
  CRDB_PROMETHEUS_SELECTOR: PromSelector.optional(),
  CLUSTERS_FILE: z.string().trim().min(1).optional(),
  SCRAPE_INTERVAL: Duration('SCRAPE_INTERVAL').default(10_000),
  // Unset, it is the smaller of 5 s and the interval, as Prometheus's scrape_timeout (parseConfig).
  SCRAPE_TIMEOUT: Duration('SCRAPE_TIMEOUT').optional(),
  FRESHNESS_GRACE: GraceSetting.optional(),
  FRESHNESS_STALE_MULTIPLIER: z.coerce.number().min(1.1, 'FRESHNESS_STALE_MULTIPLIER must be at least 1.1').max(100).default(DEFAULT_POLICY.staleMultiplier),
  BACKUP_COLLECTIONS: Collections.default([]),
  CRDB_UNSAFE_INTERNALS: UnsafeInternals.default('auto'),
  CRDB_CONSOLE_USER: z.string().trim().min(1).optional(),
  CRDB_CONSOLE_PASSWORD: z.string().min(1).optional(),
  CRDB_CONSOLE_COOKIE: z.string().trim().min(1).optional(),
});

/**
 * A DB Console sign-in for `/ts/query` on a secure cluster (reference §b.2, §g): a SQL user with a
 * password (signed in through `POST /login`), or a session cookie from `cockroach auth-session login
 * --only-cookie`. Secrets: never logged, never in an API answer.
 */
export interface ConsoleAuth {
  user: string | null;
  password: string | null;
  /** `session=…` as the Cookie header sends it. */
  cookie: string | null;
}

function consoleAuth(user: string | undefined, password: string | undefined, cookie: string | undefined, where: string): ConsoleAuth | null {
  if (!user && !password && !cookie) return null;
  if (Boolean(user) !== Boolean(password)) throw new ConfigError(`${where}: the DB Console user and password go together (set both, or a session cookie instead)`);
  return { user: user ?? null, password: password ?? null, cookie: cookie ? sessionCookie(cookie) : null };
}

/** `session=abc; Path=/; HttpOnly` or a bare `abc` → `session=abc` (only the cookie pair is sent). */
export function sessionCookie(v: string): string {
  const pair = v.split(';')[0]?.trim() ?? '';
  // The value is base64 and may end in '=': only the `session=` prefix tells a pair from a bare value.
  return pair.startsWith('session=') ? pair : `session=${pair}`;
}

export interface ClusterConfig {
  id: string;
  name: string;
  /** Postgres URL for SQL; null when only metrics are configured. Never sent to a browser. */
  sqlUrl: string | null;
  /** Base URLs of every node's HTTP port; empty when they are discovered over SQL. */
  httpUrls: string[];
  /** PEM text of the CA that signs the nodes' HTTPS certificates (secure clusters). */
  httpCa: string | null;
  /** For discovery over SQL: each node's host with this port and scheme. */
  httpPort: number;
  httpScheme: 'http' | 'https';
  /** True for the built-in demo cluster. */
  demo: boolean;
  /** The PromQL selector of its CockroachDB series (prometheus_selector / CRDB_PROMETHEUS_SELECTOR); unset: `{job="cockroachdb"}`. */
  prometheusSelector?: string | null;
  /** CRDB_UNSAFE_INTERNALS (or the entry's `unsafe_internals`); absent means auto. */
  unsafeInternals?: UnsafeInternalsMode;
  /** DB Console sign-in for `/ts/query` (CRDB_CONSOLE_* or the entry's console_*); absent: none (insecure clusters need none). */
  console?: ConsoleAuth | null;
}

export interface StaticConfig {
  mode: 'demo' | 'configured';
  clusters: ClusterConfig[];
  scrapeIntervalMs: number;
  scrapeTimeoutMs: number;
  /** How backup freshness is judged (FRESHNESS_GRACE, FRESHNESS_STALE_MULTIPLIER). */
  freshness: FreshnessPolicy;
  /** Collections the backups page may list besides those the schedules write to (BACKUP_COLLECTIONS). */
  backupCollections: string[];
  /** CRDB_UNSAFE_INTERNALS: the default of every cluster (the built-in demo's too). */
  unsafeInternals: UnsafeInternalsMode;
}

/** Each node's deadline when SCRAPE_TIMEOUT is not set (capped at the interval). */
const DEFAULT_SCRAPE_TIMEOUT_MS = 5_000;

export class ConfigError extends Error {}

function readCa(path: string | undefined, variable: string): string | null {
  if (!path) return null;
  try {
    const pem = readFileSync(path, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate in it');
    return pem;
  } catch (err) {
    throw new ConfigError(`${variable}: cannot use ${path} as a CA file: ${(err as Error).message}`);
  }
}

function issues(prefix: string, error: z.ZodError): ConfigError {
  return new ConfigError(error.issues.map((i) => `${[prefix, ...i.path].filter((p) => p !== '').join('.')}: ${i.message}`).join('\n'));
}

export function parseConfig(env: Record<string, string | undefined>): StaticConfig {
  const r = Env.safeParse(env);
  if (!r.success) throw issues('', r.error);
  const e = r.data;
  const scrapeTimeoutMs = e.SCRAPE_TIMEOUT ?? Math.min(DEFAULT_SCRAPE_TIMEOUT_MS, e.SCRAPE_INTERVAL);
  const base = {
    scrapeIntervalMs: e.SCRAPE_INTERVAL,
    scrapeTimeoutMs,
    freshness: { grace: e.FRESHNESS_GRACE ?? DEFAULT_POLICY.grace, staleMultiplier: e.FRESHNESS_STALE_MULTIPLIER },
    backupCollections: e.BACKUP_COLLECTIONS,
    unsafeInternals: e.CRDB_UNSAFE_INTERNALS,
  };
  if (scrapeTimeoutMs > e.SCRAPE_INTERVAL) throw new ConfigError('SCRAPE_TIMEOUT: must not be longer than SCRAPE_INTERVAL');
  if (e.CLUSTERS_FILE) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(e.CLUSTERS_FILE, 'utf8'));
    } catch (err) {
      throw new ConfigError(`CLUSTERS_FILE: cannot read ${e.CLUSTERS_FILE} as JSON: ${(err as Error).message}`);
    }
    const f = ClustersFile.safeParse(raw);
    if (!f.success) throw issues('CLUSTERS_FILE', f.error);
    const ids = new Set<string>();
    const clusters = f.data.map((c, i) => {
      if (ids.has(c.id)) throw new ConfigError(`CLUSTERS_FILE: cluster id "${c.id}" appears twice`);
      ids.add(c.id);
      if (!c.sql_url && !c.http_urls?.length) throw new ConfigError(`CLUSTERS_FILE.${i}: needs sql_url or http_urls`);
      return {
        id: c.id,
        name: c.name ?? c.id,
        sqlUrl: c.sql_url ?? null,
        httpUrls: c.http_urls ?? [],
        httpCa: readCa(c.http_ca, `CLUSTERS_FILE.${i}.http_ca`),
        httpPort: c.http_port ?? e.CRDB_HTTP_PORT,
        httpScheme: c.http_scheme ?? e.CRDB_HTTP_SCHEME,
        demo: false,
        prometheusSelector: c.prometheus_selector ?? null,
        unsafeInternals: c.unsafe_internals ?? e.CRDB_UNSAFE_INTERNALS,
        console:
          consoleAuth(c.console_user, c.console_password, c.console_cookie, `CLUSTERS_FILE.${i}`) ??
          consoleAuth(e.CRDB_CONSOLE_USER, e.CRDB_CONSOLE_PASSWORD, e.CRDB_CONSOLE_COOKIE, 'CRDB_CONSOLE_USER/CRDB_CONSOLE_PASSWORD'),
      };
    });
    if (clusters.length === 0) throw new ConfigError('CLUSTERS_FILE: lists no clusters');
    return { mode: 'configured', clusters, ...base };
  }
  if (!e.CRDB_SQL_URL && !e.CRDB_HTTP_URLS) return { mode: 'demo', clusters: [], ...base };
  return {
    mode: 'configured',
    clusters: [
      {
        id: e.CRDB_CLUSTER_ID,
        name: e.CRDB_CLUSTER_NAME ?? e.CRDB_CLUSTER_ID,
        sqlUrl: e.CRDB_SQL_URL ?? null,
        httpUrls: e.CRDB_HTTP_URLS ?? [],
        httpCa: readCa(e.CRDB_HTTP_CA, 'CRDB_HTTP_CA'),
        httpPort: e.CRDB_HTTP_PORT,
        httpScheme: e.CRDB_HTTP_SCHEME,
        demo: false,
        prometheusSelector: e.CRDB_PROMETHEUS_SELECTOR ?? null,
        unsafeInternals: e.CRDB_UNSAFE_INTERNALS,
        console: consoleAuth(e.CRDB_CONSOLE_USER, e.CRDB_CONSOLE_PASSWORD, e.CRDB_CONSOLE_COOKIE, 'CRDB_CONSOLE_USER/CRDB_CONSOLE_PASSWORD'),
      },
    ],
    ...base,
  };
}

let cached: StaticConfig | undefined;
export function staticConfig(): StaticConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
