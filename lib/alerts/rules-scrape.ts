/** Rules on scrape health: a node that cannot be scraped is a blind spot, and every sum is partial. */
import { formatDuration } from '../format/duration';
import { overviewLink } from './alert-links';
import type { RuleDef } from './rule-types';

export const SCRAPE_RULES: RuleDef[] = [
  {
    rule: 'monitoring_blind_spot',
    evidence: 'scrape',
    defaults: { enabled: true, severity: 'warning', for_s: 2 * 60, threshold: null, window_s: null },
    threshold_unit: null,
    metrics: [],
    summary: 'A node cannot be scraped: its metrics are a blind spot and every cluster sum is partial',
    why: '2 min (a dozen scrapes at 10 s) rides out a rolling restart; counters only grow on the node that ran the job, so a missing node can hide failures',
    runbook: "Is the node up? cockroach node status; curl the node's /_status/vars from the dashboard's host; check CRDB_HTTP_URLS or discovery.",
    // Prometheus's own view of its CockroachDB targets.
    promql: (_s, sel) => `up${sel ? `{${sel}}` : ''} == 0`,
    evaluate(ctx) {
      if (ctx.scrape === null) return null;
      return ctx.scrape.nodes
        .filter((n) => !n.up)
        .map((n) => {
          const lastUp = ctx.window.lastUpMs(n.key);
          const forS = lastUp === undefined ? null : Math.round((ctx.nowMs - lastUp) / 1000);
          return {
            labels: { node_id: n.node_id === null ? n.name : String(n.node_id) },
            value: forS,
            summary: `Node ${n.name} cannot be scraped${forS === null ? '' : ` (last seen ${formatDuration(forS)} ago)`}`,
            description: `Scraping ${n.name} failed: ${(n.error ?? 'no answer').slice(0, 200)}. Its counters and gauges are missing from every cluster value until it answers again.`,
            links: [overviewLink(ctx.cluster)],
          };
        });
    },
  },
];
