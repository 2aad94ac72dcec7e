import Link from 'next/link';

export type DrillAt = (t: number, node?: number) => string | null;

/**
 * The jobs behind a clicked point: real links (new tab, copyable) to the jobs explorer filtered
 * to this metric's jobs around that time, for the cluster and for each node drawn.
 */
export function PointDrill({ t, nodes, drillAt, format, onClose }: { t: number; nodes: number[]; drillAt: DrillAt; format: (t: number) => string; onClose: () => void }) {
  const all = drillAt(t);
  if (!all) return null;
  const perNode = nodes.map((n) => ({ n, href: drillAt(t, n) })).filter((x): x is { n: number; href: string } => x.href !== null && x.href !== all);
  return (
    <div role="group" aria-label="Jobs at this point" data-testid="point-drill" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-emerald-50 px-2 py-1 text-xs dark:bg-emerald-950">
      <span className="text-zinc-600 dark:text-zinc-300">Jobs around {format(t)}:</span>
      <Link href={all} prefetch={false} className="font-medium text-emerald-700 hover:underline dark:text-emerald-400">
        all nodes
      </Link>
      {perNode.map(({ n, href }) => (
        <Link key={n} href={href} prefetch={false} className="text-emerald-700 hover:underline dark:text-emerald-400">
          n{n}
        </Link>
      ))}
      <button type="button" onClick={onClose} aria-label="Close" className="ml-auto text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">
        ×
      </button>
    </div>
  );
}
