'use client';

import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import type { AlertState } from '@/lib/api/types/alerts';

/** The window resolved alerts are listed in (firing and pending are listed whatever it is). */
export const DEFAULT_WINDOW = { from: 'now-24h', to: 'now' } as const;

const PRESETS = [
  ['now-1h', '1 h'],
  ['now-6h', '6 h'],
  ['now-24h', '24 h'],
  ['now-7d', '7 d'],
] as const;

const STATE_LABEL: Record<AlertState, string> = { firing: 'Firing', pending: 'Pending', resolved: 'Resolved' };
// Firing first, as the list is ordered.
const ORDER: readonly AlertState[] = ['firing', 'pending', 'resolved'];

const BUTTON = 'px-2.5 py-1 text-sm focus-visible:outline-2 focus-visible:outline-emerald-600';
const PRESSED = 'bg-zinc-800 text-white dark:bg-zinc-200 dark:text-zinc-900';
const UNPRESSED = 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800';
const INPUT =
  'w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs text-zinc-900 focus-visible:outline-2 focus-visible:outline-emerald-600 sm:w-52 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/** Which states to list: buttons that switch each on or off (at least one stays on). */
export function StateFilter({ states, onToggle }: { states: readonly AlertState[]; onToggle: (s: AlertState) => void }) {
  return (
    <div role="group" aria-label="Alert states" className="inline-flex w-fit divide-x divide-zinc-300 overflow-hidden rounded-md border border-zinc-300 dark:divide-zinc-600 dark:border-zinc-700">
      {ORDER.map((s) => {
        const on = states.includes(s);
        return (
          <button key={s} type="button" aria-pressed={on} onClick={() => onToggle(s)} className={cn(BUTTON, on ? PRESSED : UNPRESSED)}>
            {STATE_LABEL[s]}
          </button>
        );
      })}
    </div>
  );
}

/** The window of resolved alerts: presets ending now, or from/to typed (ISO-8601 UTC or now-…). */
export function WindowPicker({ from, to, onChange }: { from: string; to: string; onChange: (w: { from?: string; to?: string }) => void }) {
  const key = `${from}|${to}`;
  const [draft, setDraft] = useState({ from, to, key });
  // A new window from the URL (a preset, back/forward) replaces what was typed.
  const current = draft.key === key ? draft : { from, to, key };
  const custom = to !== 'now' || !PRESETS.some(([ref]) => ref === from);
  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label="Resolved within" className="inline-flex w-fit divide-x divide-zinc-300 overflow-hidden rounded-md border border-zinc-300 dark:divide-zinc-600 dark:border-zinc-700">
        {PRESETS.map(([ref, label]) => {
          const on = from === ref && to === 'now';
          return (
            <button key={ref} type="button" aria-pressed={on} onClick={() => onChange({ from: ref, to: 'now' })} className={cn(BUTTON, on ? PRESSED : UNPRESSED)}>
              {label}
            </button>
          );
        })}
      </div>
      {/* Typed ends are the rarer need: folded away (open when the link carries them), so a phone sees the alerts sooner. */}
      <details open={custom} className="text-xs text-zinc-500 dark:text-zinc-400">
        <summary className="w-fit cursor-pointer select-none hover:text-zinc-900 dark:hover:text-zinc-100">Custom range</summary>
        <form
          className="mt-1 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            onChange({ from: current.from.trim() || DEFAULT_WINDOW.from, to: current.to.trim() || DEFAULT_WINDOW.to });
          }}
        >
          <label className="flex min-w-0 flex-col text-xs text-zinc-500 dark:text-zinc-400">
            From
            <input aria-label="From" value={current.from} onChange={(e) => setDraft({ ...current, from: e.target.value })} className={INPUT} placeholder="now-24h or 2026-11-25T14:00:00Z" />
          </label>
          <label className="flex min-w-0 flex-col text-xs text-zinc-500 dark:text-zinc-400">
            To
            <input aria-label="To" value={current.to} onChange={(e) => setDraft({ ...current, to: e.target.value })} className={INPUT} placeholder="now" />
          </label>
          <button type="submit" className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
            Apply
          </button>
        </form>
      </details>
    </div>
  );
}
