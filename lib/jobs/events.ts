/**
 * Job events for chart markers: when a job started and how it ended, as points in time. Pure:
 * rows in (lib/jobs/job-row.ts), events out; the route (lib/api/job-events.ts) reads the rows and
 * the chart (components/charts/job-event-markers.tsx) draws the events.
 */
import type { JobEvent, JobEventKind } from '../api/types/job-events';
import type { JobRow } from './job-row';
import { baseStatus, type StatusFilter } from './statuses';

export { JOB_EVENT_KINDS, type JobEvent, type JobEventKind, type JobEventsAnswer } from '../api/types/job-events';

/**
 * How a terminal status ends a job on the chart. Only three kinds, so:
 * - `revert-failed` is a failure, the worst one: the job failed and its cleanup failed too
 *   (CockroachDB docs: manual cleanup needed).
 * - `canceled` is a failure too: no backup (or restore) came out of it, which is what on-call
 *   watches for, and "failures only" must still show the hole in the backup chain. The hover
 *   card says "canceled", so it is not mistaken for an error.
 * Paused, running, reverting and pending jobs have not ended: they only have a start.
 */
export const FAILURE_STATUSES = ['failed', 'revert-failed', 'canceled'] as const satisfies readonly StatusFilter[];
const END_KIND: Readonly<Record<string, JobEventKind>> = {
  succeeded: 'success',
  ...Object.fromEntries(FAILURE_STATUSES.map((s) => [s, 'failure' as const])),
};

const ms = (iso: string | null): number | null => {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
};

/** A job's events: its start (started, or created where the version has no `started`, 25.3+, or it never started) and its end. */
export function jobEvents(job: JobRow): JobEvent[] {
  const base = { job_id: job.job_id, job_type: job.job_type, coordinator_id: job.coordinator_id, description: job.description, status: job.status };
  const out: JobEvent[] = [];
  const start = ms(job.started) ?? ms(job.created);
  if (start !== null) out.push({ ...base, kind: 'start', t_ms: start, error: null });
  const b = baseStatus(job.status);
  const end = b ? END_KIND[b] : undefined;
  // `finished` is set when a job reaches a terminal status; `modified` is the last write, the same
  // moment for a terminal job, should a version or a race leave `finished` empty.
  const at = end ? (ms(job.finished) ?? ms(job.modified)) : null;
  if (end && at !== null) out.push({ ...base, kind: end, t_ms: at, error: end === 'failure' ? job.error : null });
  return out;
}

const KIND_ORDER: Record<JobEventKind, number> = { start: 0, success: 1, failure: 2 };
const byTime = (a: JobEvent, b: JobEvent) => a.t_ms - b.t_ms || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.job_id.localeCompare(b.job_id);

/** Every event of these jobs inside [fromMs, toMs], each once (a job listed twice counts once), oldest first. */
export function eventsInWindow(jobs: readonly JobRow[], fromMs: number, toMs: number): JobEvent[] {
  const seen = new Set<string>();
  const out: JobEvent[] = [];
  for (const j of jobs) {
    if (seen.has(j.job_id)) continue;
    seen.add(j.job_id);
    for (const e of jobEvents(j)) if (e.t_ms >= fromMs && e.t_ms <= toMs) out.push(e);
  }
  return out.sort(byTime);
}

/**
 * At most `max` events: failures first (they are why anyone looks), then the newest of the rest;
 * returned oldest first. `truncated` says some were left out.
 */
export function boundEvents(events: readonly JobEvent[], max: number): { events: JobEvent[]; truncated: boolean } {
  if (events.length <= max) return { events: [...events], truncated: false };
  const rank = (e: JobEvent) => (e.kind === 'failure' ? 0 : 1);
  const kept = [...events].sort((a, b) => rank(a) - rank(b) || b.t_ms - a.t_ms).slice(0, max);
  return { events: kept.sort(byTime), truncated: true };
}

/** What the chart shows: `all`, `failures` only, or `off`; absent from the URL = auto (see `shownEvents`). */
export const EVENT_MODES = ['all', 'failures', 'off'] as const;
export type EventMode = (typeof EVENT_MODES)[number];

/**
 * The events a chart draws and the mode in effect. Without a chosen mode, a dense range (7 days of
 * 15-minute backups is ~1,300 markers) shows failures only, so the failures are not lost among
 * starts and successes; choosing "all" shows everything.
 */
export function shownEvents(events: readonly JobEvent[], opts: { mode?: EventMode; denseAbove: number }): { events: JobEvent[]; mode: EventMode; auto: boolean } {
  const mode = opts.mode ?? (events.length > opts.denseAbove ? 'failures' : 'all');
  const shown = mode === 'off' ? [] : mode === 'failures' ? events.filter((e) => e.kind === 'failure') : [...events];
  return { events: shown, mode, auto: opts.mode === undefined };
}
