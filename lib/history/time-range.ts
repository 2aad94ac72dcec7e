/**
 * Time references as links carry them (DESIGN "Pages"): `now`, `now-15m`, `now-1h30m` (Grafana
 * style) or an ISO-8601 date / date-time. Pure: the caller passes "now", so a link resolves the
 * same way in a test, on the server and in the browser.
 */
import { parseDuration } from '../duration';

const RELATIVE = /^now(?:-((?:\d+(?:ms|s|m|h|d|w))+))?$/;
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The oldest a range may start: retention is 14 d by default, and a year is plenty for any store. */
const MAX_SPAN_MS = 366 * 86_400_000;

/** `ref` at `nowMs` → unix ms; null when it is neither `now…` nor ISO-8601. */
export function parseTimeRef(ref: string, nowMs: number): number | null {
  const s = ref.trim();
  const rel = RELATIVE.exec(s);
  if (rel) {
    if (!rel[1]) return nowMs;
    const ms = parseDuration(rel[1]);
    return ms === null ? null : nowMs - ms;
  }
  const iso = ISO.exec(s);
  if (!iso) return null;
  // A date-time without a zone is read as UTC, not the reader's local time: a link must mean the
  // same instant for everyone who opens it. (A bare date is UTC in Date.parse already.)
  const text = s.includes('T') && !iso[1] ? `${s}Z` : s;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** True when the reference moves with the clock (`now`, `now-6h`). */
export function isRelativeRef(ref: string): boolean {
  return RELATIVE.test(ref.trim());
}

export interface ResolvedRange {
  fromMs: number;
  toMs: number;
}

export type RangeResult = { ok: true; range: ResolvedRange } | { ok: false; message: string };

/** `from`/`to` (defaults `now-1h`, `now`) at `nowMs`; an unreadable or inverted range says why. */
export function resolveRange(from: string | undefined, to: string | undefined, nowMs: number, defaults = { from: 'now-1h', to: 'now' }): RangeResult {
  const f = from ?? defaults.from;
  const t = to ?? defaults.to;
  const fromMs = parseTimeRef(f, nowMs);
  if (fromMs === null) return { ok: false, message: `from must be ISO-8601 or like now-6h, not "${f.slice(0, 40)}"` };
  const toMs = parseTimeRef(t, nowMs);
  if (toMs === null) return { ok: false, message: `to must be ISO-8601 or like now, not "${t.slice(0, 40)}"` };
  if (toMs <= fromMs) return { ok: false, message: `from (${f}) must be before to (${t})` };
  if (toMs - fromMs > MAX_SPAN_MS) return { ok: false, message: 'the range may span at most 366 days' };
  return { ok: true, range: { fromMs, toMs } };
}
