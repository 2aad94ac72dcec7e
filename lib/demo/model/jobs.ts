import type { DemoJob, JobStatus } from '../types';
import { BACKUP_RUNNING_STATUS, RESTORE_RUNNING_STATUS, RETRYABLE_ERRORS } from './scenario';
import { inc, touchJob, type JobPlan, type World } from './world';

/** The model advances on this grid of virtual time (CockroachDB's job metrics poll every 10 s too). */
export const STEP_MS = 10_000;
/** How long pause/cancel requests take to be registered by the coordinator, and reverting lasts. */
const REQUEST_LAG_MS = 8_000;
const REVERT_MS = 20_000;

/** currently_running counts jobs "running in Resume or OnFailOrCancel state" (pkg/jobs/metrics.go). */
export function isCurrentlyRunning(status: JobStatus): boolean {
  return status === 'running' || status === 'reverting' || status === 'pause-requested' || status === 'cancel-requested';
}

/** Metric prefix of a job type, for the families the demo serves (backup and restore). */
export function metricPrefix(jobType: string): string | null {
  if (jobType === 'BACKUP') return 'jobs_backup_';
  if (jobType === 'RESTORE') return 'jobs_restore_';
  return null;
}

export interface NewJob {
  job_type: string;
  description: string;
  statement: string;
  user_name?: string;
  createdMs: number;
  coordinator: number;
  createdBy?: string | null;
  plan: Omit<JobPlan, 'wakeAt'> & { adoptAfterMs?: number };
}

export function createJob(world: World, spec: NewJob): DemoJob {
  const job: DemoJob = {
    job_id: world.ids.next(spec.createdMs, spec.coordinator),
    job_type: spec.job_type,
    description: spec.description,
    statement: spec.statement,
    user_name: spec.user_name ?? 'root',
    status: 'pending',
    running_status: null,
    created: new Date(spec.createdMs),
    started: null,
    finished: null,
    modified: new Date(spec.createdMs),
    fraction_completed: 0,
    error: '',
    coordinator_id: spec.coordinator,
    trace_id: world.rng.int63(),
    last_run: null,
    next_run: null,
    num_runs: 0,
    execution_errors: [],
    created_by_type: spec.createdBy ? 'crdb_schedule' : null,
    created_by_id: spec.createdBy ?? null,
    pts: null,
    rev: 0,
  };
  const { adoptAfterMs, ...plan } = spec.plan;
  world.plans.set(job.job_id, { ...plan, wakeAt: spec.createdMs + (adoptAfterMs ?? world.rng.between(2_000, 25_000)) });
  world.jobs.push(job);
  world.jobIndex.set(job.job_id, job);
  touchJob(world, job, spec.createdMs);
  return job;
}

/** Called with the job when it reaches a terminal status (the scheduler hooks in here). */
export type OnTerminal = (job: DemoJob, atMs: number, plan: JobPlan) => void;

