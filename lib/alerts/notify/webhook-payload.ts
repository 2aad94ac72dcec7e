import type { AlertInstance, AlertTransition } from '../types';
import { absoluteUrl, alertPageUrl } from './dashboard-links';

/**
 * The body of one webhook POST: the alert instance as the API shows it (links absolute), the
 * transition that caused it, and `text`, the one field Slack-compatible incoming webhooks (Slack,
 * Mattermost, Rocket.Chat) display; other receivers read the structured fields.
 */
export interface WebhookBody extends AlertInstance {
  transition: { from: AlertTransition['from']; to: AlertTransition['to']; at: string };
  text: string;
}

export function webhookText(alert: AlertInstance, to: AlertTransition['to'], dashboardUrl: string): string {
  return `[${to.toUpperCase()} ${alert.severity}] ${alert.cluster}: ${alert.summary} — ${alertPageUrl(alert, dashboardUrl)}`;
}

export function toWebhookBody(t: AlertTransition, dashboardUrl: string): WebhookBody {
  const alert = { ...t.alert, links: t.alert.links.map((l) => ({ ...l, href: absoluteUrl(l.href, dashboardUrl) })) };
  return { ...alert, transition: { from: t.from, to: t.to, at: t.at }, text: webhookText(t.alert, t.to, dashboardUrl) };
}

/** Only these are worth a message; pending may never fire, and inactive after pending never did. */
export function isNotifiable(t: AlertTransition): boolean {
  return t.to === 'firing' || t.to === 'resolved';
}
