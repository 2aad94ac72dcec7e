import { hasFailOrCancelFailed } from '../types';
import { isCurrentlyRunning } from './jobs';
import type { World } from './world';

const JOB_TYPES = [
  ['backup', 'BACKUP'],
  ['restore', 'RESTORE'],
] as const;

const COUNTER_SUFFIXES = ['resume_completed', 'resume_failed', 'resume_retry_error', 'fail_or_cancel_completed', 'fail_or_cancel_failed', 'fail_or_cancel_retry_error', 'expired_pts_records'] as const;

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
  for (const [t, jobType] of JOB_TYPES) {
    let running = 0;
    let paused = 0;
    let ptsCount = 0;
    let oldestPts = Infinity;
    for (const j of world.jobs) {
      if (j.job_type !== jobType) continue;
      if (isCurrentlyRunning(j.status) && j.coordinator_id === nodeId) running += 1;
      if (j.status === 'paused') paused += 1;
      if (j.pts) {
        ptsCount += 1;
        oldestPts = Math.min(oldestPts, j.pts.getTime());
      }
    }
    out[`jobs_${t}_currently_running`] = running;
    out[`jobs_${t}_currently_idle`] = 0;
    out[`jobs_${t}_currently_paused`] = isStats ? paused : 0;
    out[`jobs_${t}_protected_record_count`] = isStats ? ptsCount : 0;
    out[`jobs_${t}_protected_age_sec`] = isStats && ptsCount > 0 ? Math.max(0, Math.floor((nowMs - oldestPts) / 1000)) : 0;
    for (const suffix of COUNTER_SUFFIXES) {
      if (suffix === 'fail_or_cancel_failed' && !hasFailOrCancelFailed(world.version)) continue;
      out[`jobs_${t}_${suffix}`] = rt.counters.get(`jobs_${t}_${suffix}`) ?? 0;
    }
  }
  for (const s of ['started', 'succeeded', 'failed'] as const) out[`schedules_BACKUP_${s}`] = rt.counters.get(`schedules_BACKUP_${s}`) ?? 0;
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
