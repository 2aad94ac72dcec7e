/**
 * PROMETHEUS_URL and its companions: Prometheus (or an engine with its HTTP query API — Thanos,
 * Cortex/Mimir, VictoriaMetrics) as the history backend. Read once; a bad value stops start-up
 * naming the variable. HISTORY_BACKEND defaults to `prometheus` when PROMETHEUS_URL is set.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../config';
import { parseDuration } from '../duration';

export interface PrometheusBackendConfig {
  /** Base URL, path prefix kept (Mimir: https://mimir/prometheus). */
  url: string;
  headers: Record<string, string>;
  ca: string | null;
  timeoutMs: number;
  /** The label that names a node in the series: CockroachDB's own `node_id`, or the scrape's `instance`. */
  nodeLabel: 'node_id' | 'instance';
}

export interface HistoryBackendConfig {
  backend: 'embedded' | 'prometheus';
  prometheus: PrometheusBackendConfig | null;
}

const Env = z.object({
  PROMETHEUS_URL: z
    .string()
    .trim()
    .transform((u) => u.replace(/\/+$/, ''))
    .refine((u) => /^https?:\/\/[^\s?#]+$/.test(u), 'must be an http(s):// base URL')
    .optional(),
  PROMETHEUS_BEARER_TOKEN: z.string().trim().min(1).optional(),
  PROMETHEUS_USERNAME: z.string().min(1).optional(),
  PROMETHEUS_PASSWORD: z.string().optional(),
  PROMETHEUS_CA: z.string().trim().min(1).optional(),
  PROMETHEUS_HEADERS: z.string().optional(),
  PROMETHEUS_NODE_LABEL: z.enum(['node_id', 'instance']).default('node_id'),
  PROMETHEUS_TIMEOUT: z.string().trim().default('10s'),
  HISTORY_BACKEND: z.enum(['embedded', 'prometheus']).optional(),
});

/** `X-Scope-OrgID: tenant-a; X-Other: b` → headers (`;` or newlines between them). */
export function parseHeaders(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(part);
    if (!m) throw new ConfigError(`PROMETHEUS_HEADERS: "${part.slice(0, 40)}" is not "Name: value"`);
    out[m[1]] = m[2];
  }
  return out;
}

export function parseHistoryBackend(env: Record<string, string | undefined>): HistoryBackendConfig {
  const r = Env.safeParse(env);
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  const e = r.data;
  const backend = e.HISTORY_BACKEND ?? (e.PROMETHEUS_URL ? 'prometheus' : 'embedded');
  if (backend === 'embedded') return { backend, prometheus: null };
  if (!e.PROMETHEUS_URL) throw new ConfigError('HISTORY_BACKEND: prometheus needs PROMETHEUS_URL');
  if (e.PROMETHEUS_BEARER_TOKEN && e.PROMETHEUS_USERNAME) throw new ConfigError('PROMETHEUS_BEARER_TOKEN and PROMETHEUS_USERNAME: set one of them, not both');
  const timeoutMs = parseDuration(e.PROMETHEUS_TIMEOUT);
  if (timeoutMs === null || timeoutMs < 1000 || timeoutMs > 120_000) throw new ConfigError(`PROMETHEUS_TIMEOUT: must be a duration between 1s and 2m (got "${e.PROMETHEUS_TIMEOUT}")`);
  const headers = parseHeaders(e.PROMETHEUS_HEADERS);
  if (e.PROMETHEUS_BEARER_TOKEN) headers.Authorization = `Bearer ${e.PROMETHEUS_BEARER_TOKEN}`;
  if (e.PROMETHEUS_USERNAME) headers.Authorization = `Basic ${Buffer.from(`${e.PROMETHEUS_USERNAME}:${e.PROMETHEUS_PASSWORD ?? ''}`).toString('base64')}`;
  let ca: string | null = null;
  if (e.PROMETHEUS_CA) {
    try {
      ca = readFileSync(e.PROMETHEUS_CA, 'utf8');
    } catch (err) {
      throw new ConfigError(`PROMETHEUS_CA: cannot read ${e.PROMETHEUS_CA}: ${(err as Error).message}`);
    }
  }
  return { backend, prometheus: { url: e.PROMETHEUS_URL, headers, ca, timeoutMs, nodeLabel: e.PROMETHEUS_NODE_LABEL } };
}

let cached: HistoryBackendConfig | undefined;
export function historyBackend(): HistoryBackendConfig {
  cached ??= parseHistoryBackend(process.env);
  return cached;
}
