import type { CrdbVersion } from '../types';
import { jobsForSchedulesIds } from './columns';
import { isBlank, matchClose, splitStatements, stringValue, tokenize, type Tok } from './lexer';
import { Cursor, syntaxError, unsupported, type Plan, type ValueRef } from './plan';
import { parseSession } from './session';
import { parseShow } from './show';
import { gateInternals } from './unsafe-internals';

export type { Plan } from './plan';

/**
 * Rewrites every statement of a query string (simple protocol: several statements allowed).
 * `internals`: whether the session may name crdb_internal/system objects (allow_unsafe_internals, v25.4+).
 */
export function rewriteQuery(sql: string, v: CrdbVersion, opts: { internals?: boolean; user?: string } = {}): Plan[] {
  const allowed = opts.internals ?? true;
  return splitStatements(tokenize(sql)).map((s) => gateInternals(s, allowed, () => rewriteStatement(s, v), opts.user));
}

/** Statement keywords that only CockroachDB has and the demo cluster does not implement. */
const CRDB_ONLY = new Set([
  'BACKUP', 'RESTORE', 'IMPORT', 'EXPORT', 'EXPERIMENTAL', 'SCRUB', 'SPLIT', 'UNSPLIT', 'RELOCATE',
  'UPSERT', 'CONFIGURE', 'INSPECT',
]);

export function rewriteStatement(toks: Tok[], v: CrdbVersion): Plan {
  const c = new Cursor(toks);
  const first = c.word();
  switch (first) {
    case 'SHOW':
      return parseShow(c, v, rewriteSql);
    case 'PAUSE':
    case 'RESUME':
    case 'CANCEL':
      return parseControl(c, v);
    case 'BEGIN': case 'START': case 'COMMIT': case 'END': case 'ROLLBACK': case 'ABORT':
    case 'SAVEPOINT': case 'RELEASE': case 'SET': case 'RESET': case 'PREPARE': case 'DEALLOCATE': case 'DISCARD':
      return parseSession(c);
    case 'DROP':
      if (c.word(1) === 'SCHEDULE' || c.word(1) === 'SCHEDULES') return unsupported('DROP SCHEDULE');
      break;
    case 'CREATE':
      if (c.word(1) === 'SCHEDULE' || c.word(1) === 'CHANGEFEED') return unsupported(`CREATE ${c.word(1)}`);
      break;
    case 'ALTER':
      if (['BACKUP', 'CHANGEFEED', 'RANGE', 'PARTITION'].includes(c.word(1))) return unsupported(`ALTER ${c.word(1)}`);
      break;
    case 'COPY':
      // COPY … FROM STDIN would put the shared session into copy-in mode.
      if (c.findWord('FROM') >= 0) return unsupported('COPY FROM');
      break;
  }
  if (CRDB_ONLY.has(first)) return unsupported(first);
  const sql = rewriteSql(toks, v);
  return typeof sql === 'string' ? { kind: 'sql', sql } : sql;
}

/**
 * Rewrites CockroachDB-only syntax inside an otherwise Postgres-compatible statement:
 * `[SHOW …]` and `(SHOW …)` subqueries (CRDB docs: "SELECT … FROM [SHOW JOBS]", "WITH x AS (SHOW JOBS)"),
 * the `:::` type annotation, CRDB type names after `::` (STRING, and INT which is INT8 in CockroachDB),
 * CURRENT_TIMESTAMP (→ the cluster clock) and `AS OF SYSTEM TIME <x>` (dropped: the mirror has one version).
 */
export function rewriteSql(toks: Tok[], v: CrdbVersion): string | Plan {
  let out = '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'punct' && (t.text === '[' || t.text === '(')) {
      const j = nextSig(toks, i + 1);
      if (j >= 0 && toks[j].kind === 'word' && toks[j].up === 'SHOW') {
        const close = matchClose(toks, i);
        if (close < 0) return syntaxError(undefined);
        const inner = parseShow(new Cursor(toks.slice(j, close)), v, rewriteSql);
        if (inner.kind === 'error') return inner;
        if (inner.kind !== 'sql') return unsupported('this SHOW statement as a data source');
        out += `(${inner.sql})`;
        i = close;
        continue;
      }
    }
    if (t.kind === 'op' && t.text === ':::') {
      out += '::';
      continue;
    }
    if (t.kind === 'word') {
      const prev = prevSig(toks, i);
      if (prev >= 0 && toks[prev].kind === 'op' && toks[prev].text.startsWith('::')) {
        out += ({ STRING: 'text', INT: 'int8', INTEGER: 'int8', BYTES: 'bytea' } as Record<string, string>)[t.up] ?? t.text;
        continue;
      }
      const dotted = prev >= 0 && toks[prev].text === '.';
      if (t.up === 'CURRENT_TIMESTAMP' && !dotted) {
        out += 'crdb.now()';
        continue;
      }
      if (t.up === 'AS' && wordsAt(toks, i, ['AS', 'OF', 'SYSTEM', 'TIME'])) {
        i = skipAsOf(toks, i);
        continue;
      }
    }
    out += t.text;
  }
  return out;
}

