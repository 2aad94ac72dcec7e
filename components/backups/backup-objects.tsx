'use client';

import { Fragment, useState } from 'react';
import { exactUtc } from '@/components/jobs/rel-time';
import { formatBytes } from '@/lib/format/bytes';
import { formatCount } from '@/lib/format/number';
import type { BackupObjectRow } from '@/lib/api/types/backups';

export interface Layer {
  key: string;
  backup_type: string;
  start_time: string | null;
  end_time: string | null;
  rows: BackupObjectRow[];
  size_bytes: number;
  row_count: number;
}

const sum = (xs: (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

/** SHOW BACKUP's rows by layer: the full backup first, then each incremental by its end time. */
export function layersOf(rows: BackupObjectRow[]): Layer[] {
  const by = new Map<string, BackupObjectRow[]>();
  for (const r of rows) {
    const key = `${r.backup_type ?? '?'}|${r.end_time ?? ''}`;
    by.set(key, [...(by.get(key) ?? []), r]);
  }
  const layers = [...by.entries()].map(([key, rs]) => ({
    key,
    backup_type: rs[0].backup_type ?? '—',
    start_time: rs[0].start_time,
    end_time: rs[0].end_time,
    rows: rs,
    size_bytes: sum(rs.map((r) => r.size_bytes)),
    row_count: sum(rs.map((r) => r.rows)),
  }));
  const full = (l: Layer) => (l.backup_type.toLowerCase() === 'full' ? 0 : 1);
  return layers.sort((a, b) => full(a) - full(b) || (a.end_time ?? '').localeCompare(b.end_time ?? ''));
}

const TH = 'px-2 py-1.5 text-left font-medium whitespace-nowrap';
const TD = 'px-2 py-1 align-top';
const NUM = 'px-2 py-1 text-right tabular-nums whitespace-nowrap';

/**
 * The chosen backup's databases and tables, layer by layer, with totals. The full layer is open;
 * incrementals (a day of 15-minute ones is 96 layers) show one line each until opened.
 */
export function BackupObjectsTable({ rows }: { rows: BackupObjectRow[] }) {
  const layers = layersOf(rows);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(layers.slice(0, 1).map((l) => l.key)));
  const toggle = (key: string) => setOpen((prev) => (prev.has(key) ? new Set([...prev].filter((k) => k !== key)) : new Set([...prev, key])));
  const allOpen = layers.every((l) => open.has(l.key));
  return (
    <div className="flex flex-col gap-1">
      {layers.length > 1 && (
        <button type="button" onClick={() => setOpen(allOpen ? new Set() : new Set(layers.map((l) => l.key)))} className="self-end text-xs text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400">
          {allOpen ? 'Collapse every layer' : `Expand all ${layers.length} layers`}
        </button>
      )}
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table data-testid="backup-objects" className="w-full text-sm">
        <caption className="sr-only">Objects in the chosen backup, full layer first</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-300">
          <tr>
            <th scope="col" className={TH}>database_name</th>
            <th scope="col" className={TH}>parent_schema_name</th>
            <th scope="col" className={TH}>object_name</th>
            <th scope="col" className={TH}>object_type</th>
            <th scope="col" className={TH}>backup_type</th>
            <th scope="col" className={TH}>start_time</th>
            <th scope="col" className={TH}>end_time</th>
            <th scope="col" className={`${TH} text-right`}>size_bytes</th>
            <th scope="col" className={`${TH} text-right`}>rows</th>
          </tr>
        </thead>
        {layers.map((l, i) => (
          <Fragment key={l.key}>
            <tbody className="border-t border-zinc-200 dark:border-zinc-800">
              <tr className="bg-zinc-50 text-xs dark:bg-zinc-800/50">
                <th scope="rowgroup" colSpan={7} className="px-2 py-1 text-left font-semibold">
                  <button type="button" aria-expanded={open.has(l.key)} onClick={() => toggle(l.key)} className="inline-flex items-center gap-1 text-left hover:underline">
                    <span aria-hidden className="inline-block w-3">{open.has(l.key) ? '▾' : '▸'}</span>
                    {i === 0 && l.backup_type.toLowerCase() === 'full' ? 'Full backup' : `${l.backup_type} layer`} · up to {exactUtc(l.end_time)} · {l.rows.length} object{l.rows.length === 1 ? '' : 's'}
                    {/* On a phone the size columns are scrolled out of view: the layer's totals come along. */}
                    <span className="font-normal md:hidden">
                      {' '}
                      · {formatBytes(l.size_bytes)} · {formatCount(l.row_count)} rows
                    </span>
                  </button>
                </th>
                <td className={`${NUM} text-xs font-semibold`}>{formatBytes(l.size_bytes)}</td>
                <td className={`${NUM} text-xs font-semibold`}>{formatCount(l.row_count)}</td>
              </tr>
            </tbody>
            <tbody hidden={!open.has(l.key)} className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
              {l.rows.map((r, j) => (
                <tr key={j} data-testid="backup-object" className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                  <td className={TD}>{r.database_name ?? '—'}</td>
                  <td className={TD}>{r.parent_schema_name ?? '—'}</td>
                  <td className={`${TD} font-medium`}>{r.object_name ?? '—'}</td>
                  <td className={`${TD} text-xs`}>{r.object_type ?? '—'}</td>
                  <td className={`${TD} text-xs`}>{r.backup_type ?? '—'}</td>
                  <td className={`${TD} text-xs whitespace-nowrap`} title={r.start_time ?? ''}>{r.start_time ? exactUtc(r.start_time) : '—'}</td>
                  <td className={`${TD} text-xs whitespace-nowrap`} title={r.end_time ?? ''}>{exactUtc(r.end_time)}</td>
                  <td className={NUM} title={r.size_bytes === null ? '' : `${formatCount(r.size_bytes)} bytes`}>{formatBytes(r.size_bytes)}</td>
                  <td className={NUM}>{r.rows === null ? '—' : formatCount(r.rows)}</td>
                </tr>
              ))}
            </tbody>
          </Fragment>
        ))}
        <tfoot className="border-t-2 border-zinc-300 font-semibold dark:border-zinc-700">
          <tr>
            <th scope="row" colSpan={7} className="px-2 py-1.5 text-left">
              Total: {layers.length} layer{layers.length === 1 ? '' : 's'}, {rows.length} object{rows.length === 1 ? '' : 's'}
              <span className="font-normal md:hidden">
                {' '}
                · {formatBytes(sum(layers.map((l) => l.size_bytes)))} · {formatCount(sum(layers.map((l) => l.row_count)))} rows
              </span>
            </th>
            <td className={NUM} data-testid="backup-total-size">{formatBytes(sum(layers.map((l) => l.size_bytes)))}</td>
            <td className={NUM}>{formatCount(sum(layers.map((l) => l.row_count)))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
    </div>
  );
}
