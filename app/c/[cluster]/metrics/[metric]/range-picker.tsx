'use client';

import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import type { ViewParams } from '@/lib/links';

const PRESETS = [
  ['now-15m', '15 min'],
  ['now-1h', '1 h'],
  ['now-6h', '6 h'],
  ['now-24h', '24 h'],
  ['now-7d', '7 d'],
] as const;

const input =
  'w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs text-zinc-900 focus-visible:outline-2 focus-visible:outline-emerald-600 sm:w-56 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/** Presets (a relative range ending now) and an absolute from/to (ISO-8601 UTC or now-…). */
export function RangePicker({ from, to, onChange }: { from: string; to: string; onChange: (patch: Partial<ViewParams>) => void }) {
  const [draft, setDraft] = useState({ from, to, key: `${from}|${to}` });
  // A new range from the URL (a preset, a zoom, back/forward) replaces what was typed.
  const current = draft.key === `${from}|${to}` ? draft : { from, to, key: `${from}|${to}` };
  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label="Time range" className="inline-flex w-fit rounded-md border border-zinc-300 bg-white p-0.5 dark:border-zinc-700 dark:bg-zinc-900">
        {PRESETS.map(([ref, label]) => {
          const on = from === ref && to === 'now';
          return (
            <button
              key={ref}
              type="button"
              aria-pressed={on}
              onClick={() => onChange({ from: ref, to: undefined })}
              className={cn('rounded px-2 py-0.5 text-sm text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:text-zinc-400 dark:hover:text-zinc-100', on && 'bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-50')}
            >
              {label}
            </button>
          );
        })}
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ from: current.from.trim() || undefined, to: current.to.trim() === 'now' ? undefined : current.to.trim() || undefined });
        }}
      >
        <label className="flex flex-col text-xs text-zinc-500 dark:text-zinc-400">
          From
          <input aria-label="From" value={current.from} onChange={(e) => setDraft({ ...current, from: e.target.value })} className={input} placeholder="now-6h or 2026-11-25T14:00:00Z" />
        </label>
        <label className="flex flex-col text-xs text-zinc-500 dark:text-zinc-400">
          To
          <input aria-label="To" value={current.to} onChange={(e) => setDraft({ ...current, to: e.target.value })} className={input} placeholder="now" />
        </label>
        <button type="submit" className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
          Apply
        </button>
      </form>
    </div>
  );
}
