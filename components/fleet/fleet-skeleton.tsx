/** The fleet while its first answer is read: the page's frame, no numbers (never zeros). */
export function FleetSkeleton() {
  return (
    <main aria-busy className="mx-auto flex max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
      <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Backup &amp; restore · fleet</p>
      <h1 className="text-2xl font-semibold tracking-tight">Clusters</h1>
      <div className="h-40 animate-pulse rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" aria-label="Loading the clusters" />
    </main>
  );
}
