import type { EvaluationOutcome } from '../types';
import type { AlertmanagerConfig } from './config';
import { batches, toAlertmanagerAlert } from './alertmanager-payload';
import { DeliveryWorker } from './delivery-worker';
import type { Post } from './http-post';
import type { Notifier } from './notifier';
import { ResendTracker } from './resend-tracker';

interface Options {
  dashboardUrl: string;
  post: Post;
  now: () => number;
  timeoutMs: number;
  queueCapacity: number;
}

// A gap longer than this is a pause (start-up, a stalled process), not the evaluation interval.
const MAX_OBSERVED_INTERVAL_MS = 3_600_000;

/**
 * Sends to every configured Alertmanager what Prometheus would: the alerts `ResendTracker` finds
 * due, with `endsAt` = now + 4 × max(resend delay, evaluation interval) for firing ones (Prometheus's
 * ValidUntil: "allow for two Eval or Alertmanager send failures"). A failed POST is not retried: the
 * next resend carries the same alerts, as with Prometheus.
 */
export function createAlertmanagerNotifier(cfg: AlertmanagerConfig, o: Options): Notifier {
  const tracker = new ResendTracker(cfg.resendDelayMs);
  const lastEvaluation = new Map<string, number>();
  const workers = cfg.receivers.map((r, i) => {
    const authorization = cfg.authorization ?? r.basicAuth;
    return new DeliveryWorker({
      receiver: `alertmanager-${i + 1}`,
      kind: 'alertmanager',
      url: `${r.url.replace(/\/+$/, '')}/api/v2/alerts`,
      displayUrl: r.display,
      headers: { 'content-type': 'application/json', 'user-agent': 'crdb-backup-monitor', ...(authorization ? { authorization } : {}) },
      post: o.post,
      now: o.now,
      timeoutMs: o.timeoutMs,
      capacity: o.queueCapacity,
      retry: null,
    });
  });

  // The configured interval, or the one observed if evaluations come further apart (a slow cluster):
  // underestimating it would let Alertmanager resolve an alert between two evaluations.
  function evaluationInterval(outcome: EvaluationOutcome): number {
    const at = Date.parse(outcome.evaluated_at);
    const prev = lastEvaluation.get(outcome.cluster);
    if (Number.isFinite(at)) lastEvaluation.set(outcome.cluster, at);
    const gap = prev !== undefined && Number.isFinite(at) ? at - prev : 0;
    return Math.max(cfg.evaluationIntervalMs, gap > 0 && gap <= MAX_OBSERVED_INTERVAL_MS ? gap : 0);
  }

  return {
    deliver(outcome) {
      const now = o.now();
      const interval = evaluationInterval(outcome);
      const due = tracker.due(outcome, now);
      if (due.length === 0) return;
      const validUntilMs = now + 4 * Math.max(cfg.resendDelayMs, interval);
      const alerts = due.map((a) => toAlertmanagerAlert(a, { dashboardUrl: o.dashboardUrl, validUntilMs }));
      for (const batch of batches(alerts)) {
        const body = JSON.stringify(batch);
        for (const w of workers) w.enqueue(body);
      }
    },
    status: () => workers.map((w) => w.status()),
    stop: async () => {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}
