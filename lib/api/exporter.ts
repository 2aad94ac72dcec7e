/**
 * `GET /metrics`: the dashboard as a Prometheus exporter of what only it knows — per-schedule
 * freshness (CockroachDB refused a per-schedule series inside the database to avoid unbounded
 * series, cockroachdb/cockroach#54412; here schedules are few and bounded per cluster), scrape
 * health per node, SQL reachability and alert states — plus the process's own metrics. It reads
 * the same cached scrape and the alert engine's SQL facts as everything else, so several
 * Prometheus replicas scraping it every 15 s add no load on the cluster.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';
import { listClusters } from '../clusters';
import { staticConfig } from '../config';
import type { ScheduleRow } from './types/schedules';
import { nodeUrls } from '../scrape/node-urls';
import { getSnapshot } from '../scrape/snapshot-cache';
import { alertEngine } from './alerts-evaluator';
import { ALERT_LABELS, exporterFamilies, type ExporterFamilies } from './exporter-metrics';
import { schedulesOf } from './schedule-facts';
import type { AlertInstance } from './types/alerts';
import type { ClusterSnapshot } from './types/metrics';

/** Backup schedules exported per cluster; past it the problems are kept first and the count of the rest is exported. */
export const MAX_SCHEDULES_PER_CLUSTER = 200;
const FRESHNESS = ['ok', 'late', 'stale', 'unknown'] as const;
const KEY = Symbol.for('crdb-monitor.exporter');
type Holder = { [KEY]?: { process: Registry } };
function shared() {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const process = new Registry();
    collectDefaultMetrics({ register: process });
    // Gauges that prom-client names with `_total`, which promtool's lint rejects for a non-counter:
    // the same counts stay available as nodejs_active_handles / _requests / _resources.
    for (const m of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) process.removeSingleMetric(m);
    g[KEY] = { process };
  }
  return g[KEY];
}

const RANK = { stale: 0, late: 1, unknown: 2, ok: 3 } as const;

/** The collection without its query string: no credential (not even an access key id) goes into a label, and the label stays short. */
export function collectionLabel(uri: string | null): string {
  return uri === null ? '' : uri.replace(/[?#].*$/, '');
}

function exportSchedules(f: ExporterFamilies, cluster: string, rows: ScheduleRow[]): void {
  const backups = rows.filter((r) => r.backup_type !== null).sort((a, b) => RANK[a.freshness.status] - RANK[b.freshness.status] || a.id.localeCompare(b.id));
  f.schedules.set({ cluster }, backups.length);
  f.dropped.set({ cluster }, Math.max(0, backups.length - MAX_SCHEDULES_PER_CLUSTER));
  for (const s of backups.slice(0, MAX_SCHEDULES_PER_CLUSTER)) {
    const l = { cluster, schedule_id: s.id, label: s.label ?? '', backup_type: s.backup_type ?? '', collection: collectionLabel(s.collection) };
    const fr = s.freshness;
    if (fr.last_success) f.lastSuccess.set(l, Date.parse(fr.last_success) / 1000);
    if (fr.expected_interval_s !== null) f.interval.set(l, fr.expected_interval_s);
    if (fr.late_after_s !== null) f.lateAfter.set(l, fr.late_after_s);
    if (fr.stale_after_s !== null) f.staleAfter.set(l, fr.stale_after_s);
    for (const st of FRESHNESS) f.freshness.set({ ...l, status: st }, fr.status === st ? 1 : 0);
    f.paused.set(l, fr.paused ? 1 : 0);
    const newest = s.runs.find((r) => r.finished !== null && r.status !== null && ['succeeded', 'failed', 'canceled', 'revert-failed'].includes(r.status));
    if (newest) f.lastRun.set(l, newest.status === 'succeeded' ? 1 : 0);
  }
}

function exportAlerts(f: ExporterFamilies, cluster: string, alerts: readonly AlertInstance[]): void {
  for (const a of alerts) {
    if (a.state === 'resolved') continue;
    const labels: Record<string, string> = { cluster, alertname: a.rule, alertstate: a.state, severity: a.severity };
    for (const k of ALERT_LABELS) if (a.labels[k] !== undefined && !(k in labels)) labels[k] = a.labels[k];
    f.alerts.set(labels, 1);
  }
}

/** What one cluster contributes to the exposition: the cached scrape, the SQL facts, the alerts. */
export interface ClusterExport {
  cluster: string;
  snapshot: ClusterSnapshot | null;
  sql: { configured: boolean; ok: boolean; atMs: number | null; rows: ScheduleRow[] | null };
  alerts: readonly AlertInstance[] | null;
}

/** Renders the exposition from plain data (the bench renders 100 nodes × 10 schedules through here). */
export async function renderExposition(inputs: readonly ClusterExport[], nowMs = Date.now()): Promise<{ text: string; contentType: string }> {
  const f = exporterFamilies();
  for (const c of inputs) {
    if (c.snapshot) {
      f.scrapedAt.set({ cluster: c.cluster }, Date.parse(c.snapshot.scraped_at) / 1000);
      for (const n of c.snapshot.nodes) {
        const l = { cluster: c.cluster, node: n.name, node_id: n.node_id === null ? '' : String(n.node_id) };
        f.nodeUp.set(l, n.up ? 1 : 0);
        f.nodeDuration.set(l, n.latency_ms / 1000);
        if (n.bytes !== null) f.nodeBytes.set(l, n.bytes);
      }
    }
    if (c.sql.configured && c.sql.atMs !== null) {
      f.sqlUp.set({ cluster: c.cluster }, c.sql.ok ? 1 : 0);
      f.sqlAge.set({ cluster: c.cluster }, Math.max(0, (nowMs - c.sql.atMs) / 1000));
    }
    if (c.sql.rows) exportSchedules(f, c.cluster, c.sql.rows);
    if (c.alerts) exportAlerts(f, c.cluster, c.alerts);
  }
  const merged = Registry.merge([shared().process, f.registry]);
  return { text: await merged.metrics(), contentType: merged.contentType };
}

/** One exposition of every configured cluster. */
export async function exporterText(): Promise<{ text: string; contentType: string }> {
  const cfg = staticConfig();
  const engine = alertEngine();
  const inputs = await Promise.all(
    (await listClusters()).map(async (cluster): Promise<ClusterExport> => {
      const [snapshot, sched] = await Promise.all([
        nodeUrls(cluster)
          .then((urls) => (urls.length ? getSnapshot(cluster, urls, { intervalMs: cfg.scrapeIntervalMs, timeoutMs: cfg.scrapeTimeoutMs }) : null))
          .catch(() => null),
        schedulesOf(cluster),
      ]);
      return { cluster: cluster.id, snapshot, sql: { configured: cluster.sqlUrl !== null, ...sched }, alerts: engine ? engine.activeAlerts(cluster.id) : null };
    }),
  );
  return renderExposition(inputs);
}
