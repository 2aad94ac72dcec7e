/**
 * Explorer URLs (`/c/{c}/jobs?…`), printed in one place so a drill link, a filter change and a pasted
 * link agree. Only non-default values are written, so links stay short enough to read in a chat.
 */
import { DEFAULT_FROM, DEFAULT_LIMIT, DEFAULT_SORT, DEFAULT_TO, DEFAULT_TYPES } from './filter-defaults';

export interface JobsLink {
  /** Job types; [] = every type (`type=all`); undefined = the default BACKUP,RESTORE. */
  type?: readonly string[];
  status?: readonly string[];
  node?: number;
  from?: string;
  to?: string;
  q?: string;
  scheduled?: boolean;
  retried?: boolean;
  sort?: string;
  /** Page size (the API's `limit`); undefined = DEFAULT_LIMIT. */
  limit?: number;
  cursor?: string;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function jobsSearchParams(l: JobsLink): URLSearchParams {
  const p = new URLSearchParams();
  if (l.type !== undefined && !sameList(l.type, DEFAULT_TYPES)) p.set('type', l.type.length === 0 ? 'all' : l.type.join(','));
  if (l.status && l.status.length > 0) p.set('status', l.status.join(','));
  if (l.node !== undefined) p.set('node', String(l.node));
  if (l.from && l.from !== DEFAULT_FROM) p.set('from', l.from);
  if (l.to && l.to !== DEFAULT_TO) p.set('to', l.to);
  if (l.q) p.set('q', l.q);
  if (l.scheduled) p.set('scheduled', '1');
  if (l.retried) p.set('retried', '1');
  if (l.sort && l.sort !== DEFAULT_SORT) p.set('sort', l.sort);
  if (l.limit !== undefined && l.limit !== DEFAULT_LIMIT) p.set('limit', String(l.limit));
  if (l.cursor) p.set('cursor', l.cursor);
  return p;
}

const enc = encodeURIComponent;
const qs = (p: URLSearchParams) => {
  const s = p.toString();
  return s ? `?${s}` : '';
};

export function jobsHref(cluster: string, l: JobsLink = {}): string {
  return `/c/${enc(cluster)}/jobs${qs(jobsSearchParams(l))}`;
}

export function jobHref(cluster: string, jobId: string): string {
  return `/c/${enc(cluster)}/jobs/${enc(jobId)}`;
}

export function jobsApiHref(cluster: string, search: URLSearchParams | string): string {
  const s = typeof search === 'string' ? search.replace(/^\?/, '') : search.toString();
  return `/api/v1/clusters/${enc(cluster)}/jobs${s ? `?${s}` : ''}`;
}

/** Failures of a filter grouped by error text (`GET …/jobs/errors`). */
export function jobErrorsApiHref(cluster: string, search: URLSearchParams): string {
  const s = search.toString();
  return `/api/v1/clusters/${enc(cluster)}/jobs/errors${s ? `?${s}` : ''}`;
}

export function jobApiHref(cluster: string, jobId: string, action?: 'pause' | 'resume' | 'cancel'): string {
  return `/api/v1/clusters/${enc(cluster)}/jobs/${enc(jobId)}${action ? `/${action}` : ''}`;
}

/** The chart markers' events (`GET /api/v1/clusters/{c}/job-events`); `type` [] = every type. */
export function jobEventsApiHref(cluster: string, q: { type: readonly string[]; scheduled?: boolean; from: string; to: string; nodes?: readonly number[] }): string {
  const p = new URLSearchParams({ type: q.type.length === 0 ? 'all' : q.type.join(','), from: q.from, to: q.to });
  if (q.scheduled) p.set('scheduled', '1');
  if (q.nodes && q.nodes.length > 0) p.set('node', q.nodes.join(','));
  return `/api/v1/clusters/${enc(cluster)}/job-events?${p}`;
}

/** Job ids are INT8: digits, at most 19 (9223372036854775807), kept as strings (they exceed 2^53). */
export const JOB_ID = /^\d{1,19}$/;

const INT8_MAX = BigInt('9223372036854775807');

/** A job or schedule id: an INT8 (1–19 digits, at most 2^63−1); anything else would reach CockroachDB as an error. */
export function isInt8Id(id: string): boolean {
  return JOB_ID.test(id) && BigInt(id) <= INT8_MAX;
}
