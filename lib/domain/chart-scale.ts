/**
 * When one spike (60 failures in a minute) flattens every other line into the axis, the chart can
 * clip the y axis at a robust top instead: the 95th percentile of the non-zero values with head
 * room, so the ordinary lines fill the chart and the spike runs off the top, stated in the caption.
 * Pure.
 */

/** Above this ratio of peak to the robust top, a spike is worth clipping (the page offers it). */
export const SPIKE_RATIO = 5;
const HEADROOM = 1.25;

export interface ClipScale {
  /** The y axis's top when clipped. */
  cap: number;
  /** The largest value plotted (above cap). */
  peak: number;
}

/** The clip to offer for these values, or null when nothing stands out (or too few values to tell). */
export function spikeClip(values: readonly number[]): ClipScale | null {
  const nz = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (nz.length < 10) return null;
  const peak = nz[nz.length - 1];
  const p95 = nz[Math.min(nz.length - 1, Math.floor(nz.length * 0.95))];
  const cap = p95 * HEADROOM;
  return cap > 0 && peak > SPIKE_RATIO * cap ? { cap, peak } : null;
}
