'use client';

import useSWR from 'swr';
import { fetcher, type FetchError } from '@/components/data/fetcher';
import type { RangeData } from '@/lib/domain/chart-data';
import { metricRangeApiHref } from '@/lib/links';

export interface RangeQuery {
  from: string;
  to: string;
  nodes?: readonly number[];
  fn?: string;
  aggregate?: boolean;
}

/**
 * A metric's history for a chart. keepPreviousData: a chart keeps its lines while a new range or
 * node set loads instead of flashing empty. `now-…` ranges move with every refresh because the
 * server resolves them at request time.
 */
export function useMetricRange(cluster: string, metric: string, q: RangeQuery, refreshMs: number) {
  return useSWR<RangeData, FetchError>(metricRangeApiHref(cluster, metric, q), fetcher, {
    keepPreviousData: true,
    refreshInterval: refreshMs,
    revalidateOnFocus: false,
    shouldRetryOnError: false,
  });
}
