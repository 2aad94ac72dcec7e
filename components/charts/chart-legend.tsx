'use client';

import type { ChartLine } from '@/lib/domain/chart-data';
import { cn } from '@/components/ui/cn';
import { nodeColor } from './chart-colors';

/** One toggle per line: click hides or shows it (the state is the caller's, e.g. the URL). */
export function ChartLegend({ lines, hidden, onToggle }: { lines: ChartLine[]; hidden: ReadonlySet<string>; onToggle?: (key: string) => void }) {
  return (
    <ul className="flex flex-wrap gap-x-1 gap-y-1 text-xs" aria-label="Series">
      {lines.map((l) => {
        const off = hidden.has(l.key);
        return (
          <li key={l.key}>
            <button
              type="button"
              aria-pressed={!off}
              disabled={!onToggle}
              onClick={() => onToggle?.(l.key)}
              title={off ? `Show ${l.label}` : `Hide ${l.label}`}
              className={cn(
                'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-emerald-600 disabled:cursor-default disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800',
                off && 'text-zinc-400 line-through dark:text-zinc-500',
              )}
            >
              <span aria-hidden className={cn('inline-block h-0.5 w-3', l.nodeId === null && 'border-t-2 border-dashed bg-transparent')} style={l.nodeId === null ? { borderColor: nodeColor(null) } : { background: nodeColor(l.nodeId), height: 3 }} />
              {l.label}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
