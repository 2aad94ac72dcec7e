/**
 * SWR options of a live answer that the server renders first: its answer is the fallback (the first
 * paint has data), a refresh keeps the last data while it loads, and refreshing is the retry (no
 * error-retry timers stacking up against a struggling server). The server scrapes at most once per
 * interval anyway; a focus refetch is cheap and reassuring.
 */
export function liveOptions<T>(fallbackData: T, refreshMs: number) {
  return { fallbackData, keepPreviousData: true, refreshInterval: refreshMs, revalidateOnFocus: true, dedupingInterval: 1_000, shouldRetryOnError: false };
}
