import type { ClusterState } from '../cluster-state';
import { DemoSqlError, type CrdbVersion, type DemoBackup, type DemoJob, type DemoNode, type DemoPtsRecord, type DemoSchedule, TERMINAL_STATUSES } from '../types';
import { maybeStartBackgroundJobs, startForeverJobs } from './background';
import { DemoClock } from './clock';
import { IdGenerator } from './ids';
import { createJob, STEP_MS, stepJob, type OnTerminal } from './jobs';
import { computeNodeMetrics } from './metrics';
import { orphanRecord, ptsRecordsOf } from './pts';
import { Rng } from './rng';
import { CLASSIC_STORY, type DemoStory } from './story';
import { scriptStory, type StoryHost } from './story-script';
import { TS_RETENTION_MS, TsStore } from './ts-store';
import { createSchedules, nextCron, onScheduledJobDone, schedulerRound } from './scheduler';
import { bump, touchJob, touchSchedule, type World } from './world';

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface DemoModelOptions {
  nodes: number;
  seed: number;
  /** How many times faster than real time the cluster's clock runs (0 = frozen; use advance()). */
  speed: number;
  version: CrdbVersion;
  /** The cluster's "now" at start (default: the wall clock). History is simulated up to it. */
  startMs?: number;
  /** Days of history simulated before start (default 14, CockroachDB's jobs.retention_time). */
  historyDays?: number;
  /** Extra ad-hoc backup jobs spread over the history, for volume. */
  extraJobs?: number;
  /**
   * Anchor the world here instead of at start: history and the opening story sit before the
   * epoch, and the model simulates from it up to start. The same seed and epoch give the same
   * world whenever it starts, so a restarted dashboard sees the same jobs and counters.
   */
  epochMs?: number;
  /** What happened before start (default: the classic demo's story, lib/demo/model/story.ts). */
  story?: DemoStory;
  /**
   * Record every node's catalog metrics every 10 s into the cluster's time-series store
   * (`/ts/query`, ts-store.ts) over the last `retentionDays` (default 10, CockroachDB's
   * resolution_10s.ttl) of the simulated past, and on as the clock advances. false: no store.
   */
  timeSeries?: false | { retentionDays?: number };
}

interface ScriptedEvent {
  atMs: number;
  run: (t: number) => void;
}

/**
 * The behaviour model: a CockroachDB cluster's backup world on a (possibly fast) clock. It is
 * simulated lazily on a fixed 10 s grid up to the clock's now whenever anyone reads it, so the
 * same seed and start time always give the same history, however often it is read.
 */
export class DemoModel implements ClusterState {
  readonly version: CrdbVersion;
  readonly clock: DemoClock;
  private readonly world: World;
  private readonly originMs: number;
  private events: ScriptedEvent[] = [];
  /** Sorted once before the next read, not on every push: --jobs 100000 pushed 100k events (quadratic). */
  private eventsSorted = true;
  /** Leaked records (their holder is gone): not counted by the PTS gauges, which skip them. */
  private readonly ptsLeaks: DemoPtsRecord[];
  private ptsCache: { rev: number; records: DemoPtsRecord[] } | null = null;
  /** The cluster's time-series store (null when DemoModelOptions.timeSeries is false). */
  readonly timeSeries: TsStore | null;
  /** Schedule faults the story itself set (a reset returns to them, not to none). */
  private readonly storyFaults = new Map<string, string>();
  private readonly onTerminal: OnTerminal = (job, t, plan) => {
    if (job.created_by_id) onScheduledJobDone(this.world, job, t, plan.layer, this.originMs);
  };

  constructor(opts: DemoModelOptions) {
    this.version = opts.version;
    const startMs = Math.floor((opts.startMs ?? Date.now()) / STEP_MS) * STEP_MS;
    const epochMs = Math.min(startMs, Math.floor((opts.epochMs ?? startMs) / STEP_MS) * STEP_MS);
    const historyStart = epochMs - (opts.historyDays ?? 14) * DAY;
    this.originMs = historyStart;
    this.ptsLeaks = [orphanRecord(historyStart)];
    const rng = new Rng(opts.seed);
    this.world = {
      version: opts.version,
      rng,
      ids: new IdGenerator(),
      cursorMs: historyStart,
      rev: 0,
      jobs: [],
      jobIndex: new Map(),
      plans: new Map(),
      schedules: [],
      scheduleRuntime: new Map(),
      backups: [],
      nodes: Array.from({ length: opts.nodes }, (_, i) => ({
        node: { node_id: i + 1, sql_addr: '', http_addr: '', advertise_addr: '', started_at: historyStart - rng.between(1, 30) * DAY },
        counters: new Map<string, number>(),
        lastCompletedTime: 0,
        round: { jobs_started: 0, reschedule_skip: 0, reschedule_wait: 0, error: 0 },
      })),
      statsNodeId: 1,
      failingSchedules: new Map(),
      scheduledFailureRate: (opts.story ?? CLASSIC_STORY).scheduledFailureRate,
      overruns: (opts.story ?? CLASSIC_STORY).overruns,
    };
    createSchedules(this.world, epochMs, historyStart);
    startForeverJobs(this.world, historyStart);
    const host: StoryHost = { world: this.world, at: (ms, run) => this.at(ms, run), pauseJob: (id, r) => this.pauseJob(id, r), pauseScheduleNow: (s) => this.pauseScheduleNow(s), storyFaults: this.storyFaults };
    scriptStory(host, opts.story ?? CLASSIC_STORY, { epochMs, startMs }, opts.extraJobs ?? 0, historyStart);
    const ts = opts.timeSeries ?? {};
    const retentionMs = ts ? (ts.retentionDays ?? TS_RETENTION_MS / DAY) * DAY : 0;
    this.timeSeries = ts ? new TsStore({ nodeIds: this.world.nodes.map((n) => n.node.node_id), fromMs: Math.max(historyStart, startMs - retentionMs), retentionMs }) : null;
    this.advanceTo(startMs);
    this.clock = new DemoClock(startMs, opts.speed);
  }

