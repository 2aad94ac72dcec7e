// Node colours: distinct in both themes (Tailwind 600s), by node id so n2 keeps its colour when
// n1 is hidden. The aggregate is neutral and dashed: it is a sum, not another node.
const NODE_COLORS = ['#2563eb', '#db2777', '#059669', '#ea580c', '#7c3aed', '#0891b2', '#ca8a04', '#dc2626', '#4f46e5', '#65a30d'] as const;
export const AGG_COLOR = '#71717a';

export function nodeColor(nodeId: number | null): string {
  return nodeId === null ? AGG_COLOR : NODE_COLORS[(nodeId - 1 + NODE_COLORS.length * 100) % NODE_COLORS.length];
}
