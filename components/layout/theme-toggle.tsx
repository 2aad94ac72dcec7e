'use client';

import { useSyncExternalStore } from 'react';
import { cn } from '@/components/ui/cn';
import { THEME_CHOICES, readTheme, subscribeTheme, writeTheme, type ThemeChoice } from './theme';

const LABEL: Record<ThemeChoice, string> = { light: 'Light theme', dark: 'Dark theme', system: 'Follow the system theme' };

function Icon({ choice }: { choice: ThemeChoice }) {
  const common = { width: 16, height: 16, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;
  if (choice === 'light')
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    );
  if (choice === 'dark')
    return (
      <svg {...common}>
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
    );
  return (
    <svg {...common}>
      <rect x="2" y="4" width="20" height="13" rx="2" />
      <path d="M8 21h8M12 17v4" />
    </svg>
  );
}

/** Light / dark / system, remembered in this browser. */
export function ThemeToggle() {
  // 'system' on the server and during hydration: the server cannot know the stored choice.
  const choice = useSyncExternalStore(subscribeTheme, readTheme, () => 'system' as const);
  return (
    <div role="group" aria-label="Theme" className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5 dark:border-zinc-700 dark:bg-zinc-900">
      {THEME_CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          aria-pressed={choice === c}
          aria-label={LABEL[c]}
          title={LABEL[c]}
          onClick={() => writeTheme(c)}
          className={cn(
            'rounded px-1.5 py-1 text-zinc-500 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:text-zinc-400 dark:hover:text-zinc-100',
            choice === c && 'bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-50',
          )}
        >
          <Icon choice={c} />
        </button>
      ))}
    </div>
  );
}
