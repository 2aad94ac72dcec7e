/**
 * One number per node for a metric that one node may print several times: with virtual
 * clusters every family appears once per tenant (`{node_id="1",tenant="system"}` and
 * `{node_id="1",tenant="demoapp"}`, DOCS v25.4 prometheus-endpoint.md), and
 * `server.child_metrics.enabled` adds labelled child series (reference a.3).
 */
import type { Labels, ParsedExposition } from './types';

export interface Collapsed {
  /** undefined when the node did not print the metric at all: absent is not 0. */
  value: number | undefined;
  /** Label keys seen across the samples, first-seen order (e.g. ['node_id', 'tenant']). */
  labelSets: string[];
  /** How many samples were combined (after dropping repeated label sets). */
  samples: number;
}

/**
 * Combines every sample of `name` on one node. `sum` for counts (the default, as the brief's
 * per-tenant split needs); pass `max` for timestamps and ages, where adding makes no sense
 * (use the catalog's `aggregate`). A NaN sample makes the result NaN, as PromQL's sum() does.
 * Not meant for `_bucket` series, whose `le` samples are not parts of one total.
 */
export function collapse(parsed: ParsedExposition, name: string, how: 'sum' | 'max' = 'sum'): Collapsed {
  const list = parsed.samples.get(name);
  if (!list || list.length === 0) return { value: undefined, labelSets: [], samples: 0 };
  const keys: string[] = [];
  let value = how === 'sum' ? 0 : -Infinity;
  let used = 0;
  // A label set printed twice is counted once, the first one winning as in a Prometheus scrape
  // (later duplicates are dropped as "duplicate sample for timestamp"). CockroachDB v19.2.2
  // really prints `sql_mem_sql_txn_current 0.0` twice.
  const seen = list.length > 1 ? new Set<string>() : undefined;
  for (const s of list) {
    if (seen) {
      const id = labelSetId(s.labels);
      if (seen.has(id)) continue;
      seen.add(id);
    }
    used++;
    if (how === 'sum') value += s.value;
    else value = Math.max(value, s.value); // NaN-propagating, like sum
    for (const k in s.labels) if (!keys.includes(k)) keys.push(k);
  }
  return { value, labelSets: keys, samples: used };
}

function labelSetId(labels: Labels): string {
  let id = '';
  for (const k of Object.keys(labels).sort()) id += `${k}\u0000${labels[k]}\u0001`;
  return id;
}
