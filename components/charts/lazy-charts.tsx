'use client';

import { lazy, Suspense, useRef, type ComponentProps, type ReactNode } from 'react';
import { useNearViewport } from '@/components/hooks/use-near-viewport';
import { ChartState } from './chart-state';
import type { MetricChartProps } from './metric-chart';
import type { RunDurationChart as RunDurationChartType, TimeValueChart as TimeValueChartType } from '@/components/schedules/charts';

// Recharts with its d3 and redux parts is ~130 kB of gzip JavaScript: more than half of a page's
// budget (issue 17, bench/page-weight.bench.ts). These load it after hydration, only for a chart
// near the viewport; the placeholder is the chart's own loading state at its height.
const MetricChartImpl = lazy(() => import('./metric-chart').then((m) => ({ default: m.MetricChart })));
const RunDurationImpl = lazy(() => import('@/components/schedules/charts').then((m) => ({ default: m.RunDurationChart })));
const TimeValueImpl = lazy(() => import('@/components/schedules/charts').then((m) => ({ default: m.TimeValueChart })));

/** Renders `children` once the box nears the viewport; until then (and while their code loads) a loading placeholder. */
export function WhenNear({ height, children }: { height: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  const wait = <ChartState height={height} kind="loading" />;
  return (
    <div ref={ref} className="min-w-0">
      {near ? <Suspense fallback={wait}>{children}</Suspense> : wait}
    </div>
  );
}

export function LazyMetricChart(props: MetricChartProps) {
  return (
    <WhenNear height={props.height}>
      <MetricChartImpl {...props} />
    </WhenNear>
  );
}

export function LazyRunDurationChart(props: ComponentProps<typeof RunDurationChartType>) {
  return (
    <WhenNear height={props.height ?? 200}>
      <RunDurationImpl {...props} />
    </WhenNear>
  );
}

export function LazyTimeValueChart(props: ComponentProps<typeof TimeValueChartType>) {
  return (
    <WhenNear height={props.height ?? 200}>
      <TimeValueImpl {...props} />
    </WhenNear>
  );
}
