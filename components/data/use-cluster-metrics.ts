'use client';

import useSWR from 'swr';
import { metricsApiHref } from '@/lib/links';
import type { ClusterSnapshot } from '@/lib/api/types/metrics';
import { fetcher, type FetchError } from './fetcher';
import { liveOptions } from './live-options';

/**
 * The cluster's latest snapshot, re-fetched every `refreshMs` (0 = never). The server's snapshot
 * is the fallback, so the first paint already has data; on a failed refresh SWR keeps the last
 * data and reports the error next to it (partial data beats a blank page).
 */
export function useClusterMetrics(cluster: string, opts: { fallbackData: ClusterSnapshot; refreshMs: number }) {
  const swr = useSWR<ClusterSnapshot, FetchError>(metricsApiHref(cluster), fetcher, liveOptions(opts.fallbackData, opts.refreshMs));
  return { ...swr, data: swr.data ?? opts.fallbackData };
}
