/**
 * URL state, parsed and printed in one place so that a pasted link shows the same view to whoever
 * opens it (DESIGN "Pages"). Every parameter is optional and a bad value falls back to its default
 * instead of failing the page: a half-mangled link from a chat client should still open.
 */
import { parseTimeRef } from './history/time-range';
import { RANGE_FNS } from './history/types';
import { EVENT_MODES } from './jobs/events';

export const REFRESH_OPTIONS = ['off', '5s', '10s', '30s', '1m'] as const;
export type RefreshOption = (typeof REFRESH_OPTIONS)[number];
export const DEFAULT_REFRESH: RefreshOption = '10s';

const REFRESH_MS: Record<RefreshOption, number> = { off: 0, '5s': 5_000, '10s': 10_000, '30s': 30_000, '1m': 60_000 };

export function isRefreshOption(x: unknown): x is RefreshOption {
  return (REFRESH_OPTIONS as readonly unknown[]).includes(x);
}

/** What a page shows when its link leaves a view parameter out. */
export interface ViewDefaults {
  refresh: RefreshOption;
}
export const VIEW_DEFAULTS: ViewDefaults = { refresh: DEFAULT_REFRESH };

/**
 * Pages whose defaults differ, by path. The backups page lists storage (slow, billed) and its list
 * changes at most at each scheduled run, so it does not refresh unless its link says `refresh=`.
 * By path, so the page and the refresh picker (which knows only the pathname) agree.
 */
const PAGE_DEFAULTS: { path: RegExp; defaults: ViewDefaults }[] = [{ path: /^\/c\/[^/]+\/backups\/?$/, defaults: { refresh: 'off' } }];

export function viewDefaults(pathname: string): ViewDefaults {
  return PAGE_DEFAULTS.find((p) => p.path.test(pathname))?.defaults ?? VIEW_DEFAULTS;
}

/** How often the client re-fetches; 0 = never (SWR's "off"). */
export function refreshMs(r: RefreshOption): number {
  return REFRESH_MS[r];
}

// `now`, `now-6h`, `now-1h30m` (Grafana style) or an ISO-8601 date/date-time that Date can read.
const RELATIVE = /^now(-(\d+(ms|s|m|h|d|w))+)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const isTimeRef = (s: string) => RELATIVE.test(s) || (ISO.test(s) && !Number.isNaN(Date.parse(s)));
// "1,3" → [1, 3] (sorted, unique): the node ids to show; absent = every node.
const NODE_IDS = /^\d{1,6}(,\d{1,6})*$/;

export interface ViewParams {
  refresh: RefreshOption;
  from?: string;
  to?: string;
  nodes?: number[];
  /** Wall-display mode: `kiosk=1`. */
  kiosk: boolean;
  /** The cluster aggregate line on charts: shown unless `agg=0`. */
  agg: boolean;
  /** How a counter is drawn (lib/history): per-interval increase by default, raw or rate on request. */
  fn?: (typeof RANGE_FNS)[number];
  /** Job event markers: `all`, `failures` or `off`; absent = all unless the range is dense (lib/jobs/events.ts). */
  events?: (typeof EVENT_MODES)[number];
  /** The y axis: full scale unless `y=clip` (a spike cut at a robust top, lib/domain/chart-scale.ts). */
  y?: 'clip';
}

/** `v` when it is one of `options`, else undefined. */
function oneOf<T extends string>(options: readonly T[], v: string | undefined): T | undefined {
  return (options as readonly (string | undefined)[]).includes(v) ? (v as T) : undefined;
}

function flag(v: string | undefined, fallback: boolean): boolean {
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return fallback;
}

// By hand, not zod: every client page parses its link, and zod's classic API is ~37 kB gzip of
// JavaScript that would ship to each of them (bench/page-weight.bench.ts).
function viewOf(raw: Record<string, string>): ViewParams {
  const timeRef = (v: string | undefined) => (v !== undefined && isTimeRef(v) ? v : undefined);
  return {
    refresh: oneOf(REFRESH_OPTIONS, raw.refresh) ?? DEFAULT_REFRESH,
    from: timeRef(raw.from),
    to: timeRef(raw.to),
    nodes: raw.nodes !== undefined && NODE_IDS.test(raw.nodes) ? [...new Set(raw.nodes.split(',').map(Number))].sort((a, b) => a - b) : undefined,
    kiosk: flag(raw.kiosk, false),
    agg: flag(raw.agg, true),
    fn: oneOf(RANGE_FNS, raw.fn),
    events: oneOf(EVENT_MODES, raw.events),
    y: oneOf(['clip'] as const, raw.y),
  };
}

/** What Next hands a page (`await searchParams`), or the browser's URLSearchParams. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function firstValues(input: SearchParamsInput): Record<string, string> {
  const out: Record<string, string> = {};
  if (input instanceof URLSearchParams) {
    for (const [k, v] of input) if (!(k in out)) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(input)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}

/** Never throws: every bad or missing value becomes its default (the page's, when it has its own: viewDefaults). */
export function parseViewParams(input: SearchParamsInput, defaults: ViewDefaults = VIEW_DEFAULTS): ViewParams {
  const raw = firstValues(input);
  const view = viewOf(raw);
  return isRefreshOption(raw.refresh) ? view : { ...view, refresh: defaults.refresh };
}

