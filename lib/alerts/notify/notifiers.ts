import { createAlertmanagerNotifier } from './alertmanager-notifier';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { NotifyConfig } from './config';
import type { Notifier } from './notifier';
import { fetchPost, nodePost } from './http-post';
import { createWebhookNotifier } from './webhook-notifier';

export type { Notifier };

export interface NotifierDeps {
  /** Replaces Node's http/https (ALERTMANAGER_CA is then the fetch's business). */
  fetch?: typeof fetch;
  now?: () => number;
  /** Per request (default 10 s, Prometheus's notifier timeout). */
  timeoutMs?: number;
  /** Per receiver (default 1,000 notifications). */
  queueCapacity?: number;
  /** Webhook retries (default 1 s doubling to 5 min, given up after 1 h). */
  backoff?: BackoffPolicy;
}

/** Every configured receiver behind one Notifier; with none configured it does nothing. */
export function createNotifiers(cfg: NotifyConfig, deps: NotifierDeps = {}): Notifier {
  const common = {
    dashboardUrl: cfg.dashboardUrl,
    now: deps.now ?? Date.now,
    timeoutMs: deps.timeoutMs ?? 10_000,
    queueCapacity: deps.queueCapacity ?? 1_000,
  };
  const post = deps.fetch ? fetchPost(deps.fetch) : null;
  const parts: Notifier[] = [];
  if (cfg.alertmanager) parts.push(createAlertmanagerNotifier(cfg.alertmanager, { ...common, post: post ?? nodePost(cfg.alertmanager.ca) }));
  if (cfg.webhooks.length > 0) parts.push(createWebhookNotifier(cfg.webhooks, { ...common, post: post ?? nodePost(null), backoff: deps.backoff ?? DEFAULT_BACKOFF }));

  return {
    deliver(outcome) {
      for (const p of parts) {
        try {
          p.deliver(outcome);
        } catch (err) {
          // A bug in building a payload must not break the evaluation loop that called us.
          console.error('alerts: cannot queue notifications:', err);
        }
      }
    },
    status: () => parts.flatMap((p) => p.status()),
    stop: async () => {
      await Promise.all(parts.map((p) => p.stop()));
    },
  };
}