export function stepJob(world: World, job: DemoJob, t: number, onTerminal: OnTerminal): void {
  const plan = world.plans.get(job.job_id);
  if (!plan) return;
  const prefix = metricPrefix(job.job_type);
  switch (job.status) {
    case 'pending':
      if (t >= plan.wakeAt) resume(world, job, t);
      return;
    case 'pause-requested':
      if (t >= (plan.requestedAt ?? t) + REQUEST_LAG_MS) {
        job.status = 'paused';
        job.running_status = null;
        touchJob(world, job, t);
      }
      return;
    case 'cancel-requested':
      if (t >= (plan.requestedAt ?? t) + REQUEST_LAG_MS) {
        job.status = 'reverting';
        plan.requestedAt = t;
        touchJob(world, job, t);
      }
      return;
    case 'reverting':
      if (t >= (plan.requestedAt ?? t) + REVERT_MS) {
        if (prefix) inc(world, job.coordinator_id, `${prefix}fail_or_cancel_completed`);
        job.status = job.error ? 'failed' : 'canceled';
        finish(world, job, t, onTerminal);
      }
      return;
    case 'running':
      break;
    default:
      return;
  }
  if (plan.forever) {
    // A changefeed checkpoints its resolved timestamp every few seconds; show it once a minute.
    if (job.job_type === 'CHANGEFEED' && t % 60_000 === 0) {
      job.running_status = `running: resolved=${(t - 10_000) * 1_000_000}.0000000000`;
      touchJob(world, job, t);
    }
    return;
  }
  if (t < plan.wakeAt) return; // backing off after a retryable error
  if (job.next_run) {
    // The retry is adopted again, possibly by another node.
    job.next_run = null;
    job.last_run = new Date(t);
    job.num_runs += 1;
    if (world.rng.chance(0.5)) job.coordinator_id = world.rng.pick(world.nodes).node.node_id;
  }
  // Rounded as CockroachDB's float32 progress reads, without accumulated float noise.
  job.fraction_completed = Math.min(1, Math.round((job.fraction_completed + STEP_MS / plan.durationMs) * 1e6) / 1e6);
  if (plan.retryAt !== null && job.fraction_completed >= plan.retryAt) {
    plan.retryAt = null;
    const err = world.rng.pick(RETRYABLE_ERRORS);
    // CockroachDB's execution error format (jobs.FormatRetriableExecutionErrorLogToStringArray).
    job.execution_errors.push(
      `running execution from '${pgTime(job.last_run ?? job.started ?? job.created)}' to '${pgTime(new Date(t))}' on ${job.coordinator_id} failed: ${err}`,
    );
    if (prefix) inc(world, job.coordinator_id, `${prefix}resume_retry_error`);
    plan.wakeAt = t + world.rng.between(30_000, 150_000);
    job.next_run = new Date(plan.wakeAt);
    touchJob(world, job, t);
    return;
  }
  if (plan.failAt !== null && job.fraction_completed >= plan.failAt) {
    if (prefix) inc(world, job.coordinator_id, `${prefix}resume_failed`);
    job.error = plan.failError ?? 'job failed';
    job.status = 'reverting';
    job.running_status = null;
    plan.requestedAt = t;
    touchJob(world, job, t);
    return;
  }
  if (job.fraction_completed >= 1) {
    if (prefix) inc(world, job.coordinator_id, `${prefix}resume_completed`);
    job.status = 'succeeded';
    finish(world, job, t, onTerminal);
    return;
  }
  const texts = job.job_type === 'RESTORE' ? RESTORE_RUNNING_STATUS : BACKUP_RUNNING_STATUS;
  job.running_status = job.fraction_completed > 0.97 ? texts[1] : texts[job.fraction_completed < 0.5 ? 0 : 2];
  touchJob(world, job, t);
}

/** The job is claimed by its coordinator and starts (again). */
export function resume(world: World, job: DemoJob, t: number): void {
  job.status = 'running';
  job.started ??= new Date(t);
  job.last_run = new Date(t);
  job.num_runs += 1;
  if (job.job_type === 'BACKUP' || job.job_type === 'RESTORE') {
    // A backup protects its AS OF SYSTEM TIME (≈ when it was created); a restore its start.
    job.pts ??= job.job_type === 'BACKUP' ? job.created : new Date(t);
  }
  touchJob(world, job, t);
}

function finish(world: World, job: DemoJob, t: number, onTerminal: OnTerminal): void {
  job.finished = new Date(t);
  job.running_status = null;
  job.pts = null;
  if (job.status === 'succeeded') job.fraction_completed = 1;
  touchJob(world, job, t);
  const plan = world.plans.get(job.job_id);
  world.plans.delete(job.job_id);
  if (plan) onTerminal(job, t, plan);
}

/**
 * '2026-11-25 14:05:00+00:00', '2026-11-25 14:05:00.12+00:00': how a job description spells its
 * AS OF SYSTEM TIME (trailing zeros of the fraction dropped; docs show-jobs / manage-a-backup-schedule examples).
 */
export function pgTime(d: Date): string {
  return d.toISOString().replace('T', ' ').replace(/\.?0*Z$/, '+00:00');
}
