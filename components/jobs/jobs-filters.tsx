'use client';

import { useState, type FormEvent } from 'react';
import { DEFAULT_FROM, DEFAULT_TYPES } from '@/lib/jobs/filter-defaults';
import type { JobsLink } from '@/lib/jobs/href';
import { FilterChip } from './filter-chip';

const TYPES = ['BACKUP', 'RESTORE'] as const;
const STATUSES = ['running', 'retrying', 'retry-running', 'paused', 'pause-requested', 'failed', 'succeeded', 'canceled', 'reverting', 'retry-reverting', 'revert-failed', 'pending', 'cancel-requested'] as const;
const PRESETS = [
  ['now-1h', '1 h'],
  ['now-6h', '6 h'],
  ['now-12h', '12 h'],
  ['now-24h', '24 h'],
  ['now-7d', '7 d'],
  ['now-14d', '14 d'],
] as const;

const INPUT =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

const toggle = (list: readonly string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
// Unticking the last type goes back to the default, not to "all types" (an empty list means all).
const nonEmpty = (types: string[]) => (types.length > 0 ? types : [...DEFAULT_TYPES]);

/** ISO (or now-style) → the value of a datetime-local input in UTC ("2026-11-25T13:55"); "" for relative. */
const toInput = (v: string | undefined) => (v && /^\d{4}-/.test(v) ? v.slice(0, 16) : '');

/** Filters that live in the URL: type, status, time window, coordinator node, job id or text. */
export function JobsFilters({ link, onChange }: { link: JobsLink; onChange: (patch: Partial<JobsLink>) => void }) {
  const types = link.type ?? [...DEFAULT_TYPES];
  const statuses = link.status ?? [];
  const from = link.from ?? DEFAULT_FROM;
  const custom = !link.to ? !PRESETS.some(([v]) => v === from) : true;
  const [q, setQ] = useState(link.q ?? '');
  const [node, setNode] = useState(link.node !== undefined ? String(link.node) : '');
  const [absFrom, setAbsFrom] = useState(toInput(link.from));
  const [absTo, setAbsTo] = useState(toInput(link.to));

  function submit(e: FormEvent) {
    e.preventDefault();
    const patch: Partial<JobsLink> = { q: q.trim() || undefined, node: /^\d+$/.test(node) ? Number(node) : undefined };
    // datetime-local has no zone: the inputs are labelled UTC, so append Z.
    if (absFrom) patch.from = `${absFrom}:00Z`;
    if (absTo) patch.to = `${absTo}:00Z`;
    onChange(patch);
  }

  return (
    <section aria-label="Filters" className="flex flex-col gap-2.5 rounded-lg border border-zinc-200 bg-white px-3 py-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div role="group" aria-label="Type" className="flex flex-wrap items-center gap-1.5">
        <span className="w-14 text-xs font-medium text-zinc-500 dark:text-zinc-400">Type</span>
        {TYPES.map((t) => (
          <FilterChip key={t} label={t} pressed={types.length > 0 && types.includes(t)} onClick={() => onChange({ type: nonEmpty(toggle(types, t)) })} />
        ))}
        <FilterChip label="all types" pressed={types.length === 0} title="Every job type SHOW JOBS lists (automatic jobs excluded)" onClick={() => onChange({ type: types.length === 0 ? [...DEFAULT_TYPES] : [] })} />
      </div>
      <div role="group" aria-label="Status" className="flex flex-wrap items-center gap-1.5">
        <span className="w-14 text-xs font-medium text-zinc-500 dark:text-zinc-400">Status</span>
        {STATUSES.map((s) => (
          <FilterChip key={s} label={s} pressed={statuses.includes(s)} title={s === 'retrying' ? 'running jobs with execution errors' : undefined} onClick={() => onChange({ status: toggle(statuses, s) })} />
        ))}
        {link.scheduled && <FilterChip label="created by a schedule ✕" pressed onClick={() => onChange({ scheduled: false })} />}
        {link.retried && <FilterChip label="hit retryable errors ✕" pressed title="execution_errors is not empty" onClick={() => onChange({ retried: false })} />}
      </div>
      <div role="group" aria-label="Time window" className="flex flex-wrap items-center gap-1.5">
        <span className="w-14 text-xs font-medium text-zinc-500 dark:text-zinc-400">Window</span>
        {PRESETS.map(([v, label]) => (
          <FilterChip key={v} label={label} pressed={!custom && from === v} onClick={() => onChange({ from: v, to: undefined })} />
        ))}
        {custom && <span className="text-xs text-zinc-600 dark:text-zinc-400">{`${link.from ?? DEFAULT_FROM} → ${link.to ?? 'now'}`}</span>}
      </div>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 basis-52 flex-col gap-0.5 text-xs text-zinc-500 dark:text-zinc-400">
          Job id, description or error text
          <input type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. 1230656571303493635, movr or AccessDenied" className={INPUT} />
        </label>
        <label className="flex w-24 flex-col gap-0.5 text-xs text-zinc-500 dark:text-zinc-400">
          Node
          <input inputMode="numeric" name="node" value={node} onChange={(e) => setNode(e.target.value)} placeholder="any" className={INPUT} title="coordinator node id" />
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-zinc-500 dark:text-zinc-400">
          From (UTC)
          <input type="datetime-local" name="from" value={absFrom} onChange={(e) => setAbsFrom(e.target.value)} className={INPUT} />
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-zinc-500 dark:text-zinc-400">
          To (UTC)
          <input type="datetime-local" name="to" value={absTo} onChange={(e) => setAbsTo(e.target.value)} className={INPUT} />
        </label>
        <button type="submit" className="rounded-md bg-emerald-600 px-3 py-1 text-sm font-medium text-white hover:bg-emerald-700 focus-visible:outline-2 focus-visible:outline-emerald-600">
          Apply
        </button>
      </form>
    </section>
  );
}
