'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useHydrated } from '@/components/hooks/use-hydrated';
import { DEFAULT_REFRESH, REFRESH_OPTIONS, isRefreshOption, queryString, viewDefaults, withView, type RefreshOption } from '@/lib/links';

const LABEL: Record<RefreshOption, string> = { off: 'Off', '5s': '5 s', '10s': '10 s', '30s': '30 s', '1m': '1 min' };

/**
 * Auto-refresh interval, kept in the URL (`refresh=`) so a pasted link refreshes the same way. A
 * page with its own default (lib/links.ts viewDefaults) says so in the option's label.
 */
export function RefreshPicker({ value }: { value: RefreshOption }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const defaults = viewDefaults(pathname);
  const own = defaults.refresh !== DEFAULT_REFRESH;
  // Until React has hydrated, a change would be reset and lost: the select waits for it.
  const hydrated = useHydrated();
  return (
    <label className="inline-flex items-center gap-1.5 text-sm text-zinc-600 dark:text-zinc-400">
      {/* On a phone the select alone ("10 s") keeps the controls on one line; its name stays for screen readers. */}
      <span className="max-sm:sr-only">Auto-refresh</span>
      <select
        value={value}
        disabled={!hydrated}
        onChange={(e) => {
          const v = e.target.value;
          if (isRefreshOption(v)) router.replace(`${pathname}${queryString(withView(params.toString(), { refresh: v }, defaults))}`, { scroll: false });
        }}
        className="rounded-md border border-zinc-300 bg-white py-1 pr-1 pl-2 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {REFRESH_OPTIONS.map((r) => (
          <option key={r} value={r}>
            {own && r === defaults.refresh ? `${LABEL[r]} (default here)` : LABEL[r]}
          </option>
        ))}
      </select>
    </label>
  );
}
