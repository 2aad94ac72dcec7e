'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import useSWR from 'swr';
import { fetcher, type FetchError } from '@/components/data/fetcher';
import { useNow } from '@/components/hooks/use-now';
import { SqlBox } from '@/components/jobs/sql-box';
import { Empty, Loading, PageHeader, SqlUnavailable } from '@/components/schedules/page-header';
import { cn } from '@/components/ui/cn';
import type { ProtectedTimestampsPage, PtsRecord } from '@/lib/api/types/protected-timestamps';
import { formatDuration } from '@/lib/format/duration';
import { clusterHref, parseViewParams, protectedTimestampsApiHref, protectedTimestampsHref, PTS_HOLDER_FILTERS, refreshMs, type PtsHolderFilter } from '@/lib/links';
import { PtsHolderCell, PtsProtectedAt, SEVERITY_ROW, SEVERITY_TEXT } from './pts-parts';

const FILTER_LABEL: Record<PtsHolderFilter | 'all', string> = {
  all: 'All',
  'backup-jobs': 'Backup jobs',
  'restore-jobs': 'Restore jobs',
  schedules: 'Backup schedules',
  orphaned: 'Orphaned',
};

function matches(r: PtsRecord, f: PtsHolderFilter | null): boolean {
  if (f === null) return true;
  if (f === 'orphaned') return r.orphaned;
  if (f === 'schedules') return r.meta_type === 'schedules';
  const type = f === 'backup-jobs' ? 'BACKUP' : 'RESTORE';
  return r.holder?.kind === 'job' && r.holder.job_type === type;
}

function Summary({ page, cluster }: { page: ProtectedTimestampsPage; cluster: string }) {
  const orphaned = page.records.filter((r) => r.orphaned).length;
  const bad = page.records.filter((r) => r.severity !== 'ok').length;
  const oldest = page.records[0];
  return (
    <div className="flex flex-col gap-1 rounded-lg border border-zinc-200 bg-white px-3 py-2 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900">
      <p data-testid="pts-summary" className={cn('text-lg font-semibold', bad > 0 ? 'text-red-700 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-400')}>
        {page.records.length === 0
          ? 'No protected timestamp records'
          : `${page.records.length} record${page.records.length === 1 ? '' : 's'}${orphaned > 0 ? ` · ${orphaned} orphaned` : ''}${bad > 0 ? ` · ${bad} need${bad === 1 ? 's' : ''} attention` : ''}`}
      </p>
      {oldest && oldest.age_s !== null && (
        <p className="text-sm">
          Oldest: <span className={cn('font-semibold', SEVERITY_TEXT[oldest.severity])}>{formatDuration(oldest.age_s)}</span> old, held by{' '}
          <PtsHolderCell cluster={cluster} record={oldest} compact />
        </p>
      )}
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        While a record is held, CockroachDB keeps every row version newer than its time in what it protects: garbage collection waits. A paused or forgotten job, or a stuck
        schedule chain, holds one for as long as it stays; an orphaned record (its job or schedule gone) is never released. Amber past{' '}
        {formatDuration(page.thresholds.warn_s)}, red past {formatDuration(page.thresholds.critical_s)}.
      </p>
    </div>
  );
}

function Filters({ cluster, current, page }: { cluster: string; current: PtsHolderFilter | null; page: ProtectedTimestampsPage }) {
  return (
    <nav aria-label="Holders" className="flex flex-wrap gap-1.5 text-sm">
      {([null, ...PTS_HOLDER_FILTERS] as const).map((f) => {
        const n = page.records.filter((r) => matches(r, f)).length;
        const active = f === current;
        return (
          <Link
            key={f ?? 'all'}
            href={protectedTimestampsHref(cluster, f ?? undefined)}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'rounded-full border px-2.5 py-0.5',
              active ? 'border-emerald-600 bg-emerald-50 font-semibold text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950/50 dark:text-emerald-100' : 'border-zinc-300 text-zinc-700 hover:border-zinc-400 dark:border-zinc-700 dark:text-zinc-300',
            )}
          >
            {FILTER_LABEL[f ?? 'all']} <span className="tabular-nums text-zinc-500 dark:text-zinc-400">{n}</span>
          </Link>
        );
      })}
    </nav>
  );
}

