'use client';

import { HistorySourceNote } from '@/components/charts/history-source-note';
import { useMemo, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MouseHandlerDataParam } from 'recharts';
import { AGG_KEY, chartRows, secondsTicks, unitCaption, valueUnit, type RangeData } from '@/lib/domain/chart-data';
import { timeTicks, type TimeTicks } from '@/lib/domain/time-ticks';
import type { MetricKind } from '@/lib/catalog';
import type { JobEvent } from '@/lib/jobs/events';
import { clipWindows, type AlertWindow } from '@/lib/domain/alert-view';
import { spikeClip } from '@/lib/domain/chart-scale';
import { AlertWindowsNote, alertWindowAreas } from './alert-windows';
import { ChartLegend } from './chart-legend';
import { nodeColor } from './chart-colors';
import { ChartState } from './chart-state';
import { ChartTooltip } from './chart-tooltip';
import { describeEvent, EVENT_LANE_PX, JobEventCard, JobEventMarkers, type EventHover } from './job-event-markers';
import { PointDrill, type DrillAt } from './point-drill';
import { tickFormatter } from './value-format';

/** What the chart needs to know about the metric: plain data from lib/catalog.ts. */
export interface ChartMetric {
  exported: string;
  kind: MetricKind;
  aggregate: 'sum' | 'max';
  /** An `above` threshold from the catalog, drawn as a line. */
  threshold?: { value: number; why: string };
}

export interface MetricChartProps {
  metric: ChartMetric;
  data: RangeData | undefined;
  error?: string | null;
  loading: boolean;
  height: number;
  showAggregate?: boolean;
  /** Aggregate label: over every node, or only the ones shown. */
  aggregateLabel?: string;
  hidden?: ReadonlySet<string>;
  onToggle?: (key: string) => void;
  /** Called with the dragged-across range; without it, dragging does nothing. */
  onZoom?: (fromMs: number, toMs: number) => void;
  /** A page's main chart names itself; small overview charts are named by their card. */
  ariaLabel?: string;
  /** Time-axis ticks at most (fewer on a small chart). */
  maxTicks?: number;
  /** For job and schedule metrics: the jobs-explorer link for a point (lib/domain/drill.ts); a click offers it. */
  drillAt?: DrillAt;
  /** Job events to mark (already chosen: mode, nodes); with `eventHref`, a lane above the plot holds them. */
  events?: readonly JobEvent[];
  /** The job page of a marker (lib/jobs/href.ts jobHref). Without it, no marker lane. */
  eventHref?: (jobId: string) => string;
  /** A short note about the markers, e.g. "job events unavailable", shown in the caption. */
  eventsNote?: string | null;
  /** When an alert on this metric fired (lib/domain/alert-view.ts): shaded behind the lines. */
  alertWindows?: readonly AlertWindow[];
  /** E.g. "alert windows unavailable", shown in the caption. */
  alertsNote?: string | null;
  /** Clip the y axis at a robust top when a spike flattens the rest (lib/domain/chart-scale.ts); the caption says so. */
  clip?: boolean;
  /** With it, the caption offers the clip (or the full scale back) when a spike stands out. */
  onClip?: (on: boolean) => void;
}

const TIME_FMT: Record<TimeTicks['precision'], Intl.DateTimeFormat> = {
  seconds: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
  minutes: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  days: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};
const NO_HIDDEN: ReadonlySet<string> = new Set();
const EVENT_FMT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const formatEventTime = (t: number) => EVENT_FMT.format(t);
const NO_EVENTS: readonly JobEvent[] = [];
const NO_WINDOWS: readonly AlertWindow[] = [];

function labelOf(s: MouseHandlerDataParam): number | null {
  const v = Number(s.activeLabel);
  return s.activeLabel === undefined || Number.isNaN(v) ? null : v;
}

/**
 * One metric over time: a line per node plus the cluster aggregate (sum, or max per the catalog),
 * a legend that toggles lines, a tooltip with node, time and exact value, and the four states.
 * Takes plain data and never fetches (components/charts/use-metric-range.ts does).
 */
