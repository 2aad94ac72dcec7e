'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { parseViewParams, queryString, withView } from '@/lib/links';

const SECTIONS = [
  { label: 'Overview', path: '' },
  { label: 'Jobs', path: '/jobs' },
  { label: 'Schedules', path: '/schedules' },
  { label: 'Backups', path: '/backups' },
  { label: 'Protected timestamps', path: '/protected-timestamps' },
] as const;

/** Which section a path belongs to: a metric panel is part of the overview, a job of the jobs explorer. */
function currentSection(pathname: string, base: string): string {
  const rest = pathname.slice(base.length);
  const hit = SECTIONS.find((s) => s.path && (rest === s.path || rest.startsWith(`${s.path}/`)));
  return hit ? hit.path : '';
}

/**
 * The cluster's sections, the current one marked (aria-current). Hidden in kiosk mode (`kiosk=1`):
 * a wall display shows the view alone. The auto-refresh choice carries over to the next section.
 */
export function ClusterNav({ cluster, name }: { cluster: string; name: string }) {
  const pathname = usePathname();
  const sp = useSearchParams();
  const view = parseViewParams(sp);
  if (view.kiosk) return null;
  const base = `/c/${encodeURIComponent(cluster)}`;
  const current = currentSection(pathname, base);
  const carry = queryString(withView('', { refresh: view.refresh }));
  return (
    <nav aria-label="Cluster" className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mx-auto flex max-w-[1600px] items-center gap-x-4 overflow-x-auto px-3 sm:px-6">
        <span className="hidden shrink-0 truncate py-2 text-sm font-semibold text-zinc-800 sm:inline dark:text-zinc-100" title={`cluster ${cluster}`}>
          {name}
        </span>
        <ul className="flex shrink-0 items-stretch gap-1 text-sm">
          {SECTIONS.map((s) => {
            const active = s.path === current;
            return (
              <li key={s.label} className="flex">
                <Link
                  href={`${base}${s.path}${carry}`}
                  aria-current={active ? 'page' : undefined}
                  className={cn(
                    '-mb-px border-b-2 px-2 py-2 whitespace-nowrap focus-visible:outline-2 focus-visible:outline-emerald-600',
                    active
                      ? 'border-emerald-600 font-semibold text-zinc-900 dark:border-emerald-400 dark:text-zinc-50'
                      : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100',
                  )}
                >
                  {s.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
