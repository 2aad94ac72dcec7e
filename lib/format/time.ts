/**
 * Points in time. The UI shows local time and puts exact UTC ISO-8601 on hover: the local clock is
 * what the engineer reads, the UTC string is what they paste next to logs and SQL output.
 */

/** Milliseconds → "2026-11-25T20:43:52Z" (whole seconds: the scrape is not more precise than that). */
export function formatIsoUtc(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export interface LocalTimeOptions {
  /** BCP 47 locale; default: the runtime's (the browser's). */
  locale?: string;
  /** IANA zone; default: the runtime's. Tests pin it. */
  timeZone?: string;
}

/** Milliseconds → "20:43:52" in local time, 24-hour so it lines up with log timestamps. */
export function formatLocalTime(ms: number, opts: LocalTimeOptions = {}): string {
  if (!Number.isFinite(ms)) return '—';
  return new Intl.DateTimeFormat(opts.locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: opts.timeZone }).format(ms);
}

/** Milliseconds → "25 Nov, 20:43" (local); for points more than a day away, where the date matters. */
export function formatLocalDateTime(ms: number, opts: LocalTimeOptions = {}): string {
  if (!Number.isFinite(ms)) return '—';
  return new Intl.DateTimeFormat(opts.locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: opts.timeZone }).format(ms);
}
