import type { CrdbVersion, DemoBackup, DemoJob, DemoNode, DemoSchedule } from '../types';
import type { IdGenerator } from './ids';
import type { Rng } from './rng';
import type { ScheduleSpec } from './scenario';

/** How a job will unfold, decided when it is created (so history is reproducible). */
export interface JobPlan {
  durationMs: number;
  /** Fraction at which it fails for good, or null when it succeeds. */
  failAt: number | null;
  /** The error text it fails with. */
  failError?: string;
  /** Fraction at which it hits one retryable error, or null. */
  retryAt: number | null;
  /** Virtual ms at which a pending job is adopted / a retrying job resumes. */
  wakeAt: number;
  /** Long-running jobs (changefeeds, reconciliation) never finish. */
  forever: boolean;
  /** The backup layer written on success. */
  layer?: { collection: string; path: string; full: boolean; objects: ScheduleSpec['objects']; startMs: number | null; endMs: number };
  /** Set while pause/cancel has been requested and not yet registered. */
  requestedAt?: number;
}

export interface NodeRuntime {
  node: DemoNode;
  /** Counters since the node process started (reset on restart). */
  counters: Map<string, number>;
  /** schedules_BACKUP_last_completed_time as this node last set it (0 after a restart). */
  lastCompletedTime: number;
  /** Gauges the scheduler daemon sets every round on this node. */
  round: { jobs_started: number; reschedule_skip: number; reschedule_wait: number; error: number };
}

export interface ScheduleRuntime {
  spec: ScheduleSpec;
  full: boolean;
  /** The other schedule of a full/incremental pair. */
  partnerId: string | null;
}

export interface World {
  version: CrdbVersion;
  rng: Rng;
  ids: IdGenerator;
  /** The model has simulated up to here (virtual ms, on the step grid). */
  cursorMs: number;
  rev: number;
  jobs: DemoJob[];
  jobIndex: Map<string, DemoJob>;
  plans: Map<string, JobPlan>;
  schedules: DemoSchedule[];
  scheduleRuntime: Map<string, ScheduleRuntime>;
  backups: DemoBackup[];
  nodes: NodeRuntime[];
  /** The node running the POLL JOBS STATS job, which sets the paused and PTS gauges. */
  statsNodeId: number;
  /** Fault: schedule label → the error every backup it starts fails with (e.g. revoked bucket credentials). */
  failingSchedules: Map<string, string>;
  /** Share of scheduled backups that fail at random (0 for a healthy cluster). */
  scheduledFailureRate: number;
  /** Whether runs may crawl past their cadence (false: every run fits well within it). */
  overruns: boolean;
}

export function bump(world: World): number {
  return ++world.rev;
}

export function touchJob(world: World, job: DemoJob, atMs: number): void {
  job.modified = new Date(atMs);
  job.rev = bump(world);
}

export function touchSchedule(world: World, schedule: DemoSchedule): void {
  schedule.rev = bump(world);
}

export function inc(world: World, nodeId: number | null, name: string, by = 1): void {
  const rt = world.nodes.find((n) => n.node.node_id === nodeId);
  if (!rt) return;
  rt.counters.set(name, (rt.counters.get(name) ?? 0) + by);
}

export function liveNodeIds(world: World): number[] {
  return world.nodes.map((n) => n.node.node_id);
}
