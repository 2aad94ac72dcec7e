import { formatAgo } from '@/lib/format/duration';
import { formatIsoUtc } from '@/lib/format/time';

/** "12 min ago", the exact UTC time on hover; "—" when the column is empty or missing on this version. */
export function RelTime({ iso, now }: { iso: string | null; now: number }) {
  if (!iso) return <span className="text-zinc-400">—</span>;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return <span>{iso}</span>;
  return (
    <time dateTime={iso} title={`${iso} (UTC)`} className="whitespace-nowrap">
      {formatAgo((now - ms) / 1000)}
    </time>
  );
}

export function exactUtc(iso: string | null): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? formatIsoUtc(ms) : iso;
}
