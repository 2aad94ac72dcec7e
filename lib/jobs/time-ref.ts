/**
 * Window ends for the jobs filter: `now`, `now-24h`, `now-1h30m` (Grafana style) or ISO-8601.
 * Relative ends stay relative all the way into SQL (`now() - INTERVAL`), so they are measured on the
 * cluster's clock, not the dashboard's: SHOW JOBS' own 12 h filter uses the cluster's now() too.
 */
const UNIT_S: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 };
const RELATIVE = /^now(?:-((?:\d{1,6}[smhdw])+))?$/;
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export type TimeRef = { kind: 'relative'; agoS: number; text: string } | { kind: 'absolute'; ms: number; text: string };

export function parseTimeRef(text: string): TimeRef | null {
  const rel = RELATIVE.exec(text);
  if (rel) {
    let agoS = 0;
    for (const m of (rel[1] ?? '').matchAll(/(\d+)([smhdw])/g)) agoS += Number(m[1]) * UNIT_S[m[2]];
    return { kind: 'relative', agoS, text };
  }
  if (!ISO.test(text)) return null;
  // A date-time without a zone is UTC here (the API speaks UTC), not the server's local zone.
  const withZone = /T/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text}Z` : text;
  const ms = Date.parse(withZone);
  return Number.isFinite(ms) ? { kind: 'absolute', ms, text } : null;
}

/** The instant a reference denotes at `nowMs` (the caller's clock; only for comparisons and labels). */
export function resolveTimeRef(t: TimeRef, nowMs: number): number {
  return t.kind === 'relative' ? nowMs - t.agoS * 1000 : t.ms;
}

/** A relative reference frozen at `nowMs` into the absolute one it denotes then; absolute stays as is. */
export function pinTimeRef(t: TimeRef, nowMs: number): TimeRef {
  if (t.kind === 'absolute') return t;
  const ms = nowMs - t.agoS * 1000;
  return { kind: 'absolute', ms, text: new Date(ms).toISOString() };
}
