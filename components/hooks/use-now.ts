'use client';

import { useSyncExternalStore } from 'react';

// One shared clock for every "12 s ago" on the page: a single interval however many readers.
let current = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick() {
  current = Date.now();
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
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
 * The current time in ms, ticking every second. `serverNow` (the time the server rendered the
 * page) is used for the server render and hydration so both print the same relative times; the
 * live clock takes over right after.
 */
export function useNow(serverNow: number): number {
  return useSyncExternalStore(
    subscribe,
    () => current || serverNow,
    () => serverNow,
  );
}
