'use client';

import { useSearchParams } from 'next/navigation';
import { useClusterNow, useNoteClusterSkew } from '@/components/hooks/use-cluster-now';
import { LastKnownNote } from '@/components/data/last-known-note';
import { SqlBox } from '@/components/jobs/sql-box';
import { parseViewParams, refreshMs } from '@/lib/links';
import type { SchedulesPage } from '@/lib/api/types/schedules';
import { schedulesApiHref } from './hrefs';
import { MetricFreshnessPanel, MetricOnly } from './metric-freshness';
import { Empty, Loading, PageHeader, SqlUnavailable } from './page-header';
import { ScheduleGroupCard } from './schedule-group-card';
import { useMetricsSnapshot, useSchedules } from './use-schedules';

function Summary({ page }: { page: SchedulesPage }) {
  const bad = page.groups.filter((g) => g.problems.length > 0).length;
  const total = page.groups.length;
  return (
    <>
      <p data-testid="schedules-summary" className={bad > 0 ? 'text-lg font-semibold text-red-700 dark:text-red-400' : 'text-lg font-semibold text-emerald-700 dark:text-emerald-400'}>
        {bad > 0 ? `${bad} of ${total} backup${total === 1 ? '' : 's'} need${bad === 1 ? 's' : ''} attention` : `All ${total} backup${total === 1 ? ' is' : 's are'} fresh`}
      </p>
      {bad > 0 && (
        <ul className="text-sm">
          {page.groups
            .filter((g) => g.problems.length > 0)
            .map((g) => (
              <li key={g.key}>
                <a href={`#group-${g.key}`} className="font-medium underline-offset-2 hover:underline">
                  {g.label ?? g.key}
                </a>
                : {g.problems.join(', ')}
              </li>
            ))}
        </ul>
      )}
    </>
  );
}

/** Every backup schedule, problems first (the API orders `groups`), with the cluster metric beside it. */
export function SchedulesView({ cluster, renderedAt, clusterSkewMs, control }: { cluster: { id: string; name: string }; renderedAt: number; clusterSkewMs: number; control: boolean }) {
  const view = parseViewParams(useSearchParams());
  // Every age here is of a cluster time: measured against the cluster's clock.
  const now = useClusterNow(cluster.id, renderedAt, clusterSkewMs);
  const { data, error, isLoading, isValidating, mutate } = useSchedules(schedulesApiHref(cluster.id), refreshMs(view.refresh));
  useNoteClusterSkew(cluster.id, data?.clock_skew_ms);
  // SQL down: the metric from the nodes is still worth showing (partial data beats a blank page).
  const { data: snapshot } = useMetricsSnapshot(cluster.id, Boolean(error) && !data, refreshMs(view.refresh));
  const byId = new Map((data?.schedules ?? []).map((s) => [s.id, s]));

  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
      <PageHeader cluster={cluster} crumbs={[{ label: 'schedules' }]} title="Backup schedules" refresh={view.refresh} />
      {error && <SqlUnavailable error={error} what="The schedules" />}
      {data?.last_known && <LastKnownNote lastKnown={data.last_known} now={now} />}
      {error && !data && snapshot && <MetricOnly cluster={cluster.id} snapshot={snapshot} now={now} />}
      {isLoading && !data && <Loading text="Reading SHOW SCHEDULES…" />}
      {data && (
        <>
          <div className="grid items-start gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
            <div className="flex flex-col gap-1 rounded-lg border border-zinc-200 bg-white px-3 py-2 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900">
              <Summary page={data} />
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                Per schedule: the last successful backup against the interval its recurrence implies. Stale, late, failing and paused first.
              </p>
            </div>
            <MetricFreshnessPanel cluster={cluster.id} metric={data.metric} disagreement={data.disagreement} now={now} />
          </div>
          {data.groups.length === 0 ? (
            <Empty>No backup schedules on this cluster. Create one with CREATE SCHEDULE FOR BACKUP.</Empty>
          ) : (
            <ol aria-label="Backups, problems first" aria-busy={isValidating} className="flex flex-col gap-3">
              {data.groups.map((g) => (
                <li key={g.key}>
                  <ScheduleGroupCard
                    cluster={cluster.id}
                    group={g}
                    schedules={g.schedule_ids.flatMap((id) => byId.get(id) ?? [])}
                    now={now}
                    control={control}
                    onChanged={() => void mutate()}
                  />
                </li>
              ))}
            </ol>
          )}
          {data.sql.length > 0 && <SqlBox sql={data.sql.join(';\n')} note="(what this page ran)" />}
        </>
      )}
    </main>
  );
}
