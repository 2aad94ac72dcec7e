'use client';

import type { KeyboardEvent, MouseEvent } from 'react';
import { usePlotArea, useXAxisScale } from 'recharts';
import { cn } from '@/components/ui/cn';
import type { JobEvent, JobEventKind } from '@/lib/jobs/events';
import { EventGlyph, Glyph } from './job-events-bar';

/** A marker the pointer or keyboard is on: the event and where it is (px in the chart's SVG). */
export interface EventHover {
  event: JobEvent;
  x: number;
  /** The plot area's right edge, so the card opens towards the middle. */
  right: number;
  /** Other markers drawn under this one (within a few px): named in the card; zooming in separates them. */
  near: JobEvent[];
}

const CARD_PX = 288;

/** Markers closer than this (px) overlap. */
const OVERLAP_PX = 8;

/** Markers sit in a lane this tall above the plot (the chart's top margin), so they never cover a line. */
export const EVENT_LANE_PX = 16;

const KIND_LABEL: Record<JobEventKind, string> = { start: 'Started', success: 'Succeeded', failure: 'Failed' };

const stop = (e: MouseEvent | KeyboardEvent) => e.stopPropagation();

/**
 * Rendered inside the Recharts chart: one SVG link per event, at its time on the x axis, in the
 * lane above the plot; a failure also draws a faint dashed line down the plot. The links are real
 * anchors (open in a new tab, copy the address); mouse down/up stop here so a click on a marker is
 * neither the start of a drag-zoom nor a point drill.
 */
export function JobEventMarkers({
  events,
  hrefOf,
  describe,
  onHover,
  dragging = false,
}: {
  events: readonly JobEvent[];
  hrefOf: (jobId: string) => string;
  describe: (e: JobEvent) => string;
  onHover: (h: EventHover | null) => void;
  /** A drag-zoom is under way: markers let the pointer through, so releasing over one still ends the drag. */
  dragging?: boolean;
}) {
  const scale = useXAxisScale();
  const plot = usePlotArea();
  if (!scale || !plot) return null;
  const y = plot.y - EVENT_LANE_PX / 2 - 1;
  const right = plot.x + plot.width;
  // Starts below successes below failures: the marker drawn last is the one on top.
  const ordered = [...events].sort((a, b) => RANK[a.kind] - RANK[b.kind]);
  const xs = new Map(ordered.map((e) => [e, scale(e.t_ms)]));
  const nearOf = (e: JobEvent, x: number) => ordered.filter((o) => o !== e && Math.abs((xs.get(o) ?? Infinity) - x) < OVERLAP_PX).sort((a, b) => RANK[b.kind] - RANK[a.kind]);
  return (
    <g className="job-event-markers" data-testid="job-event-markers" data-count={events.length} pointerEvents={dragging ? 'none' : undefined}>
      {ordered.map((e) => {
        const x = xs.get(e);
        if (x === undefined || !Number.isFinite(x) || x < plot.x - 1 || x > right + 1) return null;
        const hover = () => onHover({ event: e, x, right, near: nearOf(e, x) });
        // The failure's line is beside the link, not in it: the link's box stays the marker's (what a click or a test hits).
        return (
          <g key={`${e.job_id}-${e.kind}`}>
            {e.kind === 'failure' && <line x1={x} x2={x} y1={plot.y} y2={plot.y + plot.height} className="stroke-red-600/50 dark:stroke-red-400/50" strokeDasharray="3 3" pointerEvents="none" />}
            <a
              href={hrefOf(e.job_id)}
              aria-label={describe(e)}
              data-kind={e.kind}
              data-job-id={e.job_id}
              className="job-event cursor-pointer outline-none [&:focus-visible>rect]:stroke-emerald-600"
              onMouseEnter={hover}
              onFocus={hover}
              onMouseLeave={() => onHover(null)}
              onBlur={() => onHover(null)}
              onMouseDown={stop}
              onMouseUp={stop}
              onClick={stop}
            >
              <rect x={x - 7} y={y - 8} width={14} height={16} rx={3} fill="transparent" strokeWidth={1.5} />
              <Glyph kind={e.kind} x={x} y={y} />
            </a>
          </g>
        );
      })}
    </g>
  );
}

const RANK: Record<JobEventKind, number> = { start: 0, success: 1, failure: 2 };

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What a marker says, for its accessible name (and Playwright's locators). */
export function describeEvent(e: JobEvent, format: (t: number) => string): string {
  const node = e.coordinator_id !== null ? ` on n${e.coordinator_id}` : '';
  return `${KIND_LABEL[e.kind]}${e.kind === 'failure' && e.status && e.status !== 'failed' ? ` (${e.status})` : ''}: ${e.job_type ?? 'job'} ${e.job_id}${node} at ${format(e.t_ms)}`;
}

/** The hover card over a marker: which job, what it was doing, and for a failure its error. */
export function JobEventCard({ hover, format }: { hover: EventHover; format: (t: number) => string }) {
  const e = hover.event;
  // Beside the marker, towards the middle, and never past the chart's edges (a phone's chart is ~330 px).
  const width = Math.min(CARD_PX, hover.right);
  const left = hover.x > hover.right / 2 ? Math.max(0, hover.x - 10 - width) : Math.max(0, Math.min(hover.x + 10, hover.right - width));
  return (
    <div
      role="tooltip"
      data-testid="job-event-card"
      className="pointer-events-none absolute z-10 rounded-md border border-zinc-200 bg-white p-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      style={{ left, width, top: EVENT_LANE_PX + 4 }}
    >
      <p className="flex items-center gap-1.5 font-medium">
        <EventGlyph kind={e.kind} />
        <span className={cn(e.kind === 'failure' && 'text-red-700 dark:text-red-400', e.kind === 'success' && 'text-emerald-700 dark:text-emerald-400')}>
          {KIND_LABEL[e.kind]}
          {e.kind === 'failure' && e.status && e.status !== 'failed' && ` (${e.status})`}
        </span>
        <span className="ml-auto font-normal text-zinc-500 tabular-nums dark:text-zinc-400">{format(e.t_ms)}</span>
      </p>
      <p className="mt-1 text-zinc-600 dark:text-zinc-300">
        {e.job_type ?? 'job'} <span className="font-mono">{e.job_id}</span>
        {e.coordinator_id !== null && <> · n{e.coordinator_id}</>}
      </p>
      {e.description && <p className="mt-1 font-mono break-words text-zinc-500 dark:text-zinc-400">{shorten(e.description, 140)}</p>}
      {e.kind === 'failure' && e.error && <p data-testid="job-event-error" className="mt-1 break-words text-red-700 dark:text-red-400">{shorten(e.error, 280)}</p>}
      {hover.near.length > 0 && (
        <ul className="mt-1 border-t border-zinc-200 pt-1 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400" data-testid="job-event-near">
          {hover.near.slice(0, 3).map((n) => (
            <li key={`${n.job_id}-${n.kind}`} className="flex items-center gap-1">
              <EventGlyph kind={n.kind} /> {KIND_LABEL[n.kind]} {n.job_type ?? 'job'} <span className="font-mono">{n.job_id}</span>
            </li>
          ))}
          <li>{hover.near.length > 3 ? `and ${hover.near.length - 3} more; ` : ''}overlapping here: zoom in (drag) to reach each</li>
        </ul>
      )}
      <p className="mt-1 text-zinc-400 dark:text-zinc-500">Click to open the job</p>
    </div>
  );
}
