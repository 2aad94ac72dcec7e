import { unsafeInternalsDefault, VERSION_STRINGS, type CrdbVersion } from '../types';
import { isBlank, stringValue } from './lexer';
import { Cursor, syntaxError, unsupported, type Plan } from './plan';

/**
 * Session state the connection keeps for itself (PGlite is one shared session): SET/SHOW of session
 * variables and the transaction keywords. Transactions are emulated per connection (status byte,
 * aborted state) while statements autocommit on PGlite, so one client's BEGIN … error can never
 * leave the shared session inside a failed transaction.
 */

/** Variables whose value matters to PGlite's output; the connection SETs them on PGlite before its statements. */
export const APPLIED_VARS = ['timezone', 'extra_float_digits', 'intervalstyle'] as const;

const ALIASES: Record<string, string> = {
  'time zone': 'timezone',
  names: 'client_encoding',
  schema: 'search_path',
  'transaction isolation level': 'transaction_isolation',
};

/**
 * Defaults as a CockroachDB node reports them (pkg/sql/vars.go: server_version "13.0.0",
 * integer_datetimes "on", DateStyle "ISO, MDY", default isolation serializable,
 * max_identifier_length 128, `crdb_version` = the build's version string).
 */
export function defaultVars(v: CrdbVersion, startup: Record<string, string>): Map<string, string> {
  const unsafe = unsafeInternalsDefault(v);
  return new Map<string, string>([
    // v25.4+ only (on in 25.4, off from 26.1); before 25.4 SET/SHOW of it is an unknown variable.
    ...(unsafe === null ? [] : [['allow_unsafe_internals', unsafe] as [string, string]]),
    ['application_name', startup.application_name ?? ''],
    ['client_encoding', 'UTF8'],
    ['crdb_version', VERSION_STRINGS[v]],
    ['database', startup.database ?? 'defaultdb'],
    ['datestyle', 'ISO, MDY'],
    ['default_transaction_isolation', 'serializable'],
    ['default_transaction_read_only', 'off'],
    ['extra_float_digits', '1'],
    ['integer_datetimes', 'on'],
    ['intervalstyle', 'postgres'],
    ['is_superuser', 'on'],
    ['lock_timeout', '0'],
    ['max_identifier_length', '128'],
    ['node_id', '1'],
    ['search_path', '"$user", public'],
    ['server_encoding', 'UTF8'],
    ['server_version', '13.0.0'],
    ['server_version_num', '130000'],
    ['session_user', startup.user ?? 'root'],
    ['standard_conforming_strings', 'on'],
    ['statement_timeout', '0'],
    ['idle_in_transaction_session_timeout', '0'],
    ['timezone', 'UTC'],
    ['transaction_isolation', 'serializable'],
    ['transaction_read_only', 'off'],
    ['user', startup.user ?? 'root'],
  ]);
}

/** ParameterStatus messages a CockroachDB node sends after authentication (pkg/sql/pgwire/conn.go
 *  statusReportParams, plus crdb_version which drivers use to detect CockroachDB). */
export function startupParameterStatus(vars: Map<string, string>): [string, string][] {
  return [
    ['application_name', vars.get('application_name') ?? ''],
    ['client_encoding', 'UTF8'],
    ['DateStyle', 'ISO, MDY'],
    ['default_transaction_isolation', 'serializable'],
    ['integer_datetimes', 'on'],
    ['IntervalStyle', 'postgres'],
    ['is_superuser', 'on'],
    ['server_encoding', 'UTF8'],
    ['server_version', '13.0.0'],
    ['session_authorization', vars.get('user') ?? 'root'],
    ['standard_conforming_strings', 'on'],
    ['TimeZone', 'UTC'],
    ['crdb_version', vars.get('crdb_version') ?? ''],
  ];
}

const txn = (op: 'begin' | 'commit' | 'rollback' | 'rollback_to' | 'noop', tag: string): Plan => ({ kind: 'txn', op, tag });

