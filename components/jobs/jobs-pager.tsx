/** Previous / next page. Keyset pages have no numbers: the previous cursors are remembered by the page. */
export function JobsPager({ count, hasPrev, hasNext, onPrev, onNext }: { count: number; hasPrev: boolean; hasNext: boolean; onPrev: () => void; onNext: () => void }) {
  const btn =
    'rounded-md border border-zinc-300 bg-white px-3 py-1 text-sm text-zinc-700 enabled:hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:enabled:hover:bg-zinc-800';
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">
        {count} job{count === 1 ? '' : 's'} on this page{hasNext ? ', more after' : ''}
      </span>
      <span className="flex gap-2">
        <button type="button" className={btn} disabled={!hasPrev} onClick={onPrev}>
          ← Previous
        </button>
        <button type="button" className={btn} disabled={!hasNext} onClick={onNext}>
          Next →
        </button>
      </span>
    </nav>
  );
}
