/**
 * Every pg / CockroachDB error becomes an ApiError here, in one place (cluster-ui's
 * `isPrivilegeError` does the same for 42501, which also covers v26.1's restricted internals: told
 * apart here by the message). The raw error is kept as the cause (logged on the
 * server); the message names what we were doing and never carries the connection string.
 */
import { ApiError } from '../errors';

interface PgLikeError {
  code?: string;
  message?: string;
}

// Node's socket errors and pg's own: the server could not be reached or stopped answering.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);
const NETWORK_TEXT = /connection terminated|timeout exceeded when trying to connect|connection timeout|query read timeout|server closed the connection|Connection terminated unexpectedly/i;

/**
 * CockroachDB v25.4+ denies a session without allow_unsafe_internals access to crdb_internal and
 * system with the same SQLSTATE as a missing privilege (42501): only the message tells them apart
 * (reference §e: "Access to crdb_internal and system is restricted.").
 */
const RESTRICTED_TEXT = /access to crdb_internal and system is restricted/i;

export function isInternalsRestricted(err: unknown): boolean {
  const e = (typeof err === 'object' && err !== null ? err : {}) as PgLikeError;
  return (e.code === '42501' && RESTRICTED_TEXT.test(e.message ?? '')) || (err instanceof ApiError && err.code === 'internals_restricted');
}

/** What to grant for a missing privilege, by what was being read (jobs unless said otherwise). */
export const JOBS_PRIVILEGE_HINT =
  "The dashboard's SQL user needs the VIEWJOB privilege (GRANT SYSTEM VIEWJOB TO <user>) or admin to see every job; CONTROLJOB to pause, resume or cancel.";

export function mapSqlError(err: unknown, doing: string, privilegeHint: string = JOBS_PRIVILEGE_HINT): ApiError {
  if (err instanceof ApiError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as PgLikeError;
  const code = e.code ?? '';
  const message = (e.message ?? String(err)).replace(/postgres(ql)?:\/\/\S+/gi, '<sql url>');
  if (isInternalsRestricted(err)) {
    return new ApiError(
      'internals_restricted',
      `while ${doing}: this needs allow_unsafe_internals — CockroachDB (v26.1+ by default) restricts crdb_internal and system for this session ("${message}"). ` +
        'Not a missing privilege: set CRDB_UNSAFE_INTERNALS=auto (the default) or on, or have an administrator run ALTER ROLE <user> SET allow_unsafe_internals = on.',
      err,
    );
  }
  if (code === '42501') return new ApiError('insufficient_privilege', `while ${doing}: CockroachDB refused: ${message}. ${privilegeHint}`, err);
  // 57014 query_canceled: statement_timeout fired; 57P01..03: the node is shutting down / cannot connect now;
  // 08xxx connection exceptions.
  if (NETWORK_CODES.has(code) || NETWORK_TEXT.test(message) || code === '57014' || code.startsWith('57P') || code.startsWith('08')) {
    const why = code === '57014' ? `the statement ran into the dashboard's timeout` : `the SQL interface is unreachable (${message})`;
    return new ApiError('sql_unavailable', `while ${doing}: ${why}. Metrics pages keep working from the nodes' /_status/vars.`, err);
  }
  return new ApiError('sql_error', `while ${doing}: CockroachDB answered: ${message}${code ? ` (SQLSTATE ${code})` : ''}`, err);
}
