/**
 * A schedule's `command` column → the backup statement, its collection, its options and the id of
 * the schedule it unpauses. SHOW SCHEDULES prints the execution args as JSON
 * (`{"backup_statement": "BACKUP INTO …", "backup_type": 1, "unpause_on_success": 5899…}`), SHOW
 * SCHEDULES FOR BACKUP and SHOW RUNNING SCHEDULES print the plain statement (reference §c.4):
 * both are read. `unpause_on_success` is a JSON number above 2^53 on real clusters: it is taken
 * from the text, never through JSON.parse into a number.
 */
import { redactUri } from './redact';

export interface ParsedCommand {
  /** The statement as CockroachDB printed it (its own redaction only). */
  statement: string | null;
  /** backup_type from the JSON (1 = INCREMENTAL, absent = FULL); null when not a backup or unknown. */
  backup_type: 'FULL' | 'INCREMENTAL' | null;
  unpause_on_success: string | null;
  /** updates_last_backup_metric from the JSON (protobuf JSON omits false); null when the command is plain text. */
  updates_metric: boolean | null;
}

export function parseCommand(raw: unknown): ParsedCommand {
  if (raw === null || raw === undefined) return { statement: null, backup_type: null, unpause_on_success: null, updates_metric: null };
  const text = typeof raw === 'string' ? raw.trim() : JSON.stringify(raw);
  if (!text.startsWith('{')) return { statement: text || null, backup_type: backupTypeOf(text), unpause_on_success: null, updates_metric: null };
  const unpause = /"unpause_on_success"\s*:\s*"?(\d{1,19})"?/.exec(text)?.[1] ?? null;
  let obj: Record<string, unknown> = {};
  try {
    obj = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON after all: treat the whole text as the statement
    return { statement: text, backup_type: backupTypeOf(text), unpause_on_success: unpause, updates_metric: null };
  }
  const statement = typeof obj.backup_statement === 'string' ? obj.backup_statement : null;
  // backup_type is an enum: 0/absent FULL, 1 INCREMENTAL (jobspb ScheduledBackupExecutionArgs); protobuf JSON may spell the name.
  const bt = obj.backup_type;
  const backup_type = statement === null ? null : bt === 1 || bt === 'INCREMENTAL' ? 'INCREMENTAL' : 'FULL';
  const um = obj.updates_last_backup_metric;
  return { statement, backup_type, unpause_on_success: unpause, updates_metric: statement === null ? null : um === true };
}

/** From the statement text: `INTO LATEST IN` is what an incremental schedule runs. */
function backupTypeOf(statement: string): 'FULL' | 'INCREMENTAL' | null {
  if (!/^\s*BACKUP\b/i.test(statement)) return null;
  return /\bINTO\s+LATEST\s+IN\b/i.test(statement) ? 'INCREMENTAL' : 'FULL';
}

const LIT = `'((?:[^']|'')*)'`;
const unquote = (s: string) => s.replace(/''/g, "'");

/**
 * The collection URI a backup statement writes to (`INTO '<uri>'`, `INTO LATEST IN '<uri>'`), as
 * printed; for a locality-aware backup (`INTO ('<uri>?COCKROACH_LOCALITY=default', …)`) the first URI.
 */
export function collectionOf(statement: string | null): string | null {
  if (!statement) return null;
  const m = new RegExp(`\\bINTO\\s+(?:LATEST\\s+IN\\s+)?\\(?\\s*${LIT}`, 'i').exec(statement);
  return m ? unquote(m[1]) : null;
}

/** The WITH options of a backup statement, values redacted: `revision_history`, `kms = '…'`. */
export function backupOptions(statement: string | null): { name: string; value: string }[] {
  if (!statement) return [];
  const m = /\bWITH\s+(?:OPTIONS\s*\()?(.*?)\)?\s*$/is.exec(statement.replace(new RegExp(LIT, 'g'), (x) => x.replace(/\bWITH\b/gi, 'W\u200bITH')));
  if (!m) return [];
  const out: { name: string; value: string }[] = [];
  const re = new RegExp(`([a-z_]+)\\s*(?:=\\s*(${LIT}|[^,]+))?\\s*(?:,|$)`, 'gi');
  for (const o of m[1].matchAll(re)) {
    const name = o[1].toLowerCase();
    let value = (o[2] ?? 'true').trim().replace(/\u200b/g, '');
    if (value.startsWith("'")) value = redactUri(unquote(value.slice(1, -1)));
    if (/passphrase/i.test(name)) value = 'redacted';
    out.push({ name, value });
  }
  return out;
}

