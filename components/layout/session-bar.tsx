'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import type { SessionView } from '@/lib/api/types/session';
import { cn } from '@/components/ui/cn';

const ROLE_BADGE: Record<SessionView['role'], string> = {
  operator: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  viewer: 'bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200',
};

/**
 * Who is signed in, with which role, and sign-out: a thin strip above every page when a sign-in
 * mode is set (nothing with AUTH_MODE=none, and nothing in kiosk mode, `kiosk=1`). Sign-out is a
 * form POST, so it works before hydration and passes the same-origin check like any other POST.
 */
export function SessionBar({ session }: { session: SessionView }) {
  const sp = useSearchParams();
  if (sp.get('kiosk') === '1') return null;
  return (
    <div data-testid="session-bar" className="border-b border-zinc-200 bg-zinc-100 text-xs text-zinc-700 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-300">
      <div className="mx-auto flex max-w-[1600px] items-center justify-end gap-x-3 px-2 py-1 sm:px-6">
        <span className="min-w-0 truncate">
          Signed in as <strong className="font-semibold text-zinc-900 dark:text-zinc-50">{session.user}</strong>
        </span>
        <span data-testid="session-role" className={cn('rounded px-1.5 py-0.5 font-medium', ROLE_BADGE[session.role])}>
          {session.role}
        </span>
        {session.canSeeAudit && (
          <Link href="/audit" className="underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-600">
            Audit
          </Link>
        )}
        {session.canSignOut && (
          <form method="post" action="/api/v1/auth/sign-out">
            <button type="submit" className="rounded border border-zinc-300 px-2 py-0.5 hover:bg-white focus-visible:outline-2 focus-visible:outline-emerald-600 dark:border-zinc-700 dark:hover:bg-zinc-900">
              Sign out
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
