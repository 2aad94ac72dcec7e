import Link from 'next/link';
import type { CatalogEntry } from '@/lib/catalog';
import { metricHref } from '@/lib/links';

/** The hover text of a metric: the docs' description, then the caveats a reader needs. */
export function metricExplain(m: CatalogEntry): string {
  const life = m.removedIn ? `Since ${m.since}, gone from the docs catalog in ${m.removedIn}.` : `Since ${m.since}.`;
  return [`${m.exported} (${m.kind}, ${m.aggregate} across nodes)`, m.description, ...m.caveats.map((c) => `• ${c}`), life].join('\n');
}

/**
 * The exported name, monospace, linking to its panel page. `<wbr>` after each `_` lets a long
 * name wrap at word boundaries in the narrow sticky column on a phone instead of widening it.
 */
export function MetricName({ cluster, metric }: { cluster: string; metric: CatalogEntry }) {
  const parts = metric.exported.split('_');
  return (
    <Link
      href={metricHref(cluster, metric.exported)}
      // 34 links: prefetching each panel page would cost the server a render per link per viewer.
      prefetch={false}
      title={metricExplain(metric)}
      className="font-mono text-xs text-zinc-800 decoration-zinc-400 underline-offset-2 hover:text-emerald-700 hover:underline dark:text-zinc-200 dark:hover:text-emerald-400"
    >
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && (
            <>
              _<wbr />
            </>
          )}
        </span>
      ))}
    </Link>
  );
}
