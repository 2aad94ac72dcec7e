/**
 * A range answer (lib/api/metric-range.ts) → the rows a Recharts chart draws: `{t, n1, n2, agg}` per bucket
 * time, a missing key being a gap. Pure, so the units and the timestamp → age rule are tested
 * without a browser.
 */
import type { MetricKind } from '../catalog';
import type { HistorySourceSpan, Point, RangeFn } from '../api/types/history';

export interface RangeData {
  metric: string;
  from: string;
  to: string;
  step_s: number;
  fn: RangeFn;
  series: { node_id: number; points: Point[] }[];
  aggregate?: { how: 'sum' | 'max'; points: Point[] };
  /** Where the history came from (the API's `source`): the dashboard's recorder or Prometheus. */
  source?: 'embedded' | 'prometheus';
  /** Backfilled stretches and the recording's start (the API's `sources`). */
  sources?: HistorySourceSpan[];
}

export interface ChartLine {
  /** Row key: `n1`, `n2`, … or `agg`. */
  key: string;
  label: string;
  nodeId: number | null;
}

export type ChartRow = { t: number } & Record<string, number | null>;

/** What the y values are: drives the axis unit and the tooltip's wording. */
export type ValueUnit = 'count' | 'per_interval' | 'per_second' | 'seconds';

export const AGG_KEY = 'agg';

export function nodeKey(nodeId: number): string {
  return `n${nodeId}`;
}

/**
 * `schedules_BACKUP_last_completed_time` is drawn as the age of the last completed backup
 * (t − value): an age reads at a glance, a unix timestamp does not. CockroachDB prints 0 on a node
 * that restarted and has completed no backup since: unknown, so null (a gap), never a 50-year age.
 */
export function valueAt(kind: MetricKind, t: number, v: number): number | null {
  if (kind !== 'timestamp') return v;
  if (v === 0) return null;
  return Math.max(0, t / 1000 - v);
}

export function valueUnit(kind: MetricKind, fn: RangeFn): ValueUnit {
  if (kind === 'timestamp' || kind === 'age') return 'seconds';
  if (kind === 'counter' && fn === 'increase') return 'per_interval';
  if (kind === 'counter' && fn === 'rate') return 'per_second';
  return 'count';
}

export function chartRows(data: RangeData, kind: MetricKind, opts: { showAggregate: boolean; aggregateLabel: string }): { rows: ChartRow[]; lines: ChartLine[] } {
  const byT = new Map<number, ChartRow>();
  const put = (key: string, points: Point[]) => {
    for (const [t, v] of points) {
      let row = byT.get(t);
      if (!row) {
        row = { t } as ChartRow;
        byT.set(t, row);
      }
      row[key] = valueAt(kind, t, v);
    }
  };
  const lines: ChartLine[] = [];
  for (const s of data.series) {
    put(nodeKey(s.node_id), s.points);
    lines.push({ key: nodeKey(s.node_id), label: `n${s.node_id}`, nodeId: s.node_id });
  }
  if (opts.showAggregate && data.aggregate && data.aggregate.points.length > 0 && data.series.length > 0) {
    put(AGG_KEY, data.aggregate.points);
    lines.push({ key: AGG_KEY, label: opts.aggregateLabel, nodeId: null });
  }
  const sorted = [...byT.values()].sort((a, b) => a.t - b.t);
  // When nothing was recorded for a while (the dashboard itself was down), no row exists there
  // and Recharts would draw a straight line across; a row of nulls breaks every line instead.
  const stepMs = data.step_s * 1000;
  const rows: ChartRow[] = [];
  for (const row of sorted) {
    const prev = rows[rows.length - 1];
    if (prev && row.t - prev.t > 2 * stepMs) rows.push({ t: prev.t + stepMs } as ChartRow);
    rows.push(row);
  }
  // Recharts needs null (not undefined) to break a line, so fill the holes explicitly.
  for (const row of rows) for (const l of lines) if (!(l.key in row)) row[l.key] = null;
  return { rows, lines };
}

/** The axis unit for values up to `max` seconds, so ticks read "15 min", "3 h", not "10800". */
export function secondsScale(max: number): { div: number; unit: string } {
  if (max < 120) return { div: 1, unit: 's' };
  if (max < 2 * 3600) return { div: 60, unit: 'min' };
  if (max < 3 * 86400) return { div: 3600, unit: 'h' };
  return { div: 86400, unit: 'd' };
}

/** "1.2k", "3", "0.25": axis ticks, short. */
export function compactNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toFixed(0)}k`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(a < 1 && a > 0 ? 3 : 2)}`;
}

/** Axis caption under the metric name. */
export function unitCaption(unit: ValueUnit, stepS: number, ageLabel?: string): string {
  switch (unit) {
    case 'seconds':
      return ageLabel ?? 'age';
    case 'per_interval':
      return `increase per ${stepS < 60 ? `${stepS} s` : stepS < 3600 ? `${stepS / 60} min` : `${stepS / 3600} h`}`;
    case 'per_second':
      return 'per second';
    default:
      return 'count';
  }
}

/**
 * Y ticks for ages on round values of the axis unit ("0, 30, 60, 90 min"), which the seconds
 * Recharts sees would not give. Returns the ticks; the last is the axis maximum.
 */
export function secondsTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 60];
  const { div } = secondsScale(max);
  const raw = Math.max(max / div / count, 1e-9);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag * div;
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(t);
  return ticks;
}
