import { CopyButton } from './copy-button';

/** The statement that produced what is on screen, ready to paste into `cockroach sql`. */
export function SqlBox({ sql, note }: { sql: string; note?: string }) {
  return (
    <details className="rounded-lg border border-zinc-200 bg-white text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-zinc-700 select-none dark:text-zinc-300">
        <span>
          SQL <span className="text-xs text-zinc-500 dark:text-zinc-400">{note}</span>
        </span>
        <CopyButton text={`${sql};`} label="Copy SQL" />
      </summary>
      <pre data-testid="jobs-sql" className="overflow-x-auto border-t border-zinc-200 px-3 py-2 font-mono text-xs whitespace-pre-wrap break-all text-zinc-800 dark:border-zinc-800 dark:text-zinc-200">
        {sql};
      </pre>
    </details>
  );
}
