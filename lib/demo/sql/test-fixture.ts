import type { ClusterState } from '../cluster-state';
import { jobRecord, orphanRecord, scheduleRecord } from '../model/pts';
import {
  DemoSqlError, TERMINAL_STATUSES, type CrdbVersion, type DemoBackup, type DemoBackupLayer, type DemoBackupObject,
  type DemoJob, type DemoNode, type DemoPtsRecord, type DemoSchedule, type JobStatus,
} from '../types';

/**
 * A small, fixed ClusterState for the SQL face's tests (the real behaviour model lives in lib/demo/model).
 * The clock stands still at NOW unless a test moves it; control methods change plain data.
 */

export const NOW = new Date('2026-11-24T12:00:00Z');
export const COLLECTION = "s3://acme-backups/prod?AWS_ACCESS_KEY_ID=AKIAEXAMPLE&AWS_SECRET_ACCESS_KEY=redacted";
export const IDS = {
  fullSchedule: '1108865271296917505',
  incSchedule: '1108865271362289665',
  dbFullSchedule: '1108865272000000001',
  dbIncSchedule: '1108865272000000002',
  fullOk: '1108890000000000001',
  incRunning: '1108890000000000002',
  incFailed: '1108890000000000003',
  restorePaused: '1108890000000000004',
  oldBackup: '1108890000000000005',
  autoStats: '1108890000000000006',
  autoSpan: '1108890000000000007',
  schemaChange: '1108890000000000008',
  fullRunning: '1108890000000000009',
  importCanceled: '1108890000000000010',
};

const at = (hhmmss: string, day = '2026-11-24') => new Date(`${day}T${hhmmss}Z`);
const URI = "'s3://acme-backups/prod?AWS_ACCESS_KEY_ID=AKIAEXAMPLE&AWS_SECRET_ACCESS_KEY=redacted'";

function job(p: Partial<DemoJob> & Pick<DemoJob, 'job_id' | 'job_type' | 'description' | 'status' | 'created'>): DemoJob {
  const terminal = TERMINAL_STATUSES.includes(p.status);
  return {
    statement: '', user_name: 'root', running_status: null, started: p.created, finished: null,
    modified: p.finished ?? p.created, fraction_completed: terminal && p.status === 'succeeded' ? 1 : 0, error: '',
    coordinator_id: 1, trace_id: '7362514857439127465', last_run: p.created, next_run: null, num_runs: 1,
    execution_errors: [], created_by_type: null, created_by_id: null, pts: null, rev: 1, ...p,
  };
}

function jobs(): DemoJob[] {
  const sched = (id: string) => ({ created_by_type: 'crdb_schedule', created_by_id: id });
  return [
    job({ job_id: IDS.fullOk, job_type: 'BACKUP', description: `BACKUP INTO '/2026/11/24-000000.00' IN ${URI} WITH OPTIONS (revision_history = true, detached)`, status: 'succeeded', created: at('00:00:00'), finished: at('00:12:31.25'), user_name: 'node', ...sched(IDS.fullSchedule) }),
    job({ job_id: IDS.incRunning, job_type: 'BACKUP', description: `BACKUP INTO LATEST IN ${URI} WITH OPTIONS (revision_history = true, detached)`, status: 'running', created: at('11:00:00'), started: at('11:00:01.5'), fraction_completed: 0.42, coordinator_id: 2, user_name: 'node', ...sched(IDS.incSchedule) }),
    job({ job_id: IDS.incFailed, job_type: 'BACKUP', description: `BACKUP INTO LATEST IN ${URI} WITH OPTIONS (revision_history = true, detached)`, status: 'failed', created: at('10:00:00'), finished: at('10:03:10'), error: 'failed to write to s3://acme-backups/prod: context deadline exceeded', execution_errors: ['10:01:02 retryable error: rpc error: node unavailable'], num_runs: 2, user_name: 'node', ...sched(IDS.incSchedule) }),
    job({ job_id: IDS.restorePaused, job_type: 'RESTORE', description: `RESTORE DATABASE movr FROM LATEST IN ${URI} WITH OPTIONS (new_db_name = 'movr_restore')`, status: 'paused', created: at('09:00:00'), started: null, fraction_completed: 0.13 }),
    job({ job_id: IDS.oldBackup, job_type: 'BACKUP', description: `BACKUP DATABASE movr INTO ${URI}`, status: 'succeeded', created: at('19:50:00', '2026-11-23'), finished: at('20:00:00', '2026-11-23') }),
    job({ job_id: IDS.autoStats, job_type: 'AUTO CREATE STATS', description: 'Table statistics refresh for movr.public.rides', statement: 'CREATE STATISTICS __auto__ FROM [110] WITH OPTIONS THROTTLING 0.9 AS OF SYSTEM TIME \'-30s\'', status: 'succeeded', created: at('11:30:00'), finished: at('11:30:02') }),
    job({ job_id: IDS.autoSpan, job_type: 'AUTO SPAN CONFIG RECONCILIATION', description: 'reconciling span configurations', status: 'running', created: at('08:00:00', '2026-11-20'), user_name: 'node' }),
    job({ job_id: IDS.schemaChange, job_type: 'SCHEMA CHANGE', description: 'ALTER TABLE movr.public.vehicle_location_histories ADD COLUMN battery_level INT8 NOT NULL DEFAULT 100', status: 'succeeded', created: at('08:00:00'), finished: at('08:00:41') }),
    job({ job_id: IDS.fullRunning, job_type: 'BACKUP', description: `BACKUP INTO '/2026/11/24-115000.00' IN ${URI} WITH OPTIONS (detached)`, status: 'running', created: at('11:50:00'), started: at('11:50:02'), fraction_completed: 0.07, user_name: 'node', ...sched(IDS.dbFullSchedule) }),
    job({ job_id: IDS.importCanceled, job_type: 'IMPORT', description: "IMPORT INTO movr.public.promo_codes CSV DATA ('gs://acme-imports/promo_codes.csv')", status: 'canceled', created: at('11:40:00'), finished: at('11:45:00') }),
  ];
}

