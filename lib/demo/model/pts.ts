import type { DemoJob, DemoPtsRecord, DemoSchedule } from '../types';
import { uniqueIdAt } from './ids';
import type { World } from './world';

/**
 * Protected timestamp records, as CockroachDB's code writes them (reference §f; CRDB
 * pkg/jobs/jobsprotectedts, ptpb/protectedts.proto): a running or paused backup protects its AS OF
 * time, a restore its start, a backup schedule chain the end of its newest backup; each is released
 * when the job ends (the model's `pts` fields). Plus the leak worth finding: a record whose job was
 * deleted long ago (the job system's reconciler missed it), which blocks GC forever.
 */

/** Descriptor ids of the demo's databases and tables (system tables take the ids below 100). */
export const DESCRIPTOR_IDS: Record<string, number> = {
  movr: 104,
  'movr.public.rides': 108,
  payroll: 112,
  movr_restore_check: 141,
};

/** Ranges each kind of target spans (kv_protected_ts_records.num_ranges). */
const RANGES = { cluster: 96, database: 14, table: 5 } as const;

// ---- protobuf (cockroach.protectedts.Target) ----

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

const field = (num: number, wire: number) => (num << 3) | wire;
const lengthDelimited = (num: number, body: number[]) => [field(num, 2), ...varint(body.length), ...body];

export type TargetSpec = { kind: 'cluster' } | { kind: 'schema_objects'; ids: number[] };

/**
 * Target{oneof union: schema_objects = 1 (SchemaObjectsTarget{repeated uint32 ids = 1}, packed),
 * tenants = 2, cluster = 3 (ClusterTarget{})}, ignore_if_excluded_from_backup = 4 (set by backup jobs).
 */
export function encodeTarget(t: TargetSpec, ignoreIfExcludedFromBackup: boolean): Uint8Array {
  const union = t.kind === 'cluster' ? lengthDelimited(3, []) : lengthDelimited(1, lengthDelimited(1, t.ids.flatMap(varint)));
  return Uint8Array.from([...union, ...(ignoreIfExcludedFromBackup ? [field(4, 0), 1] : [])]);
}

/** The JSON kv_protected_ts_records prints for it (protobuf JSON names). */
function decodedTarget(t: TargetSpec, ignore: boolean): Record<string, unknown> {
  return { ...(t.kind === 'cluster' ? { cluster: {} } : { schemaObjects: { ids: t.ids } }), ...(ignore ? { ignoreIfExcludedFromBackup: true } : {}) };
}

/** What a backup or restore description protects. */
export function targetOf(description: string): TargetSpec {
  const m = /^(?:BACKUP|RESTORE) (DATABASE|TABLE) (\S+)/.exec(description);
  if (description.startsWith('RESTORE')) return { kind: 'schema_objects', ids: [DESCRIPTOR_IDS.movr_restore_check] };
  if (!m) return { kind: 'cluster' };
  const id = DESCRIPTOR_IDS[m[2]];
  return id === undefined ? { kind: 'cluster' } : { kind: 'schema_objects', ids: [id] };
}

const rangesOf = (t: TargetSpec, description: string) => (t.kind === 'cluster' ? RANGES.cluster : /^(?:BACKUP|RESTORE) TABLE/.test(description) ? RANGES.table : RANGES.database);

// ---- ids and timestamps ----

/** A deterministic v4-shaped UUID from a string (the record ids must survive a restart of the demo). */
export function uuidFrom(key: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const words: number[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < key.length; i++) {
      h1 = Math.imul(h1 ^ key.charCodeAt(i), 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ (key.charCodeAt(i) + round), 0x5bd1e995) >>> 0;
    }
    words.push((h1 ^ (h2 >>> 7)) >>> 0);
  }
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * hlc.Timestamp.AsOfSystemTime(): `fmt.Sprintf("%d.%010d", WallTime, Logical)`. The wall time gets
 * sub-millisecond nanos from the key, as a real clock reading has.
 */
export function hlcDecimal(ms: number, key: string): string {
  const nanos = Number(BigInt.asUintN(20, BigInt(`0x${uuidFrom(key).replace(/-/g, '').slice(0, 8)}`)) % 1_000_000n);
  return `${(BigInt(Math.floor(ms)) * 1_000_000n + BigInt(nanos)).toString()}.0000000000`;
}

// ---- the records ----

export function jobRecord(j: DemoJob): DemoPtsRecord {
  const t = targetOf(j.description);
  const ignore = j.job_type === 'BACKUP';
  return {
    id: uuidFrom(`pts job ${j.job_id}`),
    ts: hlcDecimal((j.pts as Date).getTime(), j.job_id),
    meta_type: 'jobs',
    holder_id: j.job_id,
    target: encodeTarget(t, ignore),
    decoded_target: decodedTarget(t, ignore),
    internal_meta: { jobUsername: j.user_name },
    num_ranges: rangesOf(t, j.description),
    verified: false,
  };
}

export function scheduleRecord(s: DemoSchedule): DemoPtsRecord {
  const statement = String(s.command.backup_statement ?? '');
  const t = targetOf(statement);
  const at = (s.pts as Date).getTime();
  // The chain's record is replaced at every backup (a new record for the new end time).
  return {
    id: uuidFrom(`pts schedule ${s.id} ${at}`),
    ts: hlcDecimal(at, `${s.id}:${at}`),
    meta_type: 'schedules',
    holder_id: s.id,
    target: encodeTarget(t, true),
    decoded_target: decodedTarget(t, true),
    internal_meta: { scheduleLabel: s.label, scheduleOwner: s.owner },
    num_ranges: rangesOf(t, statement),
    verified: false,
  };
}

/** Days before the history starts that the leaked record's backup ran (its job is long deleted). */
const ORPHAN_DAYS_BEFORE_HISTORY = 6;

/** The orphaned record: a cluster backup's, from a job deleted by jobs.retention_time long ago. */
export function orphanRecord(historyStartMs: number): DemoPtsRecord {
  const at = historyStartMs - ORPHAN_DAYS_BEFORE_HISTORY * 86_400_000 + 3 * 3_600_000 + 17 * 60_000;
  const jobId = uniqueIdAt(at, 2);
  const t: TargetSpec = { kind: 'cluster' };
  return {
    id: uuidFrom(`pts orphan ${jobId}`),
    ts: hlcDecimal(at, jobId),
    meta_type: 'jobs',
    holder_id: jobId,
    target: encodeTarget(t, true),
    decoded_target: decodedTarget(t, true),
    internal_meta: { jobUsername: 'root' },
    num_ranges: RANGES.cluster,
    verified: false,
  };
}

/** Every record the world holds now: the jobs' and the schedule chains', then the leaks. */
export function ptsRecordsOf(world: World, leaks: readonly DemoPtsRecord[]): DemoPtsRecord[] {
  const out: DemoPtsRecord[] = [];
  for (const j of world.jobs) if (j.pts && (j.job_type === 'BACKUP' || j.job_type === 'RESTORE')) out.push(jobRecord(j));
  for (const s of world.schedules) if (s.pts) out.push(scheduleRecord(s));
  return [...out, ...leaks];
}
