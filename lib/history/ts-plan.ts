/**
 * What a backfill asks `/ts/query` for, and in which pieces. Pure arithmetic, no I/O.
 *
 * The stretch is [now − min(TS_BACKFILL, HISTORY_RETENTION), now − one sample) (the server clamps the
 * end to now minus one sample period), minus what the store holds: stretches already backfilled,
 * and minutes with recorded samples. It is cut into windows, newest first (the panels people look at
 * first fill first), each small enough that one window's points fit the memory budget, and each
 * window's node × metric queries into requests small enough that one answer stays bounded.
 */
import type { Span } from './types';

export const TEN_S_MS = 10_000;
/** CockroachDB keeps 10 s samples for `timeseries.storage.resolution_10s.ttl` (240 h by default); older ones exist only as 30 min rollups (§b.4). */
export const TEN_S_TTL_MS = 240 * 3_600_000;
export const ROLLUP_MS = 1_800_000;
const MINUTE_MS = 60_000;

export interface Window extends Span {
  sampleMs: number;
}

/**
 * The stretches of [fromMs, toMs) the store lacks, newest first: outside every backfilled span and
 * not in a minute with recorded samples. A run of empty minutes shorter than `toleranceMs` is not a
 * gap (the recorder's own jitter, or the minutes just before now it is about to record).
 */
export function missingStretches(fromMs: number, toMs: number, backfilled: readonly Span[], minutesWithData: readonly number[], toleranceMs: number): Span[] {
  const covered: Span[] = [...backfilled.map((s) => ({ ...s })), ...minutesWithData.map((m) => ({ fromMs: m * MINUTE_MS, toMs: (m + 1) * MINUTE_MS }))].sort((a, b) => a.fromMs - b.fromMs);
  const out: Span[] = [];
  let cursor = fromMs;
  for (const c of covered) {
    if (c.toMs <= cursor) continue;
    if (c.fromMs > cursor) out.push({ fromMs: cursor, toMs: Math.min(c.fromMs, toMs) });
    cursor = Math.max(cursor, c.toMs);
    if (cursor >= toMs) break;
  }
  if (cursor < toMs) out.push({ fromMs: cursor, toMs });
  return out.filter((s) => s.toMs - s.fromMs >= toleranceMs).reverse();
}

/**
 * Windows over the stretches, newest first, on their sample grid: 10 s within CockroachDB's 10 s TTL,
 * 30 min before it (the only resolution kept there). `seriesCount` is nodes × metrics; a window holds
 * at most `maxPoints` points of them all.
 */
export function windowsOf(stretches: readonly Span[], nowMs: number, seriesCount: number, maxPoints: number): Window[] {
  const out: Window[] = [];
  // Where 10 s samples end, on the rollup grid and half an hour on the safe side: CockroachDB prunes
  // in passes, so samples just past the TTL are usually still there, and a 10 s stretch is worth more.
  const edge = Math.floor((nowMs - TEN_S_TTL_MS - ROLLUP_MS) / ROLLUP_MS) * ROLLUP_MS;
  for (const s of stretches) {
    const parts: Window[] = [];
    if (s.toMs > edge) parts.push({ fromMs: Math.max(s.fromMs, edge), toMs: s.toMs, sampleMs: TEN_S_MS });
    if (s.fromMs < edge) parts.push({ fromMs: s.fromMs, toMs: Math.min(s.toMs, edge), sampleMs: ROLLUP_MS });
    for (const p of parts) {
      const from = Math.floor(p.fromMs / p.sampleMs) * p.sampleMs;
      const to = Math.ceil(p.toMs / p.sampleMs) * p.sampleMs;
      // Boundaries on a grid of whole minutes (whole periods for rollups): the store tells recorded
      // stretches by the minute, so a window must not end inside a minute an interruption leaves half-filled.
      const unit = Math.max(MINUTE_MS, p.sampleMs);
      const step = Math.max(1, Math.floor(maxPoints / Math.max(1, seriesCount) / (unit / p.sampleMs))) * unit;
      for (let end = to; end > from; ) {
        const start = Math.max(from, Math.floor((end - 1) / step) * step);
        out.push({ fromMs: start, toMs: end, sampleMs: p.sampleMs });
        end = start;
      }
    }
  }
  return out;
}

/** Points one query of this window can return (one per sample period). */
export function pointsPerQuery(w: Window): number {
  return Math.ceil((w.toMs - w.fromMs) / w.sampleMs);
}

/** Items in groups whose points (`per` each) stay within `maxPoints`, at least one per group. */
export function batchesOf<T>(items: readonly T[], per: number, maxPoints: number): T[][] {
  const size = Math.max(1, Math.floor(maxPoints / Math.max(1, per)));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