  private at(atMs: number, run: (t: number) => void): void {
    this.events.push({ atMs: Math.ceil(atMs / STEP_MS) * STEP_MS, run });
    this.eventsSorted = false;
  }

  /** The next event due by t (a stable sort keeps same-time events in the order they were scripted). */
  private dueEvent(t: number): ScriptedEvent | undefined {
    if (!this.eventsSorted) {
      this.events.sort((a, b) => a.atMs - b.atMs);
      this.eventsSorted = true;
    }
    return this.events.length > 0 && this.events[0].atMs <= t ? this.events.shift() : undefined;
  }

  /** Simulates every grid step up to targetMs. */
  private advanceTo(targetMs: number): void {
    const w = this.world;
    while (w.cursorMs + STEP_MS <= targetMs) {
      const t = (w.cursorMs += STEP_MS);
      for (let e = this.dueEvent(t); e; e = this.dueEvent(t)) e.run(t);
      if (t % MINUTE === 0) schedulerRound(w, t);
      maybeStartBackgroundJobs(w, t, STEP_MS);
      for (const id of [...w.plans.keys()]) {
        const job = w.jobIndex.get(id);
        if (job) stepJob(w, job, t, this.onTerminal);
      }
      // Reading the metrics draws nothing from the world's RNG: sampling leaves the history unchanged.
      this.timeSeries?.record(t, (id) => computeNodeMetrics(w, id, t));
    }
  }

  private sync(): number {
    const now = this.clock.nowMs();
    this.advanceTo(now);
    return now;
  }

  // ---- ClusterState ----
  now(): Date {
    return new Date(this.sync());
  }
  revision(): number {
    this.sync();
    return this.world.rev;
  }
  jobs(): readonly DemoJob[] {
    this.sync();
    return this.world.jobs;
  }
  job(id: string): DemoJob | undefined {
    this.sync();
    return this.world.jobIndex.get(id);
  }
  schedules(): readonly DemoSchedule[] {
    this.sync();
    return this.world.schedules;
  }
  backups(): readonly DemoBackup[] {
    this.sync();
    return this.world.backups;
  }
  nodes(): readonly DemoNode[] {
    return this.world.nodes.map((n) => n.node);
  }
  ptsRecords(): readonly DemoPtsRecord[] {
    this.sync();
    if (this.ptsCache?.rev !== this.world.rev) this.ptsCache = { rev: this.world.rev, records: ptsRecordsOf(this.world, this.ptsLeaks) };
    return this.ptsCache.records;
  }
  nodeMetrics(nodeId: number): Record<string, number> {
    const now = this.sync();
    return computeNodeMetrics(this.world, nodeId, now);
  }

  pauseJob(id: string, reason?: string): void {
    const job = this.mustJob(id);
    if (job.status === 'paused' || job.status === 'pause-requested') return;
    this.mustBeIn(job, ['pending', 'running'], 'paused');
    job.status = 'pause-requested';
    job.pause_reason = reason ?? null;
    this.request(job);
  }
  resumeJob(id: string): void {
    const job = this.mustJob(id);
    if (job.status === 'running' || job.status === 'pending') return;
    this.mustBeIn(job, ['paused', 'pause-requested'], 'resumed');
    job.status = 'pending'; // re-adopted by a node's adoption loop shortly
    job.pause_reason = null;
    const plan = this.world.plans.get(job.job_id);
    if (plan) plan.wakeAt = this.world.cursorMs + 5_000;
    touchJob(this.world, job, this.world.cursorMs);
  }
  cancelJob(id: string): void {
    const job = this.mustJob(id);
    if (job.status === 'cancel-requested' || job.status === 'reverting') return;
    this.mustBeIn(job, ['pending', 'running', 'paused', 'pause-requested'], 'canceled');
    job.status = 'cancel-requested';
    this.request(job);
  }
  pauseSchedule(id: string): void {
    this.pauseScheduleNow(this.mustSchedule(id));
  }
  resumeSchedule(id: string): void {
    const s = this.mustSchedule(id);
    if (s.schedule_status === 'ACTIVE') return;
    s.schedule_status = 'ACTIVE';
    s.next_run = new Date(nextCron(s.recurrence, this.world.cursorMs));
    touchSchedule(this.world, s);
  }

