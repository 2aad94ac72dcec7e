'use client';

import Link from 'next/link';
import { SeverityBadge } from '@/components/alerts/alert-badges';
import { useFiringAlerts } from '@/components/alerts/use-alerts';
import { RelTime } from '@/components/jobs/rel-time';
import { cn } from '@/components/ui/cn';
import { alertsHref, firingBadge } from '@/lib/domain/alert-view';
import { queryString, withView, type ViewParams } from '@/lib/links';
import type { ClusterAlertsAnswer, Severity } from '@/lib/api/types/alerts';

// A strip, not the alerts page: the rest are counted and one click away.
const SHOWN = 3;

const FRAME: Record<Severity, string> = {
  critical: 'border-red-300 border-l-red-600 bg-red-50 dark:border-red-900 dark:border-l-red-500 dark:bg-red-950/40',
  warning: 'border-amber-300 border-l-amber-500 bg-amber-50 dark:border-amber-800 dark:border-l-amber-500 dark:bg-amber-950/40',
  info: 'border-sky-300 border-l-sky-500 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/40',
};

const LINK = 'text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400';

/**
 * What fires now, at the top of the overview: the count by severity and the first few summaries,
 * each linking to where its alert points first (the schedule, the failed jobs…), and the alerts page.
 * Absent when nothing fires (and while the alerts cannot be read: the nav says nothing either).
 */
export function AlertStrip({ cluster, view, now, fallbackData }: { cluster: string; view: ViewParams; now: number; fallbackData?: ClusterAlertsAnswer }) {
  const { data } = useFiringAlerts(cluster, { fallbackData });
  const badge = data ? firingBadge(data.counts.firing) : null;
  if (!data || !badge) return null;
  const firing = data.alerts.filter((a) => a.state === 'firing');
  const query = queryString(withView('', { refresh: view.refresh, kiosk: view.kiosk }));
  const page = alertsHref(cluster, query);
  const counts = (['critical', 'warning', 'info'] as const).filter((s) => data.counts.firing[s] > 0);
  return (
    <section aria-labelledby="alert-strip-heading" data-testid="alert-strip" className={cn('flex flex-col gap-2 rounded-lg border border-l-4 px-3 py-2 sm:px-4', FRAME[badge.tone])}>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h2 id="alert-strip-heading" className="text-base font-semibold">
            {badge.count} alert{badge.count === 1 ? '' : 's'} firing
          </h2>
          <ul aria-label="Firing by severity" className="flex flex-wrap items-center gap-1.5">
            {counts.map((s) => (
              <li key={s} className="inline-flex items-center gap-1 text-sm tabular-nums">
                <SeverityBadge severity={s} />
                <span data-testid={`alert-strip-${s}`}>{data.counts.firing[s]}</span>
              </li>
            ))}
          </ul>
        </div>
        <Link href={page} className={cn(LINK, 'text-sm')}>
          All alerts →
        </Link>
      </div>
      <ul aria-label="Firing alerts" className="flex flex-col gap-1">
        {firing.slice(0, SHOWN).map((a) => (
          <li key={`${a.id}@${a.active_since}`} className="flex min-w-0 items-start gap-2 text-sm">
            {/* The dot stays beside the first line when the summary wraps (a phone). */}
            <span className={cn('mt-1.5 h-2 w-2 shrink-0 rounded-full', a.severity === 'critical' ? 'bg-red-600 dark:bg-red-400' : a.severity === 'warning' ? 'bg-amber-500' : 'bg-sky-500')} aria-hidden />
            <span className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-0.5">
              <span className="sr-only">{a.severity}: </span>
              <Link href={a.links[0]?.href ?? page} prefetch={false} data-testid="alert-strip-item" className="min-w-0 font-medium break-words text-zinc-900 underline-offset-2 hover:underline dark:text-zinc-100">
                {a.summary}
              </Link>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                <span className="font-mono">{a.rule}</span> · firing since <RelTime iso={a.fired_at ?? a.active_since} now={now} />
              </span>
            </span>
          </li>
        ))}
      </ul>
      {firing.length > SHOWN && (
        <Link href={page} className={cn(LINK, 'text-sm')}>
          +{firing.length - SHOWN} more on the alerts page
        </Link>
      )}
    </section>
  );
}
