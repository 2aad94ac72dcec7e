/**
 * "Can we restore, and to when?" for one collection, from its newest chain (SHOW BACKUP of the newest
 * full backup's subdirectory: the full layer and the incrementals on top of it) and the options of the
 * schedules that write to it. Facts from CockroachDB's docs (show-backup.md, v25.4): `end_time` is "the
 * time to which data can be restored … If the backup was not taken with revision history, the end_time
 * is the only time the data can be restored to. If … with revision history, the end_time is the latest
 * time"; `start_time` is NULL for a full backup. RESTORE … FROM LATEST IN restores the newest layer of
 * the newest chain; AS OF SYSTEM TIME picks an earlier point (any time within revision history, else
 * only a layer's exact end time). Pure.
 */
import { sqlLiteral } from '../schedules/redact';

export interface ChainRow {
  backup_type: string | null;
  end_time: string | null;
  size_bytes: number | null;
}

export interface RestorePoint {
  /** The newest end_time of the chain: what RESTORE … FROM LATEST restores to. */
  newest_restorable: string | null;
  /** The full backup's end_time (the chain's base). */
  full_end_time: string | null;
  full_age_s: number | null;
  /** Layers in the chain: the full plus its incrementals. */
  chain_length: number;
  /** Bytes of every layer of the chain (what a restore of LATEST reads). */
  chain_bytes: number;
}

export function restorePointOf(rows: readonly ChainRow[], nowMs: number): RestorePoint {
  const layers = new Map<string, ChainRow>();
  let bytes = 0;
  for (const r of rows) {
    bytes += r.size_bytes ?? 0;
    if (r.end_time) layers.set(`${(r.backup_type ?? '').toLowerCase()}|${r.end_time}`, r);
  }
  const ends = [...layers.values()].map((l) => l.end_time as string).sort((a, b) => Date.parse(a) - Date.parse(b));
  const full = [...layers.values()].filter((l) => (l.backup_type ?? '').toLowerCase() === 'full').map((l) => l.end_time as string).sort()[0] ?? null;
  return {
    newest_restorable: ends.at(-1) ?? null,
    full_end_time: full,
    full_age_s: full === null ? null : Math.max(0, Math.round((nowMs - Date.parse(full)) / 1000)),
    chain_length: layers.size,
    chain_bytes: bytes,
  };
}

export type Encryption = 'none' | 'encryption_passphrase' | 'kms';

/** What the schedules' backup statements say (lib/schedules/command.ts backupOptions). */
export function encryptionOf(options: readonly { name: string }[]): Encryption {
  if (options.some((o) => o.name === 'kms')) return 'kms';
  if (options.some((o) => o.name === 'encryption_passphrase')) return 'encryption_passphrase';
  return 'none';
}

/** `BACKUP DATABASE movr INTO …` → `DATABASE movr`; `BACKUP TABLE a.b INTO …` → `TABLE a.b`; `BACKUP INTO …` (the cluster) → ''. */
export function targetOf(statement: string | null): string | null {
  if (!statement) return null;
  const m = /^\s*BACKUP\s+(?:(DATABASE|TABLE)\s+(.+?)\s+)?INTO\b/is.exec(statement);
  if (!m) return null;
  return m[1] ? `${m[1].toUpperCase()} ${m[2].trim()}` : '';
}

/** AS OF SYSTEM TIME takes a TIMESTAMP string: ISO → '2026-11-25 21:30:00+00:00'. */
export function aostLiteral(iso: string): string {
  const d = new Date(Date.parse(iso));
  return `${d.toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '')}+00:00`;
}

/**
 * The ready-to-copy statement: RESTORE <target> FROM LATEST IN '<collection>', with AS OF SYSTEM TIME
 * at the newest restorable time when revision history lets the operator move it back, and the
 * encryption option the backups need (its value left for the operator: a secret is never printed).
 */
export function restoreStatement(input: { target: string | null; collection: string; asOf: string | null; revisionHistory: boolean; encryption: Encryption }): string {
  const what = input.target ? `${input.target} ` : '';
  const aost = input.revisionHistory && input.asOf ? ` AS OF SYSTEM TIME '${aostLiteral(input.asOf)}'` : '';
  const opts = ['detached'];
  if (input.encryption === 'encryption_passphrase') opts.push(`encryption_passphrase = '<passphrase>'`);
  if (input.encryption === 'kms') opts.push(`kms = '<kms URI>'`);
  return `RESTORE ${what}FROM LATEST IN ${sqlLiteral(input.collection)}${aost} WITH ${opts.join(', ')};`;
}

/** A finished restore whose size is known: how fast this cluster restores. */
export interface RestoreSample {
  job_id: string;
  bytes: number;
  duration_s: number;
}

export interface RtoEstimate {
  /** Seconds a restore of the chain would take at the median past throughput. */
  estimate_s: number;
  bytes_per_s: number;
  samples: number;
}

/** Median throughput of past restores × the chain's bytes; null without a usable sample. */
export function rtoEstimate(chainBytes: number, samples: readonly RestoreSample[]): RtoEstimate | null {
  const rates = samples.filter((s) => s.bytes > 0 && s.duration_s > 0).map((s) => s.bytes / s.duration_s).sort((a, b) => a - b);
  if (rates.length === 0 || chainBytes <= 0) return null;
  const mid = Math.floor(rates.length / 2);
  const median = rates.length % 2 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
  return { estimate_s: Math.round(chainBytes / median), bytes_per_s: Math.round(median), samples: rates.length };
}

/** `/2026/11/24-000000.00` (a full backup's end time, UTC) → unix ms; null when not that form. */
export function pathTimeMs(path: string): number | null {
  const m = /^\/?(\d{4})\/(\d{2})\/(\d{2})-(\d{2})(\d{2})(\d{2})\.(\d{2})$/.exec(path);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7] * 10) : null;
}

/** `RESTORE … FROM '<path>' IN '<collection>'` / `FROM LATEST IN '<collection>'` → what it read; null otherwise. */
export function restoreSourceOf(description: string | null): { path: string | null; collection: string } | null {
  const m = /\bFROM\s+(?:'(\/?\d{4}\/\d{2}\/\d{2}-\d{6}\.\d{2})'|LATEST)\s+IN\s+'((?:[^']|'')*)'/i.exec(description ?? '');
  if (!m) return null;
  return { path: m[1] ? (m[1].startsWith('/') ? m[1] : `/${m[1]}`) : null, collection: m[2].replace(/''/g, "'") };
}
