'use client';

import { useHydrated } from '@/components/hooks/use-hydrated';
import { formatAgo } from '@/lib/format/duration';
import { formatIsoUtc, formatLocalDateTime, formatLocalTime } from '@/lib/format/time';

const DAY_MS = 86_400_000;

/**
 * A point in time as "20:43:52 (12 s ago)", local; the exact UTC ISO-8601 on hover. Until
 * hydration the server cannot know the browser's zone, so it prints UTC, labelled as such.
 */
export function LocalTime({ ms, now, relative = true, className }: { ms: number; now: number; relative?: boolean; className?: string }) {
  const hydrated = useHydrated();
  const iso = formatIsoUtc(ms);
  const far = Math.abs(now - ms) > DAY_MS;
  const clock = hydrated ? (far ? formatLocalDateTime(ms) : formatLocalTime(ms)) : `${iso.slice(11, 19)} UTC`;
  return (
    <time dateTime={iso} title={`${iso} (UTC)`} className={className}>
      {clock}
      {relative && <span className="text-zinc-500 dark:text-zinc-400"> ({formatAgo((now - ms) / 1000)})</span>}
    </time>
  );
}
