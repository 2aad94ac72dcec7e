'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { RefreshPicker } from '@/components/layout/refresh-picker';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { useFleet } from '@/components/data/use-fleet';
import { useNow } from '@/components/hooks/use-now';
import { cn } from '@/components/ui/cn';
import type { FleetAnswer } from '@/lib/api/types/fleet';
import { filterFleet, formatFleetSort, parseFleetSort, sortFleet, type FleetSortKey } from '@/lib/domain/fleet';
import { parseViewParams, refreshMs } from '@/lib/links';
import { FleetCards, FleetTable } from './fleet-table';

/**
 * The fleet page: every cluster on one screen, problems first. Filter (`q=`), sort (`sort=`),
 * refresh and kiosk live in the URL, so a wall screen or a pasted link shows the same.
 */
export function FleetClient({ fallbackData, renderedAt }: { fallbackData: FleetAnswer; renderedAt: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const view = parseViewParams(sp);
  const sort = parseFleetSort(sp.get('sort'));
  const q = sp.get('q') ?? '';
  const { data, error } = useFleet({ fallbackData, refreshMs: refreshMs(view.refresh) });
  const now = useNow(renderedAt);
  const shown = sortFleet(filterFleet(data.clusters, q), sort);
  const troubled = data.clusters.filter((c) => c.rank < 2).length;

  const withParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(sp.toString());
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    const s = next.toString();
    return `${pathname}${s ? `?${s}` : ''}`;
  };
  const sortHref = (key: FleetSortKey) => withParam('sort', formatFleetSort({ key, desc: sort.key === key ? !sort.desc : false }));

  return (
    <main className={cn('mx-auto flex max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6', view.kiosk && 'max-w-none')}>
      <header className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Backup &amp; restore · fleet</p>
          <h1 className="text-2xl font-semibold tracking-tight">Clusters</h1>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400" data-testid="fleet-summary">
            {data.clusters.length} clusters ·{' '}
            <span className={troubled ? 'font-semibold text-red-600 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-400'}>{troubled ? `${troubled} need attention` : 'all healthy'}</span>
          </p>
        </div>
        {!view.kiosk && (
          <div className="flex flex-wrap items-center gap-2">
            <label className="inline-flex items-center gap-1.5 text-sm text-zinc-600 dark:text-zinc-400">
              <span>Filter</span>
              <input
                type="search"
                defaultValue={q}
                placeholder="name or id"
                onChange={(e) => router.replace(withParam('q', e.target.value.trim() || null), { scroll: false })}
                className="w-40 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
              />
            </label>
            <RefreshPicker value={view.refresh} />
            <ThemeToggle />
          </div>
        )}
      </header>
      {error && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100">
          The fleet could not be refreshed ({error.message}); showing the answer from {new Date(data.generated_at).toLocaleTimeString()}.
        </p>
      )}
      {shown.length === 0 ? (
        <p className="rounded-lg border border-zinc-200 bg-white px-3 py-6 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          No cluster matches “{q}”.
        </p>
      ) : (
        <>
          <FleetTable clusters={shown} sort={sort} now={now} sortHref={sortHref} />
          <FleetCards clusters={shown} now={now} />
        </>
      )}
    </main>
  );
}
