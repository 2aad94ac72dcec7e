'use client';

import { useParams } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { tileDrillHref } from '@/lib/domain/drill';
import type { NodeColumn } from '@/lib/domain/node-columns';
import { statusTiles } from '@/lib/domain/status-tiles';
import { ExplainToggle } from '@/components/ui/explain-toggle';
import { StatusTile } from './status-tile';
import type { CounterWindow } from '@/lib/api/types/metrics';

// Phone (2 columns): nodes, then the three protected-timestamp holders, then the rest; the last tile spans the row.
const PHONE_ORDER: Record<string, string> = {
  nodes: 'max-sm:order-1',
  'pts-backup-jobs': 'max-sm:order-2',
  'pts-backup-schedules': 'max-sm:order-3',
  'pts-restore-jobs': 'max-sm:order-4',
  'last-backup': 'max-sm:order-5',
  'schedules-failed': 'max-sm:order-6',
  'retry-errors': 'max-sm:order-7',
  'backup-jobs': 'max-sm:order-8',
  'restore-jobs': 'max-sm:order-9 max-sm:col-span-2',
};

/** The incident summary: nodes, freshness, failures, retries, jobs, protected timestamps. */
export function StatusTiles({ columns, now, windows }: { columns: NodeColumn[]; now: number; windows?: Record<string, CounterWindow[]> }) {
  const tiles = statusTiles(columns, now, windows);
  const params = useParams<{ cluster?: string }>();
  const cluster = params?.cluster ? decodeURIComponent(params.cluster) : null;
  return (
    <section aria-label="Status" className="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 lg:grid-cols-6">
      {tiles.map((t) => (
        // The three protected-timestamp tiles fill the second row on a laptop; on a phone the blind
        // spots and who holds protected timestamps come first (PHONE_ORDER). The "i" is the hover text, by tap.
        <div key={t.id} className={cn('relative [&>a]:h-full [&>div]:h-full', t.id.startsWith('pts-') && 'lg:col-span-2', PHONE_ORDER[t.id])}>
          <StatusTile tile={t} href={cluster ? tileDrillHref(cluster, t.id) : null} />
          <ExplainToggle text={t.explain} label={t.label} />
        </div>
      ))}
    </section>
  );
}
