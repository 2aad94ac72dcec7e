'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import type { FleetCluster } from '@/lib/api/types/fleet';
import type { FleetSort, FleetSortKey } from '@/lib/domain/fleet';
import { AlertsCell, ClusterCell, FreshnessCell, JobsCell, NodesCell, PtsCell, ScrapedCell, SqlCell } from './fleet-cells';

interface Column {
  key: FleetSortKey;
  label: string;
  cell: (c: FleetCluster, now: number) => ReactNode;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'Cluster', cell: (c) => <ClusterCell c={c} /> },
  { key: 'nodes', label: 'Nodes', cell: (c) => <NodesCell c={c} /> },
  { key: 'freshness', label: 'Worst backup', cell: (c) => <FreshnessCell c={c} /> },
  { key: 'alerts', label: 'Alerts', cell: (c) => <AlertsCell c={c} /> },
  { key: 'pts', label: 'Oldest PTS', cell: (c) => <PtsCell c={c} /> },
  { key: 'failed', label: 'Backup & restore jobs', cell: (c) => <JobsCell c={c} /> },
  { key: 'scraped', label: 'Scraped', cell: (c, now) => <ScrapedCell c={c} now={now} /> },
  { key: 'sql', label: 'SQL', cell: (c) => <SqlCell c={c} /> },
];

// The dark variants too: the row's dark border colour would otherwise paint over the left bar.
const TIER_BAR = ['border-l-red-600 dark:border-l-red-500', 'border-l-amber-400 dark:border-l-amber-400', 'border-l-emerald-500 dark:border-l-emerald-500'];

interface Props {
  clusters: FleetCluster[];
  sort: FleetSort;
  now: number;
  /** The link that sorts by `key` (toggling the direction when it is the current one). */
  sortHref: (key: FleetSortKey) => string;
}

function ariaSort(sort: FleetSort, key: FleetSortKey): 'ascending' | 'descending' | undefined {
  if (sort.key !== key) return undefined;
  return sort.desc ? 'descending' : 'ascending';
}

function Problems({ c }: { c: FleetCluster }) {
  if (c.problems.length === 0) return <span className="text-emerald-700 dark:text-emerald-400">healthy</span>;
  return <span className={c.rank === 0 ? 'text-red-700 dark:text-red-300' : 'text-amber-800 dark:text-amber-200'}>{c.problems.join(' · ')}</span>;
}

/** Wide screens: one row per cluster, problems first (or the URL's sort); every header sorts. */
export function FleetTable({ clusters, sort, now, sortHref }: Props) {
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-zinc-200 bg-white md:block dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-sm" aria-label="Clusters">
        <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            {COLUMNS.map((col) => (
              <th key={col.key} scope="col" aria-sort={ariaSort(sort, col.key)} className="px-3 py-2 font-medium whitespace-nowrap">
                <Link href={sortHref(col.key)} className="hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:hover:text-zinc-100" scroll={false}>
                  {col.label}
                  {sort.key === col.key && <span aria-hidden>{sort.desc ? ' ▼' : ' ▲'}</span>}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {clusters.map((c) => (
            <tr key={c.id} data-testid="fleet-row" data-cluster={c.id} data-rank={c.rank} className={cn('border-b border-l-4 border-zinc-100 align-top last:border-b-0 dark:border-zinc-800', TIER_BAR[c.rank] ?? TIER_BAR[2])}>
              {COLUMNS.map((col) => (
                <td key={col.key} className="px-3 py-2">
                  {col.cell(c, now)}
                  {col.key === 'name' && (
                    <p className="mt-1 max-w-64 text-xs">
                      <Problems c={c} />
                    </p>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Phones: one card per cluster, the same cells labelled. */
export function FleetCards({ clusters, now }: Pick<Props, 'clusters' | 'now'>) {
  return (
    <ul className="flex flex-col gap-3 md:hidden" aria-label="Clusters">
      {clusters.map((c) => (
        <li key={c.id} data-testid="fleet-card" data-cluster={c.id} className={cn('rounded-lg border border-l-4 border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900', TIER_BAR[c.rank] ?? TIER_BAR[2])}>
          <ClusterCell c={c} />
          <p className="mt-1 text-xs">
            <Problems c={c} />
          </p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {COLUMNS.filter((col) => col.key !== 'name').map((col) => (
              <div key={col.key} className="contents">
                <dt className="text-xs text-zinc-500 uppercase dark:text-zinc-400">{col.label}</dt>
                <dd className="min-w-0">{col.cell(c, now)}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
