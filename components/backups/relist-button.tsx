'use client';

import { useState } from 'react';
import type { KeyedMutator } from 'swr';
import { fetcher, type FetchError } from '@/components/data/fetcher';
import type { BackupsPage } from '@/lib/api/types/backups';

/** `href` with `fresh=1`: the server re-reads storage instead of answering from its cache. */
export function freshHref(href: string): string {
  return `${href}${href.includes('?') ? '&' : '?'}fresh=1`;
}

/**
 * Reads SHOW BACKUPS IN (and the chosen backup) again now, bypassing the server's one-minute cache.
 * The server joins a re-read already running, so clicks from many viewers cost one read.
 */
export function RelistButton({ href, mutate }: { href: string; mutate: KeyedMutator<BackupsPage> }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const relist = async () => {
    setBusy(true);
    setFailed(null);
    try {
      await mutate(fetcher<BackupsPage>(freshHref(href)), { revalidate: false });
    } catch (err) {
      setFailed((err as FetchError).message ?? String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      {failed && (
        <span role="alert" className="max-w-xs truncate text-xs text-red-700 dark:text-red-400" title={failed}>
          Re-list failed: {failed}
        </span>
      )}
      <button
        type="button"
        onClick={() => void relist()}
        disabled={busy}
        aria-busy={busy}
        title="List every collection's backups from storage now (the page otherwise shows a listing up to a minute old)"
        className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-emerald-600 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        {busy ? 'Re-listing…' : 'Re-list'}
      </button>
    </span>
  );
}
