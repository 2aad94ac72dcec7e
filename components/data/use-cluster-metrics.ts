'use client';

import useSWR from 'swr';
import { metricsApiHref } from '@/lib/links';
import type { ClusterSnapshot } from '@/lib/api/types/metrics';
import { fetcher, type FetchError } from './fetcher';

/**
 * The cluster's latest snapshot, re-fetched every `refreshMs` (0 = never). The server's snapshot
 * is the fallback, so the first paint already has data; on a failed refresh SWR keeps the last
 * data and reports the error next to it (partial data beats a blank page).
 */
export function useClusterMetrics(cluster: string, opts: { fallbackData: ClusterSnapshot; refreshMs: number }) {
  const swr = useSWR<ClusterSnapshot, FetchError>(metricsApiHref(cluster), fetcher, {
    fallbackData: opts.fallbackData,
    keepPreviousData: true,
    refreshInterval: opts.refreshMs,
    // The server scrapes at most once per interval anyway; a focus refetch is cheap and reassuring.
    revalidateOnFocus: true,
    dedupingInterval: 1_000,
    // Refreshing is the retry: no extra error-retry timers stacking up against a struggling server.
    shouldRetryOnError: false,
  });
  return { ...swr, data: swr.data ?? opts.fallbackData };
}
