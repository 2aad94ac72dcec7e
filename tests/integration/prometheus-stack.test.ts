/**
 * The dashboard inside a real Prometheus stack: Prometheus scrapes a demo cluster's nodes and the
 * dashboard's /metrics every second and loads the exported rules. Checked: every target is up,
 * every rule is loaded and healthy, the exporter-based freshness rule and a demo fault raise alerts
 * in Prometheus, and a panel served from Prometheus (PROMETHEUS_URL) shows the same series as the
 * embedded store over the same window; a Prometheus that goes away is a 503 history_unavailable.
 */
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as rangeRoute } from '@/app/api/v1/clusters/[cluster]/metrics/[name]/route';
import { GET as metricsRoute } from '@/app/metrics/route';
import { ruleFileYaml } from '@/lib/alerts/prometheus-rules';
import { effectiveSettings, parseAlertSettings } from '@/lib/alerts/settings';
import type { RangeResponse } from '@/lib/api/types/history';
import type { DemoCluster } from '@/lib/demo/cluster';
import { recordOnce } from '@/lib/history/recorder';
import { SqliteStore } from '@/lib/history/sqlite-store';
import { configureDashboardFor, startFrozen } from './demo-helpers';
import { hasPrometheus, startPrometheus, type Prometheus } from './helpers/prometheus';

