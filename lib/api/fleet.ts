/**
 * `GET /api/v1/fleet`: every cluster on one line, problems first. Composed only from what the
 * dashboard already holds — the latest cached scrape (never a new one: a cluster that hangs must
 * not hold up the others), the alert engine's SQL facts and alert states, and the recorded history
 * for the day's failures (cached a minute per cluster) — so fifty viewers add no load on any cluster,
 * and one cluster's SQL down is one line saying so.
 */
import { alertSettings } from '../alerts/settings';
import { listClusters } from '../clusters';
import type { ClusterConfig } from '../config';
import { byProblems, fleetProblems, type FleetFacts } from '../domain/fleet';
import { historySource, historyStore } from '../history/store-holder';
import { nodeUrls } from '../scrape/node-urls';
import { getSnapshot, peekSnapshot } from '../scrape/snapshot-cache';
import { lastSessionInfo } from '../sql/session';
import { staticConfig } from '../config';
import { alertEngine } from './alerts-evaluator';
import { schedulesOf } from './schedule-facts';
import type { FleetAnswer, FleetCluster } from './types/fleet';
import type { ClusterSnapshot } from './types/metrics';

/** A cluster never scraped yet is waited for this long at most (its first scrape), then shown as not scraped. */
const FIRST_SCRAPE_WAIT_MS = 1_500;
const FAILED_TTL_MS = 60_000;
const PTS_AGES = ['jobs_backup_protected_age_sec', 'jobs_restore_protected_age_sec', 'schedules_BACKUP_protected_age_sec'] as const;
const FAILED = ['jobs_backup_resume_failed', 'jobs_restore_resume_failed'] as const;

const KEY = Symbol.for('crdb-monitor.fleet-failed');
type FailedCache = Map<string, { at: number; value: Promise<number | null> }>;
const failedCache: FailedCache = ((globalThis as { [KEY]?: FailedCache })[KEY] ??= new Map());

export async function fleet(): Promise<FleetAnswer> {
  const clusters = await listClusters();
  const nowMs = Date.now();
  const lines = await Promise.all(clusters.map((c) => fleetLine(c, nowMs)));
  return { generated_at: new Date(nowMs).toISOString(), clusters: lines.sort(byProblems) };
}

/**
 * The cached snapshot as it is; one older than the interval starts the next scrape in the background
 * (the same cached, single-flight scrape as everywhere: still one per interval whatever the viewers)
 * for the next answer. A cluster never scraped is waited for briefly.
 */
async function latestSnapshot(cluster: ClusterConfig): Promise<ClusterSnapshot | undefined> {
  const peek = peekSnapshot(cluster.id);
  const cfg = staticConfig();
  const scrape = () => nodeUrls(cluster).then((urls) => (urls.length ? getSnapshot(cluster, urls, { intervalMs: cfg.scrapeIntervalMs, timeoutMs: cfg.scrapeTimeoutMs }) : undefined));
  if (peek.snapshot) {
    if (!peek.scraping && Date.now() - Date.parse(peek.snapshot.scraped_at) >= cfg.scrapeIntervalMs) void scrape().catch(() => undefined);
    return peek.snapshot;
  }
  const first = peek.scraping ?? scrape();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), FIRST_SCRAPE_WAIT_MS)));
  try {
    return await Promise.race([first.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function fleetLine(cluster: ClusterConfig, nowMs: number): Promise<FleetCluster> {
  const errors: FleetCluster['errors'] = [];
  const [snapshot, sched, failed] = await Promise.all([latestSnapshot(cluster), schedulesOf(cluster), failedIn24h(cluster.id, nowMs)]);
  if (!snapshot) errors.push({ part: 'scrape', message: 'not scraped yet' });
  const up = snapshot?.nodes.filter((n) => n.up) ?? [];
  const agg = snapshot?.aggregate ?? {};
  const sum = (names: readonly string[]) => (up.length === 0 || names.every((n) => agg[n] === undefined) ? null : names.reduce((s, n) => s + (agg[n] ?? 0), 0));
  const ptsAges = PTS_AGES.map((m) => agg[m]).filter((v): v is number => v !== undefined);

  let freshness: FleetCluster['freshness'] = null;
  if (sched.groups) {
    // Backup schedules only (groups of other schedules, e.g. changefeeds', have no freshness to judge here).
    const groups = sched.groups.filter((g) => sched.rows?.some((r) => r.id === g.key && r.backup_type !== null));
    const worst = groups[0];
    freshness = {
      worst: worst ? worst.freshness.status : null,
      label: worst?.label ?? null,
      schedule_ids: worst?.schedule_ids ?? [],
      problems: worst?.problems ?? [],
      with_problems: groups.filter((g) => g.problems.length > 0).length,
      total: groups.length,
    };
  } else if (cluster.sqlUrl !== null && sched.error) {
    errors.push({ part: 'sql', message: sched.error });
  }
  const engine = alertEngine();
  const firing = engine?.activeAlerts(cluster.id).filter((a) => a.state === 'firing') ?? [];
  if (!engine) errors.push({ part: 'alerts', message: alertSettings().evaluate ? 'alert evaluation has not started yet' : 'alerts are not evaluated by this replica (ALERTS_EVALUATE=false)' });
  if (failed === null && historySource() === 'embedded') errors.push({ part: 'history', message: 'the day’s failures could not be read from the history' });

  const facts: FleetFacts = {
    id: cluster.id,
    name: cluster.name,
    version: lastSessionInfo(cluster)?.version ?? null,
    nodes_up: up.length,
    nodes_total: snapshot?.nodes.length ?? cluster.httpUrls.length,
    freshness,
    alerts: engine ? { critical: firing.filter((a) => a.severity === 'critical').length, warning: firing.filter((a) => a.severity === 'warning').length } : null,
    oldest_pts_age_s: ptsAges.length ? Math.max(...ptsAges) : null,
    jobs: {
      running: sum(['jobs_backup_currently_running', 'jobs_restore_currently_running']),
      paused: sum(['jobs_backup_currently_paused', 'jobs_restore_currently_paused']),
      failed_24h: failed,
    },
    sql_reachable: cluster.sqlUrl === null || sched.atMs === null ? null : sched.ok,
    scraped_at: snapshot?.scraped_at ?? null,
    errors,
  };
  return { ...facts, ...fleetProblems(facts) };
}

/** BACKUP and RESTORE jobs that failed in the last 24 h: the nodes' resume_failed counters' increase over the recorded day (restarts counted as growth from 0). */
function failedIn24h(cluster: string, nowMs: number): Promise<number | null> {
  const hit = failedCache.get(cluster);
  if (hit && nowMs - hit.at < FAILED_TTL_MS) return hit.value;
  const value = (async () => {
    const store = historyStore();
    let total = 0;
    for (const metric of FAILED) {
      const points = await store.aggregate({ cluster, metric, nodes: null, fromMs: nowMs - 86_400_000, toMs: nowMs, stepS: 3_600, fn: 'increase' }, 'sum');
      total += points.reduce((s, [, v]) => s + (Number.isFinite(v) ? v : 0), 0);
    }
    return Math.round(total);
  })().catch(() => null);
  failedCache.set(cluster, { at: nowMs, value });
  return value;
}
