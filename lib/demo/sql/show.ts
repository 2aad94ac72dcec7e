import type { CrdbVersion } from '../types';
import {
  jobsForSchedulesIds, showBackupSql, showBackupsSql, showJobsSql, showSchedulesSql,
  type ScheduleExecutor, type WhichSchedules,
} from './columns';
import { Cursor, syntaxError, unsupported, type Plan } from './plan';
import type { Tok } from './lexer';
import { varName } from './session';

/** SHOW statements CockroachDB has that the demo cluster does not implement (→ 0A000, not 42601). */
const UNSUPPORTED_SHOW = new Set([
  'TABLES', 'DATABASES', 'SCHEMAS', 'USERS', 'ROLES', 'GRANTS', 'RANGES', 'RANGE', 'REGIONS', 'SESSIONS',
  'QUERIES', 'STATEMENTS', 'CREATE', 'INDEXES', 'INDEX', 'KEYS', 'COLUMNS', 'CONSTRAINTS', 'ZONE',
  'STATISTICS', 'HISTOGRAM', 'PARTITIONS', 'TYPES', 'ENUMS', 'FUNCTIONS', 'SEQUENCES', 'TRACE',
  'SAVEPOINT', 'SURVIVAL', 'LOCALITY', 'SYNTAX', 'DEFAULT', 'FULL', 'LAST', 'LOGICAL', 'VIRTUAL',
  'TENANT', 'TENANTS', 'EXTERNAL', 'POLICIES', 'TRIGGERS', 'COMMIT', 'TRANSACTIONS', 'CHANGEFEED',
  'CLUSTER', 'PUBLIC', 'SUPER', 'CURRENT_ROLES', 'JOB_EXECUTION_DETAILS',
]);

const sql = (s: string, tag: string): Plan => ({ kind: 'sql', sql: s, tag });

/** Rewrites a statement's tail (rewrite.ts rewriteSql), passed in: rewrite.ts parses SHOW through here, so an import would be a circle. */
export type RewriteTail = (toks: Tok[], v: CrdbVersion) => string | Plan;

/** Parses a SHOW statement; the cursor is at SHOW. */
export function parseShow(c: Cursor, v: CrdbVersion, rewriteSql: RewriteTail): Plan {
  c.accept('SHOW');
  const rest = (): string | Plan => {
    const r = rewriteSql(c.restToks(), v);
    if (typeof r !== 'string') return r;
    return r.trim() ? r.trim() : syntaxError(undefined);
  };

  if (c.accept('AUTOMATIC', 'JOBS')) return c.done ? sql(showJobsSql(v, 'automatic'), 'SHOW JOBS') : syntaxError(c.peek()?.text);
  if (c.accept('JOBS') || c.word() === 'JOB') {
    const single = c.accept('JOB');
    if (!single && c.done) return sql(showJobsSql(v, 'listing'), 'SHOW JOBS');
    if (c.word() === 'WHEN') return unsupported('SHOW JOBS WHEN COMPLETE');
    if (c.word() === 'WITH' && c.word(1) === 'EXECUTION') return unsupported('SHOW JOBS WITH EXECUTION DETAILS');
    if (!single && c.accept('FOR')) {
      if (!c.accept('SCHEDULES') && !c.accept('SCHEDULE')) return syntaxError(c.peek()?.text);
      const r = rest();
      return typeof r === 'string' ? sql(showJobsSql(v, 'ids', jobsForSchedulesIds(r)), 'SHOW JOBS') : r;
    }
    const r = rest();
    return typeof r === 'string' ? sql(showJobsSql(v, 'ids', r), 'SHOW JOBS') : r;
  }

  let which: WhichSchedules = 'all';
  if (c.word(1) === 'SCHEDULES' && c.accept('RUNNING')) which = 'running';
  else if (c.word(1) === 'SCHEDULES' && c.accept('PAUSED')) which = 'paused';
  if (c.accept('SCHEDULES')) {
    let exec: ScheduleExecutor = 'any';
    if (c.accept('FOR')) {
      if (c.accept('BACKUP')) exec = 'backup';
      else if (c.accept('SQL', 'STATISTICS') || c.accept('CHANGEFEED')) exec = 'other';
      else return syntaxError(c.peek()?.text);
    }
    return c.done ? sql(showSchedulesSql(which, exec), 'SHOW SCHEDULES') : syntaxError(c.peek()?.text);
  }
  if (c.accept('SCHEDULE')) {
    const r = rest();
    return typeof r === 'string' ? sql(showSchedulesSql('all', 'any', r), 'SHOW SCHEDULES') : r;
  }

  if (c.accept('BACKUPS')) {
    if (!c.accept('IN')) return syntaxError(c.peek()?.text);
    const coll = valueToken(c);
    if (!coll || !c.done) return syntaxError(c.peek()?.text);
    return sql(showBackupsSql(coll), 'SHOW BACKUP');
  }
  if (c.accept('BACKUP')) return parseShowBackup(c);

  if (c.accept('CLUSTER', 'SETTING')) {
    // The one cluster setting a monitoring client commonly reads; CRDB prints the cluster version ("24.3").
    if (c.word() === 'VERSION' && c.p === c.sig.length - 1) return sql(`SELECT '${v}'::text AS version`, 'SHOW');
    return unsupported('SHOW CLUSTER SETTING');
  }
  if (c.accept('ALL')) return c.done ? { kind: 'show_var', name: '*' } : syntaxError(c.peek()?.text);
  if (UNSUPPORTED_SHOW.has(c.word())) return unsupported(`SHOW ${c.word()}`);
  const name = varName(c);
  if (!name || !c.done) return syntaxError(c.peek()?.text);
  return { kind: 'show_var', name };
}

