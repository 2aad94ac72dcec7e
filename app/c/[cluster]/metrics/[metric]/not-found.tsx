import Link from 'next/link';
import { CATALOG } from '@/lib/catalog';

/** An unknown metric (or cluster) in a panel link: list the metrics there are. */
export default function MetricNotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-xl font-semibold">No such metric</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        This dashboard records the backup and restore metrics of its catalog, by their <code>/_status/vars</code> names. Go back to the{' '}
        <Link href="/" className="text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400">
          overview
        </Link>{' '}
        and pick one from the grid; they are:
      </p>
      <ul className="mt-3 columns-1 font-mono text-xs text-zinc-600 sm:columns-2 dark:text-zinc-400">
        {CATALOG.map((m) => (
          <li key={m.exported}>{m.exported}</li>
        ))}
      </ul>
    </main>
  );
}
