import type { JobRow } from '@/lib/jobs/job-row';
import { exactUtc, RelTime } from './rel-time';

function missing(label: string, columns: readonly string[]): string {
  // v25.3 removed `started` from SHOW JOBS ("a duplicate of the created column", release notes).
  if (label === 'started' && !columns.includes('started')) return 'not in SHOW JOB on this version (see created)';
  if (label === 'finished') return 'not finished';
  return 'not yet';
}

/** created → started → last modified → finished; a step the version lacks (25.3+: no started) shows "—". */
export function JobTimeline({ job, now, columns }: { job: JobRow; now: number; columns: readonly string[] }) {
  const steps: [string, string | null][] = [
    ['created', job.created],
    ['started', job.started],
    ['last modified', job.modified],
    ['finished', job.finished],
  ];
  return (
    <ol aria-label="Timeline" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {steps.map(([label, iso], i) => (
        <li key={label} className="relative rounded-md border border-zinc-200 px-2.5 py-1.5 dark:border-zinc-800">
          <div className="text-xs text-zinc-500 dark:text-zinc-400">
            {i + 1}. {label}
          </div>
          <div className="font-mono text-xs text-zinc-900 dark:text-zinc-100">{exactUtc(iso)}</div>
          <div className="text-xs text-zinc-600 dark:text-zinc-400">{iso ? <RelTime iso={iso} now={now} /> : missing(label, columns)}</div>
        </li>
      ))}
    </ol>
  );
}
