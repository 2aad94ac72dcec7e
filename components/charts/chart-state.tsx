import { cn } from '@/components/ui/cn';

const TEXT = {
  loading: 'Loading history…',
  empty: 'No history in this range yet: the dashboard records from the moment it starts scraping.',
  error: 'Could not load the history.',
} as const;

/** The chart's loading, empty and error states, at the chart's own height so the page does not jump. */
export function ChartState({ height, kind, message }: { height: number; kind: keyof typeof TEXT; message?: string }) {
  return (
    <div
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={`chart-${kind}`}
      style={{ height }}
      className={cn(
        'flex items-center justify-center rounded-md border border-dashed px-4 text-center text-sm',
        kind === 'error' ? 'border-red-300 text-red-700 dark:border-red-800 dark:text-red-400' : 'border-zinc-300 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400',
        kind === 'loading' && 'animate-pulse',
      )}
    >
      <p>
        {TEXT[kind]}
        {message && <span className="block text-xs">{message}</span>}
      </p>
    </div>
  );
}