const ID = 'promstack';
let demo: DemoCluster;
let prom: Prometheus;
let dash: http.Server;
let embedded: SqliteStore;
const recorded = { from: 0, to: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Target = { health: string; labels: Record<string, string>; lastError: string };
type RuleInfo = { name: string; health: string; lastError?: string; lastEvaluation: string; state?: string };
type PromAlert = { labels: Record<string, string>; state: string };

beforeAll(async () => {
  if (!hasPrometheus) return;
  demo = await startFrozen({ version: '25.4' });
  configureDashboardFor(demo, ID);
  const dir = mkdtempSync(path.join(tmpdir(), 'promstack-'));
  process.env.HISTORY_DB = path.join(dir, 'h.sqlite');
  process.env.SCRAPE_INTERVAL = '1s';
  process.env.SCRAPE_TIMEOUT = '1s';
  // The dashboard's /metrics on a loopback port, as `next start` would serve it.
  dash = http.createServer((_req, res) => {
    void metricsRoute().then(async (r) => {
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
      res.end(await r.text());
    });
  });
  await new Promise<void>((r) => dash.listen(0, '127.0.0.1', () => r()));
  const dashTarget = `127.0.0.1:${(dash.address() as AddressInfo).port}`;
  const alertsFile = path.join(dir, 'alerts.yaml');
  writeFileSync(alertsFile, 'rules:\n  monitoring_blind_spot: { for: 2s }\n');
  const settings = parseAlertSettings({ ALERTS_FILE: alertsFile });
  const rules = ruleFileYaml([{ id: ID, selector: null }], (r, c) => effectiveSettings(settings, r, c), 'http://dash:3000');
  const nodes = demo.nodeUrls.map((u) => new URL(u).host);
  prom = await startPrometheus(
    `global: { scrape_interval: 1s, evaluation_interval: 1s }
rule_files: [rules.yml]
scrape_configs:
  - job_name: cockroachdb
    metrics_path: /_status/vars
    static_configs: [{ targets: ${JSON.stringify(nodes)} }]
  - job_name: crdb-monitor
    static_configs: [{ targets: ["${dashTarget}"] }]
`,
    { 'rules.yml': rules },
  );
  // The embedded recorder over the same seconds, for the comparison.
  embedded = new SqliteStore(path.join(dir, 'embedded.sqlite'));
  process.env.PROMETHEUS_URL = prom.url;
  process.env.HISTORY_BACKEND = 'prometheus';
  const cluster = { id: ID, name: ID, sqlUrl: demo.sqlUrl, httpUrls: demo.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http' as const, demo: false };
  recorded.from = Date.now();
  let seq = 0;
  for (let i = 0; i < 14; i++) {
    seq = (await recordOnce({ store: embedded, intervalMs: 1000, timeoutMs: 1000 }, cluster, seq)).seq;
    await sleep(1000);
  }
  recorded.to = Date.now();
}, 120_000);
afterAll(async () => {
  await prom?.stop();
  await new Promise((r) => (dash ? dash.close(() => r(null)) : r(null)));
  embedded?.close();
  await demo?.stop();
});

describe.skipIf(!hasPrometheus)('a real Prometheus scraping the demo and the dashboard, with the exported rules', () => {
  it('has every target up: the demo\'s exposition and /metrics scrape cleanly', async () => {
    const t = await prom.api<{ activeTargets: Target[] }>('targets');
    expect(t.activeTargets.map((x) => [x.labels.job, x.health, x.lastError])).toEqual([
      ['cockroachdb', 'up', ''],
      ['cockroachdb', 'up', ''],
      ['cockroachdb', 'up', ''],
      ['crdb-monitor', 'up', ''],
    ]);
  });

  it('loads every exported rule, and every one evaluates without error', async () => {
    const rules = (await prom.api<{ groups: { name: string; rules: RuleInfo[] }[] }>('rules')).groups.flatMap((g) => g.rules);
    expect(rules.length).toBeGreaterThanOrEqual(19);
    for (const r of rules) expect(`${r.name}: ${r.health} ${r.lastError ?? ''}`.trim()).toBe(`${r.name}: ok`);
  });

  it('fires the per-schedule freshness rule on the exporter\'s series (payroll_weekly is stale)', async () => {
    await expect
      .poll(async () => (await prom.api<{ alerts: PromAlert[] }>('alerts')).alerts.filter((a) => a.labels.alertname === 'backup_schedule_stale' && a.state === 'firing').map((a) => a.labels.label), { timeout: 20_000 })
      .toContain('payroll_weekly');
  });

  it('fires monitoring_blind_spot when a demo node goes down', async () => {
    await demo.setNodeFault(2, { mode: 'down' });
    try {
      const n2 = new URL(demo.nodeUrls[1]).host;
      await expect
        .poll(async () => (await prom.api<{ alerts: PromAlert[] }>('alerts')).alerts.filter((a) => a.labels.alertname === 'monitoring_blind_spot' && a.state === 'firing').map((a) => a.labels.instance), { timeout: 20_000 })
        .toEqual([n2]);
    } finally {
      await demo.setNodeFault(2, { mode: 'ok' });
    }
  });

  it('serves a panel from Prometheus with the same series as the embedded store over the same window', async () => {
    const metric = 'schedules_BACKUP_last_completed_time';
    const from = new Date(recorded.from + 3000).toISOString();
    const to = new Date(recorded.to - 2000).toISOString();
    const res = await rangeRoute(Object.assign(new Request('http://x'), { nextUrl: new URL(`http://x/?from=${from}&to=${to}&step=2s`) }) as never, { params: Promise.resolve({ cluster: ID, name: metric }) });
    expect(res.status).toBe(200);
    const viaProm = (await res.json()) as RangeResponse;
    expect(viaProm.source).toBe('prometheus');
    const spec = { cluster: ID, metric, nodes: null, fromMs: Date.parse(from), toMs: Date.parse(to), stepS: 2, fn: 'raw' as const };
    const own = await embedded.range(spec);
    expect(viaProm.series.map((s) => s.node_id)).toEqual(own.map((s) => s.node_id));
    for (const s of own) {
      const p = viaProm.series.find((x) => x.node_id === s.node_id)!;
      // The frozen demo's value is constant: the same value in every bucket, on the same bucket times
      // (a loaded machine may leave either side a bucket short at the edges or a gap inside).
      expect(new Set(p.points.map(([, v]) => v))).toEqual(new Set(s.points.map(([, v]) => v)));
      for (const [t] of [...p.points, ...s.points]) expect(t % 2000).toBe(0);
      const common = s.points.filter(([t]) => p.points.some(([u]) => u === t)).length;
      expect(common).toBeGreaterThanOrEqual(Math.min(3, s.points.length));
    }
    // The cluster value (max across nodes): the same newest value; at the window's first instants
    // Prometheus may not have scraped every node yet, so earlier buckets can hold one node's value.
    const agg = await embedded.aggregate(spec, 'max');
    const nodeValues = new Set(own.flatMap((s) => s.points.map(([, v]) => v)));
    expect(viaProm.aggregate?.points.at(-1)?.[1]).toBe(agg.at(-1)?.[1]);
    for (const [, v] of viaProm.aggregate?.points ?? []) expect(nodeValues.has(v)).toBe(true);
  });

  it('a Prometheus that goes away is a 503 history_unavailable, never a 500', async () => {
    await prom.stop();
    const res = await rangeRoute(Object.assign(new Request('http://x'), { nextUrl: new URL('http://x/?from=now-1h') }) as never, { params: Promise.resolve({ cluster: ID, name: 'jobs_backup_currently_running' }) });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('history_unavailable');
    expect(body.error.message).toMatch(/^history unavailable: Prometheus is unreachable/);
  });
});
