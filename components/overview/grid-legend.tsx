/** How to read the grid's cells; the same looks as the cells themselves. */
export function GridLegend() {
  const item = 'inline-flex items-center gap-1.5';
  const swatch = 'inline-block min-w-8 rounded px-1 text-center tabular-nums';
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
      <li className={item}>
        <span className={`${swatch} text-zinc-900 dark:text-zinc-100`}>1,234</span> value
      </li>
      <li className={item}>
        <span className={`${swatch} text-zinc-400 dark:text-zinc-500`}>0</span> zero
      </li>
      <li className={item}>
        <span className={`${swatch} bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200`}>12</span> failures, retries, rescheduled &gt; 0
      </li>
      <li className={item}>
        <span className={`${swatch} bg-hatch bg-zinc-100 text-zinc-400 dark:bg-zinc-800/60`}>—</span> no data: node down
      </li>
      <li className={item}>
        <span className={`${swatch} text-zinc-400 italic`}>n/a</span> not exported by this node&apos;s version
      </li>
    </ul>
  );
}
