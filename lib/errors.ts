/**
 * One error type for everything the API reports, one code → HTTP status table, one body shape
 * `{error: {code, message}}`. Messages are written for the operator and never carry a stack, a
 * connection string or a password; the raw cause is logged on the server only.
 */
import { causeText, logThrottled } from './log-throttle';

export const ERROR_STATUS = {
  bad_request: 400,
  // Access control (lib/auth): not signed in; signed in without the role (or from an untrusted
  // proxy); a state-changing request from another site; too many failed sign-ins.
  unauthenticated: 401,
  forbidden: 403,
  cross_site: 403,
  too_many_attempts: 429,
  not_found: 404,
  // The route exists but not for this HTTP method (the answer names the ones it serves in Allow).
  method_not_allowed: 405,
  unknown_cluster: 404,
  unknown_node: 404,
  sql_unavailable: 503,
  sql_not_configured: 503,
  // CockroachDB refused for lack of a privilege (SQLSTATE 42501), e.g. VIEWJOB / CONTROLJOB.
  insufficient_privilege: 403,
  // CockroachDB v25.4+ restricted crdb_internal/system for the session (allow_unsafe_internals off): same
  // SQLSTATE 42501, another fix (lib/sql/sql-errors.ts).
  internals_restricted: 403,
  // CockroachDB answered with an error of its own (its message is passed on).
  sql_error: 502,
  // Job control is off (ENABLE_JOB_CONTROL is not "true").
  job_control_disabled: 403,
  // PAUSE/RESUME/CANCEL JOB was refused by CockroachDB (e.g. the job is not in a state that allows it).
  job_control_failed: 409,
  node_unavailable: 502,
  // The history backend (Prometheus) did not answer: live values keep working.
  history_unavailable: 503,
  unavailable: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}

/**
 * Any thrown value → a JSON Response; unknown errors become a bland 500 and are logged. Server-side
 * failures (5xx) are logged one line per code and message class per minute, with the cause's words
 * and no stack; only an unexpected error (a bug) keeps its stack.
 */
export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) {
    if (err.status >= 500) {
      const cause = causeText(err.cause);
      // The class: the code and what was being done ("while listing schedules"), not the varying detail.
      logThrottled(`${err.code}:${err.message.split(':')[0]}`, `${err.code}: ${err.message}${cause && !err.message.includes(cause) ? ` (cause: ${cause})` : ''}`);
    }
    return Response.json(errorBody(err.code, err.message), { status: err.status });
  }
  if (logThrottled(`internal:${causeText(err)}`, `unexpected error: ${causeText(err)}`)) console.error(err);
  return Response.json(errorBody('internal', 'the dashboard hit an unexpected error; see its log'), { status: 500 });
}

/** Runs a handler body; its value becomes JSON, its error the error body. */
export async function respond(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const out = await fn();
    return out instanceof Response ? out : Response.json(out, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    return errorResponse(err);
  }
}
