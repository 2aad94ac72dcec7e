'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useNow } from '@/components/hooks/use-now';
import { SqlBox } from '@/components/jobs/sql-box';
import { backupsApiHref } from '@/components/schedules/hrefs';
import { CARD, Empty, H2, Loading, PageHeader, SqlUnavailable } from '@/components/schedules/page-header';
import { useBackups } from '@/components/schedules/use-schedules';
import { parseViewParams, refreshMs, viewDefaults } from '@/lib/links';
import { BackupObjectsTable } from './backup-objects';
import { BackupTrends } from './backup-trends';
import { CollectionCard } from './collection-card';
import { RelistButton } from './relist-button';
import { ValidateBackup } from './validate-backup';

/**
 * The backup inventory: every collection a schedule writes to, the chosen backup's contents, and
 * trends. The server caches the storage reads (a minute for a listing); auto-refresh is off unless
 * the link says `refresh=` (the list changes at most at each scheduled run), and Re-list reads
 * storage again on purpose.
 */
export function BackupsView({ cluster }: { cluster: { id: string; name: string } }) {
  const sp = useSearchParams();
  const view = parseViewParams(sp, viewDefaults(usePathname()));
  const collection = sp.get('collection') ?? undefined;
  const backup = collection ? (sp.get('backup') ?? undefined) : undefined;
  const href = backupsApiHref(cluster.id, { collection, backup });
  const { data, error, isLoading, isValidating, mutate } = useBackups(href, refreshMs(view.refresh));
  const now = useNow(0);
  const selected = data?.selected ?? null;
  const chosenHere = selected && selected.collection === collection && selected.backup === backup;

  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
      <PageHeader cluster={cluster} crumbs={[{ label: 'backups' }]} title="Backups" refresh={view.refresh}>
        <RelistButton href={href} mutate={mutate} />
      </PageHeader>
      {error && <SqlUnavailable error={error} what="The backups" />}
      {isLoading && !data && <Loading text="Reading SHOW BACKUPS IN each collection…" />}
      {data && (
        <>
          {data.collections.length === 0 ? (
            <Empty>No schedule writes to a collection. The inventory lists the collections of backup schedules.</Empty>
          ) : (
            <div aria-busy={isValidating} className="grid gap-3 md:grid-cols-2">
              {data.collections.map((c) => (
                <CollectionCard key={c.collection} cluster={cluster.id} c={c} now={now} selected={c.collection === collection} chosen={c.collection === collection ? (backup ?? null) : null} />
              ))}
            </div>
          )}

          {backup && collection && (
            <section aria-labelledby="chosen" className={`${CARD} flex flex-col gap-3`}>
              <div className="flex flex-col gap-1">
                <h2 id="chosen" className="text-base font-semibold">
                  Backup <span className="font-mono">{backup}</span>
                </h2>
                <p className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">
                  SHOW BACKUP FROM &apos;{backup}&apos; IN &apos;{collection}&apos;
                </p>
              </div>
              <ValidateBackup key={`${collection}|${backup}`} cluster={cluster.id} collection={collection} backup={backup} />
              {chosenHere ? (
                selected.rows.length === 0 ? <Empty>SHOW BACKUP returned no objects.</Empty> : <BackupObjectsTable rows={selected.rows} />
              ) : (
                <Loading text="Reading SHOW BACKUP…" />
              )}
              {chosenHere && <SqlBox sql={selected.sql} note="(the chosen backup)" />}
            </section>
          )}
          {!backup && data.collections.length > 0 && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Choose a backup {collection ? <>of <span className="font-mono text-xs break-all">{collection}</span> </> : ''}above to see its databases and tables, and to validate its files.
            </p>
          )}

          <section aria-labelledby="trends" className="flex flex-col gap-3">
            <h2 id="trends" className={`${H2} text-base`}>
              Trends
            </h2>
            <BackupTrends cluster={cluster.id} trends={data.trends} />
          </section>
          {data.sql.length > 0 && <SqlBox sql={data.sql.join(';\n')} note="(what this page ran)" />}
        </>
      )}
    </main>
  );
}
