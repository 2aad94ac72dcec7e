'use client';

import { useId, useState } from 'react';
import { cn } from './cn';

/**
 * An "i" that shows an explanation on tap: a title attribute is unreachable on a touch screen, so
 * every hover text that matters also has this. Escape or a second tap closes it.
 */
export function ExplainToggle({ text, label, className }: { text: string; label: string; className?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className={cn('absolute top-1 right-1 z-10', className)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`What "${label}" means`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        className="inline-flex size-6 items-center justify-center rounded-full text-xs font-semibold text-zinc-500 hover:bg-zinc-200/70 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:text-zinc-400 dark:hover:bg-zinc-700/70"
      >
        i
      </button>
      {open && (
        <span
          id={id}
          role="note"
          data-testid="explain"
          className="absolute top-7 right-0 w-72 max-w-[85vw] rounded-md border border-zinc-300 bg-white p-2 text-xs whitespace-pre-line text-zinc-800 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
        >
          {text}
        </span>
      )}
    </span>
  );
}
