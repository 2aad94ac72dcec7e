/** Jobs as CSV (RFC 4180): every field quoted when it needs to be, CRLF line ends, header first. */
import type { JobRow } from './job-row';

export const CSV_COLUMNS = [
  'job_id', 'job_type', 'description', 'user_name', 'status', 'running_status', 'created', 'started', 'finished',
  'modified', 'fraction_completed', 'error', 'coordinator_id', 'execution_errors',
] as const satisfies readonly (keyof JobRow)[];

/**
 * A cell a spreadsheet would run as a formula starts with = + - @, a tab or a CR (OWASP "CSV
 * Injection"), or their full-width forms, which some locales of Excel read the same. Such a cell
 * gets a leading `'` and is quoted, as OWASP recommends. Only a cell that is a whole plain number
 * (`-1`, `-0.5`) keeps its sign: `-1+cmd|' /C calc'!A0` starts with a digit too, and is neutralised.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join('\n') : String(v);
  const formula = FORMULA_START.test(s) && !PLAIN_NUMBER.test(s);
  const safe = formula ? `'${s}` : s;
  return formula || /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function jobsCsv(jobs: readonly JobRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const j of jobs) lines.push(CSV_COLUMNS.map((c) => csvField(j[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
