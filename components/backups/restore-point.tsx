import { CopyButton } from '@/components/jobs/copy-button';
import { exactUtc } from '@/components/jobs/rel-time';
import type { CollectionRestore } from '@/lib/api/types/backups';
import { formatBytes } from '@/lib/format/bytes';
import { formatDuration } from '@/lib/format/duration';

/** "2026-11-20 00:00 UTC": short enough for one line; the exact instant is in the API and the tooltip. */
const shortUtc = (iso: string) => exactUtc(iso).replace('T', ' ').replace(/(:\d{2})?(\.\d+)?Z$/, ' UTC');

const DT = 'text-xs text-zinc-500 dark:text-zinc-400';
const DD = 'text-sm text-zinc-900 dark:text-zinc-100';

const ENCRYPTION: Record<NonNullable<CollectionRestore['encryption']>, string> = {
  none: 'not encrypted',
  encryption_passphrase: 'encryption_passphrase',
  kms: 'KMS (kms = …)',
};

/**
 * "Can we restore, and to when?": the newest restorable time with the data a restore now would lose
 * (RPO) and the estimated restore time (RTO), the chain, revision history and encryption, and the
 * RESTORE statement to copy. Ages are against the cluster's clock, as the server measured them.
 */
export function RestorePointView({ r }: { r: CollectionRestore | null | undefined }) {
  if (r === undefined) return null;
  if (r === null) return <p className="text-xs text-zinc-500 dark:text-zinc-400">Restore point unknown: the newest chain could not be read for this answer (Re-list to try again).</p>;
  const revision = r.revision_history === null ? 'unknown (no schedule writes here)' : r.revision_history ? 'yes: any time from the full backup to the newest point' : 'no: only each layer’s end time';
  return (
    <div data-testid="restore-point" className="flex flex-col gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-2 dark:border-zinc-800 dark:bg-zinc-950/40">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1.5 sm:grid-cols-3">
        <div className="col-span-2 sm:col-span-1">
          <dt className={DT}>Newest restorable time</dt>
          <dd className={`${DD} font-semibold`} data-testid="newest-restorable">
            {r.newest_restorable ? (
              <time dateTime={r.newest_restorable} className="whitespace-nowrap">
                {shortUtc(r.newest_restorable)}
              </time>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt className={DT} title="Recovery point: data written since the newest restorable time would be lost">RPO now</dt>
          <dd className={DD}>{r.rpo_s === null ? '—' : formatDuration(r.rpo_s)}</dd>
        </div>
        <div>
          <dt className={DT} title={r.rto_note}>Est. restore time (RTO)</dt>
          <dd className={DD} data-testid="rto">
            {r.rto ? `≈ ${formatDuration(r.rto.estimate_s)}` : 'no estimate'}
            <span className="block text-xs text-zinc-500 dark:text-zinc-400" title={r.rto_note}>
              {r.rto ? `from ${r.rto.samples} past restore${r.rto.samples === 1 ? '' : 's'} at ${formatBytes(r.rto.bytes_per_s)}/s` : r.rto_note.replace(/^no estimate: /, '')}
            </span>
          </dd>
        </div>
        <div>
          <dt className={DT}>Chain</dt>
          <dd className={DD}>
            {r.chain_length} layer{r.chain_length === 1 ? '' : 's'} · {formatBytes(r.chain_bytes)}
          </dd>
        </div>
        <div>
          <dt className={DT}>Full backup</dt>
          <dd className={DD}>{r.full_age_s === null ? '—' : `${formatDuration(r.full_age_s)} old`}</dd>
        </div>
        <div>
          <dt className={DT}>revision_history</dt>
          <dd className={DD} data-testid="revision-history">{revision}</dd>
        </div>
        <div>
          <dt className={DT}>Encryption</dt>
          <dd className={DD}>{r.encryption === null ? 'unknown' : ENCRYPTION[r.encryption]}</dd>
        </div>
      </dl>
      <div className="flex items-start justify-between gap-2">
        <code data-testid="restore-sql" className="min-w-0 font-mono text-xs break-all text-zinc-800 dark:text-zinc-200">
          {r.restore_sql}
        </code>
        <CopyButton text={r.restore_sql} label="Copy RESTORE" />
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {r.revision_history ? 'Move AS OF SYSTEM TIME back to restore an earlier point (not before the full backup). ' : ''}
        {/redacted/i.test(r.restore_sql) ? 'The collection’s secret is redacted: put the real credentials (or an external connection) in before running. ' : ''}
        Restoring over existing objects fails: restore under another name (WITH new_db_name) or drop them first.
      </p>
    </div>
  );
}
