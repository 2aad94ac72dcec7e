'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import type { FetchError } from '@/components/data/fetcher';
import { LastKnownNote } from '@/components/data/last-known-note';
import { RelTime } from '@/components/jobs/rel-time';
import { FreshnessBadge, PausedFlag } from '@/components/schedules/freshness-badge';
import { scheduleHref, schedulesApiHref, schedulesHref } from '@/components/schedules/hrefs';
import { useNoteClusterSkew } from '@/components/hooks/use-cluster-now';
import { useSchedules } from '@/components/schedules/use-schedules';
import { jobHref } from '@/lib/jobs/href';
import { cn } from '@/components/ui/cn';
import { formatDuration } from '@/lib/format/duration';
import { errorHeadline } from '@/lib/format/error-text';
import { queryString, refreshMs, withView, type ViewParams } from '@/lib/links';
import type { MetricFreshness, ScheduleGroup, SchedulesPage } from '@/lib/api/types/schedules';

// Enough chips for a wall screen to stay one or two rows; the rest (healthy ones: problems come first) are counted.
const MAX_CHIPS = 12;

// One body height for every state (skeleton, a row of chips, a one-line note): the charts below do not
// jump. Only more chips than a row holds (a phone: one per row, below the fold) grow it once.
const BODY = 'min-h-[3.375rem]';

const EDGE: Record<string, string> = {
  stale: 'border-l-red-600 dark:border-l-red-500',
  failing: 'border-l-red-600 dark:border-l-red-500',
  late: 'border-l-amber-500',
  paused: 'border-l-amber-500',
};

/** The refresh and kiosk choice carry over to the schedules pages (a wall screen stays one). */
function carry(view: ViewParams): string {
  return queryString(withView('', { refresh: view.refresh, kiosk: view.kiosk }));
}

/** A failing backup is as loud as a stale one, even when its age still reads fresh. */
function FailingFlag({ error }: { error: string | null }) {
  return (
    <span data-testid="failing-flag" title={error ?? 'the newest run failed'} className="inline-flex items-center rounded bg-red-600 px-1.5 py-0.5 text-xs font-bold tracking-wide text-white uppercase dark:bg-red-500">
      failing
    </span>
  );
}

function Chip({ cluster, group, now, query }: { cluster: string; group: ScheduleGroup; now: number; query: string }) {
  const f = group.freshness;
  const worst = group.problems[0];
  const failure = group.failure;
  // The whole card opens the schedule that made it red (the label's link covers it); the failure
  // line is its own link above that, to the failed job. No link inside a link.
  return (
    <div
      data-testid="freshness-chip"
      data-key={group.key}
      data-focus={group.focus_id}
      data-label={group.label ?? ''}
      data-problems={group.problems.join(',')}
      className={cn(
        'relative flex h-full min-h-[3.375rem] min-w-0 flex-col gap-1 rounded-md border border-l-4 border-zinc-200 bg-white px-2 py-1.5 focus-within:outline-2 focus-within:outline-emerald-600 hover:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-zinc-800/60',
        worst ? EDGE[worst] : f.status === 'ok' ? 'border-l-emerald-500 dark:border-l-emerald-600' : 'border-l-zinc-400',
      )}
    >
      <span className="flex min-w-0 flex-wrap items-center gap-1.5">
        <Link href={`${scheduleHref(cluster, group.focus_id)}${query}`} className="truncate text-sm font-medium outline-none after:absolute after:inset-0 after:content-['']">
          {group.label ?? `schedule ${group.key}`}
        </Link>
        {failure && <FailingFlag error={failure.error} />}
        {/* Fresh by time but failing: the age verdict stays (as text below), the badge says what is wrong. */}
        {!(failure && f.status === 'ok') && <FreshnessBadge status={f.status} reason={f.reason} />}
        {f.paused && <PausedFlag />}
      </span>
      <span className="text-xs text-zinc-600 dark:text-zinc-400" title={f.reason}>
        {f.last_success ? <>last success <RelTime iso={f.last_success} now={now} /></> : 'no success in the job history'}
        {/* The cadence it is judged against, in the text (a tooltip is out of reach on a phone). */}
        {f.expected_interval_s !== null && <> · every {formatDuration(f.expected_interval_s)}</>}
      </span>
      {failure && (
        <Link
          href={jobHref(cluster, failure.job_id)}
          data-testid="failing-job"
          title={failure.error ?? undefined}
          className="relative z-10 line-clamp-2 text-xs break-words text-red-800 underline-offset-2 hover:underline dark:text-red-300"
        >
          failed {failure.finished ? <RelTime iso={failure.finished} now={now} /> : ''}: {errorHeadline(failure.error)}
        </Link>
      )}
    </div>
  );
}

/** CockroachDB's own cluster-wide signal (schedules_BACKUP_last_completed_time), beside the per-schedule answer. */
function MetricStatus({ metric }: { metric: MetricFreshness }) {
  return (
    <span data-testid="freshness-metric" className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400" title={metric.last_completed ? `${metric.last_completed} (UTC)` : undefined}>
      cluster metric
      <FreshnessBadge status={metric.status} reason={metric.note || `last completed ${metric.age_s === null ? 'never' : `${formatDuration(metric.age_s)} ago`}`} />
      {metric.age_s !== null && <span className="tabular-nums">{formatDuration(metric.age_s)} ago</span>}
    </span>
  );
}

