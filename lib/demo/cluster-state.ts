import type { CrdbVersion, DemoBackup, DemoJob, DemoNode, DemoPtsRecord, DemoSchedule } from './types';

/**
 * The read/control surface of the behaviour model that the demo cluster's faces (SQL over
 * pgwire, `/_status/vars` over HTTP) are built on. The model (lib/demo/model/) implements it;
 * the faces never change state except through the control methods, so metrics and SQL agree.
 */
export interface ClusterState {
  readonly version: CrdbVersion;
  /** The cluster's clock (runs faster than real time under --speed). */
  now(): Date;
  /** Increases whenever any job, schedule or backup changes. */
  revision(): number;
  /** Every job, automatic ones included, in creation order. */
  jobs(): readonly DemoJob[];
  job(id: string): DemoJob | undefined;
  schedules(): readonly DemoSchedule[];
  backups(): readonly DemoBackup[];
  /** system.protected_ts_records: one per job or schedule chain holding a protected timestamp, and leaks. */
  ptsRecords(): readonly DemoPtsRecord[];
  nodes(): readonly DemoNode[];
  /** Exported name → value of every backup/restore/scheduler metric this node reports now. */
  nodeMetrics(nodeId: number): Record<string, number>;

  /** Control statements; each throws DemoSqlError with CockroachDB's SQLSTATE and text. */
  pauseJob(id: string, reason?: string): void;
  resumeJob(id: string): void;
  cancelJob(id: string): void;
  pauseSchedule(id: string): void;
  resumeSchedule(id: string): void;
}

/** Fault modes, flipped by tests and by the control API. */
export type NodeFault =
  | { mode: 'ok' }
  | { mode: 'down' }
  | { mode: 'slow'; delayMs: number }
  | { mode: 'garbage' };

export type SqlFault = { mode: 'ok' } | { mode: 'refuse' } | { mode: 'error'; message: string };
