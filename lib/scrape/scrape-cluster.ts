import { CATALOG, isCatalogMetric } from '../catalog';
import type { ClusterConfig } from '../config';
import { collapse } from '../prometheus/collapse';
import { parseExposition } from '../prometheus/parse';
import { selectFamilies } from '../prometheus/select-families';
import type { ClusterSnapshot, NodeSnapshot } from '../api/types/metrics';
import { fetchVars } from './fetch-vars';

export type { ClusterSnapshot, NodeSnapshot };

const AGG = new Map<string, 'sum' | 'max'>(CATALOG.map((m) => [m.exported, m.aggregate]));

/** Scrapes one node and keeps the catalog families. Never throws: a failure is a down node. */
export async function scrapeNode(url: string, position: number, opts: { timeoutMs: number; ca: string | null }): Promise<NodeSnapshot> {
  const r = await fetchVars(url, { timeoutMs: opts.timeoutMs, ca: opts.ca });
  const base = { url, latency_ms: r.latency_ms, bytes: r.ok ? r.bytes : null, metrics: {}, labels: {} };
  const unnamed = `#${position + 1} (${url})`;
  if (!r.ok) return { ...base, node_id: null, name: unnamed, up: false, error: r.error, error_kind: r.kind };
  const cut = selectFamilies(r.body, isCatalogMetric);
  const parsed = cut === null || cut === '' ? parseExposition(r.body.toString('utf8'), { keep: isCatalogMetric }) : parseExposition(cut, { keep: isCatalogMetric });
  if (!parsed.valid) {
    return { ...base, node_id: null, name: unnamed, up: false, error: `not Prometheus text format: ${parsed.reason ?? 'unreadable'}`, error_kind: 'format' };
  }
  const metrics: Record<string, number> = {};
  const labels: Record<string, string[]> = {};
  let labelId: number | null = null;
  for (const name of parsed.samples.keys()) {
    const c = collapse(parsed, name, AGG.get(name) ?? 'sum');
    if (c.value === undefined) continue;
    metrics[name] = c.value;
    if (c.labelSets.some((k) => k !== 'node_id')) labels[name] = c.labelSets;
    const id = Number(parsed.samples.get(name)?.[0]?.labels.node_id);
    if (labelId === null && Number.isInteger(id) && id > 0) labelId = id;
  }
  const nodeId = parsed.nodeIdentity?.node_id ?? labelId;
  return { ...base, node_id: nodeId, name: nodeId === null ? unnamed : `n${nodeId}`, up: true, error: null, error_kind: null, metrics, labels };
}

/** Every node at once, each with its own deadline: a slow or dead node never holds back the others. */
export async function scrapeCluster(cluster: ClusterConfig, urls: string[], opts: { timeoutMs: number; seq: number }): Promise<ClusterSnapshot> {
  const nodes = await Promise.all(urls.map((u, i) => scrapeNode(u, i, { timeoutMs: opts.timeoutMs, ca: cluster.httpCa })));
  return { cluster: cluster.id, scraped_at: new Date().toISOString(), scrape_seq: opts.seq, nodes, aggregate: aggregateNodes(nodes) };
}

export function aggregateNodes(nodes: NodeSnapshot[]): Record<string, number> {
  return aggregateMetrics(nodes.filter((n) => n.up).map((n) => n.metrics));
}

/** The cluster value of each metric over these nodes' values: sum, or max for ages and timestamps (lib/catalog.ts). */
export function aggregateMetrics(perNode: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const metrics of perNode) {
    for (const [name, v] of Object.entries(metrics)) {
      const prev = out[name];
      out[name] = prev === undefined ? v : AGG.get(name) === 'max' ? Math.max(prev, v) : prev + v;
    }
  }
  return out;
}
