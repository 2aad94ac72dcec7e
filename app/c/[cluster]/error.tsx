'use client';

import Link from 'next/link';

/**
 * The overview could not get even a first snapshot (a node that is down is not this: it is a
 * partial result on the page). In production Next hides the server's message; the digest finds
 * it in the dashboard's log.
 */
export default function ClusterError({ error, retry }: { error: unknown; retry: () => void }) {
  // Server errors arrive as Error with a digest; anything thrown on the client is passed as-is.
  const message = error instanceof Error ? error.message : '';
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100">
        <h1 className="text-lg font-semibold">Could not load this cluster&apos;s metrics</h1>
        <p className="mt-1 text-sm">{message || 'The dashboard hit an error while scraping the nodes.'}</p>
        {digest && <p className="mt-1 font-mono text-xs opacity-80">error digest {digest} (search the dashboard&apos;s log for it)</p>}
        <div className="mt-3 flex gap-3 text-sm">
          <button type="button" onClick={() => retry()} className="rounded-md bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800">
            Try again
          </button>
          <Link href="/" className="py-1 underline underline-offset-2">
            Default cluster
          </Link>
        </div>
      </div>
    </main>
  );
}
