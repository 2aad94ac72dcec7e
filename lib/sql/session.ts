/**
 * A pooled connection in a read-only session. `default_transaction_read_only` is set once per
 * physical connection (CockroachDB and the demo keep it for the session), so reads cost no extra
 * round trip; the job-control statements are the only ones that lift it, for one statement.
 */
import type pg from 'pg';
import type { ClusterConfig } from '../config';
import { ApiError } from '../errors';
import { mapSqlError } from './sql-errors';
import { poolFor } from './pool';

const readOnlyClients = new WeakSet<pg.PoolClient>();

export type Session = pg.PoolClient;

/** Runs `fn` with a read-only pooled client; errors come out as ApiErrors (lib/sql/sql-errors.ts). */
export async function withReadOnly<T>(cluster: ClusterConfig, doing: string, fn: (c: Session) => Promise<T>): Promise<T> {
  const pool = poolFor(cluster);
  if (!pool) throw new ApiError('sql_not_configured', `cluster "${cluster.id}" has no SQL URL configured, so its jobs cannot be read (set CRDB_SQL_URL)`);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw mapSqlError(err, doing);
  }
  let broken: Error | undefined;
  // A connection lost while the client is checked out (between two statements, or mid-query besides
  // the query's own rejection) surfaces as an 'error' event; pg.Pool only listens while a client is
  // idle, so without this listener the event is unhandled and takes the process down. The failing
  // statement is mapped below, and the client is released as broken.
  const lost = (err: Error) => {
    broken = err;
  };
  client.on('error', lost);
  try {
    if (!readOnlyClients.has(client)) {
      await client.query('SET default_transaction_read_only = on');
      readOnlyClients.add(client);
    }
    return await fn(client);
  } catch (err) {
    // A network-level failure leaves the connection unusable: drop it rather than pool it.
    const mapped = mapSqlError(err, doing);
    if (mapped.code === 'sql_unavailable') broken = err instanceof Error ? err : new Error(String(err));
    throw mapped;
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}

/** One writing statement (PAUSE/RESUME/CANCEL JOB) on a read-only client, the session restored after. */
export async function runWriting(c: Session, text: string, values: unknown[]): Promise<pg.QueryResult> {
  await c.query('SET default_transaction_read_only = off');
  try {
    return await c.query(text, values);
  } finally {
    // If restoring fails, forget the client was read-only so its next use sets it again; the
    // statement's own error (if any) is the one to report.
    await c.query('SET default_transaction_read_only = on').catch(() => readOnlyClients.delete(c));
  }
}
