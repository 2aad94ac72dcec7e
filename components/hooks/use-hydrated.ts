'use client';

import { useSyncExternalStore } from 'react';

const noop = () => () => {};

/**
 * False during the server render and hydration, true afterwards: for output that depends on the
 * browser (its time zone, localStorage), which would otherwise mismatch the server's HTML.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
