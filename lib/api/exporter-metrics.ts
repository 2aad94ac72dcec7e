/**
 * The exporter's families (prom-client), declared once: what only the dashboard knows, per cluster.
 * Names carry the `crdb_monitor_` prefix; CockroachDB's own metrics are scraped from the nodes,
 * never re-exported here.
 */
import { Gauge, Registry } from 'prom-client';

const SCHEDULE = ['cluster', 'schedule_id', 'label', 'backup_type', 'collection'] as const;
/** Every label an alert instance may carry (lib/alerts rules); others are left out. */
export const ALERT_LABELS = ['cluster', 'alertname', 'alertstate', 'severity', 'schedule_id', 'label', 'collection', 'job_id', 'job_type', 'node_id', 'metric'] as const;

export function exporterFamilies() {
  const registry = new Registry();
  const g = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Gauge<L>({ name, help, labelNames: [...labelNames], registers: [registry] });
  return {
    registry,
    lastSuccess: g('crdb_monitor_schedule_last_success_timestamp_seconds', 'End of the newest successful backup of the schedule (its job\'s finished), unix seconds; absent when none within the jobs CockroachDB keeps.', SCHEDULE),
    interval: g('crdb_monitor_schedule_expected_interval_seconds', 'The interval the schedule\'s cron recurrence implies (UTC), seconds.', SCHEDULE),
    lateAfter: g('crdb_monitor_schedule_late_after_seconds', 'Age of the newest success past which the schedule is late (interval + FRESHNESS_GRACE), seconds.', SCHEDULE),
    staleAfter: g('crdb_monitor_schedule_stale_after_seconds', 'Age of the newest success past which the schedule is stale (FRESHNESS_STALE_MULTIPLIER intervals + grace), seconds.', SCHEDULE),
    freshness: g('crdb_monitor_schedule_freshness', 'The schedule\'s freshness: 1 for its current status (ok, late, stale, unknown), 0 for the others.', [...SCHEDULE, 'status'] as const),
    paused: g('crdb_monitor_schedule_paused', '1 when the schedule is PAUSED.', SCHEDULE),
    lastRun: g('crdb_monitor_schedule_last_run_succeeded', 'Outcome of the schedule\'s newest finished run: 1 succeeded, 0 failed or canceled; absent before its first.', SCHEDULE),
    schedules: g('crdb_monitor_schedules', 'Backup schedules of the cluster (SHOW SCHEDULES).', ['cluster'] as const),
    dropped: g('crdb_monitor_schedules_not_exported', 'Backup schedules past the per-cluster bound of exported schedules (their series are left out).', ['cluster'] as const),
    sqlUp: g('crdb_monitor_sql_up', '1 when the latest SQL read of the cluster succeeded.', ['cluster'] as const),
    sqlAge: g('crdb_monitor_sql_read_age_seconds', 'Seconds since the SQL facts these series come from were read.', ['cluster'] as const),
    nodeUp: g('crdb_monitor_node_up', '1 when the dashboard\'s latest scrape of the node\'s /_status/vars succeeded.', ['cluster', 'node', 'node_id'] as const),
    nodeDuration: g('crdb_monitor_node_scrape_duration_seconds', 'How long the latest scrape of the node took, seconds.', ['cluster', 'node', 'node_id'] as const),
    nodeBytes: g('crdb_monitor_node_scrape_bytes', 'Size of the node\'s latest /_status/vars body (decompressed), bytes.', ['cluster', 'node', 'node_id'] as const),
    scrapedAt: g('crdb_monitor_cluster_scrape_timestamp_seconds', 'When the dashboard last scraped the cluster\'s nodes, unix seconds.', ['cluster'] as const),
    alerts: g('crdb_monitor_alerts', 'The dashboard\'s pending and firing alerts, like Prometheus\'s own ALERTS series: 1 per instance.', ALERT_LABELS),
  };
}
export type ExporterFamilies = ReturnType<typeof exporterFamilies>;
