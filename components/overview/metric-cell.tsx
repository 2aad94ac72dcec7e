'use client';

import { useParams } from 'next/navigation';
import type { CatalogEntry } from '@/lib/catalog';
import { drillHref, drillTitle } from '@/lib/domain/drill';
import { formatMetricValue } from '@/lib/format/metric-value';
import { formatIsoUtc } from '@/lib/format/time';
import { cn } from '@/components/ui/cn';
import type { NodeColumn } from '@/lib/domain/node-columns';

const CELL = 'overflow-hidden px-2 py-1.5 sm:px-3 text-right text-ellipsis whitespace-nowrap tabular-nums';
// The cluster column sticks right of the metric column (metric-grid.tsx sizes it): with 300 nodes it
// stays beside the names. Opaque backgrounds, or scrolled cells show through.
export const CLUSTER_STICKY = 'sticky left-(--metric-col) z-10';

/** Failure/retry counters and rescheduled rounds: a non-zero value deserves a second look. */
function warns(m: CatalogEntry, value: number): boolean {
  return value > 0 && m.threshold !== undefined && m.threshold.when !== 'stale';
}

function valueTitle(m: CatalogEntry, who: string, value: number): string {
  const raw = m.kind === 'timestamp' && value > 0 ? `${value} (${formatIsoUtc(value * 1000)})` : String(value);
  return `${who} · ${m.exported} = ${raw}`;
}

/**
 * A job or schedule metric's value is a link into the jobs behind it (lib/domain/drill.ts): a real
 * anchor, so it opens in a new tab and copies like any link. The cluster id comes from the route.
 */
function useDrill(m: CatalogEntry, node?: number | null): string | null {
  const params = useParams<{ cluster?: string }>();
  const cluster = params?.cluster ? decodeURIComponent(params.cluster) : null;
  return cluster ? drillHref(cluster, m.exported, { node: node ?? undefined }) : null;
}

function Value({ m, value, now, who, strong, href }: { m: CatalogEntry; value: number; now: number; who: string; strong?: boolean; href?: string | null }) {
  const f = formatMetricValue(m.kind, value, now);
  const warn = warns(m, value);
  const text = (
    <span
      title={valueTitle(m, who, value) + (href ? `\n${drillTitle(m.exported)}` : '')}
      className={cn(
        f.zero ? 'text-zinc-400 dark:text-zinc-500' : 'text-zinc-900 dark:text-zinc-100',
        strong && !f.zero && 'font-semibold',
        warn && 'rounded bg-amber-100 px-1 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200',
      )}
    >
      {f.text}
    </span>
  );
  if (!href) return text;
  return (
    <a href={href} data-drill className="rounded decoration-dotted underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-600">
      {text}
    </a>
  );
}

/** One node's value: a number, "no data" (node down: a blind spot, never 0), or "n/a" (not exported). */
export function NodeCell({ m, col, now }: { m: CatalogEntry; col: NodeColumn; now: number }) {
  const href = useDrill(m, col.node_id);
  if (!col.node.up) {
    return (
      <td data-node={col.label} data-state="no-data" title={`node down: ${col.node.error ?? 'not scraped'}`} className={cn(CELL, 'bg-hatch bg-zinc-100 text-zinc-400 dark:bg-zinc-800/60 dark:text-zinc-500')}>
        <span aria-hidden>—</span>
        <span className="sr-only">no data</span>
      </td>
    );
  }
  const value = col.node.metrics[m.exported];
  if (value === undefined) {
    const life = m.removedIn ? `present from ${m.since} until ${m.removedIn}` : `present from ${m.since}`;
    return (
      <td data-node={col.label} data-state="absent" title={`${col.label} does not export ${m.exported} (its CockroachDB version lacks it; ${life})`} className={cn(CELL, 'text-xs text-zinc-400 italic dark:text-zinc-500')}>
        n/a
      </td>
    );
  }
  return (
    <td data-node={col.label} data-state="value" className={CELL}>
      <Value m={m} value={value} now={now} who={col.label} href={href} />
    </td>
  );
}

/**
 * The cluster value (sum, or max for timestamps and ages) over the nodes that answered. With a
 * blind spot the true value may be larger (or, for a timestamp, more recent): the column header
 * says "partial" once, and each cell's title says which node is missing.
 */
export function ClusterCell({ m, value, cols, now }: { m: CatalogEntry; value: number | undefined; cols: NodeColumn[]; now: number }) {
  const href = useDrill(m);
  const down = cols.filter((c) => !c.node.up);
  const base = cn(CELL, CLUSTER_STICKY, 'border-x border-zinc-200 dark:border-zinc-800', down.length > 0 ? 'bg-amber-50 dark:bg-amber-950' : 'bg-zinc-50 dark:bg-zinc-900');
  if (value === undefined) {
    const none = down.length === cols.length;
    return (
      <td data-node="cluster" data-state={none ? 'no-data' : 'absent'} title={none ? 'no node was scraped' : 'no scraped node exports it'} className={cn(base, 'text-xs text-zinc-400 italic')}>
        {none ? 'no data' : 'n/a'}
      </td>
    );
  }
  const how = m.aggregate === 'max' ? 'max' : 'sum';
  const missing = down.map((c) => c.label).join(', ');
  const who =
    down.length > 0 ? `partial: ${how} of the scraped nodes; ${missing} not scraped, so the true value may be ${m.kind === 'timestamp' ? 'more recent' : 'larger'}` : `cluster (${how} over nodes)`;
  return (
    <td data-node="cluster" data-state="value" className={base}>
      <Value m={m} value={value} now={now} who={who} strong href={href} />
    </td>
  );
}
