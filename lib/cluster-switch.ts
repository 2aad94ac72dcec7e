/**
 * Where the cluster switcher leads: the same view of another cluster. The section and its filters
 * (time range, job filters, refresh, kiosk) carry over; what names one cluster's objects does not —
 * a job or schedule id becomes its list, a backup collection is dropped — since the other cluster
 * has none of them (their pages would answer 404).
 */
const PER_CLUSTER_PARAMS = ['collection', 'backup', 'cursor'] as const;

export function switchClusterHref(pathname: string, search: string, target: string): string {
  const m = /^\/c\/[^/]+(\/.*)?$/.exec(pathname);
  let rest = m?.[1] ?? '';
  rest = rest.replace(/^\/(jobs|schedules)\/[^/]+\/?$/, '/$1').replace(/\/+$/, '');
  const params = new URLSearchParams(search);
  for (const p of PER_CLUSTER_PARAMS) params.delete(p);
  const qs = params.toString();
  return `/c/${encodeURIComponent(target)}${rest}${qs ? `?${qs}` : ''}`;
}
