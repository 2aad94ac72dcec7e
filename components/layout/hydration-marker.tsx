'use client';

import { useEffect } from 'react';

/**
 * Marks <html data-hydrated> once React has hydrated the page, so end-to-end tests act on
 * controls only when their handlers are attached (a change made earlier is reset and lost).
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
