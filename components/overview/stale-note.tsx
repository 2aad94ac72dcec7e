'use client';

import { useId } from 'react';
import type { FetchError } from '@/components/data/fetcher';
import { LocalTime } from '@/components/ui/local-time';

/** A failed refresh: the page keeps the last data and says how old it is and why it is not newer. */
export function StaleNote({ error, scrapedAt, now }: { error: FetchError; scrapedAt: number; now: number }) {
  const id = useId();
  const status = error.status === 0 ? 'no answer' : `HTTP ${error.status}`;
  return (
    <div role="alert" aria-labelledby={id} className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100">
      <strong id={id} className="font-semibold">Stale: refresh failed</strong> ({status}, {error.code}): {error.message}. Showing the data scraped at{' '}
      <LocalTime ms={scrapedAt} now={now} className="font-medium" />; it is retried at the next refresh.
    </div>
  );
}
