import { ReferenceArea } from 'recharts';
import { cn } from '@/components/ui/cn';
import type { DrawnWindow } from '@/lib/domain/alert-view';
import { windowRules } from '@/lib/domain/alert-view';
import type { Severity } from '@/lib/api/types/alerts';

// Red for critical, amber for warning (the nav badge's colours); semi-transparent so the lines stay readable.
const FILL: Record<Severity, string> = {
  critical: 'fill-red-500/15 dark:fill-red-400/20',
  warning: 'fill-amber-400/20 dark:fill-amber-300/15',
  info: 'fill-sky-400/15 dark:fill-sky-300/15',
};
const BAND: Record<Severity, string> = {
  critical: 'fill-red-600 dark:fill-red-400',
  warning: 'fill-amber-500 dark:fill-amber-400',
  info: 'fill-sky-500 dark:fill-sky-400',
};
const SWATCH: Record<Severity, string> = {
  critical: 'bg-red-500/40 ring-red-600 dark:bg-red-400/40 dark:ring-red-400',
  warning: 'bg-amber-400/50 ring-amber-500 dark:bg-amber-300/40 dark:ring-amber-400',
  info: 'bg-sky-400/40 ring-sky-500',
};

/** "scheduled_backup_failed (critical) fired 14:05:12 – 14:35:40: 2 scheduled backups failed…": the area's accessible name. */
export function describeWindow(w: DrawnWindow, format: (t: number) => string): string {
  const until = w.ongoing ? 'still firing' : `resolved ${format(w.endMs as number)}`;
  return `Alert ${w.rule} (${w.severity}) fired ${format(w.startMs)}, ${until}: ${w.summary}`;
}

/**
 * One ReferenceArea per window, the plot's full height, under the lines (Recharts' area layer), with
 * a solid band along the top so a narrow window still shows. Called as a function inside the chart so
 * Recharts sees ReferenceArea elements as its direct children.
 */
export function alertWindowAreas(windows: readonly DrawnWindow[], format: (t: number) => string) {
  return windows.map((w) => {
    const label = describeWindow(w, format);
    return (
      <ReferenceArea
        key={w.key}
        x1={w.x1}
        x2={w.x2}
        ifOverflow="hidden"
        className="alert-window-area"
        shape={(p: { x?: number; y?: number; width?: number; height?: number }) => {
          const x = p.x ?? 0;
          const y = p.y ?? 0;
          const width = Math.max(2, Math.abs(p.width ?? 0));
          const height = Math.abs(p.height ?? 0);
          return (
            <g role="img" aria-label={label} data-testid="alert-window" data-rule={w.rule} data-severity={w.severity} data-ongoing={w.ongoing ? '1' : '0'} className="alert-window">
              <title>{label}</title>
              <rect x={x} y={y} width={width} height={height} className={FILL[w.severity]} />
              <rect x={x} y={y} width={width} height={3} className={BAND[w.severity]} />
            </g>
          );
        }}
      />
    );
  });
}

/** The caption's words for the shading, so it is named without hovering (phones have no hover). */
export function AlertWindowsNote({ windows, note }: { windows: readonly DrawnWindow[]; note?: string | null }) {
  const rules = windowRules(windows);
  if (rules.length === 0 && !note) return null;
  return (
    <span data-testid="alert-windows-note" className="ml-2 inline-flex flex-wrap items-center gap-x-2">
      {rules.length > 0 && <span>shaded: alert firing</span>}
      {rules.map((r) => (
        <span key={r.rule} className="inline-flex items-center gap-1">
          <span aria-hidden className={cn('inline-block h-2.5 w-3 rounded-sm ring-1 ring-inset', SWATCH[r.severity])} />
          <span className="font-mono">{r.rule}</span>
          <span className="sr-only"> ({r.severity})</span>
        </span>
      ))}
      {note && <span className="text-amber-700 dark:text-amber-400">{note}</span>}
    </span>
  );
}
