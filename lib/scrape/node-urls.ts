import type { ClusterConfig } from '../config';
import { ApiError } from '../errors';
import { poolFor } from '../sql/pool';

const REDISCOVER_MS = 5 * 60_000;
const KEY = Symbol.for('crdb-monitor.discovered-nodes');
const cache = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, { at: number; urls: string[] }>()) as Map<string, { at: number; urls: string[] }>;

/**
 * The HTTP base URL of every node: the configured list, or, when only CRDB_SQL_URL is given, the
 * nodes CockroachDB knows (crdb_internal.gossip_nodes: each node's RPC address) with the
 * configured HTTP port and scheme. Only these URLs are ever fetched: no request picks a URL.
 */
export async function nodeUrls(cluster: ClusterConfig): Promise<string[]> {
  if (cluster.httpUrls.length > 0) return cluster.httpUrls;
  const hit = cache.get(cluster.id);
  if (hit && Date.now() - hit.at < REDISCOVER_MS) return hit.urls;
  const pool = poolFor(cluster);
  if (!pool) return [];
  try {
    const { rows } = await pool.query<{ node_id: string; address: string }>('SELECT node_id, address FROM crdb_internal.gossip_nodes ORDER BY node_id');
    const urls = rows.map((r) => `${cluster.httpScheme}://${hostOf(r.address)}:${cluster.httpPort}`);
    cache.set(cluster.id, { at: Date.now(), urls });
    return urls;
  } catch (err) {
    if (hit) return hit.urls;
    throw new ApiError('sql_unavailable', `cannot discover the nodes over SQL: ${(err as Error).message}`, err);
  }
}

/** 'roach1:26257' → 'roach1'; '[::1]:26257' → '[::1]'. */
export function hostOf(address: string): string {
  const i = address.lastIndexOf(':');
  return i > 0 && !address.endsWith(']') ? address.slice(0, i) : address;
}
