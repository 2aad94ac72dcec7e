/**
 * What the backups routes do: resolve the cluster, validate `collection` and `backup` (400), then
 * one lib call. The collection is matched later against the known ones (404), never used as given.
 */
import { ApiError } from '../errors';
import { BACKUP_PATH } from '../schedules/backup-paths';
import type { BackupsPage, BackupValidation } from './types/backups';
import { validateBackup } from '../sql/backup-validate';
import { restorePointOf } from '../domain/restore-point';
import { readBackups } from '../sql/backups';
import { addRestorePoints, collectionTraits } from './backup-restore';
import { resolveCluster } from './clusters';

function selection(search: URLSearchParams): { collection?: string; backup?: string } {
  const collection = search.get('collection') ?? undefined;
  const backup = search.get('backup') ?? undefined;
  if (collection !== undefined && (collection.trim() === '' || collection.length > 2048)) throw new ApiError('bad_request', 'collection must be the URI of a collection listed by this endpoint');
  if (backup !== undefined && !BACKUP_PATH.test(backup)) {
    throw new ApiError('bad_request', `backup must be a path as SHOW BACKUPS IN prints it, like /2026/11/25-180000.00, not "${backup.slice(0, 40)}"`);
  }
  if (backup !== undefined && collection === undefined) throw new ApiError('bad_request', 'backup needs collection: which collection is it in?');
  return { collection, backup };
}

/**
 * `fresh=1` re-reads SHOW BACKUPS IN and the chosen (and newest) chains instead of serving the
 * cache; a re-read already running for the same collection is joined, so clicks cannot pile up.
 */
export async function backupsForRequest(clusterId: string, search: URLSearchParams): Promise<BackupsPage> {
  const cluster = await resolveCluster(clusterId);
  const fresh = search.get('fresh');
  const read = await readBackups(cluster, { ...selection(search), fresh: fresh === '1' || fresh === 'true' });
  addRestorePoints({ collections: read.page.collections, statements: read.statements, chains: read.chains, nowMs: read.nowMs, restores: read.restores });
  return read.page;
}

export async function validateForRequest(clusterId: string, search: URLSearchParams): Promise<BackupValidation> {
  const cluster = await resolveCluster(clusterId);
  const sel = selection(search);
  if (sel.collection === undefined || sel.backup === undefined) throw new ApiError('bad_request', 'validate needs collection and backup');
  const { validation, chain, statements } = await validateBackup(cluster, sel.collection, sel.backup);
  if (!validation.ok) return validation;
  const point = restorePointOf(chain, Date.now());
  const revision = collectionTraits(statements).revision_history;
  return { ...validation, restorable: { newest: point.newest_restorable, earliest: revision ? point.full_end_time : null, revision_history: revision, layers: point.chain_length } };
}
