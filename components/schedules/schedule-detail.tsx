'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { LastKnownNote } from '@/components/data/last-known-note';
import { useClusterNow, useNoteClusterSkew } from '@/components/hooks/use-cluster-now';
import { CopyButton } from '@/components/jobs/copy-button';
import { RelTime } from '@/components/jobs/rel-time';
import { SqlBox } from '@/components/jobs/sql-box';
import { jobsHref } from '@/lib/jobs/href';
import { PtsHolderCell, PtsProtectedAt, SEVERITY_ROW, SEVERITY_TEXT } from '@/components/protected-timestamps/pts-parts';
import { cn } from '@/components/ui/cn';
import { formatDuration } from '@/lib/format/duration';
import { parseViewParams, protectedTimestampsHref, refreshMs } from '@/lib/links';
import type { ScheduleDetail, ScheduleRow } from '@/lib/api/types/schedules';
import { FreshnessOf } from './freshness-badge';
import { backupsHref, collectionPath, scheduleApiHref, scheduleHref, schedulesHref } from './hrefs';
import { Card, CARD, LINK, Loading, PageHeader, SqlUnavailable } from './page-header';
import { ScheduleCharts } from './schedule-charts';
import { ScheduleControl, scheduleStatement } from './schedule-control';
import { ScheduleJobs } from './schedule-jobs';
import { isPaused, LastFailure, Recurrence } from './schedule-facts';
import { useSchedule } from './use-schedules';

