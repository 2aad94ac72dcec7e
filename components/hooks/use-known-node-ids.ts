'use client';

import { useState } from 'react';
import type { NodeSnapshot } from '@/lib/api/types/metrics';

/**
 * Node ids by URL, from every snapshot this page has seen. A node that goes down stops stating its
 * id (it comes from its own /_status/vars); remembering it keeps the column called "n2".
 */
export function useKnownNodeIds(nodes: NodeSnapshot[]): Readonly<Record<string, number>> {
  const [known, setKnown] = useState<Record<string, number>>(() => collect({}, nodes));
  // Adjusting state while rendering (React's "storing information from previous renders"): only
  // when a snapshot brings an id not yet known, so it settles after one extra render.
  if (nodes.some((n) => n.node_id !== null && known[n.url] !== n.node_id)) {
    const next = collect(known, nodes);
    setKnown(next);
    return next;
  }
  return known;
}

function collect(prev: Record<string, number>, nodes: NodeSnapshot[]): Record<string, number> {
  const out = { ...prev };
  for (const n of nodes) if (n.node_id !== null) out[n.url] = n.node_id;
  return out;
}
