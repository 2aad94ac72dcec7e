'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { StatementOutcome } from '@/components/data/use-statement-post';
import { cn } from './cn';

interface Props {
  /** The exact statement to run (without the `;`); null = closed. */
  statement: string | null;
  /** What the statement does to the cluster, in the operator's words. */
  children: ReactNode;
  confirmLabel: string;
  /** Says what Cancel keeps ("Keep the job as it is"). */
  cancelLabel: string;
  /** The POST is in flight: Confirm is disabled and says so. */
  pending: boolean;
  onConfirm: () => void;
  /** Cancel, Escape, or the dialog closing for any other reason. */
  onCancel: () => void;
}

/**
 * "Run this statement on the cluster?": the exact statement, its consequence, Confirm / Cancel. A
 * native modal <dialog> (focus trapped, Escape cancels), labelled by its question and described by
 * the consequence. Focus starts on Cancel (the safe answer) and returns to the element that opened
 * it. The outcome is shown outside, by StatementResult, where the control sits.
 */
export function ConfirmStatement({ statement, children, confirmLabel, cancelLabel, pending, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const bodyId = useId();
  const open = statement !== null;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      cancel.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  function closed() {
    // Escape closes a modal dialog natively; the owner learns of it here either way.
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
    onCancel();
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={closed}
      className="m-auto max-w-lg rounded-lg border border-zinc-300 bg-white p-4 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {statement !== null && (
        <div className="flex flex-col gap-3 text-sm">
          <h2 id={titleId} className="font-semibold">
            Run this statement on the cluster?
          </h2>
          <pre data-testid="confirm-statement" className="rounded bg-zinc-100 px-2 py-1 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-800">
            {statement};
          </pre>
          <p id={bodyId}>{children}</p>
          <div className="flex flex-wrap justify-end gap-2">
            <button ref={cancel} type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-zinc-300 px-3 py-1 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:border-zinc-700">
              {cancelLabel}
            </button>
            <button
              type="button"
              disabled={pending}
              aria-busy={pending}
              onClick={onConfirm}
              className="rounded-md bg-red-600 px-3 py-1 font-medium text-white hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-red-700 disabled:opacity-50"
            >
              {pending ? `Running ${confirmLabel}…` : confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}

/** The last statement's outcome beside its control: the done line, or CockroachDB's error in red. */
export function StatementResult({ outcome, className }: { outcome: StatementOutcome | null; className?: string }) {
  if (!outcome) return null;
  return (
    <span role="status" className={cn(outcome.ok ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-700 dark:text-red-400', className)}>
      {outcome.text}
    </span>
  );
}
