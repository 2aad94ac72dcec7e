/**
 * The jobs filter's defaults and sort keys, apart from the zod schema (lib/jobs/filter.ts): the
 * explorer's client code and its links need only these, and importing the schema module would ship
 * zod (~37 kB gzip) to every jobs page.
 */
export const DEFAULT_TYPES = ['BACKUP', 'RESTORE'] as const;
export const DEFAULT_FROM = 'now-24h';
export const DEFAULT_TO = 'now';
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export const SORT_KEYS = ['created', 'finished', 'modified', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORTS = SORT_KEYS.flatMap((k) => [`-${k}`, k] as const);
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = '-created';
