import type { HistorySourceSpan } from '@/lib/api/types/history';

/**
 * The caption part saying where a chart's points came from: "from CockroachDB's time-series store
 * until 14:02, recorded since", or "recorded since 09:14" alone (the recorder's start, when it
 * comes after the range's). Null when there is nothing to say.
 */
export function HistorySourceNote({ sources, since, fmt }: { sources: readonly HistorySourceSpan[] | undefined; since: number | null; fmt: Intl.DateTimeFormat }) {
  const tsdb = (sources ?? []).filter((s): s is Extract<HistorySourceSpan, { kind: 'tsdb' }> => s.kind === 'tsdb');
  const recorded = (sources ?? []).find((s) => s.kind === 'recorded');
  if (tsdb.length === 0) return since !== null ? <span> · recorded since {fmt.format(since)}</span> : null;
  const last = tsdb.at(-1) as (typeof tsdb)[number];
  const lastTo = Date.parse(last.to);
  // The usual case: the backfilled past, then what this dashboard recorded.
  if (!recorded || Date.parse(recorded.from) >= lastTo - 120_000)
    return (
      <span data-testid="history-source" title="Read back from CockroachDB's own time-series store (/ts/query) when this dashboard started">
        {' '}
        · from CockroachDB&apos;s time-series store until {fmt.format(lastTo)}
        {recorded ? ', recorded since' : ''}
      </span>
    );
  // Recorded, with stretches (the dashboard was down) filled from the store.
  return (
    <span data-testid="history-source" title="Read back from CockroachDB's own time-series store (/ts/query)">
      {' '}
      · recorded; {tsdb.map((s) => `${fmt.format(Date.parse(s.from))}–${fmt.format(Date.parse(s.to))}`).join(', ')} from CockroachDB&apos;s time-series store
    </span>
  );
}
