/**
 * Child process of ts-backfill.bench.ts: one backfill into a fresh SQLite store, in a process of
 * its own so its peak RSS is its own. `bounded` is lib/history/ts-backfill.ts; `naive` the baseline:
 * one request per node × metric for the whole stretch, all sent at once, everything held, then
 * written. Prints one JSON line.
 *
 * Usage: node --import tsx bench/ts-backfill-probe.ts <bounded|naive> <url> <nowMs> <spanMs> <nodes> <db>
 */
import { CATALOG } from '../lib/catalog';
import { SqliteStore } from '../lib/history/sqlite-store';
import { backfillCluster } from '../lib/history/ts-backfill';
import { TsClient } from '../lib/history/ts-client';
import { TEN_S_MS } from '../lib/history/ts-plan';
import { decodeResponse, encodeRequest, type TsQuery } from '../lib/history/ts-wire';
import { aggregateMetrics } from '../lib/scrape/scrape-cluster';
import type { NodeSample } from '../lib/history/types';

async function main(): Promise<void> {
  const [variant, url, nowS, spanS, nodesS, db] = process.argv.slice(2);
  const now = Number(nowS);
  const span = Number(spanS);
  const nodeIds = Array.from({ length: Number(nodesS) }, (_, i) => i + 1);
  const store = new SqliteStore(db as string);
  const t0 = performance.now();
  let written = 0;
  let requests = 0;
  if (variant === 'bounded') {
    const client = new TsClient({ urls: [url as string], timeoutMs: 600_000 });
    const s = await backfillCluster({ store, cluster: 'bench', client, nodeIds, backfillMs: span, toleranceMs: 120_000, nowMs: now, report: () => undefined });
    if (s.state !== 'done') throw new Error(`backfill ${s.state}: ${s.error?.message}`);
    written = s.written_points;
    requests = s.requests;
  } else {
    const to = Math.floor((now - TEN_S_MS) / TEN_S_MS) * TEN_S_MS;
    const from = to - span;
    const queries: TsQuery[] = nodeIds.flatMap((n) => CATALOG.map((m) => ({ name: `cr.node.${m.name}`, downsampler: 'MAX' as const, sources: [String(n)] })));
    const answers = await Promise.all(
      queries.map(async (q) => {
        const res = await fetch(`${url}/ts/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: encodeRequest({ startMs: from, endMs: to, sampleMs: TEN_S_MS, queries: [q] }) });
        return { q, r: decodeResponse(await res.text(), [q])[0] };
      }),
    );
    requests = queries.length;
    const byTs = new Map<number, Map<number, Record<string, number>>>();
    const exported = new Map(CATALOG.map((m) => [`cr.node.${m.name}`, m.exported]));
    for (const { q, r } of answers)
      for (const p of r?.points ?? []) {
        if (p.tMs >= to) continue;
        const nodes = byTs.get(p.tMs) ?? new Map<number, Record<string, number>>();
        byTs.set(p.tMs, nodes);
        const metrics = nodes.get(Number(q.sources[0])) ?? {};
        nodes.set(Number(q.sources[0]), metrics);
        metrics[exported.get(q.name) as string] = p.value;
      }
    const scrapes = [...byTs].sort((a, b) => a[0] - b[0]).map(([tMs, nodes]) => {
      const list: NodeSample[] = [...nodes].map(([node_id, metrics]) => ({ node_id, metrics }));
      return { tMs, nodes: list, aggregate: aggregateMetrics(list.map((n) => n.metrics)) };
    });
    written = store.writePast('bench', { fromMs: from, toMs: to }, scrapes);
  }
  const ms = performance.now() - t0;
  store.close();
  console.log(JSON.stringify({ ms, written, requests, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((err: unknown) => {
  // The baseline can fail outright (thousands of simultaneous requests reset by the server): a figure too.
  const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
  console.log(JSON.stringify({ failed: `${err instanceof Error ? err.message : String(err)}${cause}`, rssMb: process.resourceUsage().maxRSS / 1024 }));
});
