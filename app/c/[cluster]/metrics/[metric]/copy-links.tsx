'use client';

import { useState } from 'react';

const button =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800';

/**
 * "Copy link" copies the page's URL; "Copy link (absolute time)" the same view with now-… frozen
 * into ISO timestamps and refresh off, the link to paste into an incident channel. The last link
 * copied stays on the page (data-copied, and a read-only field when the clipboard is refused).
 */
export function CopyLinks({ current, absolute }: { current: () => string; absolute: () => string }) {
  const [copied, setCopied] = useState<{ which: 'current' | 'absolute'; href: string; ok: boolean } | null>(null);
  const copy = async (which: 'current' | 'absolute') => {
    const href = which === 'current' ? current() : absolute();
    let ok = true;
    try {
      await navigator.clipboard.writeText(href);
    } catch {
      ok = false;
    }
    setCopied({ which, href, ok });
  };
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="copy-links" data-copied={copied?.href ?? ''}>
      <button type="button" className={button} onClick={() => void copy('current')}>
        {copied?.which === 'current' && copied.ok ? 'Copied ✓' : 'Copy link'}
      </button>
      <button type="button" className={button} onClick={() => void copy('absolute')} title="Freezes now-… into ISO timestamps and turns auto-refresh off: the same range for whoever opens it later">
        {copied?.which === 'absolute' && copied.ok ? 'Copied ✓' : 'Copy link (absolute time)'}
      </button>
      {copied && !copied.ok && <input readOnly aria-label="Link to copy" value={copied.href} onFocus={(e) => e.currentTarget.select()} className="w-72 rounded border border-zinc-300 px-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900" />}
    </div>
  );
}
