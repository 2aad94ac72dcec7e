'use client';

import { useParams } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { tileDrillHref } from '@/lib/domain/drill';
import type { NodeColumn } from '@/lib/domain/node-columns';
import { statusTiles } from '@/lib/domain/status-tiles';
import { StatusTile } from './status-tile';
import type { CounterWindow } from '@/lib/api/types/metrics';

/** The incident summary: nodes, freshness, failures, retries, jobs, protected timestamps. */
export function StatusTiles({ columns, now, windows }: { columns: NodeColumn[]; now: number; windows?: Record<string, CounterWindow[]> }) {
  const tiles = statusTiles(columns, now, windows);
  const params = useParams<{ cluster?: string }>();
  const cluster = params?.cluster ? decodeURIComponent(params.cluster) : null;
  return (
    <section aria-label="Status" className="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 lg:grid-cols-6">
      {tiles.map((t, i) => (
        // The three protected-timestamp tiles fill the second row on a laptop; on a phone (2 columns)
        // the ninth tile takes the whole last row instead of leaving a hole.
        <div key={t.id} className={cn('[&>*]:h-full', t.id.startsWith('pts-') && 'lg:col-span-2', i === tiles.length - 1 && 'max-sm:col-span-2')}>
          <StatusTile tile={t} href={cluster ? tileDrillHref(cluster, t.id) : null} />
        </div>
      ))}
    </section>
  );
}