function nextSig(toks: Tok[], from: number): number {
  for (let i = from; i < toks.length; i++) if (!isBlank(toks[i])) return i;
  return -1;
}

function prevSig(toks: Tok[], from: number): number {
  for (let i = from - 1; i >= 0; i--) if (!isBlank(toks[i])) return i;
  return -1;
}

function wordsAt(toks: Tok[], i: number, words: string[]): boolean {
  let k = i;
  for (const w of words) {
    if (k < 0 || toks[k].kind !== 'word' || toks[k].up !== w) return false;
    k = nextSig(toks, k + 1);
  }
  return true;
}

/** Returns the index of the last token of `AS OF SYSTEM TIME <string | $n | f(...) | -interval>`. */
function skipAsOf(toks: Tok[], i: number): number {
  let k = i;
  for (let w = 0; w < 4; w++) k = nextSig(toks, k + 1);
  if (k < 0) return toks.length - 1;
  if (toks[k].kind === 'word') {
    const open = nextSig(toks, k + 1);
    if (open >= 0 && toks[open].text === '(') return Math.max(matchClose(toks, open), open);
  }
  return k;
}

/** A value position that takes a literal or a placeholder (`WITH REASON = …`). */
function valueRef(t: Tok | undefined): ValueRef | undefined {
  if (t?.kind === 'str') return { literal: stringValue(t) };
  if (t?.kind === 'param') return { param: Number(t.text.slice(1)) };
  return undefined;
}

/** The statuses a job must have for the command to apply (CRDB pkg/sql/delegate/job_control.go). */
const CONTROLLABLE: Record<'PAUSE' | 'RESUME' | 'CANCEL', string> = {
  PAUSE: `'pending', 'running', 'reverting'`,
  RESUME: `'paused'`,
  CANCEL: `'pending', 'running', 'paused'`,
};

/**
 * PAUSE|RESUME|CANCEL JOB <id> [WITH REASON = '…'] | JOBS <select> | JOBS FOR SCHEDULE(S) <ids>
 * | ALL <type> JOBS; PAUSE|RESUME SCHEDULE <id> | SCHEDULES <select>  (CRDB docs pause-job.md etc.).
 */
function parseControl(c: Cursor, v: CrdbVersion): Plan {
  const op = c.next()?.up as 'PAUSE' | 'RESUME' | 'CANCEL';
  const sub = (toks: Tok[]) => {
    const r = rewriteSql(toks, v);
    return typeof r === 'string' ? r.trim() : r;
  };
  if (c.accept('ALL')) {
    const type = c.next();
    if (!type || !c.accept('JOBS') || !c.done) return syntaxError(c.peek()?.text);
    const idsSql = `SELECT id FROM system.jobs WHERE job_type = '${type.up.replace(/'/g, "''")}' AND status IN (${CONTROLLABLE[op]})`;
    return { kind: 'control', target: 'job', op, idsSql, tag: `${op} ALL ${type.up} JOBS` };
  }
  const noun = c.word();
  if (op === 'CANCEL' && ['QUERY', 'QUERIES', 'SESSION', 'SESSIONS'].includes(noun)) return unsupported(`CANCEL ${noun}`);
  if (noun === 'SCHEDULE' || noun === 'SCHEDULES') {
    if (op === 'CANCEL') return syntaxError(c.peek()?.text);
    c.next();
    const rest = sub(c.restToks());
    if (typeof rest !== 'string') return rest;
    if (!rest) return syntaxError(undefined);
    const idsSql = noun === 'SCHEDULE' ? `SELECT (${rest})` : rest;
    return { kind: 'control', target: 'schedule', op, idsSql, tag: `${op} SCHEDULES` };
  }
  if (noun !== 'JOB' && noun !== 'JOBS') return syntaxError(c.peek()?.text);
  c.next();
  if (noun === 'JOBS' && c.accept('FOR')) {
    const which = c.next()?.up;
    if (which !== 'SCHEDULE' && which !== 'SCHEDULES') return syntaxError(c.peek(-1)?.text);
    const rest = sub(c.restToks());
    if (typeof rest !== 'string') return rest;
    const idsSql = `${jobsForSchedulesIds(rest)} AND status IN (${CONTROLLABLE[op]})`;
    return { kind: 'control', target: 'job', op, idsSql, tag: `${op} JOBS FOR SCHEDULES` };
  }
  let reason: ValueRef | undefined;
  let end = c.sig.length;
  const withAt = c.findWord('WITH');
  if (op === 'PAUSE' && withAt > c.p && c.word(withAt - c.p + 1) === 'REASON') {
    // PAUSE JOB x WITH REASON = 'text' (docs: "stores the reason in the job's metadata").
    const eq = c.peek(withAt - c.p + 2);
    reason = valueRef(c.peek(withAt - c.p + (eq?.text === '=' ? 3 : 2)));
    if (!reason) return syntaxError(eq?.text);
    end = withAt;
  }
  const rest = sub(c.restToks(end));
  if (typeof rest !== 'string') return rest;
  if (!rest) return syntaxError(undefined);
  const idsSql = noun === 'JOB' ? `SELECT (${rest})` : rest;
  return { kind: 'control', target: 'job', op, idsSql, reason, tag: `${op} JOBS` };
}
