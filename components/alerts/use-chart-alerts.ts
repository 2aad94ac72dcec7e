'use client';

import { useMemo } from 'react';
import { alertWindows, type AlertWindow } from '@/lib/domain/alert-view';
import { useMetricAlerts } from './use-alerts';

const NONE: readonly AlertWindow[] = [];

/**
 * The windows in which an alert on `metric` fired, for MetricChart to shade beside its job markers.
 * A failed request leaves the chart as it is (its lines never depend on it) and says so quietly.
 */
export function useChartAlerts(cluster: string, metric: string, q: { from: string; to: string; refreshMs: number }) {
  const { data, error } = useMetricAlerts(cluster, metric, q, q.refreshMs);
  const windows = useMemo(() => (data ? alertWindows(data.alerts, metric) : NONE), [data, metric]);
  return { alertWindows: windows, alertsNote: error && !data ? 'alert windows unavailable' : null };
}
