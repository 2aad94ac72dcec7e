'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { RefreshPicker } from '@/components/layout/refresh-picker';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { LastKnownNote } from '@/components/data/last-known-note';
import { useClusterNow } from '@/components/hooks/use-cluster-now';
import { jobErrorsApiHref, jobsApiHref, jobsSearchParams, type JobsLink } from '@/lib/jobs/href';
import { clusterHref, parseViewParams, refreshMs } from '@/lib/links';
import { ErrorGroups } from './error-groups';
import { FilterChip } from './filter-chip';
import { JobsFilters } from './jobs-filters';
import { linkFromSearch } from './jobs-link-state';
import { JobsNotes } from './jobs-notes';
import { JobsPager } from './jobs-pager';
import { JobsTable } from './jobs-table';
import { SqlBox } from './sql-box';
import { SqlErrorBanner } from './sql-error-banner';
import { useJobs } from './use-jobs';

/** The jobs explorer: filters in the URL, one server-sorted page at a time, the SQL that ran. */
export function JobsExplorer({ cluster, renderedAt, clusterSkewMs = 0 }: { cluster: { id: string; name: string }; renderedAt: number; clusterSkewMs?: number }) {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // Jobs' times are the cluster's: their ages are measured against its clock.
  const now = useClusterNow(cluster.id, renderedAt, clusterSkewMs);
  const link = linkFromSearch(new URLSearchParams(sp.toString()));
  const view = parseViewParams(sp);
  // `group=error` (page only): the failures of this filter grouped by error text, above the list.
  const grouped = sp.get('group') === 'error';

  const apiSearch = jobsSearchParams(link);
  const { data, error, isLoading, isValidating } = useJobs(jobsApiHref(cluster.id, apiSearch), refreshMs(view.refresh));

  /** This page's URL for another link state, keeping the page-only parameters (refresh, group). */
  function hrefOf(next: JobsLink, opts: { grouped?: boolean } = {}): string {
    const p = jobsSearchParams(next);
    if (sp.get('refresh')) p.set('refresh', sp.get('refresh') as string);
    if (opts.grouped ?? grouped) p.set('group', 'error');
    return `${pathname}${p.size ? `?${p}` : ''}`;
  }
  function go(next: JobsLink, opts: { grouped?: boolean } = {}) {
    router.push(hrefOf(next, opts), { scroll: false });
  }
  const groupsApi = jobErrorsApiHref(cluster.id, jobsSearchParams({ ...link, cursor: undefined, sort: undefined }));

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
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <FilterChip label="Group failures by error" pressed={grouped} title="Failed jobs of this filter, grouped by error text, with counts" onClick={() => go({ ...link, cursor: undefined }, { grouped: !grouped })} />
      </div>
      {grouped && <ErrorGroups apiHref={groupsApi} link={link} listHref={(l) => hrefOf(l, { grouped: false })} now={now} />}

      {error && <SqlErrorBanner error={error} />}
      {data?.last_known && <LastKnownNote lastKnown={data.last_known} now={now} />}
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
              <JobsTable cluster={cluster.id} jobs={data.jobs} now={now} source={data.source} showSchedule />
              <JobsPager
                shown={data.jobs.length}
                total={data.total ?? null}
                firstHref={link.cursor ? hrefOf({ ...link, cursor: undefined }) : null}
                prevHref={data.prev_cursor ? hrefOf({ ...link, cursor: data.prev_cursor }) : null}
                nextHref={data.next_cursor ? hrefOf({ ...link, cursor: data.next_cursor }) : null}
              />
            </div>
          )}
          <SqlBox sql={data.sql} note={data.source === 'show_jobs' ? '(from SHOW JOBS)' : data.source === 'crdb_internal.jobs' ? '(from crdb_internal.jobs)' : '(from SHOW JOBS and SHOW JOBS FOR SCHEDULES)'} />
        </>
      )}
    </main>
  );
}
