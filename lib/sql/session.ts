/**
 * A pooled connection in a read-only session that knows its CockroachDB. Each physical connection is
 * set up once, when the pool creates it (CockroachDB and the demo keep session settings), so reads
 * cost no extra round trip afterwards:
 * - `SET default_transaction_read_only = on` and `SELECT version()` (one simple Query);
 * - on v25.4+, where `allow_unsafe_internals` exists, `SET allow_unsafe_internals = on` unless
 *   CRDB_UNSAFE_INTERNALS=off (reference §e: from v26.1 crdb_internal and system are restricted by
 *   default; CockroachDB logs every access made with it to its SENSITIVE_ACCESS channel);
 * - when that is off or refused, `SHOW allow_unsafe_internals` says what the session actually has
 *   (25.4's default is on, and an administrator may have run ALTER ROLE … SET allow_unsafe_internals = on).
 * Readers get the outcome (SessionInfo) and choose SHOW statements where internals are restricted.
 * The job-control statements are the only ones that lift read-only, for one statement.
 */
import type pg from 'pg';
import type { ClusterConfig } from '../config';
import { ApiError } from '../errors';
import { isInternalsRestricted, mapSqlError } from './sql-errors';
import { poolFor } from './pool';

export type Session = pg.PoolClient;

/** What one session may read, and why: shown to the operator wherever it changes an answer. */
export interface SessionInfo {
  /** 'v26.2.0' as `SELECT version()` names it; null when it could not be read. */
  version: string | null;
  /** Whether `allow_unsafe_internals` exists (v25.4+). */
  variable: boolean;
  /** Whether statements naming crdb_internal / system objects may run in this session. */
  internals: 'allowed' | 'restricted';
  /** One sentence: why internals are allowed or restricted here. */
  why: string;
}

const sessions = new WeakMap<pg.PoolClient, SessionInfo>();
const KEY = Symbol.for('crdb-monitor.sql-session-info');
/** The newest SessionInfo per cluster (what its last new connection found), for status answers. */
const latest = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, SessionInfo>()) as Map<string, SessionInfo>;

/** 'CockroachDB CCL v26.2.0 (x86_64…)' → [26, 2, 'v26.2.0']; null when it is not CockroachDB's format. */
export function parseVersion(text: string | null | undefined): { major: number; minor: number; tag: string } | null {
  const m = /\bv(\d+)\.(\d+)(\.\d+\S*)?/.exec(text ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]), tag: `v${m[1]}.${m[2]}${m[3] ?? ''}` } : null;
}

const pgCode = (err: unknown) => (typeof err === 'object' && err !== null ? String((err as { code?: unknown }).code ?? '') : '');
const pgMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Sets up a new physical connection (see the header); throws what CockroachDB said, unmapped. */
async function setUp(cluster: ClusterConfig, c: pg.PoolClient): Promise<SessionInfo> {
  const mode = cluster.unsafeInternals ?? 'auto';
  const results = (await c.query('SET default_transaction_read_only = on; SELECT version() AS version')) as unknown as pg.QueryResult[] | pg.QueryResult;
  const last = Array.isArray(results) ? results.at(-1) : results;
  const version = parseVersion(String((last?.rows[0] as { version?: unknown } | undefined)?.version ?? ''));
  // Before v25.4 there is nothing to set, and nothing is restricted. An unreadable version is probed.
  const before254 = version !== null && (version.major < 25 || (version.major === 25 && version.minor < 4));
  const tag = version?.tag ?? 'this version';
  if (before254) return { version: version.tag, variable: false, internals: 'allowed', why: `CockroachDB ${tag} predates allow_unsafe_internals (v25.4): its internals are not restricted` };
  let refused: string | null = null;
  if (mode !== 'off') {
    try {
      await c.query('SET allow_unsafe_internals = on');
      return { version: version?.tag ?? null, variable: true, internals: 'allowed', why: `the dashboard's sessions set allow_unsafe_internals = on (CRDB_UNSAFE_INTERNALS=${mode}); CockroachDB logs each access to its SENSITIVE_ACCESS channel` };
    } catch (err) {
      if (pgCode(err) === '42704') return { version: version?.tag ?? null, variable: false, internals: 'allowed', why: `CockroachDB ${tag} has no allow_unsafe_internals: its internals are not restricted` };
      if (mode === 'on') throw new ApiError('internals_restricted', `CRDB_UNSAFE_INTERNALS=on, but CockroachDB refused SET allow_unsafe_internals = on: ${pgMessage(err)}. Set CRDB_UNSAFE_INTERNALS=auto to read what SHOW statements show instead.`, err);
      refused = pgMessage(err);
    }
  }
  let value: string;
  try {
    const r = await c.query<{ allow_unsafe_internals: string }>('SHOW allow_unsafe_internals');
    value = String(r.rows[0]?.allow_unsafe_internals ?? 'off');
  } catch (err) {
    if (pgCode(err) !== '42704') throw err;
    return { version: version?.tag ?? null, variable: false, internals: 'allowed', why: `CockroachDB ${tag} has no allow_unsafe_internals: its internals are not restricted` };
  }
  const on = /^(on|true)$/i.test(value);
  const cause = refused !== null ? `CockroachDB refused SET allow_unsafe_internals = on (${refused})` : 'CRDB_UNSAFE_INTERNALS=off';
  return on
    ? { version: version?.tag ?? null, variable: true, internals: 'allowed', why: `${cause}, but the session's own default is on (v25.4's default, or ALTER ROLE … SET allow_unsafe_internals = on)` }
    : { version: version?.tag ?? null, variable: true, internals: 'restricted', why: `${cause}, and the session's default is off (CockroachDB v26.1+ restricts crdb_internal and system by default)` };
}

/** Runs `fn` with a read-only pooled client and what its session may read; errors come out as ApiErrors (lib/sql/sql-errors.ts). */
export async function withReadOnly<T>(cluster: ClusterConfig, doing: string, fn: (c: Session, info: SessionInfo) => Promise<T>): Promise<T> {
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
    let info = sessions.get(client);
    if (!info) {
      try {
        info = await setUp(cluster, client);
      } catch (err) {
        // A half set-up session must not be pooled.
        broken = err instanceof Error ? err : new Error(String(err));
        throw err;
      }
      sessions.set(client, info);
      latest.set(cluster.id, info);
    }
    return await fn(client, info);
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

/** What the newest session of this cluster found (null before the first connection). */
export function lastSessionInfo(cluster: ClusterConfig): SessionInfo | null {
  return latest.get(cluster.id) ?? null;
}

/**
 * Runs `primary` where the session may read internals, else `fallback`; a primary that CockroachDB
 * denies anyway (the role's setting changed, an object outside the allowlist) also falls back.
 */
export async function withInternals<T>(info: SessionInfo, primary: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
  if (info.internals === 'restricted') return fallback();
  try {
    return await primary();
  } catch (err) {
    if (!isInternalsRestricted(err)) throw err;
    info.internals = 'restricted';
    info.why = `CockroachDB denied this session's access to its internals (${pgMessage(err)})`;
    return fallback();
  }
}

/** One writing statement (PAUSE/RESUME/CANCEL JOB) on a read-only client, the session restored after. */
export async function runWriting(c: Session, text: string, values: unknown[]): Promise<pg.QueryResult> {
  await c.query('SET default_transaction_read_only = off');
  try {
    return await c.query(text, values);
  } finally {
    // If restoring fails, forget the session was set up so its next use sets it up again; the
    // statement's own error (if any) is the one to report.
    await c.query('SET default_transaction_read_only = on').catch(() => sessions.delete(c));
  }
}
