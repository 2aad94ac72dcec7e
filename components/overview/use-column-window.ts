'use client';

import { useEffect, useState, type RefObject } from 'react';

/** Every node column is this wide (px), so which ones are on screen follows from the scroll offset. */
export const NODE_COL_PX = 104;
/** Before the box is measured (the server render, hydration): enough for a 1,600 px screen. */
const FIRST_RENDER = 14;
/** Columns rendered beyond each edge, so a scroll shows cells at once, not blanks for a frame. */
const OVERSCAN = 3;

export interface ColumnWindow {
  start: number;
  end: number;
}

/**
 * The node columns (of `count`) inside the scroll box's visible width, right of what the sticky
 * metric and cluster columns cover (up to the right edge of the `[data-sticky-edge]` cell): a 300-node grid renders ~15 columns × 36 rows instead of
 * 10,800 cells (issue 17), and each scroll re-renders only what came into view.
 */
export function useColumnWindow(box: RefObject<HTMLElement | null>, count: number): ColumnWindow {
  const [win, setWin] = useState<ColumnWindow>({ start: 0, end: FIRST_RENDER });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const edge = el.querySelector('[data-sticky-edge]');
      const stickyPx = edge ? edge.getBoundingClientRect().right - el.getBoundingClientRect().left : 0;
      const start = Math.max(0, Math.floor(el.scrollLeft / NODE_COL_PX) - OVERSCAN);
      const shown = Math.ceil(Math.max(0, el.clientWidth - stickyPx) / NODE_COL_PX) + 1;
      const end = Math.floor(el.scrollLeft / NODE_COL_PX) + shown + OVERSCAN;
      setWin((w) => (w.start === start && w.end === end ? w : { start, end }));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    schedule();
    el.addEventListener('scroll', schedule, { passive: true });
    const ro = new ResizeObserver(schedule);
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', schedule);
      ro.disconnect();
    };
  }, [box]);
  return { start: Math.min(win.start, count), end: Math.min(win.end, count) };
}
