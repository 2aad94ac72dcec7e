/**
 * The protected-timestamps API's shapes (`GET /api/v1/clusters/{c}/protected-timestamps`), and the
 * records a job or schedule page shows. Keys are CockroachDB's own (system.protected_ts_records:
 * id, meta_type, verified, target); ids are strings (INT8).
 */

/** What a record protects, decoded from its `target` (a cockroach.protectedts.Target). */
export type PtsTarget =
  | { kind: 'cluster'; text: string }
  | { kind: 'schema_objects'; ids: number[]; text: string }
  | { kind: 'tenants'; ids: string[]; text: string }
  | { kind: 'unknown'; text: string };

/** Who holds a record: a job (meta_type `jobs`) or a schedule (`schedules`), as SHOW JOB / SHOW SCHEDULES show it. */
export type PtsHolder =
  | { kind: 'job'; job_id: string; job_type: string | null; status: string | null; running_status: string | null; description: string | null; coordinator_id: number | null; user_name: string | null }
  | { kind: 'schedule'; schedule_id: string; label: string | null; schedule_status: string | null; recurrence: string | null; owner: string | null };

export type PtsSeverity = 'ok' | 'warn' | 'critical';

export interface PtsRecord {
  id: string;
  meta_type: string;
  /** The holder's id decoded from `meta` (decimal ASCII bytes); null when it is not one. */
  holder_id: string | null;
  /** The holder as it is now; null when orphaned or of a kind the dashboard does not look up. */
  holder: PtsHolder | null;
  /** The protected time (from the HLC decimal `ts`), UTC ISO-8601. */
  protected_at: string | null;
  /** Age against the cluster's clock, seconds. */
  age_s: number | null;
  verified: boolean;
  /** The holder (job or schedule) no longer exists: nothing will release the record. */
  orphaned: boolean;
  target: PtsTarget;
  /** `ts` as CockroachDB stores it: `<wall nanos>.<10-digit logical>`. */
  ts: string;
  severity: PtsSeverity;
  /** What is wrong, one sentence each; empty when nothing is. */
  problems: string[];
}

export interface ProtectedTimestampsPage {
  cluster: string;
  /** The cluster's clock when read (ages are against it). */
  generated_at: string;
  /** Oldest first; orphaned first among equals. */
  records: PtsRecord[];
  /** Age beyond warn_s is amber, beyond critical_s red (as the overview's PTS tiles). */
  thresholds: { warn_s: number; critical_s: number };
  sql: string[];
}

/** The records one job (or one schedule pair) holds, for its page; `error` when they cannot be read there. */
export interface HeldRecords {
  records: PtsRecord[];
  error: { code: string; message: string } | null;
}
