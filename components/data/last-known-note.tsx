import { formatIsoUtc, formatLocalDateTime, formatLocalTime } from '@/lib/format/time';
import type { LastKnown } from '@/lib/api/types/last-known';

function at(iso: string, now: number): string {
  const ms = Date.parse(iso);
  return Math.abs(now - ms) > 86_400_000 ? formatLocalDateTime(ms) : formatLocalTime(ms);
}

/**
 * "as of 14:02 (SQL unreachable since 14:05)": the page shows the cluster's last answer through an
 * outage, and says plainly that it is one. The error is one tap away (a summary, not a hover).
 */
export function LastKnownNote({ lastKnown, now, compact }: { lastKnown: LastKnown; now: number; compact?: boolean }) {
  const text = `as of ${at(lastKnown.as_of, now)} (SQL unreachable since ${at(lastKnown.unreachable_since, now)})`;
  const title = `last answer ${formatIsoUtc(Date.parse(lastKnown.as_of))}; SQL unreachable since ${formatIsoUtc(Date.parse(lastKnown.unreachable_since))} (UTC)`;
  if (compact)
    return (
      <span data-testid="last-known" title={`${title}: ${lastKnown.error.message}`} className="text-xs font-medium text-amber-800 dark:text-amber-300">
        {text}
      </span>
    );
  return (
    <details data-testid="last-known" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100">
      <summary className="cursor-pointer" title={title}>
        <strong>Last known answer</strong>, {text}. Nothing below is newer than that.
      </summary>
      <p className="mt-1 text-xs break-words">{lastKnown.error.message}</p>
    </details>
  );
}
