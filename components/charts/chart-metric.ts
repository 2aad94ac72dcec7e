import type { CatalogEntry } from '@/lib/catalog';
import type { ChartMetric } from './metric-chart';

/** The part of a catalog entry a chart needs; only `above` thresholds are lines (the others need a window or SQL). */
export function chartMetric(m: CatalogEntry): ChartMetric {
  const t = m.threshold;
  return { exported: m.exported, kind: m.kind, aggregate: m.aggregate, threshold: t && t.when === 'above' ? { value: t.value, why: t.why } : undefined };
}
