import { etaSeconds, formatEta } from '@/lib/jobs/eta';
import { baseStatus } from '@/lib/jobs/statuses';
import { cn } from '@/components/ui/cn';

interface Props {
  status: string | null;
  fraction: number | null;
  /** `started`, or `created` where the version has no started (25.3+). */
  started: string | null;
  now: number;
  wide?: boolean;
}

/** Progress bar with the percentage and, for a running job past 5 %, the estimated time left. */
export function JobProgress({ status, fraction, started, now, wide }: Props) {
  if (fraction === null) return <span className="text-zinc-400">—</span>;
  const pct = Math.max(0, Math.min(100, fraction * 100));
  const eta = formatEta(etaSeconds({ status, fraction_completed: fraction, started, nowMs: now }));
  const base = baseStatus(status);
  const bar = base === 'failed' || base === 'revert-failed' ? 'bg-red-500' : base === 'succeeded' ? 'bg-emerald-500' : base === 'running' ? 'bg-sky-500' : 'bg-amber-500';
  return (
    <div className={cn('flex flex-col gap-0.5', wide ? 'w-full max-w-md' : 'w-28')}>
      <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)} aria-label="fraction completed" className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
        <div className={cn('h-full rounded-full', bar)} style={{ width: `${pct}%` }} />
      </div>
      <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        <span className="whitespace-nowrap">{pct.toFixed(pct < 10 && pct > 0 ? 1 : 0)} %</span>
        {eta && (
          <span title="estimated from the progress rate since the job started" className={wide ? 'whitespace-nowrap' : 'block'}>
            {wide ? ' · ' : ''}
            {eta} left
          </span>
        )}
      </span>
    </div>
  );
}