function Facts({ cluster, s, now }: { cluster: string; s: ScheduleRow; now: number }) {
  const rows: [string, React.ReactNode][] = [
    ['schedule_status', s.schedule_status ?? '—'],
    ['recurrence', <Recurrence key="r" s={s} />],
    ['next_run', <RelTime key="n" iso={s.next_run} now={now} />],
    ['jobsrunning', s.jobsrunning ?? '—'],
    ['on_previous_running', s.on_previous_running ?? '—'],
    ['on_execution_failure', s.on_execution_failure ?? '—'],
    ['owner', s.owner ?? '—'],
    ['created', <RelTime key="c" iso={s.created} now={now} />],
    ['last success', <RelTime key="l" iso={s.last_success} now={now} />],
    ['last failure', <LastFailure key="f" cluster={cluster} s={s} now={now} />],
    ['state', s.state ?? '—'],
  ];
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{k}</dt>
          <dd className="min-w-0 break-words">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The records the pair's schedules (the chain) and their unfinished jobs hold; or why they cannot be read here. */
function SchedulePts({ cluster, held, now }: { cluster: string; held: ScheduleDetail['protected_timestamps'] | undefined; now: number }) {
  if (!held) return null;
  if (held.error) return <p data-testid="schedule-pts" className="text-sm text-amber-800 dark:text-amber-300">Unknown: {held.error.message}</p>;
  if (held.records.length === 0) return <p data-testid="schedule-pts" className="text-sm text-zinc-600 dark:text-zinc-400">None held by these schedules or their jobs.</p>;
  return (
    <div data-testid="schedule-pts" className="flex flex-col gap-1.5 text-sm">
      <ul className="flex flex-col gap-1.5">
        {held.records.map((r) => (
          <li key={r.id} className={cn('border-l-4 pl-2', SEVERITY_ROW[r.severity])}>
            <PtsHolderCell cluster={cluster} record={r} compact />{' '}
            <span className={cn('font-semibold', SEVERITY_TEXT[r.severity])}>{r.age_s === null ? '' : `${formatDuration(r.age_s)} old`}</span>
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">
              since <PtsProtectedAt record={r} now={now} /> · {r.target.text}
              {r.problems.length > 0 ? ` · ${r.problems.join('; ')}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <Link href={protectedTimestampsHref(cluster, 'schedules')} className={`${LINK} text-xs`}>
        every record and holder
      </Link>
    </div>
  );
}

/** One schedule: its statement, options, pair, runs over time, freshness over time and its jobs. */
export function ScheduleDetailView({
  cluster,
  id,
  renderedAt,
  clusterSkewMs,
  control,
  fallbackData,
}: {
  cluster: { id: string; name: string };
  id: string;
  renderedAt: number;
  clusterSkewMs: number;
  control: boolean;
  fallbackData?: ScheduleDetail;
}) {
  const view = parseViewParams(useSearchParams());
  // Every age here is of a cluster time: measured against the cluster's clock.
  const now = useClusterNow(cluster.id, renderedAt, clusterSkewMs);
  const { data: fetched, error, mutate } = useSchedule(scheduleApiHref(cluster.id, id), refreshMs(view.refresh), fallbackData);
  const data = fetched ?? fallbackData;
  useNoteClusterSkew(cluster.id, data?.clock_skew_ms);
  const s = data?.schedule;
  const label = s?.label ?? `schedule ${id}`;
  const statements = [`SHOW SCHEDULE ${id}`, `SHOW JOBS FOR SCHEDULE ${id}`, scheduleStatement('pause', id), scheduleStatement('resume', id)].map((x) => `${x};`);

  return (
    <main className="mx-auto flex max-w-[1400px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
      <PageHeader
        cluster={cluster}
        crumbs={[{ label: 'schedules', href: schedulesHref(cluster.id) }, { label: id }]}
        refresh={view.refresh}
        title={
          <>
            <span>{label}</span>
            <span className="font-mono text-base font-normal break-all text-zinc-600 dark:text-zinc-400">{id}</span>
            {s?.backup_type && <span className="rounded bg-zinc-800 px-1.5 py-0.5 text-xs font-bold tracking-wide text-white uppercase dark:bg-zinc-200 dark:text-zinc-900">{s.backup_type}</span>}
            {s && <FreshnessOf f={s.freshness} large />}
          </>
        }
      />
      {error && <SqlUnavailable error={error} what="The schedule's details" />}
      {data?.last_known && <LastKnownNote lastKnown={data.last_known} now={now} />}
      {!data && !error && <Loading text={`Reading SHOW SCHEDULE ${id}…`} />}
      {data && s && (
        <>
          <div data-testid="freshness-reason" className="flex flex-col gap-1 text-sm text-zinc-700 dark:text-zinc-300">
            <p>{s.freshness.reason}</p>
            {data.pair && (
              <p className="flex flex-wrap items-center gap-1.5">
                Its {data.pair.backup_type?.toLowerCase() ?? 'paired'} schedule: <FreshnessOf f={data.pair.freshness} /> {data.pair.freshness.reason}
              </p>
            )}
          </div>
          <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <div className="flex min-w-0 flex-col gap-4">
              <section aria-labelledby="stmt" className={CARD}>
                <div className="mb-2 flex items-center justify-between gap-2">
                  <h2 id="stmt" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
                    Backup statement
                  </h2>
                  {s.command && <CopyButton text={`${s.command};`} label="Copy statement" />}
                </div>
                <pre data-testid="backup-statement" className="overflow-x-auto rounded bg-zinc-100 px-2 py-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-zinc-800">
                  {s.command ?? '— (not a backup schedule, or this version does not show its command)'}
                </pre>
                <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Credentials in URIs are redacted.</p>
                {s.collection && (
                  <p className="mt-2 text-sm">
                    collection <span className="font-mono text-xs break-all">{s.collection}</span> ·{' '}
                    <Link href={backupsHref(cluster.id, { collection: s.collection })} className={LINK}>
                      its backups
                    </Link>
                  </p>
                )}
              </section>
              <Card id="opts" title="Options">
                {data.options.length === 0 ? (
                  <p className="text-sm text-zinc-500">No options.</p>
                ) : (
                  <div className="overflow-x-auto">
                    <table className="w-full text-sm">
                      <caption className="sr-only">Backup and schedule options</caption>
                      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                        {data.options.map((o) => (
                          <tr key={o.name}>
                            <th scope="row" className="py-1 pr-4 text-left font-mono text-xs font-normal whitespace-nowrap text-zinc-500 dark:text-zinc-400">
                              {o.name}
                            </th>
                            <td className="py-1 font-mono text-xs break-all">{o.value}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </Card>
            </div>
            <div className="flex min-w-0 flex-col gap-4">
              <Card id="facts" title="Schedule">
                <Facts cluster={cluster.id} s={s} now={now} />
                {data.pair && (
                  <p className="mt-3 border-t border-zinc-100 pt-2 text-sm dark:border-zinc-800">
                    Pair: the {data.pair.backup_type?.toLowerCase() ?? 'other'} schedule{' '}
                    <Link href={scheduleHref(cluster.id, data.pair.id)} className={LINK}>
                      {data.pair.label ?? data.pair.id} <span className="font-mono text-xs">{data.pair.id}</span>
                    </Link>{' '}
                    <FreshnessOf f={data.pair.freshness} />
                  </p>
                )}
              </Card>
              <Card id="pts" title="Protected timestamps">
                <SchedulePts cluster={cluster.id} held={data.protected_timestamps} now={now} />
              </Card>
              <Card id="stmts" title="Statements">
                <ul className="flex flex-col gap-1.5">
                  {statements.map((x) => (
                    <li key={x} className="flex items-center justify-between gap-2">
                      <code className="font-mono text-xs break-all">{x}</code>
                      <CopyButton text={x} />
                    </li>
                  ))}
                </ul>
                {control && (
                  <div className="mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
                    <ScheduleControl cluster={cluster.id} id={id} label={label} paused={isPaused(s)} onDone={() => void mutate()} />
                  </div>
                )}
              </Card>
            </div>
          </div>
          <Card id="charts" title="Runs and freshness">
            <ScheduleCharts detail={data} now={now} />
          </Card>
          <section aria-labelledby="jobs" className="flex flex-col gap-2">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="jobs" className="text-base font-semibold">
                Jobs ({data.jobs.length}){data.pair ? ' of both schedules of the pair' : ''}
              </h2>
              <Link href={jobsHref(cluster.id, { type: ['BACKUP'], scheduled: true, from: 'now-14d', q: s.collection ? collectionPath(s.collection) : undefined })} className={`${LINK} text-sm`}>
                in the jobs explorer
              </Link>
            </div>
            <ScheduleJobs cluster={cluster.id} jobs={data.jobs} now={now} />
          </section>
          {data.sql.length > 0 && <SqlBox sql={data.sql.join(';\n')} note="(what this page ran)" />}
        </>
      )}
    </main>
  );
}

