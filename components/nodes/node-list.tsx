import type { NodeProbe } from '@/lib/scrape/probe-node';

/** Every configured node: its id, where it is, and whether its /_status/vars answered. */
export function NodeList({ probes }: { probes: NodeProbe[] }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Nodes</caption>
      <thead className="text-xs uppercase tracking-wide text-zinc-500">
        <tr>
          <th className="py-2 pr-4 font-medium">Node</th>
          <th className="py-2 pr-4 font-medium">HTTP address</th>
          <th className="py-2 pr-4 font-medium">Status</th>
          <th className="py-2 pr-4 text-right font-medium">Latency</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {probes.map((p, i) => (
          <tr key={p.url} data-testid="node-row">
            <td className="py-2 pr-4 font-medium">n{p.node_id ?? `? (#${i + 1})`}</td>
            <td className="py-2 pr-4 font-mono text-xs">{p.url}</td>
            <td className="py-2 pr-4">
              {p.up ? (
                <span className="rounded bg-emerald-100 px-2 py-0.5 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100">up</span>
              ) : (
                <span className="rounded bg-red-100 px-2 py-0.5 text-red-800 dark:bg-red-900 dark:text-red-100" title={p.error ?? undefined}>
                  blind spot: {p.error}
                </span>
              )}
            </td>
            <td className="py-2 pr-4 text-right tabular-nums">{p.latency_ms} ms</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
