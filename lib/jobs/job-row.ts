/**
 * A job as the API returns it: CockroachDB's column names, INT8 ids as strings, times as UTC
 * ISO-8601, and null for whatever this version does not have (never an error).
 */
import type { JobRow } from '../api/types/jobs';

export type { JobRow };

export const TIME_COLUMNS = new Set(['created', 'started', 'finished', 'modified', 'last_run', 'next_run']);

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};

/** Postgres text[] arrives parsed; a CockroachDB STRING[] printed as text ("{a,b}") is tolerated too. */
export function stringArray(v: unknown): string[] | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map((x) => String(x));
  const s = String(v);
  if (s === '{}' || s === '') return [];
  return [s];
}

/** `iso` turns the database's timestamp text into ISO-8601 (lib/sql/pg-types.ts). */
export function toJobRow(raw: Record<string, unknown>, iso: (v: unknown) => string | null): JobRow {
  return {
    job_id: String(raw.job_id),
    job_type: str(raw.job_type),
    description: str(raw.description),
    user_name: str(raw.user_name),
    status: str(raw.status),
    running_status: str(raw.running_status),
    created: iso(raw.created),
    started: iso(raw.started),
    finished: iso(raw.finished),
    modified: iso(raw.modified),
    fraction_completed: num(raw.fraction_completed),
    error: str(raw.error) || null,
    coordinator_id: num(raw.coordinator_id),
    execution_errors: 'execution_errors' in raw ? stringArray(raw.execution_errors) : null,
    created_by_type: null,
    created_by_id: null,
    schedule_label: null,
  };
}
