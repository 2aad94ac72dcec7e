import { CATALOG, METRIC_GROUPS, type CatalogEntry, type MetricGroup } from '@/lib/catalog';
import { cn } from '@/components/ui/cn';
import type { NodeColumn } from '@/lib/domain/node-columns';
import { ClusterCell, NodeCell } from './metric-cell';
import { MetricName } from './metric-name';

const GROUP_TITLE: Record<MetricGroup, string> = {
  backup_schedules: 'Backup schedules',
  scheduler_rounds: 'Scheduler rounds',
  backup_jobs: 'Backup jobs',
  restore_jobs: 'Restore jobs',
};

const ENTRIES: readonly CatalogEntry[] = CATALOG;
const rowsOf = (g: MetricGroup) => ENTRIES.filter((m) => m.group === g);

// The sticky first column needs an opaque background, or scrolled cells show through it.
const STICKY = 'sticky left-0 z-10 bg-white dark:bg-zinc-900';

function NodeHeader({ col }: { col: NodeColumn }) {
  const down = !col.node.up;
  const title = down ? `${col.label} (${col.node.url}) down: ${col.node.error ?? 'not scraped'}` : `${col.label} · ${col.node.url} · ${col.node.latency_ms} ms`;
  return (
    <th scope="col" title={title} data-node={col.label} data-state={down ? 'down' : 'up'} className={cn('px-3 py-2 text-right font-medium whitespace-nowrap', down ? 'bg-red-50 text-red-700 dark:bg-red-950/60 dark:text-red-400' : 'text-zinc-600 dark:text-zinc-300')}>
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
      className={cn('border-x border-zinc-200 px-3 py-2 text-right font-semibold whitespace-nowrap text-zinc-700 dark:border-zinc-800 dark:text-zinc-200', partial ? 'bg-amber-50 dark:bg-amber-950/40' : 'bg-zinc-50 dark:bg-zinc-900')}
    >
      Cluster
      {partial && <span className="ml-1 rounded bg-amber-500 px-1 py-px text-[10px] font-semibold tracking-wide text-white uppercase dark:bg-amber-600">partial</span>}
    </th>
  );
}

/**
 * Every catalog metric (rows, by group) × the cluster value, then every node (columns). Scrolls
 * sideways inside its own box on a narrow screen, with the metric names held in place.
 */
export function MetricGrid({ cluster, columns, aggregate, now }: { cluster: string; columns: NodeColumn[]; aggregate: Record<string, number>; now: number }) {
  const span = columns.length + 2;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table data-testid="metric-grid" className="w-full text-sm">
        <caption className="sr-only">Every backup and restore metric, by node, with the cluster value</caption>
        <thead className="border-b border-zinc-200 text-xs dark:border-zinc-800">
          <tr>
            <th scope="col" className={cn(STICKY, 'px-3 py-2 text-left font-medium text-zinc-600 dark:text-zinc-300')}>
              Metric
            </th>
            {/* The cluster value next to the metric's name: on a phone it is on the first screen, nodes scroll after it. */}
            <ClusterHeader columns={columns} />
            {columns.map((c) => (
              <NodeHeader key={c.key} col={c} />
            ))}
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
                <th scope="row" className={cn(STICKY, 'max-w-[12rem] min-w-[10rem] px-3 py-1.5 text-left font-normal group-hover:bg-zinc-50 sm:max-w-none dark:group-hover:bg-zinc-800')}>
                  <MetricName cluster={cluster} metric={m} />
                </th>
                <ClusterCell m={m} value={aggregate[m.exported]} cols={columns} now={now} />
                {columns.map((c) => (
                  <NodeCell key={c.key} m={m} col={c} now={now} />
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
