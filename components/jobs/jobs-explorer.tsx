'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { RefreshPicker } from '@/components/layout/refresh-picker';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { useNow } from '@/components/hooks/use-now';
import { jobsApiHref, jobsSearchParams, type JobsLink } from '@/lib/jobs/href';
import { clusterHref, parseViewParams, refreshMs } from '@/lib/links';
import { JobsFilters } from './jobs-filters';
import { linkFromSearch } from './jobs-link-state';
import { JobsNotes } from './jobs-notes';
import { JobsPager } from './jobs-pager';
import { JobsTable } from './jobs-table';
import { SqlBox } from './sql-box';
import { SqlErrorBanner } from './sql-error-banner';
import { useJobs } from './use-jobs';

/** The jobs explorer: filters in the URL, one server-sorted page at a time, the SQL that ran. */
export function JobsExplorer({ cluster, renderedAt }: { cluster: { id: string; name: string }; renderedAt: number }) {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const now = useNow(renderedAt);
  const link = linkFromSearch(new URLSearchParams(sp.toString()));
  const view = parseViewParams(sp);
  // Cursors of the pages before this one (keyset pages can only go forward by themselves).
  const [prev, setPrev] = useState<(string | undefined)[]>([]);

  const apiSearch = jobsSearchParams(link);
  const { data, error, isLoading, isValidating } = useJobs(jobsApiHref(cluster.id, apiSearch), refreshMs(view.refresh));

  function go(next: JobsLink, keepPages = false) {
    const p = jobsSearchParams(next);
    if (sp.get('refresh')) p.set('refresh', sp.get('refresh') as string);
    if (!keepPages) setPrev([]);
    router.push(`${pathname}${p.size ? `?${p}` : ''}`, { scroll: false });
  }

  const exportSearch = (format: 'csv' | 'json') => {
    const p = jobsSearchParams({ ...link, cursor: undefined });
    p.set('format', format);
    return jobsApiHref(cluster.id, p);
  };

  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
      <header className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            <Link href={clusterHref(cluster.id)} className="hover:underline">
              {cluster.name}
            </Link>{' '}
            · jobs
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">Jobs</h1>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <a href={exportSearch('csv')} download className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800">
            Export CSV
          </a>
          <a href={exportSearch('json')} download className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800">
            Export JSON
          </a>
          <RefreshPicker value={view.refresh} />
          <ThemeToggle />
        </div>
      </header>

      <JobsFilters key={sp.toString()} link={link} onChange={(patch) => go({ ...link, ...patch, cursor: undefined })} />

      {error && <SqlErrorBanner error={error} />}
      {isLoading && !data && (
        <div data-testid="jobs-loading" aria-busy className="animate-pulse rounded-lg border border-zinc-200 bg-white px-3 py-10 text-center text-sm text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900">
          Reading jobs…
        </div>
      )}
      {data && (
        <>
          <JobsNotes page={data} />
          {data.jobs.length === 0 ? (
            <p data-testid="jobs-empty" className="rounded-lg border border-dashed border-zinc-300 px-3 py-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              No jobs match these filters in this window.
            </p>
          ) : (
            <div aria-busy={isValidating} className="flex flex-col gap-2">
              <JobsTable cluster={cluster.id} jobs={data.jobs} now={now} />
              <JobsPager
                count={data.jobs.length}
                hasPrev={prev.length > 0}
                hasNext={data.next_cursor !== null}
                onPrev={() => {
                  const before = prev.at(-1);
                  setPrev(prev.slice(0, -1));
                  go({ ...link, cursor: before }, true);
                }}
                onNext={() => {
                  setPrev([...prev, link.cursor]);
                  go({ ...link, cursor: data.next_cursor ?? undefined }, true);
                }}
              />
            </div>
          )}
          <SqlBox sql={data.sql} note={data.source === 'show_jobs' ? '(from SHOW JOBS)' : data.source === 'crdb_internal.jobs' ? '(from crdb_internal.jobs)' : '(from SHOW JOBS and SHOW JOBS FOR SCHEDULES)'} />
        </>
      )}
    </main>
  );
}
