'use client';

import { useRef } from 'react';
import { CATALOG, METRIC_GROUPS, type CatalogEntry, type MetricGroup } from '@/lib/catalog';
import { cn } from '@/components/ui/cn';
import type { NodeColumn } from '@/lib/domain/node-columns';
import { GridBlindSpots } from './grid-blind-spots';
import { CLUSTER_STICKY, ClusterCell, NodeCell } from './metric-cell';
import { MetricName } from './metric-name';
import { NODE_COL_PX, useColumnWindow } from './use-column-window';

const GROUP_TITLE: Record<MetricGroup, string> = {
  backup_schedules: 'Backup schedules',
  scheduler_rounds: 'Scheduler rounds',
  backup_jobs: 'Backup jobs',
  restore_jobs: 'Restore jobs',
};

const ENTRIES: readonly CatalogEntry[] = CATALOG;
const rowsOf = (g: MetricGroup) => ENTRIES.filter((m) => m.group === g);

// The sticky first column needs an opaque background, or scrolled cells show through it. The
// table's layout is fixed (widths from the header row), so node i's column starts at a known offset
// and only the columns on screen are rendered (use-column-window.ts); the metric column is 12rem
// on a phone (names wrap at `_`), 20rem from `sm` (the longest name, 39 characters, fits).
const STICKY = 'sticky left-0 z-10 bg-white dark:bg-zinc-900';
const METRIC_COL = 'w-(--metric-col)';
const CLUSTER_COL = 'w-(--cluster-col)';
// A fixed layout needs a definite table width (min-width alone leaves it auto): the columns' sum.
const COL_VARS = '[--cluster-col:7rem] [--metric-col:12rem] sm:[--metric-col:20rem]';

/** Stands in for the node columns left or right of the rendered ones. */
function Spacer({ n, header }: { n: number; header?: boolean }) {
  if (n <= 0) return null;
  return header ? <th aria-hidden style={{ width: n * NODE_COL_PX }} className="p-0" /> : <td aria-hidden className="p-0" />;
}

function NodeHeader({ col }: { col: NodeColumn }) {
  const down = !col.node.up;
  const title = down ? `${col.label} (${col.node.url}) down: ${col.node.error ?? 'not scraped'}` : `${col.label} · ${col.node.url} · ${col.node.latency_ms} ms`;
  return (
    <th scope="col" title={title} data-node={col.label} data-state={down ? 'down' : 'up'} style={{ width: NODE_COL_PX }} className={cn('overflow-hidden px-3 py-2 text-right font-medium text-ellipsis whitespace-nowrap', down ? 'bg-red-50 text-red-700 dark:bg-red-950/60 dark:text-red-400' : 'text-zinc-600 dark:text-zinc-300')}>
      {col.label}
      {down && <span className="ml-1 rounded bg-red-600 px-1 py-px text-[10px] font-semibold tracking-wide text-white uppercase dark:bg-red-500">down</span>}
    </th>
  );
}

function ClusterHeader({ columns }: { columns: NodeColumn[] }) {
  const down = columns.filter((c) => !c.node.up);
  const partial = down.length > 0;
  const title = partial
    ? `Partial: sum (max for timestamps and ages) over the nodes that answered; ${down.map((c) => c.label).join(', ')} not scraped, so the true values may be larger`
    : 'Sum across the nodes (max for timestamps and ages)';
  return (
    <th
      scope="col"
      title={title}
      data-node="cluster"
      data-state={partial ? 'partial' : 'complete'}
      data-sticky-edge
      className={cn(CLUSTER_STICKY, CLUSTER_COL, 'border-x border-zinc-200 px-3 py-2 text-right font-semibold whitespace-nowrap text-zinc-700 dark:border-zinc-800 dark:text-zinc-200', partial ? 'bg-amber-50 dark:bg-amber-950' : 'bg-zinc-50 dark:bg-zinc-900')}
    >
      Cluster
      {partial && <span className="ml-1 rounded bg-amber-500 px-1 py-px text-[10px] font-semibold tracking-wide text-white uppercase dark:bg-amber-600">partial</span>}
    </th>
  );
}

/**
 * Every catalog metric (rows, by group) × the cluster value, then every node (columns). Scrolls
 * sideways inside its own box, the metric names and the cluster column held in place; only the
 * node columns in view are rendered, so a 300-node cluster does not freeze the page.
 */
export function MetricGrid({ cluster, columns, aggregate, now }: { cluster: string; columns: NodeColumn[]; aggregate: Record<string, number>; now: number }) {
  const box = useRef<HTMLDivElement>(null);
  const { start, end } = useColumnWindow(box, columns.length);
  const shown = columns.slice(start, end);
  const after = columns.length - end;
  const span = shown.length + 2 + (start > 0 ? 1 : 0) + (after > 0 ? 1 : 0);
  const jump = (i: number) => box.current?.scrollTo({ left: i * NODE_COL_PX, behavior: 'smooth' });
  return (
    <>
      <GridBlindSpots columns={columns} onJump={jump} />
      <div ref={box} data-testid="metric-grid-scroll" className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table data-testid="metric-grid" aria-colcount={columns.length + 2} style={{ width: `calc(var(--metric-col) + var(--cluster-col) + ${columns.length * NODE_COL_PX}px)` }} className={cn(COL_VARS, 'min-w-full table-fixed text-sm')}>
          <caption className="sr-only">Every backup and restore metric, by node, with the cluster value</caption>
          <thead className="border-b border-zinc-200 text-xs dark:border-zinc-800">
            <tr>
              <th scope="col" className={cn(STICKY, METRIC_COL, 'px-3 py-2 text-left font-medium text-zinc-600 dark:text-zinc-300')}>
                Metric
              </th>
              {/* The cluster value next to the metric's name: on a phone it is on the first screen, nodes scroll after it. */}
              <ClusterHeader columns={columns} />
              <Spacer n={start} header />
              {shown.map((c) => (
                <NodeHeader key={c.key} col={c} />
              ))}
              <Spacer n={after} header />
            </tr>
          </thead>
          {METRIC_GROUPS.map((g) => (
            <tbody key={g} className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
              <tr className="bg-zinc-50 dark:bg-zinc-950/40">
                <th scope="colgroup" colSpan={span} className="p-0 text-left">
                  <span className="sticky left-0 inline-block px-3 pt-3 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{GROUP_TITLE[g]}</span>
                </th>
              </tr>
              {rowsOf(g).map((m) => (
                <tr key={m.exported} data-metric={m.exported} className="group hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                  <th scope="row" className={cn(STICKY, 'px-3 py-1.5 text-left font-normal group-hover:bg-zinc-50 dark:group-hover:bg-zinc-800')}>
                    <MetricName cluster={cluster} metric={m} />
                  </th>
                  <ClusterCell m={m} value={aggregate[m.exported]} cols={columns} now={now} />
                  <Spacer n={start} />
                  {shown.map((c) => (
                    <NodeCell key={c.key} m={m} col={c} now={now} />
                  ))}
                  <Spacer n={after} />
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}
