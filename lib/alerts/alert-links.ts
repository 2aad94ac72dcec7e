/** The links an alert carries: the panel around the alert, the jobs behind it, the schedule, the job. Dashboard paths. */
import { jobHref, jobsHref } from '../jobs/href';
import { metricHref } from '../links';
import type { AlertLink } from './types';

const iso = (ms: number) => new Date(ms).toISOString();

/** The metric's panel over an absolute range that shows the window before the alert and a little after. */
export function panelLink(cluster: string, metric: string, nowMs: number, windowS: number, label = `Panel: ${metric}`): AlertLink {
  const span = Math.max(windowS, 3600) * 1000;
  return { label, href: metricHref(cluster, metric, { from: iso(nowMs - 2 * span), to: iso(nowMs + span / 4) }) };
}

export function jobsLink(cluster: string, q: { type: string[]; status?: string[]; fromMs: number; toMs?: number; scheduled?: boolean; retried?: boolean }, label: string): AlertLink {
  return {
    label,
    href: jobsHref(cluster, { type: q.type, status: q.status, from: iso(q.fromMs), to: q.toMs === undefined ? undefined : iso(q.toMs), scheduled: q.scheduled, retried: q.retried }),
  };
}

export function jobLink(cluster: string, jobId: string): AlertLink {
  return { label: `Job ${jobId}`, href: jobHref(cluster, jobId) };
}

export function scheduleLink(cluster: string, id: string, label: string | null): AlertLink {
  return { label: `Schedule ${label ?? id}`, href: `/c/${encodeURIComponent(cluster)}/schedules/${encodeURIComponent(id)}` };
}

export function schedulesLink(cluster: string): AlertLink {
  return { label: 'All schedules', href: `/c/${encodeURIComponent(cluster)}/schedules` };
}

export function overviewLink(cluster: string): AlertLink {
  return { label: 'Cluster overview', href: `/c/${encodeURIComponent(cluster)}` };
}
