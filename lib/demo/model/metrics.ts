import { hasFailOrCancelFailed, type DemoJob } from '../types';
import { isCurrentlyRunning } from './jobs';
import type { World } from './world';

const JOB_TYPES = [
  ['backup', 'BACKUP'],
  ['restore', 'RESTORE'],
] as const;

const COUNTER_SUFFIXES = ['resume_completed', 'resume_failed', 'resume_retry_error', 'fail_or_cancel_completed', 'fail_or_cancel_failed', 'fail_or_cancel_retry_error', 'expired_pts_records'] as const;

/** Exported names per job type, built once: a sample is taken every 10 s of 10 days (ts-store.ts), so no string is built per call. */
const KEYS = JOB_TYPES.map(([t, jobType]) => ({
  jobType,
  running: `jobs_${t}_currently_running`,
  idle: `jobs_${t}_currently_idle`,
  paused: `jobs_${t}_currently_paused`,
  ptsCount: `jobs_${t}_protected_record_count`,
  ptsAge: `jobs_${t}_protected_age_sec`,
  counters: COUNTER_SUFFIXES.map((suffix) => ({ key: `jobs_${t}_${suffix}`, gone: suffix === 'fail_or_cancel_failed' })),
}));
const SCHEDULE_COUNTERS = ['schedules_BACKUP_started', 'schedules_BACKUP_succeeded', 'schedules_BACKUP_failed'] as const;

/**
 * The backup/restore/scheduler metrics one node exports, computed from the same state SQL shows:
 * - counters count events on this node since its process started (the coordinator's node);
 * - currently_running counts the jobs this node coordinates;
 * - paused and protected-timestamp gauges are set only by the node running the POLL JOBS STATS
 *   job (pkg/jobs/metricspoller); the other nodes report 0;
 * - round gauges are what this node's scheduler daemon saw in its last round.
 * `jobs.<type>.fail_or_cancel_failed` is gone from v25.4 (docs metrics.yaml), so not exported there.
 */
export function computeNodeMetrics(world: World, nodeId: number, nowMs: number): Record<string, number> {
  const rt = world.nodes.find((n) => n.node.node_id === nodeId);
  if (!rt) return {};
  const isStats = nodeId === world.statsNodeId;
  const out: Record<string, number> = {};
  // Only jobs that are not terminal can be running, paused or hold a PTS (finish() clears pts), and
  // those are exactly the ones with a plan (jobs.ts deletes it at finish): reading them, not all
  // 14 days of jobs, keeps a 10 s sample cheap enough to record 10 days of it (ts-store.ts).
  const live: DemoJob[] = [];
  for (const id of world.plans.keys()) {
    const j = world.jobIndex.get(id);
    if (j) live.push(j);
  }
  const focFailed = hasFailOrCancelFailed(world.version);
  for (const k of KEYS) {
    const jobType = k.jobType;
    let running = 0;
    let paused = 0;
    let ptsCount = 0;
    let oldestPts = Infinity;
    for (const j of live) {
      if (j.job_type !== jobType) continue;
      if (isCurrentlyRunning(j.status) && j.coordinator_id === nodeId) running += 1;
      if (j.status === 'paused') paused += 1;
      if (j.pts) {
        ptsCount += 1;
        oldestPts = Math.min(oldestPts, j.pts.getTime());
      }
    }
    out[k.running] = running;
    out[k.idle] = 0;
    out[k.paused] = isStats ? paused : 0;
    out[k.ptsCount] = isStats ? ptsCount : 0;
    out[k.ptsAge] = isStats && ptsCount > 0 ? Math.max(0, Math.floor((nowMs - oldestPts) / 1000)) : 0;
    for (const c of k.counters) {
      if (c.gone && !focFailed) continue;
      out[c.key] = rt.counters.get(c.key) ?? 0;
    }
  }
  for (const key of SCHEDULE_COUNTERS) out[key] = rt.counters.get(key) ?? 0;
  out.schedules_BACKUP_last_completed_time = rt.lastCompletedTime;
  let schedPts = 0;
  let schedOldest = Infinity;
  for (const s of world.schedules) {
    if (!s.pts) continue;
    schedPts += 1;
    schedOldest = Math.min(schedOldest, s.pts.getTime());
  }
  out.schedules_BACKUP_protected_record_count = isStats ? schedPts : 0;
  out.schedules_BACKUP_protected_age_sec = isStats && schedPts > 0 ? Math.max(0, Math.floor((nowMs - schedOldest) / 1000)) : 0;
  out.schedules_round_jobs_started = rt.round.jobs_started;
  out.schedules_round_reschedule_skip = rt.round.reschedule_skip;
  out.schedules_round_reschedule_wait = rt.round.reschedule_wait;
  out.schedules_error = rt.round.error;
  out.schedules_malformed = 0;
  return out;
}