function Problems({ r }: { r: PtsRecord }) {
  if (r.problems.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <ul className={cn('flex flex-col gap-0.5', SEVERITY_TEXT[r.severity])}>
      {r.problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

const TH = 'px-2 py-1.5 text-left text-xs font-medium text-zinc-500 dark:text-zinc-400';
const TD = 'px-2 py-2 align-top';

function RecordsTable({ cluster, records, now }: { cluster: string; records: PtsRecord[]; now: number }) {
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-zinc-200 bg-white md:block dark:border-zinc-800 dark:bg-zinc-900">
      <table aria-label="Protected timestamp records, oldest first" className="w-full text-sm">
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th className={TH}>Holder</th>
            <th className={TH}>Protected time</th>
            <th className={TH}>Age</th>
            <th className={TH}>Protects</th>
            <th className={TH} title="system.protected_ts_records.verified (no longer set since v22.2)">Verified</th>
            <th className={TH}>Problems</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} data-testid="pts-record" data-severity={r.severity} data-orphaned={r.orphaned} className={cn('border-b border-l-4 border-zinc-100 last:border-b-0 dark:border-zinc-800', SEVERITY_ROW[r.severity])}>
              <td className={cn(TD, 'max-w-md')}>
                <PtsHolderCell cluster={cluster} record={r} />
              </td>
              <td className={cn(TD, 'whitespace-nowrap')}>
                <PtsProtectedAt record={r} now={now} />
              </td>
              <td className={cn(TD, 'font-semibold whitespace-nowrap tabular-nums', SEVERITY_TEXT[r.severity])}>{r.age_s === null ? '—' : formatDuration(r.age_s)}</td>
              <td className={cn(TD, 'text-zinc-700 dark:text-zinc-300')}>{r.target.text}</td>
              <td className={TD}>{r.verified ? 'yes' : 'no'}</td>
              <td className={cn(TD, 'max-w-sm text-xs')}>
                <Problems r={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same records as cards, for a phone. */
function RecordsList({ cluster, records, now }: { cluster: string; records: PtsRecord[]; now: number }) {
  return (
    <ol aria-label="Protected timestamp records, oldest first" className="flex flex-col gap-2 md:hidden">
      {records.map((r) => (
        <li key={r.id} data-testid="pts-record" data-severity={r.severity} data-orphaned={r.orphaned} className={cn('rounded-lg border border-l-4 border-zinc-200 bg-white px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900', SEVERITY_ROW[r.severity])}>
          <div className="flex items-baseline justify-between gap-2">
            <PtsHolderCell cluster={cluster} record={r} />
            <span className={cn('shrink-0 font-semibold tabular-nums', SEVERITY_TEXT[r.severity])}>{r.age_s === null ? '—' : formatDuration(r.age_s)}</span>
          </div>
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            protected since <PtsProtectedAt record={r} now={now} /> · {r.target.text}
          </p>
          {r.problems.length > 0 && (
            <div className="mt-1 text-xs">
              <Problems r={r} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Every protected timestamp record with its holder, oldest first: who blocks garbage collection, in one click. */
export function ProtectedTimestampsView({ cluster, renderedAt }: { cluster: { id: string; name: string }; renderedAt: number }) {
  const sp = useSearchParams();
  const view = parseViewParams(sp);
  const holder = (PTS_HOLDER_FILTERS as readonly string[]).includes(sp.get('holder') ?? '') ? (sp.get('holder') as PtsHolderFilter) : null;
  const now = useNow(renderedAt);
  const { data, error, isLoading, isValidating } = useSWR<ProtectedTimestampsPage, FetchError>(protectedTimestampsApiHref(cluster.id), fetcher, {
    keepPreviousData: true,
    shouldRetryOnError: false,
    revalidateOnFocus: false,
    refreshInterval: refreshMs(view.refresh),
  });
  // Ages are as the cluster's clock had them when read, moved on by the browser's clock since.
  const drift = data ? Math.max(0, (now - Date.parse(data.generated_at)) / 1000) : 0;
  const records = (data?.records ?? []).filter((r) => matches(r, holder)).map((r) => (r.age_s === null ? r : { ...r, age_s: r.age_s + drift }));
  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
      <PageHeader cluster={cluster} crumbs={[{ label: 'protected timestamps' }]} title="Protected timestamps" refresh={view.refresh} />
      {error && <SqlUnavailable error={error} what="Protected timestamp records" />}
      {error && (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          How old the oldest record is, per holder kind, still shows on the <Link href={clusterHref(cluster.id)} className="text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400">overview</Link> (the *_protected_age_sec and *_protected_record_count metrics, from /_status/vars); who holds them needs these records.
        </p>
      )}
      {isLoading && !data && <Loading text="Reading system.protected_ts_records…" />}
      {data && (
        <>
          <Summary page={data} cluster={cluster.id} />
          <Filters cluster={cluster.id} current={holder} page={data} />
          {records.length === 0 ? (
            <Empty>{holder ? 'No record of this kind.' : 'No protected timestamp records: nothing holds back garbage collection.'}</Empty>
          ) : (
            <div aria-busy={isValidating}>
              <RecordsTable cluster={cluster.id} records={records} now={now} />
              <RecordsList cluster={cluster.id} records={records} now={now} />
            </div>
          )}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Read from system.protected_ts_records (crdb_internal.kv_protected_ts_records fails as a whole when one holder is gone, exactly when there is an orphan to find); holders from SHOW JOB and SHOW
            SCHEDULES. Each job and schedule page shows the records it holds.
          </p>
          <SqlBox sql={data.sql.join(';\n')} note="(what this page ran)" />
        </>
      )}
    </main>
  );
}
