import Link from 'next/link';
import type { ReactNode } from 'react';
import type { FetchError } from '@/components/data/fetcher';
import { SqlErrorBanner } from '@/components/jobs/sql-error-banner';
import { RefreshPicker } from '@/components/layout/refresh-picker';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { clusterHref, type RefreshOption } from '@/lib/links';

/** "cluster · schedules" breadcrumb, the title, and the page's controls (as the jobs explorer has them). */
export function PageHeader({ cluster, crumbs, title, refresh, children }: { cluster: { id: string; name: string }; crumbs: { label: string; href?: string }[]; title: ReactNode; refresh?: RefreshOption; children?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
      <div className="min-w-0">
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          <Link href={clusterHref(cluster.id)} className="hover:underline">
            {cluster.name}
          </Link>
          {crumbs.map((c) => (
            <span key={c.label}>
              {' · '}
              {c.href ? (
                <Link href={c.href} className="hover:underline">
                  {c.label}
                </Link>
              ) : (
                c.label
              )}
            </span>
          ))}
        </p>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">{title}</h1>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {children}
        {refresh && <RefreshPicker value={refresh} />}
        <ThemeToggle />
      </div>
    </header>
  );
}

export const CARD = 'rounded-lg border border-zinc-200 bg-white px-3 py-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900';
export const H2 = 'mb-2 text-sm font-semibold text-zinc-700 dark:text-zinc-300';
export const LINK = 'text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400';

/** Loading placeholder with a fixed height, so the data replaces it without a jump. */
export function Loading({ text }: { text: string }) {
  return (
    <div aria-busy className="animate-pulse rounded-lg border border-zinc-200 bg-white px-3 py-10 text-center text-sm text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900">
      {text}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-zinc-300 px-3 py-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">{children}</p>;
}

/** Why SQL could not answer; the metrics pages do not need it and keep working. */
export function SqlUnavailable({ error, what }: { error: FetchError; what: string }) {
  return (
    <div className="flex flex-col gap-1">
      <SqlErrorBanner error={error} />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{what} come from SQL; the metrics pages keep working without it.</p>
    </div>
  );
}

/** A titled card; the title names the region for screen readers and tests. */
export function Card({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={CARD}>
      <h2 id={id} className={H2}>
        {title}
      </h2>
      {children}
    </section>
  );
}
