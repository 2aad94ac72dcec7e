/**
 * The resolution of a range query, chosen from the range like Prometheus' getEffectiveResolution
 * (web/ui): at most `maxBuckets` buckets, rounded up to a step a person reads easily, and never
 * finer than the recording interval (a finer step only adds empty buckets).
 */
export const NICE_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400] as const;

/** Seconds per bucket for [fromMs, toMs). */
export function chooseStep(fromMs: number, toMs: number, opts: { maxBuckets: number; minStepS?: number }): number {
  const spanS = Math.max(0, toMs - fromMs) / 1000;
  const needed = Math.max(spanS / opts.maxBuckets, opts.minStepS ?? 1, 1);
  const nice = NICE_STEPS_S.find((s) => s >= needed);
  // Beyond a day per bucket (a span of years): whole days.
  return nice ?? Math.ceil(needed / 86400) * 86400;
}

/** How many buckets of `stepS` cover [fromMs, toMs). */
export function bucketCount(fromMs: number, toMs: number, stepS: number): number {
  return Math.ceil((toMs - fromMs) / (stepS * 1000));
}
