/** The live-metrics API's shapes (`GET /api/v1/clusters/{c}/metrics`): one scrape of every node. */

/** Why a node could not be read: no connection, too slow, a non-2xx answer, or a body that is not Prometheus text. */
export type FetchErrorKind = 'network' | 'timeout' | 'http' | 'format';

export interface NodeSnapshot {
  /** From the node's `node_id` family or `node_id` label; null when the node states none (see `name`). */
  node_id: number | null;
  /** How the UI names it: `n2`, or `#2 (http://…)` by position when the node states no id. */
  name: string;
  url: string;
  up: boolean;
  error: string | null;
  error_kind: FetchErrorKind | null;
  latency_ms: number;
  /** Size of the `/_status/vars` body (decompressed), bytes; null when the node did not answer. */
  bytes: number | null;
  /** Catalog metrics the node printed, by exported name; a metric the node lacks is absent, not 0. */
  metrics: Record<string, number>;
  /** Label keys seen per metric, when more than `node_id` (e.g. a per-tenant split summed here). */
  labels: Record<string, string[]>;
}

export interface ClusterSnapshot {
  cluster: string;
  scraped_at: string;
  /** Increases by one per real scrape of this cluster: equal numbers are the same scrape. */
  scrape_seq: number;
  nodes: NodeSnapshot[];
  /** Cluster value per catalog metric over the nodes that answered (sum, or max for ages and timestamps); absent when no node has it. */
  aggregate: Record<string, number>;
  /** Set when the nodes were discovered over SQL and the list may be incomplete (e.g. internals restricted). */
  discovery_note?: string | null;
  /** The status tiles' counters' increase over the last hour and day, from history (lib/api/counter-windows.ts). */
  windows?: Record<string, CounterWindow[]>;
}

/** A counter's growth over a window ending now, summed over the nodes history has it for. */
export interface CounterWindow {
  window_s: number;
  /** null: no history of it in the window. */
  value: number | null;
  /** Set when history starts inside the window (the dashboard is younger than it): the value covers only since then. */
  covered_from: string | null;
  /** The nodes whose history it sums. */
  nodes: number[];
}
