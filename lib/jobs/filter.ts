/**
 * The jobs filter: one zod schema for the explorer's URL and the API's query string
 * (`type, status, node, from, to, q, scheduled, retried, sort, limit, cursor`). The API refuses a bad value
 * with a 400 naming it; nothing here builds SQL (lib/sql/jobs-sql.ts does, with parameters).
 */
import { z } from 'zod';
import { decodeCursor, type CursorData } from './cursor';
import { STATUS_FILTERS, type StatusFilter } from './statuses';
import { parseTimeRef, resolveTimeRef, type TimeRef } from './time-ref';

import { DEFAULT_FROM, DEFAULT_LIMIT, DEFAULT_SORT, DEFAULT_TO, DEFAULT_TYPES, MAX_LIMIT, SORTS, type Sort, type SortKey } from './filter-defaults';

export { DEFAULT_FROM, DEFAULT_LIMIT, DEFAULT_SORT, DEFAULT_TO, DEFAULT_TYPES, MAX_LIMIT, SORT_KEYS, SORTS, type Sort, type SortKey } from './filter-defaults';

// CockroachDB job types are upper-case words ("BACKUP", "SCHEMA CHANGE", "AUTO CREATE STATS").
const JOB_TYPE = /^[A-Z][A-Z0-9 _-]{0,39}$/;

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

const Types = z
  .string()
  .max(400)
  .transform((s, ctx) => {
    if (s.trim().toLowerCase() === 'all') return [];
    const types = [...new Set(list(s).map((t) => t.toUpperCase()))];
    const bad = types.find((t) => !JOB_TYPE.test(t));
    if (bad !== undefined || types.length === 0) ctx.addIssue({ code: 'custom', message: `type must be job types like BACKUP,RESTORE (or "all"), not "${(bad ?? s).slice(0, 40)}"` });
    return types;
  });

const Statuses = z
  .string()
  .max(400)
  .transform((s, ctx) => {
    const statuses = [...new Set(list(s).map((t) => t.toLowerCase()))];
    const bad = statuses.find((t) => !(STATUS_FILTERS as readonly string[]).includes(t));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `status must be among ${STATUS_FILTERS.join(', ')}; "${bad.slice(0, 40)}" is not` });
    return statuses as StatusFilter[];
  });

const Time = (name: string) =>
  z.string().transform((s, ctx) => {
    const t = parseTimeRef(s);
    if (!t) ctx.addIssue({ code: 'custom', message: `${name} must be "now", "now-6h"-style or ISO-8601, not "${s.slice(0, 40)}"` });
    return t as TimeRef;
  });

const Flag = z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true');

export const JobsQuery = z
  .object({
    type: Types.optional(),
    status: Statuses.optional(),
    node: z.string().regex(/^\d{1,6}$/, 'node must be a node id like 2').transform(Number).optional(),
    from: Time('from').optional(),
    to: Time('to').optional(),
    q: z.string().trim().max(200, 'q is at most 200 characters').optional(),
    scheduled: Flag.optional(),
    // Jobs that hit retryable errors (execution_errors not empty), whatever their status now.
    retried: Flag.optional(),
    sort: z.enum(SORTS, { message: `sort must be one of ${SORTS.join(', ')}` }).optional(),
    limit: z
      .string()
      .regex(/^\d{1,9}$/, 'limit must be a whole number')
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_LIMIT, `limit must be between 1 and ${MAX_LIMIT}`)
      .optional(),
    cursor: z.string().max(400).optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .transform((raw, ctx) => {
    const sort = raw.sort ?? DEFAULT_SORT;
    let cursor: CursorData | undefined;
    if (raw.cursor) {
      const c = decodeCursor(raw.cursor);
      if (!c || c.s !== sort) ctx.addIssue({ code: 'custom', message: 'cursor is not valid for this sort (take next_cursor from the previous page)' });
      else cursor = c;
    }
    const from = raw.from ?? (parseTimeRef(DEFAULT_FROM) as TimeRef);
    const to = raw.to ?? (parseTimeRef(DEFAULT_TO) as TimeRef);
    // Both relative: comparable exactly; otherwise against the dashboard's clock (good to a few seconds).
    const now = Date.now();
    if (resolveTimeRef(from, now) >= resolveTimeRef(to, now)) ctx.addIssue({ code: 'custom', message: `from (${from.text}) must be before to (${to.text})` });
    return {
      types: raw.type ?? [...DEFAULT_TYPES],
      statuses: raw.status ?? [],
      node: raw.node,
      from,
      to,
      q: raw.q || undefined,
      scheduled: raw.scheduled ?? false,
      retried: raw.retried ?? false,
      sort,
      limit: raw.limit ?? DEFAULT_LIMIT,
      cursor,
      format: raw.format ?? 'json',
    };
  });
export type JobsFilter = z.output<typeof JobsQuery>;

/** Parses a query string / search params object; the first value of a repeated key wins. */
export function parseJobsQuery(input: URLSearchParams | Record<string, string | string[] | undefined>) {
  const flat: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? [...input] : Object.entries(input);
  for (const [k, v] of entries) {
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && !(k in flat)) flat[k] = s;
  }
  return JobsQuery.safeParse(flat);
}

/** The first problem of a failed parse, for a 400's message. */
export function firstIssue(error: z.ZodError): string {
  const i = error.issues[0];
  if (!i) return 'bad query';
  return i.code === 'custom' || i.path.length === 0 ? i.message : `${i.path.join('.')}: ${i.message}`;
}

export function sortKey(sort: Sort): { key: SortKey; desc: boolean } {
  return sort.startsWith('-') ? { key: sort.slice(1) as SortKey, desc: true } : { key: sort as SortKey, desc: false };
}
