import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { backupsHref, scheduleHref } from '@/components/schedules/hrefs';
import { LINK } from '@/components/schedules/page-header';
import { formatAgo } from '@/lib/format/duration';
import type { BackupCollection } from '@/lib/api/types/backups';
import { RestorePointView } from './restore-point';

const SHOWN = 8;

/** One collection: the schedules writing to it and SHOW BACKUPS IN, newest first; each backup is a shareable link. */
export function CollectionCard({ cluster, c, now, selected, chosen }: { cluster: string; c: BackupCollection; now: number; selected: boolean; chosen: string | null }) {
  const backups = c.backups ?? [];
  const item = (b: string) => {
    const active = b === chosen;
    return (
      <li key={b}>
        <Link
          href={backupsHref(cluster, { collection: c.collection, backup: b })}
          scroll={false}
          aria-current={active ? 'true' : undefined}
          className={cn('block rounded px-1.5 py-0.5 font-mono text-xs', active ? 'bg-emerald-600 text-white dark:bg-emerald-500 dark:text-zinc-950' : 'text-emerald-700 hover:bg-zinc-100 dark:text-emerald-400 dark:hover:bg-zinc-800')}
        >
          {b}
        </Link>
      </li>
    );
  };
  return (
    <section
      aria-label={`Collection ${c.collection}`}
      aria-current={selected ? 'true' : undefined}
      data-testid="collection"
      data-collection={c.collection}
      className={cn('flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900', selected && 'ring-2 ring-emerald-600 dark:ring-emerald-500')}
    >
      <h2 className="font-mono text-sm font-semibold break-all">{c.collection}</h2>
      {c.as_of && now > 0 && (
        // The server keeps a listing for a minute (storage reads are slow and billed): say how old it is.
        <p data-testid="listed-at" className="text-xs text-zinc-500 dark:text-zinc-400">
          listed{' '}
          <time dateTime={c.as_of} title={`SHOW BACKUPS IN ran at ${c.as_of} (UTC); Re-list reads storage again`}>
            {formatAgo((now - Date.parse(c.as_of)) / 1000)}
          </time>
        </p>
      )}
      <p className="flex flex-wrap gap-x-2 text-xs text-zinc-600 dark:text-zinc-400">
        written by
        {c.schedules.map((s) => (
          <Link key={s.id} href={scheduleHref(cluster, s.id)} className={LINK}>
            {s.label ?? s.id}
            {s.backup_type ? ` (${s.backup_type.toLowerCase()})` : ''}
          </Link>
        ))}
      </p>
      {c.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          SHOW BACKUPS IN failed: {c.error}
        </p>
      ) : backups.length === 0 ? (
        <p className="text-sm text-zinc-500">No backups in this collection yet.</p>
      ) : (
        <>
          <RestorePointView r={c.restore} />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {backups.length} full backup{backups.length === 1 ? '' : 's'} (each with the incrementals on top of it), newest first:
          </p>
          <ol aria-label={`Backups in ${c.collection}, newest first`} className="flex flex-wrap gap-1">
            {backups.slice(0, SHOWN).map(item)}
          </ol>
          {backups.length > SHOWN && (
            <details open={chosen !== null && backups.indexOf(chosen) >= SHOWN}>
              <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">{backups.length - SHOWN} older</summary>
              <ol className="mt-1 flex flex-wrap gap-1">{backups.slice(SHOWN).map(item)}</ol>
            </details>
          )}
        </>
      )}
    </section>
  );
}
