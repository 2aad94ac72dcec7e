import type { DeliveryStatus, EvaluationOutcome } from '../types';

/** One receiver kind, or the fan-out over all of them (notifiers.ts). */
export interface Notifier {
  /** Queues what the outcome calls for and returns at once; never throws. */
  deliver(outcome: EvaluationOutcome): void;
  /** One entry per receiver, in configuration order (Alertmanagers, then webhooks). */
  status(): DeliveryStatus[];
  /** Abandons queued notifications and aborts requests in flight. */
  stop(): Promise<void>;
}
