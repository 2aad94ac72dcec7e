/**
 * One log line per failure class per minute: while SQL is down every request fails the same way,
 * and a stack trace per request buries the one line that matters. The first of a class is logged at
 * once; later ones within the minute are counted and the count goes with the next line logged.
 */
const WINDOW_MS = 60_000;

interface Slot {
  at: number;
  suppressed: number;
}

const slots = ((globalThis as { __logThrottle?: Map<string, Slot> }).__logThrottle ??= new Map<string, Slot>());

/** Logs `line` (console.error) unless its class was logged less than a minute ago; true when it logged. */
export function logThrottled(kind: string, line: string, now: number = Date.now(), sink: (s: string) => void = console.error): boolean {
  const slot = slots.get(kind);
  if (slot && now - slot.at < WINDOW_MS) {
    slot.suppressed++;
    return false;
  }
  const more = slot && slot.suppressed > 0 ? ` (and ${slot.suppressed} more like it in the last minute)` : '';
  slots.set(kind, { at: now, suppressed: 0 });
  sink(`${line}${more}`);
  return true;
}

/** The cause's own words, one line: never its stack (a pg error's stack says nothing an operator needs). */
export function causeText(cause: unknown): string {
  if (cause === undefined || cause === null || cause === '') return '';
  const text = cause instanceof Error ? `${cause.name === 'Error' ? '' : `${cause.name}: `}${cause.message}` : String(cause);
  return text.split('\n')[0].slice(0, 300);
}
