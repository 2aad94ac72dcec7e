'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useFiringAlerts } from '@/components/alerts/use-alerts';
import { cn } from '@/components/ui/cn';
import { firingBadge, firingBreakdown, type FiringTone } from '@/lib/domain/alert-view';
import { parseViewParams, queryString, withView } from '@/lib/links';
import { ClusterSwitcher, type SwitchableCluster } from './cluster-switcher';

const SECTIONS = [
  { label: 'Overview', path: '' },
  { label: 'Alerts', path: '/alerts' },
  { label: 'Jobs', path: '/jobs' },
  { label: 'Schedules', path: '/schedules' },
  { label: 'Backups', path: '/backups' },
  // "PTS" on a phone, so six sections fit 390 px (the full name on wider screens and on hover).
  { label: 'Protected timestamps', short: 'PTS', path: '/protected-timestamps' },
] as const satisfies readonly { label: string; short?: string; path: string }[];

/** Which section a path belongs to: a metric panel is part of the overview, a job of the jobs explorer. */
function currentSection(pathname: string, base: string): string {
  const rest = pathname.slice(base.length);
  const hit = SECTIONS.find((s) => s.path && (rest === s.path || rest.startsWith(`${s.path}/`)));
  return hit ? hit.path : '';
}

const BADGE: Record<FiringTone, string> = {
  critical: 'bg-red-600 text-white dark:bg-red-500',
  warning: 'bg-amber-400 text-black',
  info: 'bg-sky-600 text-white dark:bg-sky-500',
};

/**
 * How many alerts fire on the cluster, red when any is critical, amber for warnings; nothing when
 * none fire. Polled on its own (every 15 s); a failed poll keeps the last count (or shows none):
 * the nav never breaks for it.
 */
function AlertsBadge({ cluster }: { cluster: string }) {
  const { data } = useFiringAlerts(cluster);
  const badge = data ? firingBadge(data.counts.firing) : null;
  if (!data || !badge) return null;
  return (
    <>
      {/* Read as "Alerts (2 firing: 1 critical, 1 warning)"; the colour alone says nothing to a screen reader. */}
      <span className="sr-only"> ({badge.count} firing: {firingBreakdown(data.counts.firing)})</span>
      <span aria-hidden data-testid="nav-alerts-badge" data-tone={badge.tone} data-count={badge.count} className={cn('ml-1 inline-flex min-w-5 items-center justify-center rounded-full px-1.5 text-xs leading-5 font-bold tabular-nums', BADGE[badge.tone])}>
        {badge.count}
      </span>
    </>
  );
}

/**
 * The cluster's sections, the current one marked (aria-current). Hidden in kiosk mode (`kiosk=1`):
 * a wall display shows the view alone. The auto-refresh choice carries over to the next section.
 */
export function ClusterNav({ cluster, name, clusters = [] }: { cluster: string; name: string; clusters?: readonly SwitchableCluster[] }) {
  const pathname = usePathname();
  const sp = useSearchParams();
  const view = parseViewParams(sp);
  if (view.kiosk) return null;
  const base = `/c/${encodeURIComponent(cluster)}`;
  const current = currentSection(pathname, base);
  const carry = queryString(withView('', { refresh: view.refresh }));
  return (
    <nav aria-label="Cluster" className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mx-auto flex max-w-[1600px] items-center gap-x-4 overflow-x-auto px-2 sm:px-6">
        {clusters.length > 1 ? (
          <ClusterSwitcher clusters={clusters} current={cluster} />
        ) : (
          <span className="hidden shrink-0 truncate py-2 text-sm font-semibold text-zinc-800 sm:inline dark:text-zinc-100" title={`cluster ${cluster}`}>
            {name}
          </span>
        )}
        {/* Tighter on a phone, so six sections (and the alerts badge) fit 390 px without scrolling. */}
        <ul className="flex shrink-0 items-stretch gap-0 text-[13px] sm:gap-1 sm:text-sm">
          {SECTIONS.map((s) => {
            const active = s.path === current;
            return (
              <li key={s.label} className="flex">
                <Link
                  href={`${base}${s.path}${carry}`}
                  aria-current={active ? 'page' : undefined}
                  className={cn(
                    '-mb-px border-b-2 px-1 py-2 whitespace-nowrap sm:px-2 focus-visible:outline-2 focus-visible:outline-emerald-600',
                    active
                      ? 'border-emerald-600 font-semibold text-zinc-900 dark:border-emerald-400 dark:text-zinc-50'
                      : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100',
                  )}
                >
                  {'short' in s ? (
                    <>
                      <abbr title={s.label} className="no-underline sm:hidden">
                        {s.short}
                      </abbr>
                      <span className="hidden sm:inline">{s.label}</span>
                    </>
                  ) : (
                    s.label
                  )}
                  {s.path === '/alerts' && <AlertsBadge cluster={cluster} />}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
