import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { errorHeadline } from '@/lib/format/error-text';
import { jobHref, jobsHref } from '@/lib/jobs/href';
import type { ScheduleGroup, ScheduleRow } from '@/lib/api/types/schedules';
import { FreshnessOf } from './freshness-badge';
import { backupsHref, collectionPath, scheduleHref } from './hrefs';
import { LINK } from './page-header';
import { ScheduleFacts } from './schedule-facts';

const PROBLEM: Record<string, string> = {
  stale: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200',
  late: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-200',
  failing: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200',
  paused: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-200',
};

const EDGE: Record<string, string> = {
  // dark: too, or the card's dark:border-zinc-800 would win over the plain border-l colour.
  stale: 'border-l-red-600 dark:border-l-red-500',
  failing: 'border-l-red-600 dark:border-l-red-500',
  late: 'border-l-amber-500 dark:border-l-amber-500',
  paused: 'border-l-amber-500 dark:border-l-amber-500',
};

/** One backup: its full and incremental schedules together, what is wrong first. */
export function ScheduleGroupCard({ cluster, group, schedules, now, control, onChanged }: { cluster: string; group: ScheduleGroup; schedules: ScheduleRow[]; now: number; control: boolean; onChanged: () => void }) {
  const label = group.label ?? `schedule ${group.key}`;
  const headingId = `group-${group.key}`;
  const worst = group.problems[0];
  // Stale/late are the badge, paused is the flag: only what they do not already say becomes a chip.
  const chips = group.problems.filter((p) => p !== group.freshness.status && !(p === 'paused' && group.freshness.paused));
  return (
    <article
      aria-labelledby={headingId}
      data-testid="schedule-group"
      data-key={group.key}
      data-label={group.label ?? ''}
      data-problems={group.problems.join(',')}
      className={cn('flex flex-col gap-3 rounded-lg border border-l-4 border-zinc-200 bg-white px-3 py-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900', worst ? EDGE[worst] : 'border-l-emerald-500 dark:border-l-emerald-600')}
    >
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={headingId} className="text-lg font-semibold tracking-tight">
              <Link href={scheduleHref(cluster, group.focus_id)} className="hover:underline">
                {label}
              </Link>
            </h2>
            <FreshnessOf f={group.freshness} large />
            {chips.map((p) => (
              <span key={p} data-testid="problem" className={cn('rounded border px-1.5 py-0.5 text-xs font-medium', PROBLEM[p] ?? PROBLEM.late)}>
                {p}
              </span>
            ))}
          </div>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">{group.freshness.reason}</p>
          {group.failure && (
            <p data-testid="group-failure" className="text-sm break-words text-red-800 dark:text-red-300">
              newest run failed (<Link href={jobHref(cluster, group.failure.job_id)} className="underline underline-offset-2">job {group.failure.job_id}</Link>):{' '}
              {errorHeadline(group.failure.error)}
            </p>
          )}
          {group.collection && (
            <p className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400" title="collection (credentials redacted)">
              {group.collection}
            </p>
          )}
        </div>
        <nav aria-label={`Links for ${label}`} className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          <Link href={scheduleHref(cluster, group.focus_id)} className={LINK}>
            Schedule details
          </Link>
          <Link href={jobsHref(cluster, { type: ['BACKUP'], scheduled: true, from: 'now-14d', q: group.collection ? collectionPath(group.collection) : undefined })} className={LINK}>
            Its jobs
          </Link>
          {group.collection && (
            <Link href={backupsHref(cluster, { collection: group.collection })} className={LINK}>
              Its backups
            </Link>
          )}
        </nav>
      </header>
      <div className="flex flex-col gap-3">
        {schedules.map((s) => (
          <ScheduleFacts key={s.id} cluster={cluster} s={s} now={now} control={control} onChanged={onChanged} />
        ))}
      </div>
    </article>
  );
}
