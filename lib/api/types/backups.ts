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

/**
 * "Can we restore, and to when?" for a collection, from its newest chain (SHOW BACKUP of the newest
 * full backup and its incrementals) and the schedules writing to it.
 */
export interface CollectionRestore {
  /** The newest chain's subdirectory (SHOW BACKUPS IN), what FROM LATEST reads. */
  backup: string;
  /** The newest end_time in the chain: RESTORE … FROM LATEST restores to it (UTC ISO-8601). */
  newest_restorable: string | null;
  /** Seconds between newest_restorable and the cluster's now: the data a restore now would lose (RPO). */
  rpo_s: number | null;
  /** Layers in the chain (the full backup plus its incrementals). */
  chain_length: number;
  chain_bytes: number;
  full_end_time: string | null;
  full_age_s: number | null;
  /**
   * From the schedules' backup statements (WITH revision_history): true → any time between the full
   * backup and newest_restorable can be restored (AS OF SYSTEM TIME); false → only a layer's end_time;
   * null when no schedule writes here (a configured collection).
   */
  revision_history: boolean | null;
  /** From the statements' options: encryption_passphrase, kms or none; null when unknown. */
  encryption: 'none' | 'encryption_passphrase' | 'kms' | null;
  is_full_cluster: boolean | null;
  /** Ready to copy (the collection as shown: a redacted secret must be filled in). */
  restore_sql: string;
  /** Estimated restore time from past restores' throughput (median), or null with why in rto_note. */
  rto: { estimate_s: number; bytes_per_s: number; samples: number } | null;
  rto_note: string;
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
  /** Null when the newest chain could not be read (listing failed, empty, or the read budget ran out). */
  restore?: CollectionRestore | null;
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
  /**
   * To when the checked chain restores (from check_files' rows): the newest end_time, and with
   * revision history the earliest time (the full backup's end_time) AS OF SYSTEM TIME may go back to;
   * without it, the layers' end times are the only points. Null when the files are missing.
   */
  restorable?: { newest: string | null; earliest: string | null; revision_history: boolean | null; layers: number } | null;
}
