/**
 * The schedules routes: resolve the cluster, validate the schedule id (400), then compose the
 * answer — the rows and runs (lib/sql/schedules.ts), freshness per schedule and per pair
 * (lib/domain), and CockroachDB's cluster-wide metric beside it (schedule-metric-signal.ts).
 */
import { staticConfig, type ClusterConfig } from '../config';
import { disagreement, freshnessHistory, withNewestInStorage } from '../domain/freshness';
import { groupSchedules } from '../domain/schedule-groups';
import { ApiError } from '../errors';
import { backupOptions } from '../schedules/command';
import { controlSchedule, SCHEDULE_ACTION_INFO, SCHEDULE_ACTIONS, type ScheduleAction, type ScheduleControlOutcome } from '../sql/schedule-control';
import { controlCaller, runAudited } from './control-access';
import { readScheduleJobs } from '../sql/schedules';
import { newestBackups } from '../sql/backups';
import { withReadOnly, type Session } from '../sql/session';
import { isTerminal } from '../jobs/statuses';
import { resolveCluster } from './clusters';
import { recordsHeldBy } from './protected-timestamps';
import { metricSignal } from './schedule-metric-signal';
import { noteClusterNow } from './cluster-clock';
import { withLastKnown } from './last-known';
import { readSchedules, type ScheduleState } from './schedule-state';
import type { ScheduleDetail, ScheduleGroup, ScheduleRow, SchedulesPage } from './types/schedules';
import { isInt8Id } from '../jobs/href';

/** A schedule id is an INT8 (1–19 digits, at most 2^63−1): anything else would reach CockroachDB as an error. */
export function checkScheduleId(id: string): string {
  if (!isInt8Id(id)) throw new ApiError('bad_request', `a schedule id is an INT8: 1 to 19 digits, not "${id.slice(0, 40)}"`);
  return id;
}

type PageState = Awaited<ReturnType<typeof readSchedules>>;
const SCHEDULES_KEY = 'schedules';

/** The page from one read, and the cluster's clock against ours then (for a metric recomputed later). */
async function readPage(cluster: ClusterConfig): Promise<{ page: Omit<SchedulesPage, 'last_known'>; state: PageState; skewMs: number }> {
  const policy = staticConfig().freshness;
  const { state, newest } = await withReadOnly(cluster, 'listing schedules', async (c, info) => {
    const s = await readSchedules(c, info, policy);
    return { state: s, newest: await newestForUnknown(c, cluster, s) };
  });
  const skewMs = noteClusterNow(cluster.id, state.nowMs);
  const rows = state.schedules.map((s) => s.row);
  const groups = groupSchedules(rows, state.nowMs, policy);
  notePaths(rows, groups, newest);
  const metric = await metricSignal(cluster, state, groups, policy);
  const backupGroups = groups.filter((g) => g.schedule_ids.some((id) => rows.find((r) => r.id === id)?.backup_type !== null));
  const page = {
    cluster: cluster.id,
    generated_at: new Date(state.nowMs).toISOString(),
    schedules: rows,
    groups,
    metric,
    disagreement: disagreement(metric, backupGroups),
    sql: state.sql,
    clock_skew_ms: skewMs,
  };
  return { page, state, skewMs };
}

/**
 * For the alert evaluator: always a live read (an alert never fires on a remembered answer), but
 * remembered, so the page has the last answer through an outage even if nobody had it open.
 */
export async function listSchedules(cluster: ClusterConfig): Promise<SchedulesPage> {
  return { ...(await withLastKnown(cluster.id, SCHEDULES_KEY, () => readPage(cluster), { serveLast: false })).page, last_known: null };
}

/**
 * For schedules with no success among the kept jobs, the newest backup in storage (SHOW BACKUPS IN,
 * cached as on the backups page), so the freshness says it rather than "never succeeded" (issue 18:
 * payroll_weekly's full backup is older than the 14-day job retention but in storage).
 */
async function newestForUnknown(c: Session, cluster: ClusterConfig, state: ScheduleState): Promise<Map<string, string | null>> {
  const raws = state.schedules.filter((s) => s.row.freshness.age_s === null && s.rawCollection !== null).map((s) => s.rawCollection as string);
  return raws.length === 0 ? new Map() : newestBackups(c, cluster, raws);
}

function notePaths(rows: ScheduleRow[], groups: ScheduleGroup[], newest: Map<string, string | null>): void {
  if (newest.size === 0) return;
  for (const r of rows) if (r.collection) r.freshness = withNewestInStorage(r.freshness, newest.get(r.collection) ?? null);
  for (const g of groups) if (g.collection) g.freshness = withNewestInStorage(g.freshness, newest.get(g.collection) ?? null);
}