  // ---- faults and tests ----
  /** A node process restarts: its counters and last-completed-time start again from 0, its jobs are adopted elsewhere. */
  restartNode(nodeId: number): void {
    const now = this.sync();
    const w = this.world;
    const rt = w.nodes.find((n) => n.node.node_id === nodeId);
    if (!rt) throw new Error(`no node ${nodeId}`);
    rt.counters.clear();
    rt.lastCompletedTime = 0;
    rt.round = { jobs_started: 0, reschedule_skip: 0, reschedule_wait: 0, error: 0 };
    rt.node.started_at = now;
    const others = w.nodes.filter((n) => n !== rt);
    if (others.length === 0) return;
    for (const job of w.jobs) {
      if (job.coordinator_id !== nodeId || TERMINAL_STATUSES.includes(job.status)) continue;
      job.coordinator_id = w.rng.pick(others).node.node_id;
      touchJob(w, job, w.cursorMs);
    }
    if (w.statsNodeId === nodeId) w.statsNodeId = others[0].node.node_id;
    bump(w);
  }
  setNodeAddress(nodeId: number, addr: { sql_addr: string; http_addr: string }): void {
    const rt = this.world.nodes.find((n) => n.node.node_id === nodeId);
    if (!rt) throw new Error(`no node ${nodeId}`);
    rt.node.sql_addr = addr.sql_addr;
    rt.node.advertise_addr = addr.sql_addr;
    rt.node.http_addr = addr.http_addr;
  }
  /**
   * Every backup the schedules with this label start from now on fails with `error` (null: they
   * succeed again). What revoked storage credentials or a deleted bucket do to a real schedule.
   */
  setScheduleFault(label: string, error: string | null): void {
    this.sync();
    if (!this.world.schedules.some((s) => s.label === label)) throw new Error(`no schedule labelled ${label}`);
    if (error === null) this.world.failingSchedules.delete(label);
    else this.world.failingSchedules.set(label, error);
    bump(this.world);
  }
  /**
   * A finished, failed job carrying the given text, `agoMs` in the past (tests: text from the
   * cluster, such as `<img src=x onerror=…>` in a description or error, must show as text).
   */
  injectFailedJob(spec: { job_type: string; description: string; error: string; agoMs: number }): DemoJob {
    const now = this.sync();
    const t = Math.floor(Math.max(this.originMs, now - spec.agoMs) / STEP_MS) * STEP_MS;
    const job = createJob(this.world, { job_type: spec.job_type, description: spec.description, statement: spec.description, createdMs: t, coordinator: 1, plan: { durationMs: STEP_MS, failAt: null, retryAt: null, forever: false } });
    this.world.plans.delete(job.job_id);
    Object.assign(job, { status: 'failed', error: spec.error, started: new Date(t), finished: new Date(t + STEP_MS), modified: new Date(t + STEP_MS) });
    job.rev = bump(this.world);
    return job;
  }
  scheduleFaults(): Record<string, string> {
    return Object.fromEntries(this.world.failingSchedules);
  }
  /** Every schedule fault back to the story's own (none, unless the story has a failing schedule). */
  resetScheduleFaults(): void {
    this.sync();
    this.world.failingSchedules = new Map(this.storyFaults);
    bump(this.world);
  }
  /** Whether the schedule faults are the story's own (no test or operator added or healed one). */
  scheduleFaultsAtBaseline(): boolean {
    const now = this.world.failingSchedules;
    return now.size === this.storyFaults.size && [...now].every(([k, v]) => this.storyFaults.get(k) === v);
  }
  /** Moves the clock forward (tests); the model simulates up to the new now on the next read. */
  advance(ms: number): void {
    this.clock.advance(ms);
    this.sync();
  }

  private request(job: DemoJob): void {
    const plan = this.world.plans.get(job.job_id);
    if (plan) plan.requestedAt = this.world.cursorMs;
    job.running_status = null;
    touchJob(this.world, job, this.world.cursorMs);
  }
  private pauseScheduleNow(s: DemoSchedule): void {
    s.schedule_status = 'PAUSED';
    s.next_run = null;
    touchSchedule(this.world, s);
  }
  private mustJob(id: string): DemoJob {
    if (this.clock) this.sync();
    const job = this.world.jobIndex.get(id);
    if (!job) throw new DemoSqlError('42704', `job with ID ${id} does not exist`);
    return job;
  }
  private mustBeIn(job: DemoJob, allowed: DemoJob['status'][], verb: string): void {
    if (!allowed.includes(job.status)) {
      throw new DemoSqlError('55000', `job ${job.job_id}: cannot be ${verb}: job with status ${job.status} cannot be requested to be ${verb}`);
    }
  }
  private mustSchedule(id: string): DemoSchedule {
    this.sync();
    const s = this.world.schedules.find((x) => x.id === id);
    if (!s) throw new DemoSqlError('42704', `schedule ${id} not found`);
    return s;
  }
}
