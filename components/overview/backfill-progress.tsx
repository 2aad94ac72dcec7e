'use client';

import { useEffect, useRef, useState } from 'react';
import { useSWRConfig } from 'swr';
import type { BackfillStatus } from '@/lib/api/types/history';

const POLL_MS = 3_000;
const CHARTS_EVERY_MS = 20_000;

function eta(s: number | null): string {
  if (s === null) return '';
  if (s < 60) return `about ${Math.max(1, s)} s left`;
  if (s < 3600) return `about ${Math.round(s / 60)} min left`;
  return `about ${(s / 3600).toFixed(1)} h left`;
}

const ENDED = new Set(['done', 'failed', 'off']);

/**
 * The status, polled with a plain loop and a deadline per request rather than SWR's refresh: on a
 * server busy writing the backfill an answer can take seconds, and a poll must never stop for good.
 */
function useBackfillStatus(cluster: string): BackfillStatus | null {
  const [data, setData] = useState<BackfillStatus | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const res = await fetch(`/api/v1/clusters/${encodeURIComponent(cluster)}/history/backfill`, { signal: AbortSignal.timeout(15_000), cache: 'no-store' });
        if (res.ok) {
          const d = (await res.json()) as BackfillStatus;
          if (stopped) return;
          setData(d);
          if (ENDED.has(d.state)) return;
        }
      } catch {
        // A slow or failed poll: try again on the next tick.
      }
      if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [cluster]);
  return data;
}

/**
 * The day-one backfill's progress (GET …/history/backfill) while it runs: a bar with the share done
 * and an ETA, gone when done; the error when it failed (e.g. the DB Console login it needs). Each
 * step of progress revalidates the charts, so the recent panels fill as their stretch lands.
 */
export function BackfillProgress({ cluster }: { cluster: string }) {
  const data = useBackfillStatus(cluster);
  const { mutate } = useSWRConfig();
  const last = useRef<{ at: number; state: string } | null>(null);
  const state = data?.state ?? null;
  const done = data?.done_points ?? null;
  useEffect(() => {
    if (state === null) return;
    const prev = last.current;
    const now = Date.now();
    // At most every CHARTS_EVERY_MS while running, and once when it ends: a dozen charts refetching
    // on every step would queue behind each other (six connections a host) and stall this poll too.
    const due = prev !== null && ((state === 'running' && now - prev.at >= CHARTS_EVERY_MS) || (state !== 'running' && prev.state === 'running'));
    if (prev === null || due) last.current = { at: now, state };
    else last.current = { ...prev, state };
    if (due) void mutate((key) => typeof key === 'string' && key.includes(`/clusters/${encodeURIComponent(cluster)}/metrics/`));
  }, [state, done, cluster, mutate]);

  if (!data) return null;
  if (data.state === 'failed' && data.error)
    return (
      <p role="status" data-testid="backfill-error" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
        History before this dashboard started is not loaded: {data.error.message}
      </p>
    );
  if (data.state === 'idle' && data.note?.startsWith('queued'))
    return (
      <p role="status" data-testid="backfill-queued" className="text-xs text-zinc-500 dark:text-zinc-400">
        History before this dashboard started will be loaded from CockroachDB&apos;s time-series store once the clusters ahead of this one are done.
      </p>
    );
  if (data.state !== 'running') return null;
  const pct = data.total_points > 0 ? Math.min(100, Math.floor((100 * data.done_points) / data.total_points)) : 0;
  const from = data.from ? new Date(data.from).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : null;
  return (
    <div role="status" data-testid="backfill-progress" className="flex flex-col gap-1 rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span>
          Loading history{from ? ` since ${from}` : ''} from CockroachDB&apos;s time-series store — newest first
        </span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {pct}%{data.eta_s !== null ? ` · ${eta(data.eta_s)}` : ''}
        </span>
      </div>
      <div className="h-1.5 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800" aria-hidden>
        <div className="h-full rounded bg-emerald-600 transition-[width] duration-500 dark:bg-emerald-500" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
