import type { AlertInstance } from '../types';
import { alertPageUrl } from './dashboard-links';

/**
 * One alert as Alertmanager's v2 API takes it (`POST /api/v2/alerts`, a JSON array of these):
 * https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml (postableAlert).
 */
export interface AlertmanagerAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
}

// Alertmanager before 0.27 accepts only Prometheus label names; other characters become `_`, as
// Prometheus's own name conversion does.
function labelName(name: string): string {
  const n = name.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[a-zA-Z_]/.test(n) ? n : `_${n}`;
}

// An empty value is an absent label to Prometheus and Alertmanager; leaving it out keeps the
// alert's identity (its label set) the same either way.
function nonEmpty(entries: [string, string][]): Record<string, string> {
  return Object.fromEntries(entries.filter(([, v]) => v !== ''));
}

/**
 * `validUntilMs`: the `endsAt` of a firing alert (Prometheus's ValidUntil), after which Alertmanager
 * resolves it by itself if no resend came. A resolved alert ends when it resolved.
 */
export function toAlertmanagerAlert(alert: AlertInstance, opts: { dashboardUrl: string; validUntilMs: number }): AlertmanagerAlert {
  const page = alertPageUrl(alert, opts.dashboardUrl);
  return {
    labels: nonEmpty([
      ...Object.entries(alert.labels).map(([k, v]): [string, string] => [labelName(k), v]),
      // Last, so an instance label named like one of these cannot change the alert's identity.
      ['alertname', alert.rule],
      ['severity', alert.severity],
      ['cluster', alert.cluster],
    ]),
    annotations: nonEmpty([
      ['summary', alert.summary],
      ['description', alert.description],
      ['runbook', alert.runbook],
      ['dashboard_url', page],
    ]),
    // Prometheus sends FiredAt; an instance that reached firing always has it.
    startsAt: alert.fired_at ?? alert.active_since,
    endsAt: alert.state === 'resolved' && alert.resolved_at ? alert.resolved_at : new Date(opts.validUntilMs).toISOString(),
    generatorURL: page,
  };
}

/** Prometheus's notifier posts at most 64 alerts per request (maxBatchSize). */
export const MAX_BATCH = 64;

export function batches<T>(items: T[], size = MAX_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
