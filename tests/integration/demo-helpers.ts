import pg from 'pg';
import { startDemoCluster, type DemoCluster, type DemoClusterOptions } from '@/lib/demo/cluster';
import { parseExposition, type Exposition } from '@/lib/demo/http/test-exposition';

/** A fixed "now" and a frozen clock: every test sees the same history and moves time itself. */
export const START_MS = Date.parse('2026-11-25T20:07:00Z');

export function startFrozen(opts: DemoClusterOptions = {}): Promise<DemoCluster> {
  return startDemoCluster({ nodes: 3, seed: 11, speed: 0, startMs: START_MS, ...opts });
}

export async function scrape(url: string): Promise<Exposition> {
  const res = await fetch(`${url}/_status/vars`);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return parseExposition(await res.text());
}

/** Sample value of a node-level family (the one sample labelled with this node's id). */
export function valueOf(exp: Exposition, family: string): number | undefined {
  return exp.families.get(family)?.samples[0]?.value;
}

/**
 * One statement on a fresh connection. Like an operator's `cockroach sql` session on v26.x, it first sets
 * allow_unsafe_internals = on, so tests may read crdb_internal/system directly (before v25.4 the variable
 * does not exist and the SET fails harmlessly); `{ internals: false }` leaves the session as it comes.
 */
export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(sqlUrl: string, text: string, values?: unknown[], opts: { internals?: boolean } = {}) {
  const client = new pg.Client({ connectionString: sqlUrl });
  await client.connect();
  try {
    if (opts.internals ?? true) await client.query('SET allow_unsafe_internals = on').catch(() => undefined);
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

/** Points the dashboard's configuration (lib/config.ts reads the env) at this demo cluster, as `id`. */
export function configureDashboardFor(demo: DemoCluster, id: string): void {
  process.env.CRDB_SQL_URL = demo.sqlUrl;
  process.env.CRDB_HTTP_URLS = demo.nodeUrls.join(',');
  process.env.CRDB_CLUSTER_ID = id;
}
