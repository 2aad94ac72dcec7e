import type { ClusterConfig } from '../config';
import { ApiError } from '../errors';
import { withInternals, withReadOnly } from '../sql/session';
import { fetchVars } from './fetch-vars';

const REDISCOVER_MS = 5 * 60_000;
const SEED_TIMEOUT_MS = 3_000;
const KEY = Symbol.for('crdb-monitor.discovered-nodes');
interface Discovered {
  at: number;
  urls: string[];
  /** Set when discovery could not list every node, saying why and what would. */
  note: string | null;
}
const cache = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, Discovered>()) as Map<string, Discovered>;

/**
 * The HTTP base URL of every node: the configured list (CRDB_HTTP_URLS), or, when only CRDB_SQL_URL is
 * given, discovered over SQL. Only these URLs are ever fetched: no request picks a URL.
 *
 * Discovery: `crdb_internal.gossip_nodes` (each node's RPC address, with the configured HTTP port and
 * scheme) where the session may read internals. Where it may not (v26.1+ with allow_unsafe_internals
 * off) no supported statement lists the nodes — SHOW has no node list, and /api/v2/nodes needs a
 * signed-in admin — so the dashboard does not fall back on the restricted table: it watches the node
 * behind CRDB_SQL_URL, at the address that node advertises for itself in its own `/_status/vars`
 * (`node_id{advertise_addr,http_addr,sql_addr}`, unauthenticated, reference §b.3), and says so.
 */
export async function nodeUrls(cluster: ClusterConfig): Promise<string[]> {
  return (await discover(cluster)).urls;
}

/** Why the node list may be incomplete (null when configured or fully discovered). */
export async function discoveryNote(cluster: ClusterConfig): Promise<string | null> {
  if (cluster.httpUrls.length > 0 || !cluster.sqlUrl) return null;
  return (await discover(cluster)).note;
}

async function discover(cluster: ClusterConfig): Promise<Discovered> {
  if (cluster.httpUrls.length > 0) return { at: Date.now(), urls: cluster.httpUrls, note: null };
  const hit = cache.get(cluster.id);
  if (hit && Date.now() - hit.at < REDISCOVER_MS) return hit;
  if (!cluster.sqlUrl) return { at: Date.now(), urls: [], note: null };
  try {
    const found = await withReadOnly(cluster, 'discovering the nodes', (c, info) =>
      withInternals(
        info,
        async (): Promise<Discovered> => {
          const { rows } = await c.query<{ node_id: string; address: string }>('SELECT node_id, address FROM crdb_internal.gossip_nodes ORDER BY node_id');
          return { at: Date.now(), urls: rows.map((r) => `${cluster.httpScheme}://${hostOf(r.address)}:${cluster.httpPort}`), note: null };
        },
        async (): Promise<Discovered> => ({
          at: Date.now(),
          urls: [await seedNodeUrl(cluster)],
          note:
            'Only the node behind CRDB_SQL_URL is watched: listing every node needs allow_unsafe_internals (crdb_internal.gossip_nodes is restricted on this cluster, ' +
            `${info.why}). List every node in CRDB_HTTP_URLS, or allow unsafe internals.`,
        }),
      ),
    );
    cache.set(cluster.id, found);
    return found;
  } catch (err) {
    if (hit) return hit;
    if (err instanceof ApiError) throw new ApiError(err.code, `cannot discover the nodes over SQL: ${err.message}`, err);
    throw new ApiError('sql_unavailable', `cannot discover the nodes over SQL: ${(err as Error).message}`, err);
  }
}

/**
 * The node CRDB_SQL_URL reaches, at the HTTP address it advertises (`node_id{http_addr="host:port"}` on
 * its /_status/vars), or at the SQL host with the configured port when it cannot be asked.
 */
async function seedNodeUrl(cluster: ClusterConfig): Promise<string> {
  const host = new URL((cluster.sqlUrl ?? '').replace(/^postgres(ql)?:/, 'http:')).hostname;
  const guess = `${cluster.httpScheme}://${host}:${cluster.httpPort}`;
  const r = await fetchVars(guess, { timeoutMs: SEED_TIMEOUT_MS, ca: cluster.httpCa, maxBytes: 16 * 1024 * 1024 });
  if (!r.ok) return guess;
  const advertised = advertisedHttpAddr(r.body.toString('utf8'));
  return advertised ? `${cluster.httpScheme}://${advertised}` : guess;
}

/** The `http_addr` label of the node's own `node_id{…}` sample, e.g. 'roach1:8080'; null without one. */
export function advertisedHttpAddr(exposition: string): string | null {
  const m = /^node_id\{([^}\n]*)\}/m.exec(exposition);
  const addr = m ? /(?:^|,)http_addr="([^"]+)"/.exec(m[1])?.[1] : undefined;
  return addr && /^[\w.-]+:\d{1,5}$|^\[[0-9a-f:.]+\]:\d{1,5}$/i.test(addr) ? addr : null;
}

/** 'roach1:26257' → 'roach1'; '[::1]:26257' → '[::1]'. */
export function hostOf(address: string): string {
  const i = address.lastIndexOf(':');
  return i > 0 && !address.endsWith(']') ? address.slice(0, i) : address;
}
