/**
 * Validate: SHOW BACKUP … WITH check_files, on request only, never cached. Only a collection the
 * schedules (or BACKUP_COLLECTIONS) name can be checked (lib/sql/backups.ts pick()).
 */
import type { ClusterConfig } from '../config';
import { missingFilesOf, normalizeBackupPath, redactMessage } from '../schedules/backup-paths';
import type { BackupValidation } from '../api/types/backups';
import { isoTimestamp, rawTypes } from './pg-types';
import { notFoundOr, pick, readKnown, showBackupSql } from './backups';
import { STATEMENT_TIMEOUT_MS } from './pool';
import { withReadOnly, type Session } from './session';

/**
 * check_files reads the metadata of every file of the chain from storage: on a large backup that
 * takes far longer than the pool's 10 s statement_timeout. Validate is on request only, so it gets
 * its own deadline, on this session only, restored right after.
 */
export const VALIDATE_TIMEOUT_MS = 120_000;

async function withLongerTimeout<T>(c: Session, ms: number, fn: (timeouts: { query_timeout: number }) => Promise<T>): Promise<T> {
  await c.query(`SET statement_timeout = '${Math.round(ms)}ms'`);
  try {
    // pg's own client-side deadline (pool.ts query_timeout) must not fire first.
    return await fn({ query_timeout: ms + 5_000 });
  } finally {
    await c.query(`SET statement_timeout = '${STATEMENT_TIMEOUT_MS}ms'`);
  }
}

/** The check, the chain's layers it returned (to say to when it restores) and the schedules' statements (revision history). */
export interface ValidateRead {
  validation: BackupValidation;
  chain: { backup_type: string | null; end_time: string | null; size_bytes: null }[];
  statements: string[];
}

export async function validateBackup(cluster: ClusterConfig, collection: string, backup: string): Promise<ValidateRead> {
  const path = normalizeBackupPath(backup);
  return withReadOnly(cluster, `validating backup ${path}`, async (c, info) => {
    const known = await readKnown(c, info);
    const k = pick(known.collections, collection, cluster.id);
    const sql = showBackupSql(path, k.collection, ' WITH check_files');
    const statements = known.statements.get(k.collection) ?? [];
    const checked_at = new Date().toISOString();
    try {
      const r = await withLongerTimeout(c, VALIDATE_TIMEOUT_MS, (timeouts) =>
        c.query({ text: 'SHOW BACKUP FROM $1 IN $2 WITH check_files', values: [path, k.raw], types: rawTypes, ...timeouts }),
      );
      // The rows are the chain's objects: their end times say to when it restores (show-backup.md: end_time).
      const chain = (r.rows as Record<string, unknown>[]).map((x) => ({ backup_type: x.backup_type === null ? null : String(x.backup_type), end_time: isoTimestamp(x.end_time), size_bytes: null }));
      return { validation: { collection: k.collection, backup: path, ok: true, missing_files: [], message: null, sql, checked_at }, chain, statements };
    } catch (err) {
      const message = redactMessage((err as { message?: string }).message ?? String(err));
      const missing = missingFilesOf(message);
      if (missing === null) throw notFoundOr(err, path);
      return { validation: { collection: k.collection, backup: path, ok: false, missing_files: missing, message, sql, checked_at, restorable: null }, chain: [], statements };
    }
  });
}
