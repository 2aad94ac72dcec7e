import { RelTime } from '@/components/jobs/rel-time';
import { cn } from '@/components/ui/cn';
import type { ScheduleRow } from '@/lib/api/types/schedules';
import Link from 'next/link';
import { jobHref } from '@/lib/jobs/href';
import { FreshnessOf } from './freshness-badge';
import { LINK } from './page-header';
import { RunStrip } from './run-strip';
import { ScheduleControl } from './schedule-control';

const DT = 'text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400';
const DD = 'text-sm text-zinc-900 dark:text-zinc-100';

export function isPaused(s: ScheduleRow): boolean {
  return s.freshness.paused || s.schedule_status?.toUpperCase() === 'PAUSED';
}

function Fact({ term, children, className }: { term: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={cn('min-w-0', className)}>
      <dt className={DT}>{term}</dt>
      <dd className={DD}>{children}</dd>
    </div>
  );
}

/** "every hour at :00" with the raw cron beside it (what `SHOW SCHEDULES` prints). */
export function Recurrence({ s }: { s: ScheduleRow }) {
  if (!s.recurrence) return <span className="text-zinc-400">—</span>;
  return (
    <span>
      {s.recurrence_text ?? s.recurrence} {s.recurrence_text && <code className="ml-1 rounded bg-zinc-100 px-1 font-mono text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{s.recurrence}</code>}
    </span>
  );
}

/** The last failure: its job, when, and the error shortened (in full on hover). */
export function LastFailure({ cluster, s, now }: { cluster: string; s: ScheduleRow; now: number }) {
  const f = s.last_failure;
  if (!f) return <span className="text-zinc-500 dark:text-zinc-400">none in the history</span>;
  return (
    <span className="flex min-w-0 flex-col">
      <span>
        <Link href={jobHref(cluster, f.job_id)} className={cn(LINK, 'font-mono text-xs')}>
          {f.job_id}
        </Link>{' '}
        <RelTime iso={f.finished} now={now} />
      </span>
      {f.error && (
        <span data-testid="last-failure-error" title={f.error} className="line-clamp-2 text-xs break-words text-red-700 dark:text-red-400">
          {f.error}
        </span>
      )}
    </span>
  );
}

/** One schedule of a pair: everything an on-call engineer checks, in SHOW SCHEDULES' words. */
export function ScheduleFacts({ cluster, s, now, control, onChanged }: { cluster: string; s: ScheduleRow; now: number; control: boolean; onChanged: () => void }) {
  const paused = isPaused(s);
  const label = s.label ?? s.id;
  return (
    <section aria-label={`${s.backup_type ?? 'schedule'} ${label}`} data-testid="schedule" data-schedule-id={s.id} className="flex flex-col gap-2 border-t border-zinc-100 pt-2 first:border-t-0 first:pt-0 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <span className="rounded bg-zinc-800 px-1.5 py-0.5 text-[11px] font-bold tracking-wide text-white uppercase dark:bg-zinc-200 dark:text-zinc-900">{s.backup_type ?? 'schedule'}</span>
        <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400" title="schedule id">
          {s.id}
        </span>
        <span className={cn('text-xs font-medium', paused ? 'text-amber-700 dark:text-amber-400' : 'text-zinc-600 dark:text-zinc-400')}>{s.schedule_status ?? '—'}</span>
        <FreshnessOf f={s.freshness} />
        {control && <ScheduleControl cluster={cluster} id={s.id} label={label} paused={paused} onDone={onChanged} />}
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3 xl:grid-cols-6">
        <Fact term="recurrence" className="col-span-2 sm:col-span-1 xl:col-span-2">
          <Recurrence s={s} />
        </Fact>
        <Fact term="next run">{paused ? <span className="text-amber-700 dark:text-amber-400">none (paused)</span> : <RelTime iso={s.next_run} now={now} />}</Fact>
        <Fact term="jobs running">{s.jobsrunning ?? '—'}</Fact>
        <Fact term="last success">
          <RelTime iso={s.last_success} now={now} />
        </Fact>
        <Fact term="owner">{s.owner ?? '—'}</Fact>
        <Fact term="on_previous_running">
          <code className="font-mono text-xs">{s.on_previous_running ?? '—'}</code>
        </Fact>
        <Fact term="on_execution_failure">
          <code className="font-mono text-xs">{s.on_execution_failure ?? '—'}</code>
        </Fact>
        <Fact term="last failure" className="col-span-2 sm:col-span-3 xl:col-span-4">
          <LastFailure cluster={cluster} s={s} now={now} />
        </Fact>
      </dl>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className={DT}>recent runs</span>
        <RunStrip cluster={cluster} runs={s.runs} label={label} />
      </div>
    </section>
  );
}
