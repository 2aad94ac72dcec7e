import { cn } from '@/components/ui/cn';
import { statusDisplay, type StatusTone } from '@/lib/jobs/statuses';

const TONE: Record<StatusTone, string> = {
  ok: 'bg-emerald-100 text-emerald-900 ring-emerald-600/20 dark:bg-emerald-900/40 dark:text-emerald-200',
  running: 'bg-sky-100 text-sky-900 ring-sky-600/20 dark:bg-sky-900/40 dark:text-sky-200',
  warn: 'bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-900/40 dark:text-amber-200',
  critical: 'bg-red-100 text-red-900 ring-red-600/30 dark:bg-red-900/50 dark:text-red-200',
  neutral: 'bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300',
};

/** The job's status; a running job with execution errors reads "retrying" (lib/jobs/statuses.ts). */
export function JobStatusBadge({ status, executionErrors }: { status: string | null; executionErrors: readonly string[] | null }) {
  const d = statusDisplay(status, executionErrors);
  return (
    <span data-testid="job-status" data-tone={d.tone} title={d.explain} className={cn('inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset', TONE[d.tone])}>
      {d.label}
    </span>
  );
}
