import { CronExpressionParser } from 'cron-parser';
import type { DemoJob, DemoSchedule } from '../types';
import { backupPath, latestPath, writeLayer } from './backups';
import { createJob, pgTime } from './jobs';
import { BACKUP_ERRORS, SCHEDULE_SPECS, type ScheduleSpec } from './scenario';
import { inc, touchSchedule, type World } from './world';

const DAY = 86_400_000;
/** With on_previous_running=wait the daemon looks again after this long (pkg/jobs/job_scheduler.go recheckRunningAfter). */
const RECHECK_RUNNING_AFTER_MS = 60_000;
/** on_execution_failure=retry ("RETRY_SOON") runs the schedule again shortly. */
const RETRY_SOON_MS = 60_000;

export function nextCron(expr: string, afterMs: number): number {
  return CronExpressionParser.parse(expr, { currentDate: new Date(afterMs), tz: 'UTC' }).next().getTime();
}
export function prevCron(expr: string, atOrBeforeMs: number): number {
  return CronExpressionParser.parse(expr, { currentDate: new Date(atOrBeforeMs + 1), tz: 'UTC' }).prev().getTime();
}

function backupStatement(spec: ScheduleSpec, incremental: boolean): string {
  const into = incremental ? `INTO LATEST IN '${spec.collection}'` : `INTO '${spec.collection}'`;
  const opts = spec.revision_history ? 'revision_history, detached' : 'detached';
  return `BACKUP ${spec.target ? `${spec.target} ` : ''}${into} WITH ${opts}`;
}

/**
 * Creates the schedules as `CREATE SCHEDULE … FOR BACKUP` does: an incremental schedule (created
 * first, paused until the first full completes) and its full schedule, or one full schedule for
 * FULL BACKUP ALWAYS; and seeds each chain with the full backup taken before the history starts.
 */
export function createSchedules(world: World, startMs: number, historyStartMs: number): void {
  for (const spec of SCHEDULE_SPECS) {
    // Created by a person at some minute of that day, not on the hour.
    const createdMs = startMs - spec.createdDaysAgo * DAY + world.rng.between(0, 3_600_000);
    const make = (full: boolean, recurrence: string): DemoSchedule => ({
      id: world.ids.next(createdMs, 1),
      label: spec.label,
      schedule_status: 'ACTIVE',
      next_run: new Date(nextCron(recurrence, historyStartMs)),
      state: null,
      recurrence,
      owner: 'root',
      created: new Date(createdMs),
      // Only the full schedule honours on_previous_running; incrementals always wait (create-schedule-for-backup docs).
      on_previous_running: full ? spec.on_previous_running : 'WAIT',
      on_execution_failure: spec.on_execution_failure,
      command: { backup_statement: backupStatement(spec, !full), ...(full ? {} : { backup_type: 1 }) },
      backup_type: full ? 'FULL' : 'INCREMENTAL',
      collection: spec.collection,
      updates_last_backup_metric: spec.updates_last_backup_metric,
      pts: null,
      rev: 0,
    });
    const inc = spec.incremental ? make(false, spec.incremental) : null;
    const full = make(true, spec.full);
    if (inc) full.command = { ...full.command, unpause_on_success: inc.id };
    for (const s of inc ? [inc, full] : [full]) {
      world.schedules.push(s);
      world.scheduleRuntime.set(s.id, { spec, full: s === full, partnerId: s === full ? (inc?.id ?? null) : full.id });
      touchSchedule(world, s);
    }
    const seedMs = prevCron(spec.full, historyStartMs);
    writeLayer(world, { collection: spec.collection, path: backupPath(seedMs), full: true, objects: spec.objects, startMs: null, endMs: seedMs }, startMs);
    if (inc) inc.pts = new Date(seedMs);
  }
}

function isActive(job: DemoJob): boolean {
  return job.created_by_id !== null && !['failed', 'succeeded', 'canceled', 'revert-failed'].includes(job.status);
}

/**
 * The jobs a schedule created, collected as world.jobs grows (it only ever appends): a round counts
 * the running ones among these, not among every retained job (with --jobs 100000 the scan of every
 * job each simulated minute made start-up quadratic).
 */
const scheduled = new WeakMap<World, { seen: number; jobs: DemoJob[] }>();
function scheduledJobs(world: World): readonly DemoJob[] {
  let c = scheduled.get(world);
  if (!c) scheduled.set(world, (c = { seen: 0, jobs: [] }));
  for (; c.seen < world.jobs.length; c.seen++) if (world.jobs[c.seen].created_by_id) c.jobs.push(world.jobs[c.seen]);
  return c.jobs;
}

/** One scheduler round (every minute, `jobs.scheduler.interval`), run by one node's daemon. */
export function schedulerRound(world: World, t: number): void {
  const exec = world.rng.pick(world.nodes);
  for (const n of world.nodes) n.round = { jobs_started: 0, reschedule_skip: 0, reschedule_wait: 0, error: 0 };
  const running = new Map<string, number>();
  for (const j of scheduledJobs(world)) if (isActive(j) && j.created_by_id) running.set(j.created_by_id, (running.get(j.created_by_id) ?? 0) + 1);
  for (const s of world.schedules) {
    if (s.schedule_status !== 'ACTIVE' || !s.next_run || s.next_run.getTime() > t) continue;
    const busy = running.get(s.id) ?? 0;
    if (busy > 0 && s.on_previous_running === 'WAIT') {
      s.next_run = new Date(t + RECHECK_RUNNING_AFTER_MS);
      exec.round.reschedule_wait += 1;
      touchSchedule(world, s);
      continue;
    }
    if (busy > 0 && s.on_previous_running === 'SKIP') {
      s.next_run = new Date(nextCron(s.recurrence, t));
      exec.round.reschedule_skip += 1;
      touchSchedule(world, s);
      continue;
    }
    startScheduledBackup(world, s, t, exec.node.node_id);
    exec.round.jobs_started += 1;
    inc(world, exec.node.node_id, 'schedules_BACKUP_started');
    s.next_run = new Date(nextCron(s.recurrence, t));
    touchSchedule(world, s);
  }
}

