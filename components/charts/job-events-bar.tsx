'use client';

import { cn } from '@/components/ui/cn';
import { EVENT_MODES, type EventMode, type JobEventKind } from '@/lib/jobs/events';

// Apart from the markers (job-event-markers.tsx, drawn inside Recharts): the panel page shows this
// bar at once, and the chart library loads after hydration (components/charts/lazy-charts.tsx).

/** Start: neutral hollow triangle; success: green dot; failure: red diamond. Shape and colour both differ (colour-blind safe). */
export function Glyph({ kind, x, y }: { kind: JobEventKind; x: number; y: number }) {
  if (kind === 'start') return <path d={`M${x - 3.5},${y - 4.5} L${x + 4.5},${y} L${x - 3.5},${y + 4.5} Z`} className="fill-white stroke-zinc-500 dark:fill-zinc-900 dark:stroke-zinc-400" strokeWidth={1.5} />;
  if (kind === 'success') return <circle cx={x} cy={y} r={4} className="fill-emerald-600 stroke-white dark:fill-emerald-400 dark:stroke-zinc-900" strokeWidth={1} />;
  return <path d={`M${x},${y - 6} L${x + 6},${y} L${x},${y + 6} L${x - 6},${y} Z`} className="fill-red-600 stroke-white dark:fill-red-400 dark:stroke-zinc-900" strokeWidth={1} />;
}

/** The glyph alone, for the legend and the hover card. */
export function EventGlyph({ kind }: { kind: JobEventKind }) {
  return (
    <svg aria-hidden width={14} height={14} viewBox="-7 -7 14 14" className="inline-block shrink-0 align-[-2px]">
      <Glyph kind={kind} x={0} y={0} />
    </svg>
  );
}

const MODE_LABEL: Record<EventMode, string> = { all: 'all', failures: 'failures', off: 'off' };

/**
 * "Job events: all / failures / off" with the legend and what the marker layer could not show
 * (unavailable, truncated, thinned to failures on a dense range). The mode lives in the URL.
 */
export function JobEventsBar({
  mode,
  auto,
  shown,
  total,
  truncated,
  unavailable,
  loading,
  onMode,
}: {
  mode: EventMode;
  auto: boolean;
  shown: number;
  total: number;
  truncated: boolean;
  unavailable: string | null;
  loading: boolean;
  onMode: (m: EventMode) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-300" data-testid="job-events-bar">
      <div role="group" aria-label="Job events" className="flex items-center gap-1">
        <span className="text-zinc-500 dark:text-zinc-400">Job events:</span>
        <span className="inline-flex overflow-hidden rounded-md border border-zinc-300 dark:border-zinc-700">
          {EVENT_MODES.map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => onMode(m)}
              className={cn(
                'px-2 py-0.5 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:hover:bg-zinc-800',
                mode === m && 'bg-zinc-800 text-white hover:bg-zinc-800 dark:bg-zinc-200 dark:text-zinc-900 dark:hover:bg-zinc-200',
              )}
            >
              {MODE_LABEL[m]}
            </button>
          ))}
        </span>
      </div>
      {mode !== 'off' && (
        <ul className="flex items-center gap-x-2.5" aria-label="Marker legend">
          {mode === 'all' && (
            <>
              <li className="inline-flex items-center gap-1">
                <EventGlyph kind="start" /> start
              </li>
              <li className="inline-flex items-center gap-1">
                <EventGlyph kind="success" /> success
              </li>
            </>
          )}
          <li className="inline-flex items-center gap-1">
            <EventGlyph kind="failure" /> failure or cancel
          </li>
        </ul>
      )}
      <span className="text-zinc-500 dark:text-zinc-400" data-testid="job-events-status">
        {unavailable !== null ? (
          <span className="text-amber-700 dark:text-amber-400">job events unavailable: {unavailable}</span>
        ) : mode === 'off' ? null : loading && total === 0 ? (
          'loading…'
        ) : (
          <>
            {shown === total ? `${total} in range` : `${shown} of ${total} shown`}
            {auto && mode === 'failures' && ' (dense range: failures only)'}
            {truncated && ' · more than the API returns; failures kept first'}
          </>
        )}
      </span>
    </div>
  );
}
