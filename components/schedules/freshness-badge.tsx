import { cn } from '@/components/ui/cn';
import type { Freshness, FreshnessStatus } from '@/lib/api/types/schedules';

const TONE: Record<FreshnessStatus, string> = {
  ok: 'bg-emerald-100 text-emerald-900 ring-emerald-600/20 dark:bg-emerald-900/40 dark:text-emerald-200',
  late: 'bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-900/40 dark:text-amber-200',
  stale: 'bg-red-100 text-red-900 ring-red-600/30 dark:bg-red-900/50 dark:text-red-200',
  unknown: 'bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300',
};

/** ok / late / stale / unknown; the reason on hover and, for screen readers, in the text itself. */
export function FreshnessBadge({ status, reason, large }: { status: FreshnessStatus; reason: string; large?: boolean }) {
  return (
    <span
      data-testid="freshness"
      data-status={status}
      title={reason}
      className={cn('inline-flex items-center rounded font-semibold tracking-wide whitespace-nowrap uppercase ring-1 ring-inset', large ? 'px-2 py-0.5 text-sm' : 'px-1.5 py-0.5 text-xs', TONE[status])}
    >
      {status}
      <span className="sr-only">: {reason}</span>
    </span>
  );
}

/** A paused schedule's age only grows: shown loud, beside (never instead of) the freshness. */
export function PausedFlag({ title }: { title?: string }) {
  return (
    <span
      data-testid="paused-flag"
      title={title ?? 'The schedule is paused: no new backups until someone resumes it.'}
      className="inline-flex items-center gap-1 rounded bg-amber-500 px-1.5 py-0.5 text-xs font-bold tracking-wide text-black uppercase"
    >
      <svg aria-hidden width="10" height="10" viewBox="0 0 10 10" fill="currentColor">
        <rect x="1" y="1" width="3" height="8" />
        <rect x="6" y="1" width="3" height="8" />
      </svg>
      paused
    </span>
  );
}

export function FreshnessOf({ f, large }: { f: Freshness; large?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <FreshnessBadge status={f.status} reason={f.reason} large={large} />
      {f.paused && <PausedFlag />}
    </span>
  );
}
