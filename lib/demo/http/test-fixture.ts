/**
 * A small, hand-driven ClusterState for the HTTP face's tests (the real model lives in
 * lib/demo/model/). Data fixture, not a mock: it holds state and answers the interface.
 * Tests move its clock and metrics explicitly.
 */
import type { ClusterState } from '../cluster-state';
import { DemoSqlError, hasFailOrCancelFailed, type CrdbVersion, type DemoBackup, type DemoJob, type DemoNode, type DemoPtsRecord, type DemoSchedule } from '../types';
import { BACKUP_FAMILIES } from './backup-families';

export const FIXTURE_START = Date.UTC(2026, 0, 15, 8, 0, 0);

/** Every backup-table metric at plausible values; 25.4+ drops `fail_or_cancel_failed` (reference a.6). */
export function fixtureMetrics(version: CrdbVersion, nodeId: number, nowMs: number): Record<string, number> {
  const m: Record<string, number> = {};
  for (const f of BACKUP_FAMILIES) {
    if (!hasFailOrCancelFailed(version) && f.name.endsWith('_fail_or_cancel_failed')) continue;
    m[f.name] = 0;
  }
  const hours = Math.max(0, (nowMs - FIXTURE_START) / 3_600_000);
  if (nodeId === 1) {
    // The coordinator of the hourly backup schedule in this fixture.
    m.schedules_BACKUP_started = Math.floor(hours) + 24;
    m.schedules_BACKUP_succeeded = Math.floor(hours) + 22;
    m.schedules_BACKUP_failed = 1;
    m.schedules_BACKUP_last_completed_time = Math.floor(nowMs / 1000) - 1200;
    m.schedules_BACKUP_protected_age_sec = 1234.5;
    m.schedules_BACKUP_protected_record_count = 2;
    m.jobs_backup_currently_running = 1;
    m.jobs_backup_resume_completed = Math.floor(hours) + 22;
    m.jobs_backup_resume_retry_error = 3;
    m.jobs_backup_protected_age_sec = 61;
    m.jobs_backup_protected_record_count = 1;
  }
  return m;
}

export interface FixtureOptions {
  version?: CrdbVersion;
  nodeCount?: number;
  /** host:port strings per node; defaults to 127.0.0.1:2625N / :808N. */
  addrs?: (nodeId: number) => Pick<DemoNode, 'sql_addr' | 'http_addr' | 'advertise_addr'>;
}

export class FixtureClusterState implements ClusterState {
  readonly version: CrdbVersion;
  clockMs = FIXTURE_START + 3_600_000;
  private rev = 1;
  private readonly nodeList: DemoNode[];
  /** Overrides of nodeMetrics per node; when absent, fixtureMetrics(). */
  readonly metricsOverride = new Map<number, Record<string, number>>();
  readonly jobList: DemoJob[] = [];

  constructor(opts: FixtureOptions = {}) {
    this.version = opts.version ?? '25.4';
    const n = opts.nodeCount ?? 3;
    const addrs =
      opts.addrs ??
      ((id: number) => ({
        sql_addr: `127.0.0.1:${26256 + id}`,
        advertise_addr: `127.0.0.1:${26256 + id}`,
        http_addr: `127.0.0.1:${8079 + id}`,
      }));
    this.nodeList = Array.from({ length: n }, (_, i) => ({ node_id: i + 1, ...addrs(i + 1), started_at: FIXTURE_START }));
  }

  /** Let the cluster clock run forward (counters must follow). */
  advance(ms: number): void {
    this.clockMs += ms;
    this.rev++;
  }

  /** Point a node's advertised HTTP address at the port a test server actually got. */
  setNodeAddrs(nodeId: number, addrs: Partial<Pick<DemoNode, 'sql_addr' | 'http_addr' | 'advertise_addr'>>): void {
    const node = this.nodeList.find((x) => x.node_id === nodeId);
    if (!node) throw new Error(`no node ${nodeId}`);
    Object.assign(node, addrs);
  }

  now(): Date {
    return new Date(this.clockMs);
  }
  revision(): number {
    return this.rev;
  }
  ptsRecords(): readonly DemoPtsRecord[] {
    return [];
  }
  jobs(): readonly DemoJob[] {
    return this.jobList;
  }
  job(id: string): DemoJob | undefined {
    return this.jobList.find((j) => j.job_id === id);
  }
  schedules(): readonly DemoSchedule[] {
    return [];
  }
  backups(): readonly DemoBackup[] {
    return [];
  }
  nodes(): readonly DemoNode[] {
    return this.nodeList;
  }
  nodeMetrics(nodeId: number): Record<string, number> {
    return this.metricsOverride.get(nodeId) ?? fixtureMetrics(this.version, nodeId, this.clockMs);
  }

  pauseJob(id: string): void {
    throw this.noJob(id);
  }
  resumeJob(id: string): void {
    throw this.noJob(id);
  }
  cancelJob(id: string): void {
    throw this.noJob(id);
  }
  pauseSchedule(id: string): void {
    throw new DemoSqlError('42704', `schedule ${id} does not exist`);
  }
  resumeSchedule(id: string): void {
    throw new DemoSqlError('42704', `schedule ${id} does not exist`);
  }
  private noJob(id: string): DemoSqlError {
    return new DemoSqlError('42704', `job with ID ${id} does not exist`);
  }
}

/** A minimal job row for tests that need per-type job gauges. */
export function fixtureJob(partial: Partial<DemoJob> & Pick<DemoJob, 'job_id' | 'job_type' | 'status'>): DemoJob {
  const t = new Date(FIXTURE_START);
  return {
    description: '',
    statement: '',
    user_name: 'node',
    running_status: null,
    created: t,
    started: t,
    finished: null,
    modified: t,
    fraction_completed: 0,
    error: '',
    coordinator_id: 1,
    trace_id: '0',
    last_run: null,
    next_run: null,
    num_runs: 1,
    execution_errors: [],
    created_by_type: null,
    created_by_id: null,
    pts: null,
    rev: 1,
    ...partial,
  };
}
