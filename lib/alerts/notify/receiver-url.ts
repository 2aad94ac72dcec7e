/**
 * A receiver's URL as configured, split into what is sent and what may be shown. Credentials in the
 * userinfo become a basic-auth header (as Go's HTTP client, hence Prometheus, treats them) and never
 * appear in the shown URL, nor does the query string (`?token=…`).
 */
export interface ReceiverUrl {
  /** The URL requests go to: userinfo removed, everything else as configured. */
  url: string;
  /** For status and logs. */
  display: string;
  /** `Basic …` from the URL's userinfo, or null. */
  basicAuth: string | null;
}

export function basicAuthHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/**
 * `hidePath`: Slack, Mattermost, Discord and Teams incoming webhooks carry their secret in the path
 * (`/services/T…/B…/secret`), so a webhook shows only its first path segment.
 */
export function splitReceiverUrl(raw: string, opts: { hidePath: boolean }): ReceiverUrl {
  const u = new URL(raw);
  const basicAuth = u.username || u.password ? basicAuthHeader(decodeURIComponent(u.username), decodeURIComponent(u.password)) : null;
  u.username = '';
  u.password = '';
  const url = u.toString();
  const segments = u.pathname.split('/').filter(Boolean);
  const path = opts.hidePath && segments.length > 1 ? `/${segments[0]}/…` : u.pathname === '/' ? '' : u.pathname;
  return { url, display: `${u.origin}${path}`, basicAuth };
}
