import type { FreshnessStatus } from './schedules';

/**
 * `GET /api/v1/fleet`: every configured cluster on one line, problems first (lib/domain/fleet.ts
 * ranks them). Each part is read from what the dashboard already holds — the cached scrape, the
 * alert engine's SQL facts and alert states — so the fleet adds no statement and no scrape.
 * A part that cannot be known is null (a blind spot, never a zero), with the reason in `errors`.
 */
export interface FleetCluster {
  id: string;
  name: string;
  /** 'v26.2.0' as SELECT version() names it; null before the first SQL session. */
  version: string | null;
  nodes_up: number;
  nodes_total: number;
  /** The worst backup of the cluster (schedule groups, problems first); null when SQL has not answered. */
  freshness: {
    worst: FreshnessStatus | null;
    label: string | null;
    schedule_ids: string[];
    /** What is wrong with that backup, worst first ('stale', 'late', 'failing', 'paused'). */
    problems: string[];
    /** Backups (full/incremental pairs) with any problem, and all of them. */
    with_problems: number;
    total: number;
  } | null;
  /** Firing alerts by severity; null where this replica does not evaluate (ALERTS_EVALUATE=false). */
  alerts: { critical: number; warning: number } | null;
  /** Age of the oldest protected timestamp a backup job, restore job or schedule holds (max over nodes); null when no node reports it. */
  oldest_pts_age_s: number | null;
  /** running/paused from the nodes' gauges (BACKUP + RESTORE); failed_24h from the recorded history (null without it). */
  jobs: { running: number | null; paused: number | null; failed_24h: number | null };
  /** Whether the latest SQL read answered; null when no SQL is configured or none was read yet. */
  sql_reachable: boolean | null;
  /** When the latest scrape finished; null before the first one. */
  scraped_at: string | null;
  /** 0 = needs attention first (critical, stale), larger = healthier; the order of `clusters`. */
  rank: number;
  /** Why the cluster sorts where it does, worst first ("backup payroll_weekly is stale", "1 node not scraped"). */
  problems: string[];
  /** What could not be read, by part ({part: "sql", message}); empty when complete. */
  errors: { part: 'scrape' | 'sql' | 'history' | 'alerts'; message: string }[];
}

export interface FleetAnswer {
  generated_at: string;
  clusters: FleetCluster[];
}
