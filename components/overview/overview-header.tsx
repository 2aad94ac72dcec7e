'use client';

import { RefreshPicker } from '@/components/layout/refresh-picker';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { LocalTime } from '@/components/ui/local-time';
import { cn } from '@/components/ui/cn';
import type { RefreshOption } from '@/lib/links';

interface Props {
  name: string;
  scrapedAt: number;
  now: number;
  refresh: RefreshOption;
  validating: boolean;
  onRefreshNow: () => void;
}

/** Cluster name, how fresh the data is, and the page's controls. */
export function OverviewHeader({ name, scrapedAt, now, refresh, validating, onRefreshNow }: Props) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
      <div className="min-w-0">
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase max-sm:hidden dark:text-zinc-400">Backup &amp; restore · overview</p>
        <h1 className="truncate text-2xl font-semibold tracking-tight">{name}</h1>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
          scraped at <LocalTime ms={scrapedAt} now={now} className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100" />
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={onRefreshNow}
          title="Fetch the latest snapshot now"
          aria-label="Refresh now"
          aria-busy={validating}
          className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          <svg aria-hidden width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" className={cn(validating && 'animate-spin')}>
            <path d="M21 12a9 9 0 1 1-2.6-6.4M21 3v6h-6" />
          </svg>
          {/* Only the icon spins while fetching: a changing label would shift the controls every refresh. */}
          <span>Refresh</span>
        </button>
        <RefreshPicker value={refresh} />
        <ThemeToggle />
      </div>
    </header>
  );
}
