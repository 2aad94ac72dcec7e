import type { NodeSnapshot } from '../api/types/metrics';

/** One node as the overview shows it: a column of the grid, a row of the nodes list. */
export interface NodeColumn {
  /** Stable React key: the node's configured URL. */
  key: string;
  /** "n2", or "#2" (its position) for a node that has never stated an id. */
  label: string;
  node_id: number | null;
  /** 1-based position in the configuration: how the vars route addresses a node without an id. */
  position: number;
  /** The id comes from an earlier snapshot: the node is down now and states nothing. */
  remembered: boolean;
  node: NodeSnapshot;
}

/**
 * A down node states no id (its id comes from its own /_status/vars), so the ids seen in earlier
 * snapshots of this page (`known`, by URL) keep "n2" named "n2" while it is a blind spot.
 */
export function nodeColumns(nodes: NodeSnapshot[], known: Readonly<Record<string, number>>): NodeColumn[] {
  return nodes.map((node, i) => {
    const id = node.node_id ?? known[node.url] ?? null;
    return { key: node.url, label: id !== null ? `n${id}` : `#${i + 1}`, node_id: id, position: i + 1, remembered: node.node_id === null && id !== null, node };
  });
}

/** "n1, n3" */
export function labelList(cols: NodeColumn[]): string {
  return cols.map((c) => c.label).join(', ');
}