export function MetricChart({ metric, data, error, loading, height, showAggregate = true, aggregateLabel, hidden = NO_HIDDEN, onToggle, onZoom, ariaLabel, maxTicks = 7, drillAt, events = NO_EVENTS, eventHref, eventsNote, alertWindows = NO_WINDOWS, alertsNote, clip = false, onClip }: MetricChartProps) {
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  // The time of the last click (not a drag): its jobs are offered under the chart.
  const [picked, setPicked] = useState<number | null>(null);
  const [hover, setHover] = useState<EventHover | null>(null);
  // The last time the pointer was over: Recharts settles the active label in an animation frame, so
  // a quick click (or one while the page is busy) can reach mouseup without one.
  const lastLabel = useRef<number | null>(null);
  const labelAt = (s: MouseHandlerDataParam) => {
    const v = labelOf(s);
    if (v !== null) lastLabel.current = v;
    return v ?? lastLabel.current;
  };
  const aggLabel = aggregateLabel ?? `cluster (${metric.aggregate})`;
  const view = useMemo(() => (data ? chartRows(data, metric.kind, { showAggregate, aggregateLabel: aggLabel }) : null), [data, metric.kind, showAggregate, aggLabel]);
  const unit = valueUnit(metric.kind, data?.fn ?? 'raw');
  const { max, spike } = useMemo(() => {
    let m = 0;
    const values: number[] = [];
    for (const r of view?.rows ?? [])
      for (const l of view?.lines ?? []) {
        if (hidden.has(l.key)) continue;
        const v = r[l.key] ?? 0;
        values.push(v);
        m = Math.max(m, v);
      }
    return { max: m, spike: spikeClip(values) };
  }, [view, hidden]);
  const clipped = clip && spike !== null;
  const top = clipped ? spike.cap : max;

  if (!data || !view) return <ChartState height={height} kind={error ? 'error' : 'loading'} message={error ?? undefined} />;
  if (view.lines.length === 0) return <ChartState height={height} kind="empty" />;

  const fromMs = Date.parse(data.from);
  const toMs = Date.parse(data.to);
  // The browser's offset, so hour ticks land on local round hours (the chart renders in the browser only).
  const axis = timeTicks(fromMs, toMs, maxTicks, -new Date(fromMs).getTimezoneOffset() * 60_000);
  const timeFmt = TIME_FMT[axis.precision];
  const ageLabel = metric.kind === 'timestamp' ? 'age of last completed backup' : undefined;
  const yTicks = unit === 'seconds' ? secondsTicks(top) : undefined;
  // "Since when?": the store only has what the recorder saw; say where the history begins.
  const firstT = view.rows[0]?.t;
  const since = firstT !== undefined && firstT - fromMs > 2 * data.step_s * 1000 ? firstT : null;
  // An alert still firing is shaded up to the newest sample (or its last evaluation), never past it.
  const shaded = clipWindows(alertWindows, fromMs, toMs, view.rows.at(-1)?.t ?? fromMs, data.step_s * 1000);

  return (
    <figure aria-label={ariaLabel} data-testid="metric-chart" data-lines={view.lines.filter((l) => !hidden.has(l.key)).length} className="flex min-w-0 flex-col gap-1">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">
          {unitCaption(unit, data.step_s, ageLabel)}
          {data.source === 'prometheus' ? (
            <span data-testid="history-source"> · from Prometheus</span>
          ) : (
            <HistorySourceNote sources={data.sources} since={since} fmt={TIME_FMT[axis.precision === 'days' ? 'days' : 'minutes']} />
          )}
          {loading && <span className="ml-2 animate-pulse">updating…</span>}
          {error && <span className="ml-2 text-red-600 dark:text-red-400">refresh failed: {error}</span>}
          {eventsNote && <span className="ml-2 text-amber-700 dark:text-amber-400" data-testid="job-events-note">{eventsNote}</span>}
          <AlertWindowsNote windows={shaded} note={alertsNote} />
          {clipped && (
            <span className="ml-2 text-amber-700 dark:text-amber-400" data-testid="clip-note">
              y axis clipped at {tickFormatter(unit, top)(top)}: peak {tickFormatter(unit, spike.peak)(spike.peak)} runs off the top
            </span>
          )}
          {onClip && spike !== null && (
            <button type="button" data-testid="clip-toggle" onClick={() => onClip(!clip)} className="ml-2 text-emerald-700 underline underline-offset-2 dark:text-emerald-400">
              {clip ? 'full scale' : 'a spike flattens the rest: clip it'}
            </button>
          )}
        </figcaption>
        <ChartLegend lines={view.lines} hidden={hidden} onToggle={onToggle} />
      </div>
      <div style={{ height }} className={`relative ${onZoom ? 'cursor-crosshair select-none' : drillAt ? 'cursor-pointer' : ''}`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={view.rows}
            margin={{ top: eventHref ? 6 + EVENT_LANE_PX : 6, right: 12, bottom: 0, left: 0 }}
            onMouseDown={onZoom ? (s) => { const v = labelAt(s); if (v !== null) setDrag({ a: v, b: v }); } : undefined}
            onMouseMove={onZoom || drillAt ? (s) => { const v = labelAt(s); if (onZoom && drag && v !== null) setDrag({ a: drag.a, b: v }); } : undefined}
            onMouseLeave={() => { lastLabel.current = null; }}
            onMouseUp={onZoom || drillAt ? (s) => {
              if (onZoom && drag && drag.a !== drag.b) onZoom(Math.min(drag.a, drag.b), Math.max(drag.a, drag.b));
              else if (drillAt) setPicked(labelAt(s));
              setDrag(null);
            } : undefined}
          >
            <CartesianGrid strokeOpacity={0.25} vertical={false} />
            {alertWindowAreas(shaded, formatEventTime)}
            <XAxis dataKey="t" type="number" scale="time" domain={[fromMs, toMs]} allowDataOverflow ticks={axis.ticks} tickFormatter={(t: number) => timeFmt.format(t)} minTickGap={24} fontSize={11} stroke="currentColor" strokeOpacity={0.5} />
            <YAxis width={58} fontSize={11} tickFormatter={tickFormatter(unit, top)} allowDecimals={unit !== 'count'} ticks={yTicks} domain={yTicks ? [0, yTicks[yTicks.length - 1]] : [0, clipped ? top : 'auto']} allowDataOverflow={clipped} stroke="currentColor" strokeOpacity={0.5} />
            <Tooltip content={<ChartTooltip rows={view.rows} lines={view.lines.filter((l) => !hidden.has(l.key))} unit={unit} nullMeans={metric.kind === 'timestamp' ? 'unknown since restart' : undefined} />} isAnimationActive={false} />
            {metric.threshold && <ReferenceLine y={metric.threshold.value} stroke="#d97706" strokeDasharray="4 4" label={{ value: `threshold > ${metric.threshold.value}`, position: 'insideTopRight', fontSize: 10, fill: '#d97706' }} />}
            {/* Hidden lines are not drawn at all (the legend still offers them), so the y axis fits what is shown. */}
            {view.lines.filter((l) => !hidden.has(l.key)).map((l) => (
              <Line
                key={l.key}
                dataKey={l.key}
                name={l.label}
                className={`series-line series-${l.key}${l.key === AGG_KEY ? ' series-aggregate' : ' series-node'}`}
                stroke={nodeColor(l.nodeId)}
                strokeWidth={l.key === AGG_KEY ? 2 : 1.5}
                strokeDasharray={l.key === AGG_KEY ? '6 3' : undefined}
                dot={false}
                activeDot={{ r: 3 }}
                connectNulls={false}
                isAnimationActive={false}
                type="linear"
              />
            ))}
            {eventHref && <JobEventMarkers events={events} hrefOf={eventHref} describe={(e) => describeEvent(e, formatEventTime)} onHover={setHover} dragging={drag !== null} />}
            {drag && drag.a !== drag.b && <ReferenceArea x1={Math.min(drag.a, drag.b)} x2={Math.max(drag.a, drag.b)} fill="#10b981" fillOpacity={0.15} />}
          </LineChart>
        </ResponsiveContainer>
        {hover && eventHref && events.some((e) => e.job_id === hover.event.job_id && e.kind === hover.event.kind) && <JobEventCard hover={hover} format={formatEventTime} />}
      </div>
      {drillAt && picked !== null && (
        <PointDrill t={picked} nodes={view.lines.filter((l) => l.nodeId !== null && !hidden.has(l.key)).map((l) => l.nodeId as number)} drillAt={drillAt} format={(t) => TIME_FMT.minutes.format(t)} onClose={() => setPicked(null)} />
      )}
    </figure>
  );
}
