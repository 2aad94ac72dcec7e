import { cn } from '@/components/ui/cn';
import type { TileModel, Tone } from '@/lib/domain/status-tiles';

const FRAME: Record<Tone, string> = {
  ok: 'border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
  neutral: 'border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
  unknown: 'border-dashed border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900/60',
  warn: 'border-amber-300 bg-amber-50 dark:border-amber-700/70 dark:bg-amber-950/40',
  critical: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/50',
};

const VALUE: Record<Tone, string> = {
  ok: 'text-zinc-900 dark:text-zinc-50',
  neutral: 'text-zinc-900 dark:text-zinc-50',
  unknown: 'text-zinc-500 dark:text-zinc-400',
  warn: 'text-amber-800 dark:text-amber-300',
  critical: 'text-red-700 dark:text-red-400',
};

const DOT: Record<Tone, string> = {
  ok: 'bg-emerald-500',
  neutral: 'bg-zinc-300 dark:bg-zinc-600',
  unknown: 'bg-zinc-300 dark:bg-zinc-600',
  warn: 'bg-amber-500',
  critical: 'bg-red-500',
};

/** One number that matters in an incident; what it means, its thresholds and caveats on hover. */
export function StatusTile({ tile, href }: { tile: TileModel; href?: string | null }) {
  const body = (
    <div
      role="group"
      aria-label={tile.label}
      data-testid="status-tile"
      data-tone={tile.tone}
      title={tile.explain}
      className={cn('flex h-full min-w-0 flex-col rounded-lg border px-3 py-2.5', href ? 'cursor-pointer' : 'cursor-help', FRAME[tile.tone])}
    >
      <div className="flex items-baseline gap-1.5 pr-5 text-xs leading-tight font-medium text-zinc-600 dark:text-zinc-400">
        <span aria-hidden className={cn('size-1.5 shrink-0 -translate-y-px rounded-full', DOT[tile.tone])} />
        <span>{tile.label}</span>
      </div>
      <div className="mt-1 flex flex-wrap items-baseline gap-x-3">
        {tile.values.map((v, i) => (
          <span key={i} className={cn('text-xl font-semibold tabular-nums sm:text-2xl', VALUE[v.tone ?? tile.tone])}>
            {v.text}
            {v.unit && <span className="ml-1 text-xs font-normal text-zinc-500 dark:text-zinc-400">{v.unit}</span>}
          </span>
        ))}
      </div>
      <p className="mt-auto line-clamp-2 pt-1 text-xs text-zinc-500 dark:text-zinc-400">{tile.detail}</p>
    </div>
  );
  if (!href) return body;
  // A real link to the jobs behind the tile (lib/domain/drill.ts): opens in a new tab, copies.
  return (
    <a href={href} data-drill className="block h-full rounded-lg hover:ring-2 hover:ring-emerald-500/40 focus-visible:outline-2 focus-visible:outline-emerald-600">
      {body}
    </a>
  );
}