export async function getSchedule(cluster: ClusterConfig, id: string): Promise<Omit<ScheduleDetail, 'last_known'>> {
  const detail = await readSchedule(cluster, id);
  const unfinished = detail.jobs.filter((j) => !isTerminal(j.status)).map((j) => j.job_id);
  const protected_timestamps = await recordsHeldBy(cluster, { schedules: [detail.schedule.id, ...(detail.pair ? [detail.pair.id] : [])], jobs: unfinished });
  return { ...detail, protected_timestamps };
}

async function readSchedule(cluster: ClusterConfig, id: string): Promise<Omit<ScheduleDetail, 'protected_timestamps' | 'last_known'>> {
  const policy = staticConfig().freshness;
  return withReadOnly(cluster, `reading schedule ${id}`, async (c, info) => {
    const state = await readSchedules(c, info, policy);
    const me = state.schedules.find((s) => s.row.id === id);
    if (!me) throw new ApiError('not_found', `no schedule ${id} on cluster "${cluster.id}" (SHOW SCHEDULES does not list it)`);
    const pair = me.row.paired_with ? (state.schedules.find((s) => s.row.id === me.row.paired_with) ?? null) : null;
    const ids = pair ? [me.row.id, pair.row.id] : [me.row.id];
    const read = await readScheduleJobs(c, ids);
    const successes = read.jobs.filter((j) => j.status === 'succeeded' && j.finished).map((j) => Date.parse(j.finished as string));
    const options = [
      ...backupOptions(me.command.statement),
      ...(me.row.on_previous_running ? [{ name: 'on_previous_running', value: me.row.on_previous_running }] : []),
      ...(me.row.on_execution_failure ? [{ name: 'on_execution_failure', value: me.row.on_execution_failure }] : []),
      ...(me.command.updates_metric ? [{ name: 'updates_cluster_last_backup_time_metric', value: 'true' }] : []),
    ];
    const oldest = read.jobs.at(-1)?.created;
    notePaths([me.row, ...(pair ? [pair.row] : [])], [], await newestForUnknown(c, cluster, { ...state, schedules: pair ? [me, pair] : [me] }));
    return {
      schedule: me.row,
      pair: pair?.row ?? null,
      options,
      jobs: read.jobs,
      freshness_history: freshnessHistory(successes, oldest ? Date.parse(oldest) : state.nowMs - 86_400_000, state.nowMs),
      sql: [...state.sql, read.sql],
      generated_at: new Date(state.nowMs).toISOString(),
      clock_skew_ms: noteClusterNow(cluster.id, state.nowMs),
    };
  });
}

/**
 * While SQL is unreachable the page is the last answer (marked last_known); the cluster metric in it
 * is recomputed from the nodes, which still answer.
 */
export async function schedulesForRequest(clusterId: string): Promise<SchedulesPage> {
  const cluster = await resolveCluster(clusterId);
  const r = await withLastKnown(cluster.id, SCHEDULES_KEY, () => readPage(cluster), {
    revive: async (v) => {
      const state = { ...v.state, nowMs: Date.now() + v.skewMs };
      return { ...v, page: { ...v.page, metric: await metricSignal(cluster, state, v.page.groups, staticConfig().freshness) } };
    },
  });
  return { ...r.page, last_known: r.last_known };
}

export async function scheduleForRequest(clusterId: string, id: string): Promise<ScheduleDetail> {
  const cluster = await resolveCluster(clusterId);
  const checked = checkScheduleId(id);
  return withLastKnown(cluster.id, `schedule ${checked}`, () => getSchedule(cluster, checked));
}

/** POST …/schedules/{id}/{action}: same origin, signed in, an operator (lib/api/control-access.ts); audited. */
export async function scheduleControlForRequest(req: Request, clusterId: string, id: string, action: string): Promise<ScheduleControlOutcome> {
  const caller = await controlCaller(req);
  const cluster = await resolveCluster(clusterId);
  if (!(SCHEDULE_ACTIONS as readonly string[]).includes(action)) throw new ApiError('not_found', `no schedule action "${action.slice(0, 20)}" (pause, resume)`);
  const sid = checkScheduleId(id);
  const statement = `${SCHEDULE_ACTION_INFO[action as ScheduleAction].verb} ${sid}`;
  return runAudited(caller, { kind: 'schedule_control', cluster: cluster.id, statement }, () => controlSchedule(cluster, sid, action as ScheduleAction), (o) => `${o.command}; the schedule is now ${o.schedule_status ?? 'gone'}`);
}
