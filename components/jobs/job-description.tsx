'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { fetcher, type FetchError } from '@/components/data/fetcher';
import type { JobDetail, JobsSource } from '@/lib/api/types/jobs';
import { jobApiHref } from '@/lib/jobs/href';

/**
 * A job's description, two lines until expanded. SHOW JOBS' listing shortens long descriptions
 * (v24.1+, #121286: `substr(d, 0, 60) || ' … ' || right(d, 7)`), so where the page came from SHOW JOBS
 * the expanded text is SHOW JOB's long form, read on demand; crdb_internal.jobs has it in full already.
 */
export function JobDescription({ cluster, jobId, description, source }: { cluster: string; jobId: string; description: string | null; source: JobsSource }) {
  const [open, setOpen] = useState(false);
  const shortened = source === 'show_jobs' && description !== null && description.includes(' … ');
  const { data, error } = useSWR<JobDetail, FetchError>(open && shortened ? jobApiHref(cluster, jobId) : null, fetcher, { revalidateOnFocus: false });
  if (description === null) return <span className="text-zinc-400">—</span>;
  const full = shortened ? (data?.job.description ?? null) : description;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <span data-testid="job-description-text" className={`font-mono text-xs break-all text-zinc-700 dark:text-zinc-300 ${open ? 'whitespace-pre-wrap' : 'line-clamp-2'}`}>
        {open ? (full ?? description) : description}
      </span>
      {open && shortened && !data && !error && <span className="text-xs text-zinc-500">reading SHOW JOB {jobId}…</span>}
      {open && error && <span className="text-xs text-red-700 dark:text-red-400">full description unavailable: {error.message}</span>}
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="text-xs text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400">
        {open ? 'less' : 'full description'}
      </button>
    </div>
  );
}
