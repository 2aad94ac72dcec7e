import type { JobsPage } from '@/lib/api/types/jobs';

/** Where the rows come from, and what the window cannot show. */
export function JobsNotes({ page }: { page: JobsPage }) {
  return (
    <div className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      <p data-testid="jobs-source">
        {page.source === 'show_jobs'
          ? 'Read from SHOW JOBS (jobs unfinished or finished in the last 12 h; automatic jobs excluded).'
          : page.source === 'crdb_internal.jobs'
            ? 'Read from crdb_internal.jobs: the window reaches past SHOW JOBS’ 12 hours (or searches the full description / execution errors); automatic jobs excluded, as SHOW JOBS does.'
            : 'Read from SHOW JOB’s long form of what SHOW JOBS lists plus every job of every schedule (SHOW JOBS FOR SCHEDULES): crdb_internal.jobs is restricted on this cluster (allow_unsafe_internals is off).'}
      </p>
      {(page.unavailable ?? []).map((u) => (
        <p key={u} role="note" data-testid="unavailable-note" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          {u}
        </p>
      ))}
      {page.past_retention && (
        <p role="note" data-testid="retention-note" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          The window starts before jobs.retention_time (14 days by default): CockroachDB has deleted finished jobs older than that, so they are not listed.
        </p>
      )}
    </div>
  );
}
