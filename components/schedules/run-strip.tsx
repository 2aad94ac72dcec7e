import Link from 'next/link';
import { exactUtc } from '@/components/jobs/rel-time';
import { cn } from '@/components/ui/cn';
import { jobHref } from '@/lib/jobs/href';
import { statusDisplay, type StatusTone } from '@/lib/jobs/statuses';
import type { ScheduleRun } from '@/lib/api/types/schedules';

const SQUARE: Record<StatusTone, string> = {
  ok: 'bg-emerald-500 dark:bg-emerald-500',
  critical: 'bg-red-600 dark:bg-red-500',
  running: 'bg-sky-500 dark:bg-sky-400',
  warn: 'bg-amber-400 dark:bg-amber-400',
  neutral: 'bg-zinc-300 dark:bg-zinc-600',
};

/** Recent runs as small squares, oldest left, newest right; each opens its job. */
export function RunStrip({ cluster, runs, label }: { cluster: string; runs: ScheduleRun[]; label: string }) {
  if (runs.length === 0) return <span className="text-xs text-zinc-500 dark:text-zinc-400">no runs in the job history</span>;
  const chronological = [...runs].reverse();
  return (
    <ol aria-label={`Recent runs of ${label}, oldest first`} className="flex flex-wrap items-center gap-0.5">
      {chronological.map((r) => {
        const d = statusDisplay(r.status);
        const when = r.finished ?? r.created;
        const title = `job ${r.job_id}: ${d.label}${when ? `, ${r.finished ? 'finished' : 'created'} ${exactUtc(when)}` : ''}${r.error ? ` — ${r.error}` : ''}`;
        return (
          <li key={r.job_id} className="flex">
            <Link
              href={jobHref(cluster, r.job_id)}
              title={title}
              aria-label={title}
              data-testid="run"
              data-status={d.tone}
              className={cn('block size-3.5 rounded-[2px] ring-offset-1 hover:ring-2 hover:ring-zinc-500 focus-visible:outline-2 focus-visible:outline-emerald-600 sm:size-3', SQUARE[d.tone])}
            />
          </li>
        );
      })}
    </ol>
  );
}
