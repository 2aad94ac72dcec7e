import Link from 'next/link';
import { formatCount } from '@/lib/format/number';
import type { JobsPage } from '@/lib/api/types/jobs';

const BTN = 'rounded-md border border-zinc-300 bg-white px-3 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800';
const OFF = 'rounded-md border border-zinc-200 px-3 py-1 text-sm text-zinc-400 dark:border-zinc-800 dark:text-zinc-600';

/** "50 of 112" (the filter's bounded total, every page together). */
export function totalText(shown: number, total: JobsPage['total']): string {
  const jobs = (n: number) => `job${n === 1 ? '' : 's'}`;
  if (!total) return `${shown} ${jobs(shown)} on this page (total unavailable)`;
  const of = total.capped ? `more than ${formatCount(total.cap)}` : formatCount(total.count);
  return `${formatCount(shown)} of ${of} matching ${jobs(total.capped ? 2 : total.count)}`;
}

/**
 * First / previous / next page as links (so every page is a URL that can be pasted and still go back):
 * keyset pages have no numbers, so previous is a "before this row" cursor from the server.
 */
export function JobsPager({ shown, total, firstHref, prevHref, nextHref }: { shown: number; total: JobsPage['total']; firstHref: string | null; prevHref: string | null; nextHref: string | null }) {
  const link = (href: string | null, label: string, rel?: string) =>
    href ? (
      <Link href={href} scroll={false} rel={rel} className={BTN}>
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={OFF}>
        {label}
      </span>
    );
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span data-testid="jobs-total" className="text-zinc-600 tabular-nums dark:text-zinc-400" title={total?.capped ? `the count stops at ${formatCount(total.cap)} rows, so it never reads every job` : undefined}>
        {totalText(shown, total)}
      </span>
      <span className="flex gap-2">
        {firstHref && link(firstHref, '⇤ First page')}
        {link(prevHref, '← Previous', 'prev')}
        {link(nextHref, 'Next →', 'next')}
      </span>
    </nav>
  );
}
