/**
 * Pure helpers for the backup inventory: which collections a request may name, the subdirectory
 * form SHOW BACKUPS IN prints, and what CockroachDB's check_files error lists.
 */
import { redactStatement, redactUri } from './redact';

/** SHOW BACKUPS IN prints `/2026/11/25-180000.00` (`<year>/<month>/<day>-<HHMMSS>.<hundredths>`, reference §c.6). */
export const BACKUP_PATH = /^\/?\d{4}\/\d{2}\/\d{2}-\d{6}\.\d{2}$/;

export function normalizeBackupPath(p: string): string {
  return p.startsWith('/') ? p : `/${p}`;
}

export interface KnownCollection {
  /** Redacted: what the API shows and what a request must name. */
  collection: string;
  /** As SHOW SCHEDULES printed it (or as configured): what the statement uses. Never sent to a client. */
  raw: string;
  schedules: { id: string; label: string | null; backup_type: string | null }[];
}

/**
 * Collections the dashboard may query: those a schedule writes to, then the configured ones. A
 * request can only pick among these (by their redacted form), so it can never make the cluster
 * read an arbitrary storage URI.
 */
export function knownCollections(
  schedules: { id: string; label: string | null; backup_type: string | null; rawCollection: string | null }[],
  configured: string[],
): KnownCollection[] {
  const out = new Map<string, KnownCollection>();
  for (const s of schedules) {
    if (!s.rawCollection) continue;
    const collection = redactUri(s.rawCollection);
    const c = out.get(collection) ?? { collection, raw: s.rawCollection, schedules: [] };
    c.schedules.push({ id: s.id, label: s.label, backup_type: s.backup_type });
    out.set(collection, c);
  }
  for (const raw of configured) {
    const collection = redactUri(raw);
    // A configured URI with its secret is the usable form: it replaces a redacted one from SHOW SCHEDULES.
    const c = out.get(collection);
    if (c) c.raw = raw;
    else out.set(collection, { collection, raw, schedules: [] });
  }
  return [...out.values()];
}

/**
 * check_files' error (backupccl show.go checkBackupFiles): "The following files are missing from the
 * backup:\n\t<f1>\n\t<f2>", or with ten or more "Multiple files cannot be read from the backup
 * including:" and the first ten. Null when the message is not that error.
 */
export function missingFilesOf(message: string): string[] | null {
  const m = /(?:The following files are missing from the backup|Multiple files cannot be read from the backup including):\s*([\s\S]*)$/.exec(message);
  if (!m) return null;
  return m[1]
    .split(/\n\t|\n|\t|,\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** An error message with every URI in it redacted (a storage error may quote the URI it tried). */
export function redactMessage(message: string): string {
  // Trailing punctuation ("…=abc: access denied") is the sentence's, not the URI's.
  return redactStatement(message).replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s'"]+?)([:;,.)]*)(?=[\s'"]|$)/gi, (_, u: string, tail: string) => redactUri(u) + tail);
}

/** `… AS OF SYSTEM TIME '2026-11-25 22:20:00+00:00' …` in a scheduled backup's description → ISO, or null. */
export function asOfOf(description: string | null): string | null {
  const m = /AS OF SYSTEM TIME '(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(?:\+00(?::?00)?|Z)?'/i.exec(description ?? '');
  return m ? `${m[1]}T${m[2]}Z` : null;
}
