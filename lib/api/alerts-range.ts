import { ApiError } from '../errors';
import { resolveRange } from '../history/time-range';

/** `from`/`to` of a request (ISO-8601 or `now-6h`) → milliseconds, or a 400 saying what is wrong. */
export function resolveTimeRange(from: string | undefined, to: string | undefined, defaults: { from: string; to: string }, nowMs = Date.now()): { fromMs: number; toMs: number } {
  const r = resolveRange(from, to, nowMs, defaults);
  if (!r.ok) throw new ApiError('bad_request', r.message);
  return r.range;
}
