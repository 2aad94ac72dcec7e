/**
 * Row values as CockroachDB prints them. Timestamps stay text (pg's Date would drop the
 * microseconds a keyset cursor needs); INT8 stays a string (job ids exceed 2^53, pg's default).
 */
import pg from 'pg';

const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;

export const rawTimestamps = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ || oid === TIMESTAMP) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** "2026-11-25 20:07:00.123456+00" (CockroachDB / Postgres text) → "2026-11-25T20:07:00.123456Z". */
export function isoTimestamp(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  const s = String(v).trim();
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2}(?::?\d{2})?|Z)?$/.exec(s);
  if (!m) return s;
  const zone = m[3] === undefined || /^([+-]00(:?00)?|Z)$/.test(m[3]) ? 'Z' : m[3].length === 3 ? `${m[3]}:00` : m[3];
  return `${m[1]}T${m[2]}${zone}`;
}

const JSON_OID = 114;
const JSONB_OID = 3802;
/** Timestamps as text (above) and JSON as text: a schedule's `command` holds INT8 ids that JSON.parse would round. */
export const rawTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === JSON_OID || oid === JSONB_OID) return (v: string) => v;
    return rawTimestamps.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;
