'use client';

import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { secondsTicks } from '@/lib/domain/chart-data';
import { formatDuration } from '@/lib/format/duration';
import { formatLocalDateTime } from '@/lib/format/time';

/** Outcome colours: readable on white and on zinc-900 (Tailwind 500/600s). */
export const OUTCOME_COLOR = { succeeded: '#059669', failed: '#dc2626', running: '#0284c7', other: '#a1a1aa' } as const;
export type Outcome = keyof typeof OUTCOME_COLOR;

export interface RunPoint {
  /** When the run started (ms). */
  t: number;
  job_id: string;
  duration_s: number;
  outcome: Outcome;
}

const AXIS = { fontSize: 11, stroke: 'currentColor', strokeOpacity: 0.5 } as const;
const tickTime = (t: number) => formatLocalDateTime(t);

function Frame({ label, height, caption, children }: { label: string; height: number; caption?: ReactNode; children: ReactNode }) {
  return (
    <figure aria-label={label} className="flex min-w-0 flex-col gap-1 text-zinc-700 dark:text-zinc-300">
      {caption && <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">{caption}</figcaption>}
      <div style={{ height }}>{children}</div>
    </figure>
  );
}

function TipBox({ children }: { children: ReactNode }) {
  return <div className="rounded border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-900 shadow dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">{children}</div>;
}

function Legend() {
  return (
    <span className="inline-flex flex-wrap gap-x-3">
      {(['succeeded', 'failed', 'running'] as const).map((o) => (
        <span key={o} className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ background: OUTCOME_COLOR[o] }} />
          {o}
        </span>
      ))}
    </span>
  );
}

/** Run durations over time, one bar per run, coloured by outcome (a failure's bar is how long it ran before failing). */
export function RunDurationChart({ runs, height = 200, label = 'Run durations' }: { runs: RunPoint[]; height?: number; label?: string }) {
  const yTicks = secondsTicks(Math.max(0, ...runs.map((r) => r.duration_s)));
  const rows = [...runs].sort((a, b) => a.t - b.t).map((r) => ({ ...r, succeeded: r.outcome === 'succeeded' ? r.duration_s : null, failed: r.outcome === 'failed' ? r.duration_s : null, running: r.outcome === 'running' ? r.duration_s : null, other: r.outcome === 'other' ? r.duration_s : null }));
  return (
    <Frame label={label} height={height} caption={<Legend />}>
      <ResponsiveContainer width="100%" height="100%">
        {/* Many runs: no gaps, so a month of 20-minute runs still reads as a shape rather than hairlines. */}
        <BarChart data={rows} margin={{ top: 6, right: 8, bottom: 0, left: 0 }} barCategoryGap={rows.length > 80 ? 0 : 1}>
          <CartesianGrid strokeOpacity={0.15} vertical={false} />
          <XAxis dataKey="t" tickFormatter={tickTime} minTickGap={40} {...AXIS} />
          <YAxis width={84} tickFormatter={(v: number) => formatDuration(v)} ticks={yTicks} domain={[0, yTicks[yTicks.length - 1]]} {...AXIS} />
          <Tooltip
            isAnimationActive={false}
            cursor={{ fillOpacity: 0.1 }}
            content={({ active, payload }) => {
              const r = active && payload?.[0] ? (payload[0].payload as RunPoint) : null;
              return r ? (
                <TipBox>
                  job {r.job_id}
                  <br />
                  {tickTime(r.t)} · {r.outcome} · {formatDuration(r.duration_s)}
                </TipBox>
              ) : null;
            }}
          />
          {(Object.keys(OUTCOME_COLOR) as Outcome[]).map((o) => (
            <Bar key={o} dataKey={o} stackId="run" fill={OUTCOME_COLOR[o]} isAnimationActive={false} maxBarSize={18} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Frame>
  );
}

export interface ValueRef {
  y: number;
  label: string;
  color: string;
}

/** One value over time (a time axis), with optional horizontal reference lines (expected interval, stale). */
export function TimeValueChart({ points, format, refs = [], height = 200, label, caption, color = '#2563eb', dots = false, seconds = false }: { points: { t: number; v: number | null }[]; format: (v: number) => string; refs?: ValueRef[]; height?: number; label: string; caption?: ReactNode; color?: string; dots?: boolean; seconds?: boolean }) {
  const max = Math.max(0, ...points.map((p) => p.v ?? 0), ...refs.map((r) => r.y));
  // Durations on round values ("0, 4 d, 8 d"); other units on Recharts' own ticks.
  const yTicks = seconds ? secondsTicks(max) : undefined;
  return (
    <Frame
      label={label}
      height={height}
      caption={
        <span className="inline-flex flex-wrap gap-x-3">
          {caption}
          {/* The lines' names beside the caption: labels on close lines would print over each other. */}
          {refs.map((r) => (
            <span key={r.label} className="inline-flex items-center gap-1">
              <span aria-hidden className="inline-block w-4 border-t-2 border-dashed" style={{ borderColor: r.color }} />
              {r.label}
            </span>
          ))}
        </span>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeOpacity={0.15} vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={tickTime} minTickGap={40} {...AXIS} />
          <YAxis width={76} tickFormatter={format} ticks={yTicks} domain={[0, yTicks ? yTicks[yTicks.length - 1] : max * 1.1 || 1]} {...AXIS} />
          <Tooltip
            isAnimationActive={false}
            content={({ active, payload }) => {
              const p = active && payload?.[0] ? (payload[0].payload as { t: number; v: number | null }) : null;
              return p ? (
                <TipBox>
                  {tickTime(p.t)}: {p.v === null ? 'no data' : format(p.v)}
                </TipBox>
              ) : null;
            }}
          />
          {refs.map((r) => (
            <ReferenceLine key={r.label} y={r.y} stroke={r.color} strokeDasharray="4 4" />
          ))}
          <Line dataKey="v" stroke={color} strokeWidth={2} dot={dots ? { r: 2 } : false} connectNulls={false} isAnimationActive={false} type="linear" />
        </LineChart>
      </ResponsiveContainer>
    </Frame>
  );
}
