import { staticConfig } from '../config';
import { ApiError } from '../errors';
import { fetchVars } from '../scrape/fetch-vars';
import { discoveryNote, nodeUrls } from '../scrape/node-urls';
import { getSnapshot } from '../scrape/snapshot-cache';
import { resolveCluster } from './clusters';
import type { ClusterSnapshot } from './types/metrics';
import { counterWindows } from './counter-windows';

/** The cluster's latest per-node catalog metrics (one shared scrape per interval). */
export async function clusterMetrics(id: string): Promise<ClusterSnapshot> {
  const cluster = await resolveCluster(id);
  const cfg = staticConfig();
  const snapshot = await getSnapshot(cluster, await nodeUrls(cluster), { intervalMs: cfg.scrapeIntervalMs, timeoutMs: cfg.scrapeTimeoutMs });
  const [note, windows] = await Promise.all([discoveryNote(cluster), counterWindows(cluster.id, snapshot.scrape_seq)]);
  return { ...snapshot, windows, ...(note ? { discovery_note: note } : {}) };
}

/**
 * The raw `/_status/vars` text of one configured node, found by its node id (or its position,
 * `#2`, for a node that states no id) in the latest snapshot. The URL always comes from the
 * configuration or discovery, never from the request.
 */
export async function nodeVars(id: string, node: string): Promise<string> {
  const m = /^(#)?(\d{1,6})$/.exec(node);
  if (!m) throw new ApiError('bad_request', `node must be a node id like 2 (or #2 for the second configured node), not "${node.slice(0, 32)}"`);
  const snapshot = await clusterMetrics(id);
  const n = Number(m[2]);
  const target = m[1] ? snapshot.nodes[n - 1] : snapshot.nodes.find((x) => x.node_id === n);
  if (!target) throw new ApiError('unknown_node', `cluster "${id}" has no node ${node}`);
  const cluster = await resolveCluster(id);
  const r = await fetchVars(target.url, { timeoutMs: staticConfig().scrapeTimeoutMs, ca: cluster.httpCa });
  if (!r.ok) throw new ApiError('node_unavailable', `node ${node} did not answer: ${r.error}`);
  return r.body.toString('utf8');
}
