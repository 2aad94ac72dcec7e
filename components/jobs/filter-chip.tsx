import { cn } from '@/components/ui/cn';

/** A toggle in a filter group: a real button with aria-pressed, so it is reachable by role and name. */
export function FilterChip({ label, pressed, onClick, title }: { label: string; pressed: boolean; onClick: () => void; title?: string }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      title={title}
      className={cn(
        'rounded-full border px-2.5 py-0.5 text-xs font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-emerald-600',
        pressed
          ? 'border-emerald-600 bg-emerald-600 text-white dark:border-emerald-500 dark:bg-emerald-600'
          : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800',
      )}
    >
      {label}
    </button>
  );
}