function Note({ tone, children }: { tone: 'muted' | 'warn'; children: ReactNode }) {
  return (
    <p
      data-testid="freshness-note"
      className={cn(
        'rounded px-2 py-1 text-sm',
        // The empty state and SQL down are risks (nothing backs the cluster up / nobody can tell): amber.
        tone === 'warn' ? 'border border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100' : 'text-zinc-600 dark:text-zinc-400',
      )}
    >
      {children}
    </p>
  );
}

function unavailable(error: FetchError): string {
  return `Schedules unavailable: ${error.code === 'sql_unavailable' ? 'SQL unreachable' : error.message.slice(0, 120)}`;
}

/**
 * "Are our backups fresh?" per backup, on the overview: one chip per schedule group (full and
 * incremental together), problems first as the API orders them, each a link to its schedule.
 * SQL down leaves one line here and the rest of the overview untouched.
 */
export function FreshnessStrip({ cluster, sql, view, now, fallbackData }: { cluster: string; sql: boolean; view: ViewParams; now: number; fallbackData?: SchedulesPage }) {
  const query = carry(view);
  return (
    <section aria-labelledby="freshness-heading" data-testid="freshness-strip" className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900">
      {sql ? (
        <Groups cluster={cluster} view={view} now={now} query={query} fallbackData={fallbackData} />
      ) : (
        <Header query={query} cluster={cluster}>
          <span className="text-sm text-zinc-500 dark:text-zinc-400">per-schedule freshness needs SQL (CRDB_SQL_URL); the tiles above show the metric</span>
        </Header>
      )}
    </section>
  );
}

function Header({ cluster, query, children }: { cluster: string; query: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id="freshness-heading" className="text-base font-semibold">
          Backup freshness
        </h2>
        {children}
      </div>
      <Link href={`${schedulesHref(cluster)}${query}`} className="text-sm text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400">
        All schedules →
      </Link>
    </div>
  );
}

function Groups({ cluster, view, now, query, fallbackData }: { cluster: string; view: ViewParams; now: number; query: string; fallbackData?: SchedulesPage }) {
  const { data, error, isLoading } = useSchedules(schedulesApiHref(cluster), refreshMs(view.refresh), fallbackData);
  useNoteClusterSkew(cluster, data?.clock_skew_ms);
  const groups = data?.groups ?? [];
  const bad = groups.filter((g) => g.problems.length > 0).length;
  const shown = groups.slice(0, Math.max(MAX_CHIPS, bad));
  const hidden = groups.length - shown.length;

  let body: ReactNode;
  if (error && !data) body = error.code === 'sql_not_configured' ? <Note tone="muted">Per-schedule freshness needs SQL (CRDB_SQL_URL).</Note> : <Note tone="warn">{unavailable(error)}</Note>;
  else if (!data)
    body = (
      <div aria-busy={isLoading} aria-label="Loading the schedules" className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className={cn('h-[3.375rem] animate-pulse rounded-md bg-zinc-200/70 dark:bg-zinc-800/70', i >= 1 && 'max-sm:hidden', i >= 2 && 'max-lg:hidden', i >= 3 && 'max-xl:hidden')} />
        ))}
      </div>
    );
  else if (groups.length === 0)
    body = (
      <Note tone="warn">
        <strong>No backup schedules</strong> on this cluster: nothing backs it up on a schedule. Create one with CREATE SCHEDULE FOR BACKUP.
      </Note>
    );
  else
    body = (
      <ul aria-label="Backups by freshness, problems first" className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {shown.map((g) => (
          <li key={g.key} className="min-w-0">
            <Chip cluster={cluster} group={g} now={now} query={query} />
          </li>
        ))}
        {hidden > 0 && (
          <li className="flex items-center">
            <Link href={`${schedulesHref(cluster)}${query}`} className="text-sm text-emerald-700 hover:underline dark:text-emerald-400">
              +{hidden} more
            </Link>
          </li>
        )}
      </ul>
    );

  return (
    <>
      <Header cluster={cluster} query={query}>
        {data && groups.length > 0 && (
          <span data-testid="freshness-summary" className={cn('text-sm font-semibold', bad > 0 ? 'text-red-700 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-400')}>
            {bad > 0 ? `${bad} of ${groups.length} need${bad === 1 ? 's' : ''} attention` : `all ${groups.length} fresh`}
          </span>
        )}
        {data?.metric && <MetricStatus metric={data.metric} />}
        {data?.last_known && <LastKnownNote lastKnown={data.last_known} now={now} compact />}
        {error && data && !data.last_known && <span className="text-xs text-amber-800 dark:text-amber-300">{unavailable(error)}; showing the last answer</span>}
      </Header>
      <div className={cn(BODY, 'flex flex-col justify-center')}>{body}</div>
    </>
  );
}
