'use client';

import Link from 'next/link';
import { LazyRunDurationChart as RunDurationChart, LazyTimeValueChart as TimeValueChart } from '@/components/charts/lazy-charts';
import { scheduleHref } from '@/components/schedules/hrefs';
import { CARD, LINK } from '@/components/schedules/page-header';
import { outcomeOf } from '@/components/schedules/schedule-charts';
import { formatBytes, formatRatio } from '@/lib/format/bytes';
import { formatDuration } from '@/lib/format/duration';
import type { BackupsPage } from '@/lib/api/types/backups';

type Trend = BackupsPage['trends'][number];

function rateTone(r: number | null): string {
  if (r === null) return 'text-zinc-500';
  if (r >= 0.99) return 'text-emerald-700 dark:text-emerald-400';
  if (r >= 0.9) return 'text-amber-700 dark:text-amber-400';
  return 'font-semibold text-red-700 dark:text-red-400';
}

function TrendCard({ cluster, t }: { cluster: string; t: Trend }) {
  const runs = t.runs.flatMap((r) => {
    const end = Date.parse(r.finished);
    return Number.isFinite(end) && r.duration_s !== null ? [{ t: end - r.duration_s * 1000, job_id: r.job_id, duration_s: r.duration_s, outcome: outcomeOf(r.status) }] : [];
  });
  const sizes = t.runs.flatMap((r) => {
    const end = Date.parse(r.finished);
    return Number.isFinite(end) && r.size_bytes !== null ? [{ t: end, v: r.size_bytes }] : [];
  });
  return (
    <section aria-label={`Trends of ${t.label ?? t.schedule_id} ${t.backup_type ?? ''}`} data-testid="trend" className={`${CARD} flex min-w-0 flex-col gap-2`}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold">
          <Link href={scheduleHref(cluster, t.schedule_id)} className={LINK}>
            {t.label ?? t.schedule_id}
          </Link>{' '}
          <span className="text-xs font-normal text-zinc-500 uppercase">{t.backup_type ?? ''}</span>
        </h3>
        <p className="text-xs">
          success <span className={rateTone(t.success_rate_7d)}>{formatRatio(t.success_rate_7d)}</span> <span className="text-zinc-500">7 d</span> ·{' '}
          <span className={rateTone(t.success_rate_30d)}>{formatRatio(t.success_rate_30d)}</span> <span className="text-zinc-500">30 d</span>
        </p>
      </header>
      {runs.length > 0 ? <RunDurationChart runs={runs} height={130} label={`Durations of ${t.label ?? t.schedule_id}`} /> : <p className="text-xs text-zinc-500">No finished runs.</p>}
      {sizes.length > 0 && <TimeValueChart points={sizes} format={formatBytes} height={110} label={`Sizes of ${t.label ?? t.schedule_id}`} caption="size written per run" color="#7c3aed" dots />}
    </section>
  );
}

/** Size and duration over time, and the success rate over 7 and 30 days, per schedule. */
export function BackupTrends({ cluster, trends }: { cluster: string; trends: Trend[] }) {
  if (trends.length === 0) return <p className="text-sm text-zinc-500">No schedule has finished runs in the job history.</p>;
  return (
    <>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table data-testid="success-rates" className="w-full text-sm">
          <caption className="sr-only">Success rate per schedule</caption>
          <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-300">
            <tr>
              <th scope="col" className="px-2 py-1.5 text-left font-medium">schedule</th>
              <th scope="col" className="px-2 py-1.5 text-left font-medium">type</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">success 7 d</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">success 30 d</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">runs</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">median duration</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
            {trends.map((t) => {
              const d = t.runs.flatMap((r) => (r.duration_s === null ? [] : [r.duration_s])).sort((a, b) => a - b);
              return (
                <tr key={t.schedule_id}>
                  <td className="px-2 py-1">
                    <Link href={scheduleHref(cluster, t.schedule_id)} className={LINK}>
                      {t.label ?? t.schedule_id}
                    </Link>
                  </td>
                  <td className="px-2 py-1 text-xs">{t.backup_type ?? '—'}</td>
                  <td className={`px-2 py-1 text-right tabular-nums ${rateTone(t.success_rate_7d)}`}>{formatRatio(t.success_rate_7d)}</td>
                  <td className={`px-2 py-1 text-right tabular-nums ${rateTone(t.success_rate_30d)}`}>{formatRatio(t.success_rate_30d)}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{t.runs.length}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{d.length ? formatDuration(d[Math.floor(d.length / 2)]) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
        {trends.map((t) => (
          <TrendCard key={t.schedule_id} cluster={cluster} t={t} />
        ))}
      </div>
    </>
  );
}
