import type { BackoffPolicy } from './backoff';
import { DeliveryWorker } from './delivery-worker';
import type { Post } from './http-post';
import type { Notifier } from './notifier';
import type { ReceiverUrl } from './receiver-url';
import { isNotifiable, toWebhookBody } from './webhook-payload';

interface Options {
  dashboardUrl: string;
  post: Post;
  now: () => number;
  timeoutMs: number;
  queueCapacity: number;
  backoff: BackoffPolicy;
}

/**
 * One POST per transition to firing or resolved, to every webhook, each webhook with its own queue:
 * a failing one is retried with backoff, in order, without holding up the others.
 */
export function createWebhookNotifier(receivers: ReceiverUrl[], o: Options): Notifier {
  const workers = receivers.map(
    (r, i) =>
      new DeliveryWorker({
        receiver: `webhook-${i + 1}`,
        kind: 'webhook',
        url: r.url,
        displayUrl: r.display,
        headers: { 'content-type': 'application/json', 'user-agent': 'crdb-backup-monitor', ...(r.basicAuth ? { authorization: r.basicAuth } : {}) },
        post: o.post,
        now: o.now,
        timeoutMs: o.timeoutMs,
        capacity: o.queueCapacity,
        retry: o.backoff,
      }),
  );
  return {
    deliver(outcome) {
      for (const t of outcome.transitions.filter(isNotifiable)) {
        const body = JSON.stringify(toWebhookBody(t, o.dashboardUrl));
        for (const w of workers) w.enqueue(body);
      }
    },
    status: () => workers.map((w) => w.status()),
    stop: async () => {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}
