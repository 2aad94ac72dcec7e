import pg from 'pg';
import type { ClusterConfig } from '../config';
import { logThrottled } from '../log-throttle';

/**
 * One small pg.Pool per cluster, kept on globalThis so Next's dev reloads and route bundles share
 * it. Every session is tagged (application_name shows up in CockroachDB's own SQL activity pages)
 * and bounded (statement_timeout), so the dashboard can never pile load onto a struggling cluster.
 */
const KEY = Symbol.for('crdb-monitor.pg-pools');
const pools = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, pg.Pool>()) as Map<string, pg.Pool>;

export const STATEMENT_TIMEOUT_MS = 10_000;

export function poolFor(cluster: ClusterConfig): pg.Pool | null {
  if (!cluster.sqlUrl) return null;
  let pool = pools.get(cluster.id);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: cluster.sqlUrl,
      max: 3,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5_000,
      application_name: 'crdb-backup-monitor',
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: STATEMENT_TIMEOUT_MS + 2_000,
    });
    // An idle client that loses its server must not crash the process.
    pool.on('error', (err) => logThrottled(`pg-pool:${cluster.id}:${err.message}`, `pg pool (${cluster.id}): ${err.message}`));
    pools.set(cluster.id, pool);
  }
  return pool;
}
