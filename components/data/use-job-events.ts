'use client';

import useSWR from 'swr';
import { fetcher, type FetchError } from '@/components/data/fetcher';
import { jobEventsScope } from '@/lib/domain/drill';
import { shownEvents, type EventMode, type JobEvent, type JobEventsAnswer } from '@/lib/jobs/events';
import { jobEventsApiHref, jobHref } from '@/lib/jobs/href';

export interface JobEventsRange {
  from: string;
  to: string;
  /** The nodes a panel shows; undefined = every node. */
  nodes?: readonly number[];
}

/**
 * The job events to mark on a metric's chart (its drill rule's job types). No request for a metric
 * without jobs or when `enabled` is false. The range is the view's own text (`now-6h`), not the
 * chart's resolved instants: the overview's charts of one job type then share one request.
 * `nodes` applies only where the metric lives on the job's coordinator (lib/domain/drill.ts).
 */
export function useJobEvents(cluster: string, metric: string, q: JobEventsRange, refreshMs: number, enabled = true) {
  const scope = jobEventsScope(metric);
  const key = enabled && scope ? jobEventsApiHref(cluster, { type: scope.type, scheduled: scope.scheduled, from: q.from, to: q.to, nodes: scope.perNode ? q.nodes : undefined }) : null;
  return useSWR<JobEventsAnswer, FetchError>(key, fetcher, {
    keepPreviousData: true,
    refreshInterval: refreshMs,
    revalidateOnFocus: false,
    shouldRetryOnError: false,
  });
}

const NONE: readonly JobEvent[] = [];

/**
 * Everything a chart and its "Job events" bar need: the markers to draw in the chosen (or automatic)
 * mode, the job links, and what went wrong. A cluster without SQL, or a metric without jobs, gets
 * no marker lane and no request; an unreachable SQL interface leaves the lines alone and says so.
 */
export function useChartEvents(cluster: string, metric: string, q: JobEventsRange & { refreshMs: number; sql: boolean; mode?: EventMode; denseAbove: number }) {
  const on = q.sql && jobEventsScope(metric) !== null;
  const { data, error, isLoading } = useJobEvents(cluster, metric, q, q.refreshMs, on && q.mode !== 'off');
  const all = on && data ? data.events : NONE;
  const shown = shownEvents(all, { mode: q.mode, denseAbove: q.denseAbove });
  const unavailable = on && error ? (error.code === 'sql_unavailable' ? 'SQL unreachable' : error.message.slice(0, 120)) : null;
  return {
    on,
    chart: on
      ? { events: shown.events, eventHref: (id: string) => jobHref(cluster, id), eventsNote: unavailable && `job events unavailable (${unavailable})` }
      : {},
    bar: { mode: shown.mode, auto: shown.auto, shown: shown.events.length, total: all.length, truncated: data?.truncated ?? false, unavailable, loading: isLoading },
  };
}