/** A string literal or $n, as SQL text. */
function valueToken(c: Cursor): string | undefined {
  const t = c.peek();
  if (t?.kind !== 'str' && t?.kind !== 'param') return undefined;
  c.next();
  return t.text;
}

/** Options SHOW BACKUP accepts that do not change this emulation's output. */
const IGNORED_BACKUP_OPTIONS = new Set(['INCREMENTAL_LOCATION', 'KMS', 'ENCRYPTION_PASSPHRASE', 'ENCRYPTION_INFO_DIR']);

/**
 * SHOW BACKUP [FROM] <LATEST | 'subdir'> IN '<collection>' [WITH check_files, …]
 * (CRDB docs show-backup.md; the FROM keyword is optional in the grammar, the check_files example omits it).
 */
function parseShowBackup(c: Cursor): Plan {
  const kind = c.word();
  if (['SCHEMAS', 'FILES', 'RANGES', 'VALIDATE', 'CONNECTION'].includes(kind)) return unsupported(`SHOW BACKUP ${kind}`);
  c.accept('FROM');
  const subdir = c.accept('LATEST') ? `'LATEST'` : valueToken(c);
  if (!subdir) return syntaxError(c.peek()?.text);
  // Pre-collection syntax `SHOW BACKUP '<full URI>'` was deprecated in 22.x and removed in 24.3 (#133610).
  if (!c.accept('IN')) return unsupported('SHOW BACKUP without IN <collection>');
  const coll = valueToken(c);
  if (!coll) return syntaxError(c.peek()?.text);
  let checkFiles = false;
  if (c.accept('WITH')) {
    const parenthesized = c.accept('OPTIONS');
    if (parenthesized && c.peek()?.text === '(') c.next();
    while (!c.done && c.peek()?.text !== ')') {
      const opt = c.next()?.up ?? '';
      if (c.peek()?.text === '=') c.p += 2;
      if (opt === 'CHECK_FILES') checkFiles = true;
      else if (!IGNORED_BACKUP_OPTIONS.has(opt)) return unsupported(`SHOW BACKUP option ${opt.toLowerCase()}`);
      if (c.peek()?.text === ',') c.next();
    }
    if (c.peek()?.text === ')') c.next();
  }
  if (!c.done) return syntaxError(c.peek()?.text);
  return sql(showBackupSql(coll, subdir, checkFiles), 'SHOW BACKUP');
}
