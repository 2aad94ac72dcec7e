/**
 * Validate: SHOW BACKUP … WITH check_files, on request only, never cached. Only a collection the
 * schedules (or BACKUP_COLLECTIONS) name can be checked (lib/sql/backups.ts pick()).
 */
import type { ClusterConfig } from '../config';
import { missingFilesOf, normalizeBackupPath, redactMessage } from '../schedules/backup-paths';
import type { BackupValidation } from '../api/types/backups';
import { rawTypes } from './pg-types';
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

export async function validateBackup(cluster: ClusterConfig, collection: string, backup: string): Promise<BackupValidation> {
  const path = normalizeBackupPath(backup);
  return withReadOnly(cluster, `validating backup ${path}`, async (c, info) => {
    const known = await readKnown(c, info);
    const k = pick(known.collections, collection, cluster.id);
    const sql = showBackupSql(path, k.collection, ' WITH check_files');
    const checked_at = new Date().toISOString();
    try {
      await withLongerTimeout(c, VALIDATE_TIMEOUT_MS, (timeouts) =>
        c.query({ text: 'SHOW BACKUP FROM $1 IN $2 WITH check_files', values: [path, k.raw], types: rawTypes, ...timeouts }),
      );
      return { collection: k.collection, backup: path, ok: true, missing_files: [], message: null, sql, checked_at };
    } catch (err) {
      const message = redactMessage((err as { message?: string }).message ?? String(err));
      const missing = missingFilesOf(message);
      if (missing === null) throw notFoundOr(err, path);
      return { collection: k.collection, backup: path, ok: false, missing_files: missing, message, sql, checked_at };
    }
  });
}