/** BEGIN/START/COMMIT/END/ROLLBACK/ABORT/SAVEPOINT/RELEASE, SET/RESET, PREPARE, DEALLOCATE, DISCARD. */
export function parseSession(c: Cursor): Plan {
  const first = c.next()?.up ?? '';
  switch (first) {
    case 'BEGIN':
      return txn('begin', 'BEGIN');
    case 'START':
      return c.accept('TRANSACTION') ? txn('begin', 'BEGIN') : syntaxError(c.peek()?.text);
    case 'COMMIT':
    case 'END':
      return c.word() === 'PREPARED' ? unsupported('COMMIT PREPARED') : txn('commit', 'COMMIT');
    case 'ABORT':
      return txn('rollback', 'ROLLBACK');
    case 'ROLLBACK':
      if (!c.accept('TRANSACTION')) c.accept('WORK');
      if (c.word() === 'PREPARED') return unsupported('ROLLBACK PREPARED');
      return c.accept('TO') ? txn('rollback_to', 'ROLLBACK') : txn('rollback', 'ROLLBACK');
    case 'SAVEPOINT':
      return txn('noop', 'SAVEPOINT');
    case 'RELEASE':
      return txn('noop', 'RELEASE');
    case 'PREPARE':
      return unsupported('PREPARE');
    case 'DEALLOCATE':
      return txn('noop', c.word() === 'ALL' || c.word(1) === 'ALL' ? 'DEALLOCATE ALL' : 'DEALLOCATE');
    case 'DISCARD':
      return txn('noop', `DISCARD ${c.word() || 'ALL'}`);
    case 'RESET':
      return c.accept('ALL') ? { kind: 'set', name: '*', value: null, tag: 'RESET' } : resetVar(c);
    case 'SET':
      return parseSet(c);
  }
  return syntaxError(first);
}

function resetVar(c: Cursor): Plan {
  const name = varName(c);
  return name ? { kind: 'set', name, value: null, tag: 'RESET' } : syntaxError(c.peek()?.text);
}

function parseSet(c: Cursor): Plan {
  if (c.word() === 'CLUSTER') return unsupported('SET CLUSTER SETTING');
  if (c.word() === 'TRACING') return unsupported('SET TRACING');
  if (c.accept('TRANSACTION') || c.accept('SESSION', 'CHARACTERISTICS')) return txn('noop', 'SET');
  if (!c.accept('SESSION')) c.accept('LOCAL');
  if (c.accept('SESSION', 'AUTHORIZATION')) return txn('noop', 'SET');
  const name = varName(c);
  if (!name) return syntaxError(c.peek()?.text);
  const assigned = c.accept('TO') || (c.peek()?.text === '=' && c.next() !== undefined);
  // SET TIME ZONE x / SET NAMES x / SET SCHEMA x take no `=`.
  if (!assigned && !['timezone', 'client_encoding', 'search_path'].includes(name)) return syntaxError(c.peek()?.text);
  const valueToks = c.restToks().filter((t) => !isBlank(t));
  if (valueToks.length === 0) return syntaxError(undefined);
  // SET x = DEFAULT and SET TIME ZONE LOCAL restore the default.
  if (valueToks.length === 1 && (valueToks[0].up === 'DEFAULT' || (name === 'timezone' && valueToks[0].up === 'LOCAL'))) {
    return { kind: 'set', name, value: null, tag: 'SET' };
  }
  const value = valueToks
    .map((t) => (t.kind === 'str' ? stringValue(t) : t.kind === 'qid' ? t.text.slice(1, -1) : t.text))
    .join(' ')
    .replace(/ , /g, ', ');
  return { kind: 'set', name, value, tag: 'SET' };
}

/** Reads a (possibly dotted or multi-word) variable name and returns its canonical lower-case form. */
export function varName(c: Cursor): string {
  for (const [alias, canonical] of Object.entries(ALIASES)) {
    const words = alias.toUpperCase().split(' ');
    if (c.accept(...words)) return canonical;
  }
  const parts: string[] = [];
  while (!c.done) {
    const t = c.peek();
    if (!t || (t.kind !== 'word' && t.kind !== 'qid')) break;
    parts.push(t.kind === 'qid' ? t.text.slice(1, -1) : t.text);
    c.next();
    if (c.peek()?.text !== '.') break;
    c.next();
  }
  return parts.join('.').toLowerCase();
}
