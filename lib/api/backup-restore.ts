/**
 * Per collection: to when it restores, the chain, the ready RESTORE statement, and an estimated
 * restore time (RTO) from past restores' throughput. Composes what lib/sql read: the chains
 * lib/sql/backups.ts read through its cache (no storage read of its own) and the finished RESTORE
 * jobs (lib/sql/restore-jobs.ts).
 */
import type { BackupCollection, CollectionRestore } from './types/backups';
import { encryptionOf, pathTimeMs, restorePointOf, restoreSourceOf, restoreStatement, rtoEstimate, targetOf, type Encryption, type RestoreSample } from '../domain/restore-point';
import { formatBytes } from '../format/bytes';
import { backupOptions } from '../schedules/command';
import { redactUri } from '../schedules/redact';
import type { ChainsRead } from '../sql/backups';
import type { FinishedRestore, FinishedRestores } from '../sql/restore-jobs';


/** What the schedules' backup statements say about a collection; nulls when no schedule writes to it. */
export function collectionTraits(statements: readonly string[]): { revision_history: boolean | null; encryption: Encryption | null; target: string | null } {
  if (statements.length === 0) return { revision_history: null, encryption: null, target: null };
  const options = statements.map((s) => backupOptions(s));
  const revision = options.some((os) => os.some((o) => o.name === 'revision_history' && o.value.toLowerCase() !== 'false'));
  const enc = options.map((os) => encryptionOf(os)).find((e) => e !== 'none') ?? 'none';
  return { revision_history: revision, encryption: enc, target: targetOf(statements[0]) };
}

/** The bytes a past restore read: the layers of its chain that existed when it started. */
function sampleOf(r: FinishedRestore, collections: BackupCollection[], chains: ChainsRead): RestoreSample | null {
  const src = restoreSourceOf(r.description);
  if (!src || !r.created || !r.finished) return null;
  const coll = collections.find((c) => c.collection === redactUri(src.collection));
  if (!coll?.backups) return null;
  const startMs = Date.parse(r.created);
  // FROM LATEST read the newest chain of that moment: the newest subdirectory named before it started.
  const path = src.path ?? coll.backups.find((p) => (pathTimeMs(p) ?? Infinity) <= startMs) ?? null;
  const rows = path === null ? undefined : chains.get(coll.collection)?.get(path);
  if (!rows) return null;
  const bytes = rows.filter((x) => x.end_time !== null && Date.parse(x.end_time) <= startMs).reduce((a, x) => a + (x.size_bytes ?? 0), 0);
  return { job_id: r.job_id, bytes, duration_s: Math.round((Date.parse(r.finished) - startMs) / 1000) };
}
function rtoNote(rto: CollectionRestore['rto'], finished: number, error: string | null): string {
  if (error) return `no estimate: the finished restores could not be read (${error})`;
  if (rto) return `at the median throughput of ${rto.samples} past restore${rto.samples === 1 ? '' : 's'} (${formatBytes(rto.bytes_per_s)}/s), assuming a restore reads the whole chain`;
  if (finished === 0) return 'no estimate: no restore finished within the 14 days CockroachDB keeps jobs';
  return `no estimate: ${finished} restore${finished === 1 ? '' : 's'} finished, but the size of the backups they read is not known here (only the newest chains are read)`;
}

/** Sets `restore` on every collection whose newest chain was read. */
export function addRestorePoints(
  input: { collections: BackupCollection[]; statements: Map<string, string[]>; chains: ChainsRead; nowMs: number; restores: FinishedRestores },
): void {
  const { collections, statements, chains, nowMs, restores } = input;
  const samples = {
    samples: restores.rows.map((r) => sampleOf(r, collections, chains)).filter((s): s is RestoreSample => s !== null),
    finished: restores.rows.length,
    error: restores.error,
  };
  for (const coll of collections) {
    const path = coll.backups?.[0];
    const rows = path === undefined ? undefined : chains.get(coll.collection)?.get(path);
    if (path === undefined || !rows) {
      coll.restore = null;
      continue;
    }
    const point = restorePointOf(rows, nowMs);
    const traits = collectionTraits(statements.get(coll.collection) ?? []);
    const rto = rtoEstimate(point.chain_bytes, samples.samples);
    coll.restore = {
      backup: path,
      ...point,
      rpo_s: point.newest_restorable === null ? null : Math.max(0, Math.round((nowMs - Date.parse(point.newest_restorable)) / 1000)),
      revision_history: traits.revision_history,
      encryption: traits.encryption,
      is_full_cluster: rows.find((r) => r.is_full_cluster !== null)?.is_full_cluster ?? null,
      restore_sql: restoreStatement({ target: traits.target, collection: coll.collection, asOf: point.newest_restorable, revisionHistory: traits.revision_history === true, encryption: traits.encryption ?? 'none' }),
      rto,
      rto_note: rtoNote(rto, samples.finished, samples.error),
    };
  }
}
