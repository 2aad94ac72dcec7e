'use client';

import { useEffect, useSyncExternalStore } from 'react';

// One shared clock for every "12 s ago" on the page: a single interval however many readers.
let current = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();
// The browser's clock against the dashboard server's, taken from the first server render seen: a
// laptop whose clock is off must not make "12 s ago" read "in 3 min". Differences under
// OFFSET_NOISE_MS are how long the page took to hydrate (seconds on a busy machine), not a wrong clock.
const OFFSET_NOISE_MS = 60_000;
let offset: number | null = null;

function browserNow(): number {
  return Date.now() + (offset ?? 0);
}

function calibrate(serverNow: number): void {
  if (offset !== null || serverNow <= 0) return;
  const d = serverNow - Date.now();
  offset = Math.abs(d) > OFFSET_NOISE_MS ? d : 0;
}

function tick() {
  current = browserNow();
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = browserNow();
    timer = setInterval(tick, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * The dashboard's current time in ms, ticking every second. `serverNow` (the time the server
 * rendered the page) is used for the server render and hydration so both print the same relative
 * times; the live clock takes over right after, corrected by how far the browser's clock is off
 * the server's.
 */
export function useNow(serverNow: number): number {
  // Before the clock subscribes (effects run in order), so its first tick is already corrected.
  useEffect(() => calibrate(serverNow), [serverNow]);
  return useSyncExternalStore(
    subscribe,
    () => current || serverNow,
    () => serverNow,
  );
}
