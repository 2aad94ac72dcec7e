/**
 * Time-axis ticks on round times ("21:10, 21:15, 21:20"), not wherever the data happens to start,
 * and never two ticks that print the same label.
 */
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const TICK_STEPS = [10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D] as const;

export interface TimeTicks {
  ticks: number[];
  /** What a label needs to show: seconds, clock time, or the date with it. */
  precision: 'seconds' | 'minutes' | 'days';
}

/**
 * At most `maxTicks` ticks on multiples of a round step. `offsetMs` is the viewer's offset from
 * UTC (minutes east × 60000), so hour and day ticks fall on local round hours and midnights.
 */
export function timeTicks(fromMs: number, toMs: number, maxTicks: number, offsetMs = 0): TimeTicks {
  const span = Math.max(1, toMs - fromMs);
  const step = TICK_STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / D) * D;
  const ticks: number[] = [];
  for (let t = Math.ceil((fromMs + offsetMs) / step) * step - offsetMs; t <= toMs; t += step) ticks.push(t);
  return { ticks, precision: step < M ? 'seconds' : span > D ? 'days' : 'minutes' };
}
