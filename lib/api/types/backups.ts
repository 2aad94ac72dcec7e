/** The shapes the backups API returns (SHOW BACKUPS IN, SHOW BACKUP, Validate). */
/** One row of SHOW BACKUP. */
export interface BackupObjectRow {
  database_name: string | null;
  parent_schema_name: string | null;
  object_name: string | null;
  object_type: string | null;
  backup_type: string | null;
  start_time: string | null;
  end_time: string | null;
  size_bytes: number | null;
  rows: number | null;
  is_full_cluster: boolean | null;
}

export interface BackupCollection {
  /** Redacted URI, exactly as the schedule's statement shows it; the only form a request may name. */
  collection: string;
  schedules: { id: string; label: string | null; backup_type: string | null }[];
  /** SHOW BACKUPS IN, newest first; null when the listing failed (see error). */
  backups: string[] | null;
  error: string | null;
  /**
   * When SHOW BACKUPS IN ran (UTC ISO-8601): the listing is served from a cache for up to a minute
   * (`fresh=1` re-lists). Optional: absent from answers of versions before the cache.
   */
  as_of?: string;
}

export interface BackupsPage {
  collections: BackupCollection[];
  /** The chosen backup (SHOW BACKUP FROM '<subdir>' IN '<collection>'), when the request named one. */
  selected: { collection: string; backup: string; rows: BackupObjectRow[]; sql: string; /** When this SHOW BACKUP ran (it may come from the cache). */ as_of?: string } | null;
  /** Per schedule: success rate over 7 and 30 days, and per finished run its duration and (when known) size. */
  trends: {
    schedule_id: string;
    label: string | null;
    backup_type: string | null;
    success_rate_7d: number | null;
    success_rate_30d: number | null;
    runs: { job_id: string; finished: string; duration_s: number | null; status: string; size_bytes: number | null }[];
  }[];
  sql: string[];
}

/** Result of Validate (SHOW BACKUP … WITH check_files). */
export interface BackupValidation {
  collection: string;
  backup: string;
  ok: boolean;
  /** Paths CockroachDB reported missing (it names at most ten). */
  missing_files: string[];
  /** CockroachDB's message when not ok. */
  message: string | null;
  sql: string;
  checked_at: string;
}
