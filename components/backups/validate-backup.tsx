'use client';

import { useState } from 'react';
import { FetchError } from '@/components/data/fetcher';
import { exactUtc } from '@/components/jobs/rel-time';
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

/** To when the checked chain restores, from check_files' rows (end_time; with revision history, back to the full backup). */
function restorableText(v: BackupValidation): string {
  const r = v.restorable;
  if (!r?.newest) return 'The backup can be restored (its layers have no end time to show).';
  const to = `${exactUtc(r.newest)} (its newest layer, what FROM LATEST restores)`;
  if (r.revision_history && r.earliest) return `It can be restored to ${to}, or with AS OF SYSTEM TIME to any time back to ${exactUtc(r.earliest)} (revision history).`;
  if (r.revision_history === false) return `It can be restored to ${to}, or to the end time of any of its ${r.layers} layer${r.layers === 1 ? '' : 's'} (no revision history).`;
  return `It can be restored to ${to}.`;
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
              <p data-testid="validation-restorable">
                <strong>All files present.</strong> {restorableText(state.result)}
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
