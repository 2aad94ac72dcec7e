import { cn } from '@/components/ui/cn';
import type { NodeColumn } from '@/lib/domain/node-columns';

/** Named one by one up to this many; past it, "and N more" (the Nodes list below has them all). */
const NAMED = 12;

/**
 * Above the grid and sticky while it scrolls: which nodes are blind spots, each a button that
 * scrolls the grid to its column — with 300 nodes, most columns are off screen (and not rendered).
 */
export function GridBlindSpots({ columns, onJump }: { columns: NodeColumn[]; onJump: (index: number) => void }) {
  const down = columns.flatMap((c, i) => (c.node.up ? [] : [{ c, i }]));
  return (
    <p
      role="status"
      data-testid="grid-blind-spots"
      data-count={down.length}
      className={cn(
        'sticky top-0 z-30 flex flex-wrap items-baseline gap-x-2 gap-y-1 rounded-md border px-3 py-1.5 text-xs',
        down.length === 0 ? 'border-zinc-200 bg-white text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400' : 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
      )}
    >
      {down.length === 0 ? (
        `Every node scraped: ${columns.length} of ${columns.length}, no blind spot.`
      ) : (
        <>
          <strong className="font-semibold">
            {down.length} of {columns.length} nodes not scraped
          </strong>
          <span>(blind spots: their cells read “—”, the cluster column is partial):</span>
          {down.slice(0, NAMED).map(({ c, i }) => (
            <button key={c.key} type="button" onClick={() => onJump(i)} title={`Scroll to ${c.label}: ${c.node.error ?? 'not scraped'}`} className="rounded bg-red-600 px-1.5 font-semibold text-white hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-red-800 dark:bg-red-500">
              {c.label}
            </button>
          ))}
          {down.length > NAMED && <span>and {down.length - NAMED} more (see Nodes below)</span>}
        </>
      )}
    </p>
  );
}
