'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useHydrated } from '@/components/hooks/use-hydrated';
import { switchClusterHref } from '@/lib/cluster-switch';

export interface SwitchableCluster {
  id: string;
  name: string;
}

const FLEET = '__fleet__';

/**
 * Moves to the same view of another cluster (jobs of A → jobs of B, same filters: lib/cluster-switch.ts),
 * or back to the fleet. A native select: keyboard, screen readers and phones handle it as they do
 * every select. Self-contained so the navigation keeps one line for it.
 */
export function ClusterSwitcher({ clusters, current }: { clusters: readonly SwitchableCluster[]; current: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  // Until React has hydrated, a change would be reset and lost: the select waits for it.
  const hydrated = useHydrated();
  return (
    <label className="flex shrink-0 items-center gap-1 py-1.5 text-sm">
      <span className="sr-only">Cluster</span>
      <select
        value={current}
        disabled={!hydrated}
        data-testid="cluster-switcher"
        onChange={(e) => {
          const v = e.target.value;
          router.push(v === FLEET ? '/' : switchClusterHref(pathname, params.toString(), v));
        }}
        className="max-w-28 truncate rounded-md border border-zinc-300 bg-white py-1 pr-1 pl-1 text-[13px] font-semibold sm:max-w-60 sm:pl-2 sm:text-sm text-zinc-800 focus-visible:outline-2 focus-visible:outline-emerald-600 sm:max-w-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <option value={FLEET}>All clusters (fleet)</option>
        {clusters.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
