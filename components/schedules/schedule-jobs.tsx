'use client';

import { useState } from 'react';
import { JobsTable } from '@/components/jobs/jobs-table';
import type { JobRow } from '@/lib/jobs/job-row';

/** Newest jobs first; a 15-minute schedule has hundreds, so the page shows a screenful until asked. */
const FIRST = 25;

export function ScheduleJobs({ cluster, jobs, now }: { cluster: string; jobs: JobRow[]; now: number }) {
  const [all, setAll] = useState(false);
  if (jobs.length === 0) return <p className="text-sm text-zinc-500">No jobs in the history (CockroachDB keeps finished jobs 14 days by default).</p>;
  const shown = all ? jobs : jobs.slice(0, FIRST);
  return (
    <div className="flex flex-col gap-2">
      <JobsTable cluster={cluster} jobs={shown} now={now} />
      {jobs.length > FIRST && (
        <button
          type="button"
          onClick={() => setAll(!all)}
          className="self-start rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          {all ? `Show the newest ${FIRST}` : `Show all ${jobs.length}`}
        </button>
      )}
    </div>
  );
}