function startScheduledBackup(world: World, s: DemoSchedule, t: number, nodeId: number): void {
  const rt = world.scheduleRuntime.get(s.id)!;
  const { spec } = rt;
  const full = rt.full;
  const path = full ? backupPath(t) : (latestPath(world, spec.collection) ?? backupPath(t));
  const prevEnd = full ? null : lastLayerEnd(world, spec.collection, path);
  const target = spec.target ? `${spec.target} ` : '';
  const opts = spec.revision_history ? 'revision_history, detached' : 'detached';
  const [lo, hi] = full ? spec.minutes.full : spec.minutes.incremental;
  // Skewed towards short runs, with a long tail: the tail is what overruns the next cron tick.
  // Now and then a run crawls (a slow bucket, a busy cluster) and overruns its cadence: that is
  // when on_previous_running=wait/skip rounds happen.
  const slow = world.rng.chance(0.03) ? world.rng.between(3, 6) : 1;
  const drawn = (lo + (hi - lo) * world.rng.next() ** 2) * slow;
  // A healthy cluster's runs take at most half their usual range: none overruns its cadence.
  const minutes = world.overruns ? drawn : lo / 2 + ((hi - lo) / 2) * Math.min(1, drawn / hi);
  const fails = world.rng.chance(world.scheduledFailureRate);
  // An injected fault (setScheduleFault) fails the run early, as an access error does.
  const forced = world.failingSchedules.get(spec.label);
  createJob(world, {
    job_type: 'BACKUP',
    description: `BACKUP ${target}INTO '${path}' IN '${spec.collection}' AS OF SYSTEM TIME '${pgTime(new Date(t))}' WITH ${opts}`,
    statement: '',
    user_name: 'root',
    createdMs: t + world.rng.between(50, 900),
    coordinator: nodeId,
    createdBy: s.id,
    plan: {
      durationMs: minutes * 60_000,
      failAt: unlessForced(fails ? world.rng.between(0.05, 0.95) : null, forced === undefined ? undefined : 0.02),
      failError: unlessForced<string>(world.rng.pick(BACKUP_ERRORS), forced),
      retryAt: world.rng.chance(0.025) ? world.rng.between(0.1, 0.9) : null,
      forever: false,
      layer: { collection: spec.collection, path, full, objects: spec.objects, startMs: prevEnd, endMs: t },
    },
  });
}

/** The random value is drawn either way, so a fault does not shift the rest of the seeded history. */
function unlessForced<T>(drawn: T, forced: T | undefined): T {
  return forced === undefined ? drawn : forced;
}

function lastLayerEnd(world: World, collection: string, path: string): number | null {
  const b = world.backups.find((x) => x.collection === collection && x.path === path);
  const last = b?.layers[b.layers.length - 1];
  return last ? last.end_time.getTime() : null;
}

/** A scheduled job ended: the schedule's counters, last-completed metric, chain PTS and failure policy. */
export function onScheduledJobDone(world: World, job: DemoJob, t: number, layer: Parameters<typeof writeLayer>[1] | undefined, originMs: number): void {
  const s = world.schedules.find((x) => x.id === job.created_by_id);
  const rt = s && world.scheduleRuntime.get(s.id);
  if (!s || !rt) return;
  if (job.status === 'succeeded') {
    inc(world, job.coordinator_id, 'schedules_BACKUP_succeeded');
    if (layer) {
      writeLayer(world, layer, originMs);
      const node = world.nodes.find((n) => n.node.node_id === job.coordinator_id);
      // The gauge holds the backup's end time (its AS OF SYSTEM TIME), in unix seconds (schedule_exec.go).
      if (node && s.updates_last_backup_metric) node.lastCompletedTime = Math.max(node.lastCompletedTime, Math.floor(layer.endMs / 1000));
      // Chained PTS: the incremental schedule of a pair protects the chain's newest end time.
      const holder = rt.full ? world.schedules.find((x) => x.id === rt.partnerId) : s;
      if (holder) {
        holder.pts = new Date(layer.endMs);
        touchSchedule(world, holder);
      }
    }
    s.state = null;
    const partner = rt.partnerId ? world.schedules.find((x) => x.id === rt.partnerId) : undefined;
    if (rt.full && partner && partner.schedule_status === 'PAUSED' && partner.state === 'Waiting for initial backup to complete') {
      partner.schedule_status = 'ACTIVE';
      partner.state = null;
      partner.next_run = new Date(nextCron(partner.recurrence, t));
      touchSchedule(world, partner);
    }
  } else {
    inc(world, job.coordinator_id, 'schedules_BACKUP_failed');
    s.state = `${job.status}: ${job.error || 'job canceled'}`;
    if (s.on_execution_failure === 'RETRY_SOON' && s.schedule_status === 'ACTIVE') s.next_run = new Date(t + RETRY_SOON_MS);
    if (s.on_execution_failure === 'PAUSE_SCHED') {
      s.schedule_status = 'PAUSED';
      s.next_run = null;
    }
  }
  touchSchedule(world, s);
}
