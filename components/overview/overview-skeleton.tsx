/** The overview's shape while its first snapshot loads (a scrape waits for the slowest node, up to its timeout). */
export function OverviewSkeleton() {
  const block = 'animate-pulse rounded-lg bg-zinc-200/70 dark:bg-zinc-800/70';
  return (
    <main aria-busy="true" aria-label="Loading the cluster overview" className="mx-auto flex max-w-[1600px] flex-col gap-5 px-3 py-4 sm:px-6 sm:py-6">
      <div className="flex flex-col gap-2">
        <div className={`${block} h-3 w-40`} />
        <div className={`${block} h-7 w-56`} />
        <div className={`${block} h-4 w-64`} />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 lg:grid-cols-6">
        {Array.from({ length: 9 }, (_, i) => (
          <div key={i} className={`${block} h-24 ${i >= 6 ? 'lg:col-span-2' : ''}`} />
        ))}
      </div>
      <div className={`${block} h-[28rem]`} />
      <p className="text-sm text-zinc-500">Scraping every node…</p>
    </main>
  );
}
