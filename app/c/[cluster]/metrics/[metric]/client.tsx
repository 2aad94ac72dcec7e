'use client';

import { drillHref } from '@/lib/domain/drill';
import Link from 'next/link';
import { useMemo } from 'react';
import { useChartAlerts } from '@/components/alerts/use-chart-alerts';
import { chartMetric } from '@/components/charts/chart-metric';
import { JobEventsBar } from '@/components/charts/job-events-bar';
import { LazyMetricChart as MetricChart } from '@/components/charts/lazy-charts';
import { useMetricRange } from '@/components/charts/use-metric-range';
import { useChartEvents } from '@/components/data/use-job-events';
import { RefreshPicker } from '@/components/layout/refresh-picker';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import type { CatalogEntry } from '@/lib/catalog';
import { AGG_KEY, nodeKey } from '@/lib/domain/chart-data';
import { DEFAULT_RANGE, clusterHref, freezeView, protectedTimestampsHref, ptsHolderOfMetric, queryString, refreshMs, withView } from '@/lib/links';
import { CopyLinks } from './copy-links';
import { NodePicker } from './node-picker';
import { RangePicker } from './range-picker';
import { useViewNav } from './use-view-nav';

const FNS = [
  ['increase', 'increase per interval'],
  ['rate', 'rate per second'],
  ['raw', 'raw counter'],
] as const;

// Above this many events in range, markers show failures only unless the link says `events=all`
// (a 1,000 px chart: ~8 px per marker; 24 h of the demo's backups is ~400 events).
const PANEL_DENSE_EVENTS = 120;

export function PanelClient({ cluster, metric }: { cluster: { id: string; name: string; sql: boolean }; metric: CatalogEntry }) {
  const { view, go, hrefWith } = useViewNav();
  const from = view.from ?? DEFAULT_RANGE.from;
  const to = view.to ?? DEFAULT_RANGE.to;
  const counter = metric.kind === 'counter';
  // Every node is fetched and the unselected ones hidden here: the legend and the picker can then
  // offer them back, and the aggregate stays the cluster's.
  const { data, error, isLoading, isValidating } = useMetricRange(cluster.id, metric.exported, { from, to, fn: counter ? view.fn : undefined }, refreshMs(view.refresh));
  const nodeIds = useMemo(() => (data?.series ?? []).map((s) => s.node_id), [data]);
  const shown = useMemo(() => new Set(view.nodes ?? nodeIds), [view.nodes, nodeIds]);
  const hidden = useMemo(() => new Set([...nodeIds.filter((n) => !shown.has(n)).map(nodeKey), ...(view.agg ? [] : [AGG_KEY])]), [nodeIds, shown, view.agg]);
  const aggLabel = `cluster (${metric.aggregate})`;
  const events = useChartEvents(cluster.id, metric.exported, { from, to, nodes: view.nodes, refreshMs: refreshMs(view.refresh), sql: cluster.sql, mode: view.events, denseAbove: PANEL_DENSE_EVENTS });
  const alerts = useChartAlerts(cluster.id, metric.exported, { from, to, refreshMs: refreshMs(view.refresh) });

  const chart = (
    <MetricChart
      metric={chartMetric(metric)}
      data={data}
      error={error?.message}
      loading={isLoading || isValidating}
      height={view.kiosk ? 640 : 420}
      showAggregate
      aggregateLabel={aggLabel}
      hidden={hidden}
      ariaLabel={`${metric.exported} by node`}
      drillAt={drillHref(cluster.id, metric.exported) ? (t, node) => drillHref(cluster.id, metric.exported, { at: t, node }) : undefined}
      onToggle={(key) => {
        if (key === AGG_KEY) return go({ agg: !view.agg });
        const id = Number(key.slice(1));
        const next = nodeIds.filter((n) => (n === id ? !shown.has(n) : shown.has(n)));
        go({ nodes: next.length === nodeIds.length ? undefined : next });
      }}
      onZoom={(a, b) => go({ from: new Date(a).toISOString(), to: new Date(b).toISOString() })}
      clip={view.y === 'clip'}
      onClip={(on) => go({ y: on ? 'clip' : undefined })}
      {...events.chart}
      {...alerts}
    />
  );

  if (view.kiosk) return <main className="p-3" data-kiosk="1">{chart}</main>;
  const ptsHolder = ptsHolderOfMetric(metric.exported);

  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
      <header className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            <Link href={clusterHref(cluster.id, { refresh: view.refresh })} className="hover:underline">
              {cluster.name}
            </Link>{' '}
            · metric
          </p>
          <h1 className="font-mono text-lg font-semibold sm:text-xl">
            {/* Wrap a long name after an underscore on a phone, not mid-word. */}
            {metric.exported.split('_').map((part, i) => (
              <span key={i}>
                {i > 0 && (
                  <>
                    _<wbr />
                  </>
                )}
                {part}
              </span>
            ))}
          </h1>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {metric.kind}, {metric.aggregate} across nodes · since {metric.since}
            {metric.kind === 'timestamp' && ' · drawn as the age of the last completed backup'}
          </p>
          {ptsHolder && (
            <Link href={protectedTimestampsHref(cluster.id, ptsHolder)} data-testid="pts-holders-link" className="text-sm font-medium text-emerald-700 hover:underline dark:text-emerald-400">
              Who holds these protected timestamps →
            </Link>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <CopyLinks current={() => window.location.href} absolute={() => `${window.location.origin}${window.location.pathname}${queryString(withView(window.location.search, freezeView(view, Date.now())))}`} />
          <RefreshPicker value={view.refresh} />
          <ThemeToggle />
        </div>
      </header>

      <section aria-label="View" className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <RangePicker from={from} to={to} onChange={go} />
          {counter && (
            <label className="flex flex-col text-xs text-zinc-500 dark:text-zinc-400">
              Counter as
              <select value={data?.fn ?? view.fn ?? 'increase'} onChange={(e) => go({ fn: e.target.value === 'increase' ? undefined : (e.target.value as 'raw' | 'rate') })} className="rounded-md border border-zinc-300 bg-white py-1 pl-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
                {FNS.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <NodePicker nodeIds={nodeIds} shown={shown} aggregate={view.agg} aggregateLabel={aggLabel} onNodes={(ids) => go({ nodes: ids })} onAggregate={(on) => go({ agg: on })} />
        {events.on && <JobEventsBar {...events.bar} onMode={(m) => go({ events: m })} />}
        {chart}
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Drag across the chart to zoom in; back returns to the previous range.
          {events.on && ' Markers above the chart are job events: hover for the job, click to open it.'}
          {alerts.alertWindows.length > 0 && ' Shaded stretches are when an alert on this metric fired (red critical, amber warning).'}{' '}
          <a href={hrefWith({ kiosk: true })} className="underline underline-offset-2">
            Wall-screen view
          </a>
        </p>
      </section>

      <section aria-labelledby="about-heading" className="max-w-3xl text-sm">
        <h2 id="about-heading" className="font-semibold">
          About this metric
        </h2>
        <p className="mt-1 text-zinc-700 dark:text-zinc-300">{metric.description}</p>
        {metric.caveats.length > 0 && (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-zinc-600 dark:text-zinc-400">
            {metric.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
