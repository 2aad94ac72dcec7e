/** Jobs as CSV (RFC 4180): every field quoted when it needs to be, CRLF line ends, header first. */
import type { JobRow } from './job-row';

export const CSV_COLUMNS = [
  'job_id', 'job_type', 'description', 'user_name', 'status', 'running_status', 'created', 'started', 'finished',
  'modified', 'fraction_completed', 'error', 'coordinator_id', 'execution_errors',
] as const satisfies readonly (keyof JobRow)[];

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join('\n') : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet: quote-prefix it (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function jobsCsv(jobs: readonly JobRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const j of jobs) lines.push(CSV_COLUMNS.map((c) => field(j[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
