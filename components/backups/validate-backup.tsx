'use client';

import { useState } from 'react';
import { FetchError } from '@/components/data/fetcher';
import { cn } from '@/components/ui/cn';
import type { BackupValidation } from '@/lib/api/types/backups';
import { validateApiHref } from '@/components/schedules/hrefs';

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; result: BackupValidation } | { kind: 'error'; message: string };

async function postValidate(url: string): Promise<BackupValidation> {
  // The shared fetcher speaks GET; a POST goes through fetch, errors read the same way.
  const res = await fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new FetchError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as BackupValidation;
}

/** "Validate": SHOW BACKUP … WITH check_files, on request only (it reads every file's metadata from storage). */
export function ValidateBackup({ cluster, collection, backup }: { cluster: string; collection: string; backup: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function run() {
    setState({ kind: 'running' });
    try {
      setState({ kind: 'done', result: await postValidate(validateApiHref(cluster, collection, backup)) });
    } catch (err) {
      setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => void run()}
          disabled={state.kind === 'running'}
          aria-busy={state.kind === 'running'}
          className="rounded-md bg-emerald-700 px-3 py-1 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-60 dark:bg-emerald-600 dark:hover:bg-emerald-500"
        >
          {state.kind === 'running' ? 'Validating…' : 'Validate'}
        </button>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          runs <code className="font-mono">SHOW BACKUP … WITH check_files</code>: checks every file the backup needs is in storage
        </span>
      </div>
      <div role="status" aria-live="polite" data-testid="validation" data-outcome={state.kind === 'done' ? (state.result.ok ? 'ok' : 'missing') : state.kind}>
        {state.kind === 'running' && <p className="animate-pulse text-sm text-zinc-600 dark:text-zinc-400">Checking files in {collection}…</p>}
        {state.kind === 'error' && <p className="text-sm text-red-700 dark:text-red-400">Validation could not run: {state.message}</p>}
        {state.kind === 'done' && (
          <div className={cn('rounded border px-3 py-2 text-sm', state.result.ok ? 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100' : 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100')}>
            {state.result.ok ? (
              <p>
                <strong>All files present.</strong> The backup can be restored from as far as its files go.
              </p>
            ) : (
              <>
                <p>
                  <strong>Files are missing: a restore from this backup would fail.</strong> {state.result.message}
                </p>
                {state.result.missing_files.length > 0 && (
                  <ul aria-label="Missing files" className="mt-1 list-disc pl-5 font-mono text-xs break-all">
                    {state.result.missing_files.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
            <p className="mt-1 font-mono text-xs opacity-70">
              {state.result.sql}; at {state.result.checked_at}
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