/** The view's parameters as a query string fragment; defaults are left out so links stay short. */
function viewEntries(view: Partial<ViewParams>, defaults: ViewDefaults): [string, string | undefined][] {
  return [
    ['refresh', view.refresh === undefined || view.refresh === defaults.refresh ? undefined : view.refresh],
    ['from', view.from],
    ['to', view.to],
    ['nodes', view.nodes && view.nodes.length > 0 ? view.nodes.join(',') : undefined],
    ['kiosk', view.kiosk ? '1' : undefined],
    ['agg', view.agg === false ? '0' : undefined],
    ['fn', view.fn],
    ['events', view.events],
    ['y', view.y],
  ];
}

/**
 * `current` with the given view parameters replaced (a default removes its parameter: the target
 * page's `defaults`); every other parameter, including ones this version does not know, is kept as it was.
 */
export function withView(current: URLSearchParams | string, patch: Partial<ViewParams>, defaults: ViewDefaults = VIEW_DEFAULTS): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of viewEntries(patch, defaults)) {
    if (!(key in patch)) continue;
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** "?a=b" or "" for an empty query. */
export function queryString(params: URLSearchParams): string {
  const s = params.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

export function clusterHref(cluster: string, view: Partial<ViewParams> = {}): string {
  return `/c/${enc(cluster)}${queryString(withView('', view))}`;
}

/** One metric's panel page (the time range and node filter carry over; refresh too). */
export function metricHref(cluster: string, exported: string, view: Partial<ViewParams> = {}): string {
  return `/c/${enc(cluster)}/metrics/${enc(exported)}${queryString(withView('', view))}`;
}

export function metricsApiHref(cluster: string): string {
  return `/api/v1/clusters/${enc(cluster)}/metrics`;
}

/**
 * The raw `/_status/vars` text of one configured node, through the dashboard (the browser may not
 * reach the node). A node that states no id is addressed by its 1-based position: `#2`.
 */
export function nodeVarsHref(cluster: string, node: { node_id: number | null; position: number }): string {
  const ref = node.node_id !== null ? String(node.node_id) : `#${node.position}`;
  return `/api/v1/clusters/${enc(cluster)}/nodes/${enc(ref)}/vars`;
}

/** Which records the protected-timestamps page shows (`holder=`): a PTS tile's or panel's kind; none is all. */
export const PTS_HOLDER_FILTERS = ['backup-jobs', 'restore-jobs', 'schedules', 'orphaned'] as const;
export type PtsHolderFilter = (typeof PTS_HOLDER_FILTERS)[number];

export function protectedTimestampsHref(cluster: string, holder?: PtsHolderFilter): string {
  return `/c/${enc(cluster)}/protected-timestamps${holder ? `?holder=${holder}` : ''}`;
}

export function protectedTimestampsApiHref(cluster: string): string {
  return `/api/v1/clusters/${enc(cluster)}/protected-timestamps`;
}

/** The holders behind a PTS metric (its records on the protected-timestamps page); null for other metrics. */
export function ptsHolderOfMetric(exported: string): PtsHolderFilter | null {
  if (!/_protected_(age_sec|record_count)$/.test(exported)) return null;
  if (exported.startsWith('jobs_backup_')) return 'backup-jobs';
  if (exported.startsWith('jobs_restore_')) return 'restore-jobs';
  if (exported.startsWith('schedules_BACKUP_')) return 'schedules';
  return null;
}

/** The time range a view shows when its link names none. */
export const DEFAULT_RANGE = { from: 'now-1h', to: 'now' } as const;

/**
 * The view with `now-…` frozen into ISO-8601 at `nowMs` and auto-refresh off: the link to paste
 * into an incident channel, which shows the same range whenever it is opened.
 */
export function freezeView(view: ViewParams, nowMs: number): ViewParams {
  const iso = (ref: string) => {
    const ms = parseTimeRef(ref, nowMs);
    return ms === null ? ref : new Date(ms).toISOString();
  };
  return { ...view, from: iso(view.from ?? DEFAULT_RANGE.from), to: iso(view.to ?? DEFAULT_RANGE.to), refresh: 'off' };
}

/** One metric's history (`GET /api/v1/clusters/{c}/metrics/{name}`). */
export function metricRangeApiHref(cluster: string, exported: string, q: { from?: string; to?: string; nodes?: readonly number[]; step?: number; fn?: string; aggregate?: boolean }): string {
  const p = new URLSearchParams();
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.nodes && q.nodes.length > 0) p.set('nodes', q.nodes.join(','));
  if (q.step) p.set('step', String(q.step));
  if (q.fn) p.set('fn', q.fn);
  if (q.aggregate === false) p.set('aggregate', '0');
  return `/api/v1/clusters/${enc(cluster)}/metrics/${enc(exported)}${queryString(p)}`;
}
