'use client';

import type { ChartLine, ChartRow, ValueUnit } from '@/lib/domain/chart-data';
import { formatIsoUtc, formatLocalDateTime } from '@/lib/format/time';
import { nodeColor } from './chart-colors';
import { exactValue } from './value-format';

interface Props {
  active?: boolean;
  label?: string | number;
  rows: ChartRow[];
  lines: ChartLine[];
  unit: ValueUnit;
  /** For last-completed-time: what a null means (the node restarted and has no completed backup since). */
  nullMeans?: string;
}

/** Node, time and exact value of every visible line at the hovered time. */
export function ChartTooltip({ active, label, rows, lines, unit, nullMeans }: Props) {
  if (!active || label === undefined) return null;
  const t = Number(label);
  const row = rows.find((r) => r.t === t);
  if (!row) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white/95 px-2.5 py-1.5 text-xs shadow-md dark:border-zinc-700 dark:bg-zinc-900/95">
      <p className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100">
        {formatLocalDateTime(t)} <span className="font-normal text-zinc-500 dark:text-zinc-400">{formatIsoUtc(t)}</span>
      </p>
      <table className="mt-1">
        <tbody>
          {lines.map((l) => {
            const v = row[l.key];
            return (
              <tr key={l.key}>
                <td className="pr-2">
                  <span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: nodeColor(l.nodeId) }} />
                  {l.label}
                </td>
                <td className="text-right font-medium tabular-nums">{v === null || v === undefined ? <span className="text-zinc-500 dark:text-zinc-400">{nullMeans && v === null ? nullMeans : 'no data'}</span> : exactValue(unit, v)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
