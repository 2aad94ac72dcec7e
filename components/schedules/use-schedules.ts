'use client';

import useSWR from 'swr';
import { fetcher, type FetchError } from '@/components/data/fetcher';
import { metricsApiHref } from '@/lib/links';
import type { ScheduleDetail, SchedulesPage } from '@/lib/api/types/schedules';
import type { BackupsPage } from '@/lib/api/types/backups';
import type { ClusterSnapshot } from '@/lib/api/types/metrics';

// The previous answer stays on screen while the next loads: no blank flash, no layout shift on refresh.
const OPTS = { keepPreviousData: true, shouldRetryOnError: false, revalidateOnFocus: false } as const;

/** `fallbackData`: the server's answer when it had one in time, so the first paint has the chips. */
export function useSchedules(url: string, refreshMs: number, fallbackData?: SchedulesPage) {
  return useSWR<SchedulesPage, FetchError>(url, fetcher, { ...OPTS, refreshInterval: refreshMs, fallbackData });
}

/** `fallbackData`: the server's answer, so the first paint has the schedule. */
export function useSchedule(url: string, refreshMs: number, fallbackData?: ScheduleDetail) {
  return useSWR<ScheduleDetail, FetchError>(url, fetcher, { ...OPTS, refreshInterval: refreshMs, fallbackData });
}

export function useBackups(url: string, refreshMs: number) {
  return useSWR<BackupsPage, FetchError>(url, fetcher, { ...OPTS, refreshInterval: refreshMs });
}

/** The latest metrics snapshot, only while `enabled` (when SQL is down, the metric is all there is). */
export function useMetricsSnapshot(cluster: string, enabled: boolean, refreshMs: number) {
  return useSWR<ClusterSnapshot, FetchError>(enabled ? metricsApiHref(cluster) : null, fetcher, { ...OPTS, refreshInterval: refreshMs });
}
