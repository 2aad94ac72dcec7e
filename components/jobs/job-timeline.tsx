import type { JobRow } from '@/lib/jobs/job-row';
import { exactUtc, RelTime } from './rel-time';

function missing(label: string): string {
  if (label === 'finished') return 'not finished';
  return 'not yet';
}

/**
 * created → started → last modified → finished. v25.3 removed `started` from SHOW JOB(S) as "a
 * duplicate of the created column" (release notes): there the start step shows `created`'s time and
 * says so, rather than "not available" beside lists that show a start time.
 */
export function JobTimeline({ job, now, columns }: { job: JobRow; now: number; columns: readonly string[] }) {
  const noStarted = !columns.includes('started');
  const steps: [string, string | null, string?][] = [
    ['created', job.created],
    noStarted ? ['started', job.created, 'created’s time: SHOW JOB has no started column on this version (25.3+ dropped it as a duplicate of created)'] : ['started', job.started],
    ['last modified', job.modified],
    ['finished', job.finished],
  ];
  return (
    <ol aria-label="Timeline" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {steps.map(([label, iso, source], i) => (
        <li key={label} className="relative rounded-md border border-zinc-200 px-2.5 py-1.5 dark:border-zinc-800">
          <div className="text-xs text-zinc-500 dark:text-zinc-400">
            {i + 1}. {label}
          </div>
          <div className="font-mono text-xs text-zinc-900 dark:text-zinc-100">{exactUtc(iso)}</div>
          <div className="text-xs text-zinc-600 dark:text-zinc-400">{iso ? <RelTime iso={iso} now={now} /> : missing(label)}</div>
          {source && <div data-testid="started-source" className="text-xs text-zinc-500 dark:text-zinc-400">= {source}</div>}
        </li>
      ))}
    </ol>
  );
}
