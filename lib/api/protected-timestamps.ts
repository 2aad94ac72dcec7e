/**
 * Who holds each protected timestamp (`GET /api/v1/clusters/{c}/protected-timestamps`, the
 * protected-timestamps page, and the records a job or schedule page shows). CockroachDB itself shows
 * only how old the oldest record is (cockroachdb/cockroach#103831, #62664, #79053); a paused or
 * forgotten job, or a stuck schedule chain, holds a record that blocks garbage collection, and an
 * orphaned record (its holder gone) blocks it forever. Composed here: the records and holders
 * (lib/sql/protected-timestamps.ts), orphans, ages against the cluster's clock, and problems.
 */
import type { ClusterConfig } from '../config';
import { ApiError } from '../errors';
import { baseStatus, isTerminal } from '../jobs/statuses';
import { HOLDER_SQL, readHolderJobs, readHolderSchedules, readPtsRecords, RECORDS_SQL, type HolderJob, type HolderSchedule, type PtsRow } from '../sql/protected-timestamps';
import { clusterNow } from '../sql/schedules';
import { withReadOnly, type Session, type SessionInfo } from '../sql/session';
import { resolveCluster } from './clusters';
import type { HeldRecords, ProtectedTimestampsPage, PtsHolder, PtsRecord, PtsSeverity } from './types/protected-timestamps';
import { noteClusterNow } from './cluster-clock';

/** The overview's PTS tiles' thresholds (lib/domain/status-tiles.ts): amber past 1 h, red past 24 h. */
export const PTS_THRESHOLDS = { warn_s: 3_600, critical_s: 86_400 } as const;

function holderOf(row: PtsRow, jobs: Map<string, HolderJob>, schedules: Map<string, HolderSchedule>): { holder: PtsHolder | null; orphaned: boolean } {
  if (row.holder_id === null) return { holder: null, orphaned: false };
  if (row.meta_type === 'jobs') {
    const j = jobs.get(row.holder_id);
    return j ? { holder: { kind: 'job', ...j }, orphaned: false } : { holder: null, orphaned: true };
  }
  if (row.meta_type === 'schedules') {
    const s = schedules.get(row.holder_id);
    return s ? { holder: { kind: 'schedule', schedule_id: s.id, label: s.label, schedule_status: s.schedule_status, recurrence: s.recurrence, owner: s.owner }, orphaned: false } : { holder: null, orphaned: true };
  }
  // Another subsystem's record (e.g. a tenant's or a streaming producer's): not looked up, not judged orphaned.
  return { holder: null, orphaned: false };
}

function judge(r: Omit<PtsRecord, 'severity' | 'problems'>): { severity: PtsSeverity; problems: string[] } {
  const problems: string[] = [];
  let severity: PtsSeverity = 'ok';
  const raise = (s: PtsSeverity) => {
    if (s === 'critical' || (s === 'warn' && severity === 'ok')) severity = s;
  };
  const what = r.target.kind === 'unknown' ? 'what it protects' : r.target.text;
  if (r.orphaned) {
    problems.push(`its ${r.meta_type === 'schedules' ? 'schedule' : 'job'} ${r.holder_id} no longer exists: nothing will release this record, and it blocks garbage collection of ${what} until it is removed`);
    raise('critical');
  }
  const h = r.holder;
  if (h?.kind === 'job') {
    const b = baseStatus(h.status);
    if (isTerminal(h.status)) {
      problems.push(`its job has ${b ?? h.status} but the record was not released`);
      raise('critical');
    } else if (b === 'paused' || b === 'pause-requested') {
      problems.push('held by a paused job: it ages until the job is resumed or canceled');
      raise('warn');
    }
  }
  if (h?.kind === 'schedule' && (h.schedule_status ?? '').toUpperCase() === 'PAUSED') {
    problems.push('held by a paused schedule: the chain’s record ages until the schedule runs again');
    raise('warn');
  }
  if (r.age_s !== null && r.age_s > PTS_THRESHOLDS.critical_s) {
    problems.push('older than 24 h');
    raise('critical');
  } else if (r.age_s !== null && r.age_s > PTS_THRESHOLDS.warn_s) {
    problems.push('older than 1 h');
    raise('warn');
  }
  return { severity, problems };
}

/** Oldest first (a null time last); orphaned first among equals, then by id. */
export function comparePts(a: PtsRecord, b: PtsRecord): number {
  const ta = a.protected_at === null ? Infinity : Date.parse(a.protected_at);
  const tb = b.protected_at === null ? Infinity : Date.parse(b.protected_at);
  if (ta !== tb) return ta - tb;
  if (a.orphaned !== b.orphaned) return a.orphaned ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every record with its holder, in one session: 3 statements and the clock, whatever the count. */
export async function readProtectedTimestamps(c: Session, info: SessionInfo): Promise<{ nowMs: number; records: PtsRecord[] }> {
  const nowMs = await clusterNow(c);
  const rows = await readPtsRecords(c, info);
  const jobIds = [...new Set(rows.filter((r) => r.meta_type === 'jobs' && r.holder_id !== null).map((r) => r.holder_id as string))];
  const jobs = await readHolderJobs(c, jobIds);
  const schedules = rows.some((r) => r.meta_type === 'schedules') ? await readHolderSchedules(c) : new Map<string, HolderSchedule>();
  const records = rows.map((row) => {
    const base = {
      id: row.id,
      meta_type: row.meta_type,
      holder_id: row.holder_id,
      ...holderOf(row, jobs, schedules),
      protected_at: row.wall_ms === null ? null : new Date(row.wall_ms).toISOString(),
      age_s: row.wall_ms === null ? null : Math.max(0, Math.floor((nowMs - row.wall_ms) / 1000)),
      verified: row.verified,
      target: row.target,
      ts: row.ts,
    };
    return { ...base, ...judge(base) };
  });
  return { nowMs, records: records.sort(comparePts) };
}

export async function listProtectedTimestamps(cluster: ClusterConfig): Promise<ProtectedTimestampsPage> {
  const { nowMs, records } = await withReadOnly(cluster, 'reading protected timestamp records', (c, info) => readProtectedTimestamps(c, info));
  noteClusterNow(cluster.id, nowMs);
  return { cluster: cluster.id, generated_at: new Date(nowMs).toISOString(), records, thresholds: PTS_THRESHOLDS, sql: [RECORDS_SQL, ...HOLDER_SQL] };
}

export async function protectedTimestampsForRequest(clusterId: string): Promise<ProtectedTimestampsPage> {
  return listProtectedTimestamps(await resolveCluster(clusterId));
}

/**
 * The records these jobs or schedules hold, for their pages. A failure to read them (restricted
 * internals, a missing privilege, SQL down) is this widget's error, never the page's.
 */
export async function recordsHeldBy(cluster: ClusterConfig, holder: { jobs?: string[]; schedules?: string[] }): Promise<HeldRecords> {
  try {
    const { records } = await withReadOnly(cluster, 'reading protected timestamp records', (c, info) => readProtectedTimestamps(c, info));
    const mine = records.filter((r) => r.holder_id !== null && ((r.meta_type === 'jobs' && holder.jobs?.includes(r.holder_id)) || (r.meta_type === 'schedules' && holder.schedules?.includes(r.holder_id))));
    return { records: mine, error: null };
  } catch (err) {
    if (err instanceof ApiError) return { records: [], error: { code: err.code, message: err.message } };
    throw err;
  }
}
