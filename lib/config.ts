import { z } from 'zod';

/**
 * Which clusters the dashboard watches, from the environment (see .env.example). Parsed once;
 * a bad value stops start-up with a message naming the variable. With no cluster variables the
 * built-in demo cluster is used (lib/demo/embedded.ts).
 */
const Env = z.object({
  CRDB_SQL_URL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgresql:// URL')
    .optional(),
  CRDB_HTTP_URLS: z
    .string()
    .trim()
    .min(1)
    .transform((v) => v.split(',').map((u) => u.trim().replace(/\/+$/, '')).filter(Boolean))
    .refine((urls) => urls.every((u) => /^https?:\/\/[^/]+$/.test(u)), 'must be comma-separated http(s)://host:port base URLs')
    .optional(),
  CRDB_CLUSTER_ID: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes (it appears in URLs)')
    .default('default'),
  CRDB_CLUSTER_NAME: z.string().trim().min(1).max(100).optional(),
});

export interface ClusterConfig {
  id: string;
  name: string;
  /** Postgres URL for SQL; null when only metrics are configured. Never sent to a browser. */
  sqlUrl: string | null;
  /** Base URLs of every node's HTTP port. */
  httpUrls: string[];
  /** True for the built-in demo cluster. */
  demo: boolean;
}

export type StaticConfig = { mode: 'demo' } | { mode: 'configured'; clusters: ClusterConfig[] };

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): StaticConfig {
  const r = Env.safeParse(env);
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const e = r.data;
  if (!e.CRDB_SQL_URL && !e.CRDB_HTTP_URLS) return { mode: 'demo' };
  return {
    mode: 'configured',
    clusters: [
      {
        id: e.CRDB_CLUSTER_ID,
        name: e.CRDB_CLUSTER_NAME ?? e.CRDB_CLUSTER_ID,
        sqlUrl: e.CRDB_SQL_URL ?? null,
        httpUrls: e.CRDB_HTTP_URLS ?? [],
        demo: false,
      },
    ],
  };
}

let cached: StaticConfig | undefined;
export function staticConfig(): StaticConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