function schedule(p: Partial<DemoSchedule> & Pick<DemoSchedule, 'id' | 'label' | 'recurrence' | 'backup_type' | 'command'>): DemoSchedule {
  return {
    schedule_status: 'ACTIVE', next_run: at('13:00:00'), state: null, owner: 'root', created: at('16:52:16.846944', '2026-11-01'),
    on_previous_running: 'WAIT', on_execution_failure: 'RETRY_SCHED', collection: COLLECTION.split('?')[0],
    updates_last_backup_metric: true, pts: null, rev: 1, ...p,
  };
}

function schedules(): DemoSchedule[] {
  const stmt = (latest: boolean, what = '') => `BACKUP ${what}INTO ${latest ? 'LATEST IN ' : ''}${URI} WITH revision_history, detached`;
  return [
    schedule({ id: IDS.fullSchedule, label: 'nightly', recurrence: '@daily', backup_type: 'FULL', next_run: at('00:00:00', '2026-11-25'), command: { backup_statement: stmt(false), dependent_schedule_id: Number(IDS.incSchedule) } }),
    schedule({ id: IDS.incSchedule, label: 'nightly', recurrence: '@hourly', backup_type: 'INCREMENTAL', command: { backup_statement: stmt(true), backup_type: 1, dependent_schedule_id: Number(IDS.fullSchedule) } }),
    schedule({ id: IDS.dbFullSchedule, label: 'movr_weekly', recurrence: '@weekly', backup_type: 'FULL', created: at('09:00:00', '2026-11-20'), next_run: at('00:00:00', '2026-11-29'), command: { backup_statement: stmt(false, 'DATABASE movr '), unpause_on_success: Number(IDS.dbIncSchedule) } }),
    schedule({ id: IDS.dbIncSchedule, label: 'movr_weekly', recurrence: '@daily', backup_type: 'INCREMENTAL', created: at('09:00:00', '2026-11-20'), schedule_status: 'PAUSED', next_run: null, state: 'Waiting for initial backup to complete', command: { backup_statement: stmt(true, 'DATABASE movr '), backup_type: 1 } }),
  ];
}

const MOVR: DemoBackupObject[] = [
  { database_name: null, parent_schema_name: null, object_name: 'movr', object_type: 'database', size_bytes: null, rows: null },
  { database_name: 'movr', parent_schema_name: null, object_name: 'public', object_type: 'schema', size_bytes: null, rows: null },
  { database_name: 'movr', parent_schema_name: 'public', object_name: 'users', object_type: 'table', size_bytes: 31155, rows: 340 },
  { database_name: 'movr', parent_schema_name: 'public', object_name: 'vehicles', object_type: 'table', size_bytes: 22282, rows: 113 },
  { database_name: 'movr', parent_schema_name: 'public', object_name: 'rides', object_type: 'table', size_bytes: 261950, rows: 902 },
];

const layer = (type: 'full' | 'incremental', start: Date | null, end: Date, scale: number, missing: string[] = []): DemoBackupLayer => ({
  backup_type: type, start_time: start, end_time: end, is_full_cluster: false, missing_files: missing,
  objects: MOVR.map((o) => ({ ...o, size_bytes: o.size_bytes === null ? null : Math.round(o.size_bytes * scale), rows: o.rows === null ? null : Math.round(o.rows * scale) })),
});

function backups(): DemoBackup[] {
  return [
    { collection: COLLECTION, path: '/2026/11/23-000000.00', layers: [layer('full', null, at('00:00:00', '2026-11-23'), 1), layer('incremental', at('00:00:00', '2026-11-23'), at('01:00:00', '2026-11-23'), 0.01)] },
    { collection: COLLECTION, path: '/2026/11/24-000000.00', layers: [layer('full', null, at('00:00:00'), 1.004), layer('incremental', at('00:00:00'), at('01:00:00'), 0.012, ['/data/912345678901234567.sst'])] },
  ];
}

