'use client';

import useSWR from 'swr';
import type { JobDetail, JobsPage } from '@/lib/api/types/jobs';
import { isTerminal } from '@/lib/jobs/statuses';
import { fetcher, type FetchError } from '@/components/data/fetcher';

/** One page of the explorer; the previous page stays on screen while the next loads. */
export function useJobs(url: string, refreshMs: number) {
  return useSWR<JobsPage, FetchError>(url, fetcher, { keepPreviousData: true, refreshInterval: refreshMs, shouldRetryOnError: false, revalidateOnFocus: false });
}

/** One job, re-fetched while it can still change; polling stops once it is terminal (cluster-ui does the same). */
export function useJob(url: string, refreshMs: number) {
  return useSWR<JobDetail, FetchError>(url, fetcher, {
    refreshInterval: (d) => (d && isTerminal(d.job.status) ? 0 : refreshMs),
    shouldRetryOnError: false,
  });
}
