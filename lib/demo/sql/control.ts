import type { ClusterState } from '../cluster-state';
import { DemoSqlError } from '../types';
import { join, quoteLiteral, tokenize } from './lexer';
import type { ControlPlan } from './plan';

/**
 * PAUSE/RESUME/CANCEL JOB(S) and PAUSE/RESUME SCHEDULE(S): the ids come from a query run on the mirror
 * (literal, $n, or a SELECT such as `WITH x AS (SHOW JOBS) SELECT job_id FROM x …`), then each id goes
 * to the ClusterState's control method, which throws DemoSqlError with CockroachDB's SQLSTATE.
 */

export type ControlResult = { ok: true; tag: string } | { ok: false; code: string; message: string };

/** Runs a parameterless query on PGlite and returns its rows as text (or the error). */
export type RowsRunner = (sql: string) => Promise<{ rows: (string | null)[][] } | { code: string; message: string }>;

/** Replaces $n placeholders with the bound values as untyped literals, so PGlite infers their types
 *  from context (`job_id IN ('123')` works like `job_id IN ($1)` with an int8 parameter). */
export function substituteParams(sql: string, params: (string | null)[]): string {
  return join(
    tokenize(sql).map((t) => {
      if (t.kind !== 'param') return t;
      const v = params[Number(t.text.slice(1)) - 1];
      return { ...t, text: v === undefined || v === null ? 'NULL' : quoteLiteral(v) };
    }),
  );
}

export async function runControl(
  plan: ControlPlan,
  state: ClusterState,
  params: (string | null)[],
  rows: RowsRunner,
): Promise<ControlResult> {
  const idsSql = `SELECT (x)::text FROM (${substituteParams(plan.idsSql, params)}) AS t(x)`;
  const res = await rows(idsSql);
  if ('code' in res) return { ok: false, ...res };
  const reason = plan.reason === undefined ? undefined : 'literal' in plan.reason ? plan.reason.literal : (params[plan.reason.param - 1] ?? undefined);
  let n = 0;
  try {
    for (const [id] of res.rows) {
      if (id === null) continue;
      if (plan.target === 'schedule') {
        if (plan.op === 'PAUSE') state.pauseSchedule(id);
        else state.resumeSchedule(id);
      } else if (plan.op === 'PAUSE') state.pauseJob(id, reason);
      else if (plan.op === 'RESUME') state.resumeJob(id);
      else state.cancelJob(id);
      n++;
    }
  } catch (e) {
    if (e instanceof DemoSqlError) return { ok: false, code: e.sqlState, message: e.message };
    return { ok: false, code: 'XX000', message: e instanceof Error ? e.message : String(e) };
  }
  // pgwire cookTag: RowsAffected statements get " <count>" appended ("PAUSE JOBS 1").
  return { ok: true, tag: `${plan.tag} ${n}` };
}
