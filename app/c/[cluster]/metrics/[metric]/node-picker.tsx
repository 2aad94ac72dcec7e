'use client';

import { nodeColor } from '@/components/charts/chart-colors';

/** Which nodes are drawn (`nodes=` in the URL; absent = all) and whether the cluster aggregate is. */
export function NodePicker({ nodeIds, shown, aggregate, aggregateLabel, onNodes, onAggregate }: {
  nodeIds: number[];
  shown: ReadonlySet<number>;
  aggregate: boolean;
  aggregateLabel: string;
  onNodes: (ids: number[] | undefined) => void;
  onAggregate: (on: boolean) => void;
}) {
  const toggle = (id: number) => {
    const next = nodeIds.filter((n) => (n === id ? !shown.has(n) : shown.has(n)));
    onNodes(next.length === nodeIds.length ? undefined : next);
  };
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <legend className="sr-only">Nodes</legend>
      <span className="text-zinc-500 dark:text-zinc-400">Nodes</span>
      {nodeIds.map((id) => (
        <label key={id} className="inline-flex items-center gap-1">
          <input type="checkbox" checked={shown.has(id)} onChange={() => toggle(id)} className="accent-emerald-600" />
          <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: nodeColor(id) }} />n{id}
        </label>
      ))}
      {nodeIds.length === 0 && <span className="text-zinc-500 dark:text-zinc-400">none recorded in this range</span>}
      <label className="inline-flex items-center gap-1 border-l border-zinc-300 pl-3 dark:border-zinc-700">
        <input type="checkbox" checked={aggregate} onChange={(e) => onAggregate(e.target.checked)} className="accent-emerald-600" />
        {aggregateLabel}
      </label>
    </fieldset>
  );
}
