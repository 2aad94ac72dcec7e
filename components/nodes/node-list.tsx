import { nodeVarsHref } from '@/lib/links';
import { cn } from '@/components/ui/cn';
import type { NodeColumn } from '@/lib/domain/node-columns';

function StatusBadge({ col }: { col: NodeColumn }) {
  if (col.node.up) return <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200">up</span>;
  return (
    <span title={col.node.error ?? undefined} className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium break-all text-red-800 dark:bg-red-900/60 dark:text-red-100">
      blind spot: {col.node.error ?? 'not scraped'}
    </span>
  );
}

/** Every configured node: id, where it is, whether its /_status/vars answered, and its raw text. */
export function NodeList({ cluster, columns }: { cluster: string; columns: NodeColumn[] }) {
  if (columns.length === 0) return <p className="text-sm text-zinc-500">No node HTTP URLs are configured (CRDB_HTTP_URLS), and none were discovered over SQL.</p>;
  return (
    <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
      {columns.map((c) => {
        // A down node states no id in the snapshot, so the vars route finds it by position.
        const vars = nodeVarsHref(cluster, { node_id: c.node.node_id, position: c.position });
        return (
        <li key={c.key} data-testid="node-row" className={cn('flex flex-wrap items-center gap-x-4 gap-y-1 py-2', !c.node.up && 'text-red-800 dark:text-red-300')}>
          <span className="w-10 font-semibold" title={c.remembered ? `${c.label}: the id it stated before it went down` : undefined}>
            {c.label}
          </span>
          <StatusBadge col={c} />
          <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{c.node.url}</span>
          <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400" title="Time to fetch and read its /_status/vars">
            {c.node.latency_ms} ms
          </span>
          <a
            href={vars}
            target="_blank"
            rel="noreferrer"
            className="ml-auto text-xs text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
            title={`The node's full /_status/vars text, fetched now through the dashboard`}
          >
            raw /_status/vars ↗
          </a>
        </li>
        );
      })}
    </ul>
  );
}
