import type { AlertInstance } from '../types';

/**
 * Alert links are dashboard paths (`/c/demo/jobs?…`); a notification is read outside the dashboard,
 * so its links are made absolute with DASHBOARD_URL (which may carry a path prefix: concatenated,
 * not resolved, so `https://ops.example.com/crdb` + `/c/demo` keeps `/crdb`).
 */
export function absoluteUrl(href: string, dashboardUrl: string): string {
  if (/^https?:\/\//i.test(href)) return href;
  return `${dashboardUrl}${href.startsWith('/') ? '' : '/'}${href}`;
}

/** The page that answers "which one": the alert's first link, else the cluster's alerts page. */
export function alertPageUrl(alert: AlertInstance, dashboardUrl: string): string {
  return absoluteUrl(alert.links[0]?.href ?? `/c/${encodeURIComponent(alert.cluster)}/alerts`, dashboardUrl);
}
