'use client';

import useSWR from 'swr';
import { fetcher, type FetchError } from '@/components/data/fetcher';
import { ALERT_RULES_API_HREF, chartAlertsQuery, clusterAlertsApiHref, type AlertsQuery } from '@/lib/domain/alert-view';
import type { AlertRulesAnswer, ClusterAlertsAnswer } from '@/lib/api/types/alerts';

// The previous answer stays on screen while the next loads: no blank flash, no layout shift on refresh.
const OPTS = { keepPreviousData: true, shouldRetryOnError: false, revalidateOnFocus: false } as const;

/** The nav badge and the overview strip poll this often, whatever the page's own refresh. */
export const FIRING_POLL_MS = 15_000;

/** One cluster's alerts (the alerts page: state filter and window from its URL). */
export function useClusterAlerts(cluster: string, q: AlertsQuery, refreshMs: number) {
  return useSWR<ClusterAlertsAnswer, FetchError>(clusterAlertsApiHref(cluster, q), fetcher, { ...OPTS, refreshInterval: refreshMs });
}

/**
 * What fires now (`state=firing`): one request shared by the nav badge and the overview strip (same
 * key). `fallbackData`: the server's answer, so the overview's first paint has the strip.
 */
export function useFiringAlerts(cluster: string, opts: { refreshMs?: number; fallbackData?: ClusterAlertsAnswer; enabled?: boolean } = {}) {
  const key = opts.enabled === false ? null : clusterAlertsApiHref(cluster, { state: ['firing'] });
  return useSWR<ClusterAlertsAnswer, FetchError>(key, fetcher, { ...OPTS, refreshInterval: opts.refreshMs ?? FIRING_POLL_MS, fallbackData: opts.fallbackData });
}

/** The rule catalog (threshold units, `for`): it changes only with a restart, so it is read once. */
export function useAlertRules() {
  return useSWR<AlertRulesAnswer, FetchError>(ALERT_RULES_API_HREF, fetcher, { ...OPTS, revalidateIfStale: false });
}

/**
 * The episodes a chart of `metric` may shade over the range (the view's own text, `now-6h`): a range
 * ending now reads the plain list, shared by every chart of the page (the overview's thirteen make one
 * request); others the metric's own episodes (lib/domain/alert-view.ts chartAlertsQuery).
 */
export function useMetricAlerts(cluster: string, metric: string, q: { from: string; to: string }, refreshMs: number, enabled = true) {
  return useSWR<ClusterAlertsAnswer, FetchError>(enabled ? clusterAlertsApiHref(cluster, chartAlertsQuery(metric, q.from, q.to)) : null, fetcher, { ...OPTS, refreshInterval: refreshMs });
}
