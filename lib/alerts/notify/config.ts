import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '@/lib/config';
import { parseDuration } from '@/lib/duration';
import { basicAuthHeader, splitReceiverUrl, type ReceiverUrl } from './receiver-url';

/**
 * Where alert notifications go, from the environment (documented in .env.example). A bad value
 * throws a ConfigError naming the variable, like lib/config.ts. Holds secrets (auth headers, webhook
 * URLs): never serialise it to a page or a log; DeliveryStatus carries the shown URLs only.
 */
export interface AlertmanagerConfig {
  /** One per configured Alertmanager: they gossip and dedupe, so every one gets every alert (as Prometheus does). */
  receivers: ReceiverUrl[];
  /** `Authorization` value for every Alertmanager, or null. */
  authorization: string | null;
  /** PEM CA for https Alertmanagers. */
  ca: string | null;
  /** Prometheus's `--rules.alert.resend-delay` (default 1m). */
  resendDelayMs: number;
  /**
   * How often the alerts are evaluated; firing alerts are sent with `endsAt` = now + 4 × max(resend
   * delay, this), so an Alertmanager resolves them by itself when the dashboard stops sending.
   */
  evaluationIntervalMs: number;
}

export interface NotifyConfig {
  /** Public base URL of the dashboard, no trailing slash: alert links are made absolute with it. */
  dashboardUrl: string;
  alertmanager: AlertmanagerConfig | null;
  webhooks: ReceiverUrl[];
}

const list = (v: string) => v.split(',').map((u) => u.trim()).filter(Boolean);

const httpUrl = (v: string) => {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

const BaseUrl = z
  .string()
  .refine(httpUrl, 'must be an http(s):// URL')
  .refine((v) => !/[?#]/.test(v), 'must be a base URL without a query or fragment (the API path is added to it)');

const Duration = (name: string, min: number, max: number) =>
  z.string().transform((v, ctx) => {
    const ms = parseDuration(v);
    if (ms === null || ms < min || ms > max) {
      ctx.addIssue({ code: 'custom', message: `${name} must be a duration between ${min / 1000}s and ${max / 60_000}m, like 1m (got "${v}")` });
      return z.NEVER;
    }
    return ms;
  });

const Env = z.object({
  DASHBOARD_URL: BaseUrl.optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  ALERTMANAGER_URL: z.string().transform(list).pipe(z.array(BaseUrl).min(1, 'must list at least one URL')).optional(),
  ALERTMANAGER_USERNAME: z.string().min(1).optional(),
  ALERTMANAGER_PASSWORD: z.string().min(1).optional(),
  ALERTMANAGER_BEARER_TOKEN: z.string().trim().min(1).optional(),
  ALERTMANAGER_CA: z.string().trim().min(1).optional(),
  ALERTMANAGER_RESEND_DELAY: Duration('ALERTMANAGER_RESEND_DELAY', 1000, 3_600_000).default(60_000),
  // Alerts are evaluated after each scrape unless the integrator passes another interval.
  SCRAPE_INTERVAL: Duration('SCRAPE_INTERVAL', 1000, 3_600_000).default(10_000),
  ALERT_WEBHOOK_URL: z.string().transform(list).pipe(z.array(z.string().refine(httpUrl, 'each entry must be an http(s):// URL')).min(1, 'must list at least one URL')).optional(),
});

// Empty variables count as unset, as a shell's `FOO=` usually means "not configured".
function present(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

// lib/config.ts keeps its own reader private; the same checks, for the same kind of file.
function readCa(path: string): string {
  try {
    const pem = readFileSync(path, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate in it');
    return pem;
  } catch (err) {
    throw new ConfigError(`ALERTMANAGER_CA: cannot use ${path} as a CA file: ${(err as Error).message}`);
  }
}

function alertmanagerAuthorization(e: z.infer<typeof Env>, receivers: ReceiverUrl[]): string | null {
  const { ALERTMANAGER_USERNAME: user, ALERTMANAGER_PASSWORD: password, ALERTMANAGER_BEARER_TOKEN: token } = e;
  if ((user === undefined) !== (password === undefined)) {
    const [set, missing] = user === undefined ? ['ALERTMANAGER_PASSWORD', 'ALERTMANAGER_USERNAME'] : ['ALERTMANAGER_USERNAME', 'ALERTMANAGER_PASSWORD'];
    throw new ConfigError(`${set}: must be set together with ${missing}`);
  }
  const basic = user !== undefined && password !== undefined ? basicAuthHeader(user, password) : null;
  if (basic && token) throw new ConfigError('ALERTMANAGER_BEARER_TOKEN: cannot be combined with ALERTMANAGER_USERNAME/ALERTMANAGER_PASSWORD (one Authorization header)');
  if ((basic || token) && receivers.some((r) => r.basicAuth)) {
    throw new ConfigError('ALERTMANAGER_URL: carries user:password while ALERTMANAGER_USERNAME or ALERTMANAGER_BEARER_TOKEN is set too; use one');
  }
  return token ? `Bearer ${token}` : basic;
}

export function parseNotifyConfig(env: Record<string, string | undefined>): NotifyConfig {
  const r = Env.safeParse(present(env));
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  const e = r.data;
  const dashboardUrl = (e.DASHBOARD_URL ?? `http://localhost:${e.PORT ?? 3000}`).replace(/\/+$/, '');

  let alertmanager: AlertmanagerConfig | null = null;
  if (e.ALERTMANAGER_URL) {
    const receivers = e.ALERTMANAGER_URL.map((u) => splitReceiverUrl(u, { hidePath: false }));
    alertmanager = {
      receivers,
      authorization: alertmanagerAuthorization(e, receivers),
      ca: e.ALERTMANAGER_CA ? readCa(e.ALERTMANAGER_CA) : null,
      resendDelayMs: e.ALERTMANAGER_RESEND_DELAY,
      evaluationIntervalMs: e.SCRAPE_INTERVAL,
    };
  } else {
    const stray = ['ALERTMANAGER_USERNAME', 'ALERTMANAGER_PASSWORD', 'ALERTMANAGER_BEARER_TOKEN', 'ALERTMANAGER_CA'].find((k) => k in present(env));
    if (stray) throw new ConfigError(`${stray}: set without ALERTMANAGER_URL`);
  }

  return {
    dashboardUrl,
    alertmanager,
    webhooks: (e.ALERT_WEBHOOK_URL ?? []).map((u) => splitReceiverUrl(u, { hidePath: true })),
  };
}