export class FixtureState implements ClusterState {
  private clock = NOW;
  private rev = 1;
  private readonly jobList = jobs();
  private readonly scheduleList = schedules();
  private readonly backupList = backups();
  /** Calls to the control methods, for assertions. */
  readonly calls: string[] = [];
  /** Leaked records (holder gone), added by tests: kv_protected_ts_records fails while there is one. */
  private readonly leaks: DemoPtsRecord[] = [];

  constructor(readonly version: CrdbVersion = '25.4') {}

  now(): Date {
    return this.clock;
  }
  setNow(d: Date): void {
    this.clock = d;
  }
  revision(): number {
    return this.rev;
  }
  jobs(): readonly DemoJob[] {
    return this.jobList;
  }
  job(id: string): DemoJob | undefined {
    return this.jobList.find((j) => j.job_id === id);
  }
  schedules(): readonly DemoSchedule[] {
    return this.scheduleList;
  }
  backups(): readonly DemoBackup[] {
    return this.backupList;
  }
  nodes(): readonly DemoNode[] {
    return [1, 2, 3].map((n) => ({ node_id: n, sql_addr: `127.0.0.1:${26256 + n}`, http_addr: `127.0.0.1:${8079 + n}`, advertise_addr: `127.0.0.1:${26256 + n}`, started_at: NOW.getTime() - 86_400_000 }));
  }
  nodeMetrics(): Record<string, number> {
    return {};
  }
  /** Unfinished backups and restores hold a record from their creation; the incremental schedule its chain's. */
  ptsRecords(): readonly DemoPtsRecord[] {
    const jobs = this.jobList.filter((j) => (j.job_type === 'BACKUP' || j.job_type === 'RESTORE') && !TERMINAL_STATUSES.includes(j.status)).map((j) => jobRecord({ ...j, pts: j.created }));
    const chain = this.scheduleList.filter((s) => s.id === IDS.incSchedule).map((s) => scheduleRecord({ ...s, pts: at('01:00:00') }));
    return [...jobs, ...chain, ...this.leaks];
  }
  addOrphan(): DemoPtsRecord {
    const r = orphanRecord(NOW.getTime() - 14 * 86_400_000);
    this.leaks.push(r);
    this.rev++;
    return r;
  }

  /** Adds a job (tests of incremental sync). */
  addJob(j: Partial<DemoJob> & Pick<DemoJob, 'job_id' | 'job_type' | 'description' | 'status' | 'created'>): void {
    this.jobList.push({ ...job(j), rev: ++this.rev });
  }
  /** Appends an hourly incremental layer to a backup chain. */
  addLayer(path: string): void {
    const b = this.backupList.find((x) => x.path === path);
    const last = b?.layers.at(-1);
    if (!b || !last) throw new Error(`no backup ${path}`);
    b.layers.push(layer('incremental', last.end_time, new Date(last.end_time.getTime() + 3_600_000), 0.01));
    this.rev++;
  }
  removeJob(id: string): void {
    this.jobList.splice(this.jobList.findIndex((j) => j.job_id === id), 1);
    this.rev++;
  }

  private controlJob(id: string, verb: string, allowed: JobStatus[], to: JobStatus): DemoJob {
    this.calls.push(`${verb} job ${id}`);
    const j = this.job(id);
    if (!j) throw new DemoSqlError('42704', `job with ID ${id} does not exist`);
    if (!allowed.includes(j.status)) {
      throw new DemoSqlError('55000', `job ${id}: cannot be ${verb}: job with status ${j.status} cannot be requested to be ${verb}`);
    }
    j.status = to;
    j.modified = this.clock;
    j.rev = ++this.rev;
    return j;
  }
  pauseJob(id: string, reason?: string): void {
    this.controlJob(id, 'paused', ['running', 'pending', 'reverting'], 'paused');
    if (reason) this.calls.push(`reason ${reason}`);
  }
  resumeJob(id: string): void {
    this.controlJob(id, 'resumed', ['paused'], 'running');
  }
  cancelJob(id: string): void {
    this.controlJob(id, 'canceled', ['running', 'pending', 'paused'], 'canceled').finished = this.clock;
  }
  private controlSchedule(id: string, paused: boolean): void {
    this.calls.push(`${paused ? 'pause' : 'resume'} schedule ${id}`);
    const s = this.scheduleList.find((x) => x.id === id);
    if (!s) throw new DemoSqlError('42704', `schedule ${id} not found`);
    s.schedule_status = paused ? 'PAUSED' : 'ACTIVE';
    s.next_run = paused ? null : new Date(this.clock.getTime() + 3_600_000);
    s.rev = ++this.rev;
  }
  pauseSchedule(id: string): void {
    this.controlSchedule(id, true);
  }
  resumeSchedule(id: string): void {
    this.controlSchedule(id, false);
  }
}
