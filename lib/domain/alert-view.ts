/**
 * What the alert UI derives from the alerts API (lib/api/types/alerts.ts): the page's state filter
 * as its URL carries it, the nav badge, and the windows a metric panel shades. Pure: plain data in,
 * plain data out, no clock (the caller passes the instant that counts as "now").
 */
import { ALERT_STATES, type AlertInstance, type AlertState, type Severity } from '../api/types/alerts';

const enc = encodeURIComponent;

/** `state=firing,pending` → the states to list; absent, empty or unreadable → all three (the page's default). */
export function parseStateFilter(raw: string | null | undefined): AlertState[] {
  if (!raw) return [...ALERT_STATES];
  const wanted = new Set(raw.split(',').map((s) => s.trim()));
  const list = ALERT_STATES.filter((s) => wanted.has(s));
  return list.length > 0 ? list : [...ALERT_STATES];
}

/** The `state=` value of a filter, in the API's order; undefined for every state (the default, left out of links). */
export function formatStateFilter(states: readonly AlertState[]): string | undefined {
  const list = ALERT_STATES.filter((s) => states.includes(s));
  return list.length === 0 || list.length === ALERT_STATES.length ? undefined : list.join(',');
}

/** `state` with `s` switched on or off; never empty (switching off the last one keeps it). */
export function toggleState(states: readonly AlertState[], s: AlertState): AlertState[] {
  const next = states.includes(s) ? states.filter((x) => x !== s) : [...states, s];
  return next.length === 0 ? [...states] : ALERT_STATES.filter((x) => next.includes(x));
}

export interface AlertsQuery {
  state?: readonly AlertState[];
  from?: string;
  to?: string;
  /** An exported metric name: the episodes that fired on it overlapping [from, to] (the panels' shading). */
  metric?: string;
}

/** `GET /api/v1/clusters/{c}/alerts`; parameters in a fixed order so equal queries share one SWR key. */
export function clusterAlertsApiHref(cluster: string, q: AlertsQuery = {}): string {
  const p = new URLSearchParams();
  const state = q.state ? formatStateFilter(q.state) : undefined;
  if (state) p.set('state', state);
  if (q.metric) p.set('metric', q.metric);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  const s = p.toString();
  return `/api/v1/clusters/${enc(cluster)}/alerts${s ? `?${s}` : ''}`;
}

export const ALERT_RULES_API_HREF = '/api/v1/alerts/rules';

/** The alerts page; `query` is a ready query string (`?refresh=30s`) or ''. */
export function alertsHref(cluster: string, query = ''): string {
  return `/c/${enc(cluster)}/alerts${query}`;
}

export type FiringTone = Severity;

/** The nav badge: how many fire and the worst severity among them; null when none fire (no badge). */
export function firingBadge(firing: Readonly<Record<Severity, number>>): { count: number; tone: FiringTone } | null {
  const count = firing.critical + firing.warning + firing.info;
  if (count === 0) return null;
  return { count, tone: firing.critical > 0 ? 'critical' : firing.warning > 0 ? 'warning' : 'info' };
}

/** "1 critical, 2 warning" (severities with none are left out); "" when none fire. */
export function firingBreakdown(firing: Readonly<Record<Severity, number>>): string {
  return (['critical', 'warning', 'info'] as const)
    .filter((s) => firing[s] > 0)
    .map((s) => `${firing[s]} ${s}`)
    .join(', ');
}

/** One stretch of time in which an alert fired, in unix ms; `endMs` null while it still fires. */
export interface AlertWindow {
  /** The episode: instance id and when it became active (an instance can fire several times). */
  key: string;
  rule: string;
  severity: Severity;
  summary: string;
  startMs: number;
  endMs: number | null;
  /** The last evaluation that saw it: where an ongoing window is known to reach. */
  evaluatedMs: number;
}

/**
 * The query that finds a chart's episodes. A range that ends now needs no `metric=`: every episode
 * overlapping it is active or resolved within it, which the plain list answers; so the overview's
 * charts share one request instead of one each. Other ranges ask for the metric's episodes.
 */
export function chartAlertsQuery(metric: string, from: string, to: string): AlertsQuery {
  return to === 'now' ? { from, to } : { metric, from, to };
}

/**
 * The firing episodes among `alerts` that read `metric`, as windows (fired_at → resolved_at); pending
 * ones (never fired) have none. An instance about one metric of its rule (label `metric`, e.g. one
 * instance per protected-timestamp gauge) shades that metric's chart only, though `metric=` matches
 * every metric the rule reads.
 */
export function alertWindows(alerts: readonly AlertInstance[], metric?: string): AlertWindow[] {
  const out = new Map<string, AlertWindow>();
  for (const a of alerts) {
    if (a.fired_at === null) continue;
    if (metric !== undefined && (!a.metrics.includes(metric) || (a.labels.metric !== undefined && a.labels.metric !== metric))) continue;
    const startMs = Date.parse(a.fired_at);
    if (!Number.isFinite(startMs)) continue;
    const end = a.resolved_at === null ? null : Date.parse(a.resolved_at);
    const key = `${a.id}@${a.active_since}`;
    out.set(key, {
      key,
      rule: a.rule,
      severity: a.severity,
      summary: a.summary,
      startMs,
      endMs: end !== null && Number.isFinite(end) ? end : null,
      evaluatedMs: Date.parse(a.evaluated_at) || startMs,
    });
  }
  return [...out.values()].sort((a, b) => a.startMs - b.startMs || a.key.localeCompare(b.key));
}

/** A window as a chart draws it: inside the chart's domain, `ongoing` when it had not resolved. */
export interface DrawnWindow extends AlertWindow {
  x1: number;
  x2: number;
  ongoing: boolean;
}

/**
 * The windows that overlap [fromMs, toMs], cut to it. A window still firing reaches "now": the later
 * of its last evaluation and `nowMs` (the chart's newest sample), never past the chart's end, and
 * never into the future of a range that ends after now. A window too short to see (fired and
 * resolved between two scrapes) keeps a minimum width so it does not vanish.
 */
export function clipWindows(windows: readonly AlertWindow[], fromMs: number, toMs: number, nowMs: number, minMs = 0): DrawnWindow[] {
  const out: DrawnWindow[] = [];
  for (const w of windows) {
    const ongoing = w.endMs === null;
    const end = ongoing ? Math.max(w.evaluatedMs, Math.min(nowMs, toMs)) : (w.endMs as number);
    if (end < fromMs || w.startMs > toMs) continue;
    let x1 = Math.max(w.startMs, fromMs);
    let x2 = Math.min(end, toMs);
    if (x2 - x1 < minMs) {
      const mid = (x1 + x2) / 2;
      x1 = Math.max(fromMs, mid - minMs / 2);
      x2 = Math.min(toMs, x1 + minMs);
    }
    out.push({ ...w, x1, x2, ongoing });
  }
  return out;
}

/** The distinct rules among the windows, worst severity first: the chart's caption names them. */
export function windowRules(windows: readonly AlertWindow[]): { rule: string; severity: Severity }[] {
  const rank: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
  const best = new Map<string, Severity>();
  for (const w of windows) {
    const seen = best.get(w.rule);
    if (seen === undefined || rank[w.severity] < rank[seen]) best.set(w.rule, w.severity);
  }
  return [...best].map(([rule, severity]) => ({ rule, severity })).sort((a, b) => rank[a.severity] - rank[b.severity] || a.rule.localeCompare(b.rule));
}
