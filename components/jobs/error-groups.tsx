'use client';

import Link from 'next/link';
import useSWR from 'swr';
import { fetcher, type FetchError } from '@/components/data/fetcher';
import type { ErrorGroupsPage } from '@/lib/api/types/jobs';
import { formatCount } from '@/lib/format/number';
import type { JobsLink } from '@/lib/jobs/href';
import { RelTime } from './rel-time';
import { SqlBox } from './sql-box';
import { SqlErrorBanner } from './sql-error-banner';

const TH = 'px-2 py-1.5 text-left font-medium whitespace-nowrap';
const TD = 'px-2 py-1.5 align-top';

/**
 * The failures of the current filter grouped by error text (`GET …/jobs/errors`), most frequent first;
 * each group links to the list filtered by its text. Shown on `group=error`.
 */
export function ErrorGroups({ apiHref, link, listHref, now }: { apiHref: string; link: JobsLink; listHref: (l: JobsLink) => string; now: number }) {
  const { data, error, isLoading } = useSWR<ErrorGroupsPage, FetchError>(apiHref, fetcher, { keepPreviousData: true, revalidateOnFocus: false, shouldRetryOnError: false });
  return (
    <section aria-labelledby="error-groups" data-testid="error-groups" className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="error-groups" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
        Failures by error{data ? ` (${data.statuses.join(', ')})` : ''}
      </h2>
      {error && <SqlErrorBanner error={error} />}
      {isLoading && !data && <p aria-busy className="animate-pulse text-sm text-zinc-500">Grouping failed jobs…</p>}
      {data && data.groups.length === 0 && <p data-testid="error-groups-empty" className="text-sm text-zinc-600 dark:text-zinc-400">No failed job with an error matches these filters in this window.</p>}
      {data && data.groups.length > 0 && (
        <>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {formatCount(data.scanned)} failed job{data.scanned === 1 ? '' : 's'} in {data.groups.length} group{data.groups.length === 1 ? '' : 's'}
            {data.capped ? ` (the newest ${formatCount(data.scanned)} only: the grouping reads a bounded number of failures)` : ''}; messages that differ only in numbers and ids count as one.
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-300">
                <tr>
                  <th scope="col" className={`${TH} text-right`}>jobs</th>
                  <th scope="col" className={TH}>error</th>
                  <th scope="col" className={TH}>newest</th>
                  <th scope="col" className={TH}><span className="sr-only">list</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
                {data.groups.map((g) => (
                  <tr key={g.key} data-testid="error-group" data-count={g.count}>
                    <td className={`${TD} text-right font-semibold tabular-nums`}>{formatCount(g.count)}</td>
                    <td className={`${TD} min-w-[16rem]`}>
                      <details>
                        <summary className="cursor-pointer font-mono text-xs break-all text-red-800 dark:text-red-300">{g.error.split('\n')[0]}</summary>
                        <pre className="mt-1 font-mono text-xs break-all whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{g.error}</pre>
                        {g.variants > 1 && <p className="text-xs text-zinc-500">{g.variants} variants of this message</p>}
                      </details>
                    </td>
                    <td className={`${TD} text-xs`}><RelTime iso={g.newest} now={now} /></td>
                    <td className={`${TD} text-xs whitespace-nowrap`}>
                      <Link href={listHref({ ...link, status: data.statuses, q: g.q, cursor: undefined })} className="text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400" title={`jobs whose description or error contains “${g.q}”`}>
                        show these jobs
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <SqlBox sql={data.sql} note="(the grouping)" />
        </>
      )}
    </section>
  );
}
