import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { Suspense, type ReactNode } from 'react';
import { HydrationMarker } from '@/components/layout/hydration-marker';
import { SessionBar } from '@/components/layout/session-bar';
import { THEME_SCRIPT } from '@/components/layout/theme';
import { currentSession } from '@/lib/api/session';
import { NONCE_HEADER } from '@/lib/auth/headers';
import './globals.css';

export const metadata: Metadata = {
  title: 'CockroachDB backup monitor',
  description: 'Backup and restore monitor for CockroachDB: per-node metrics, jobs, schedules and backups.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafa' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts's per-request nonce: the Content-Security-Policy runs no inline script without it.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  const session = await currentSession();
  return (
    // The theme script sets `dark` on <html> before React hydrates, so its class differs from the server's.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Before first paint: a stored dark choice (or a dark OS) never flashes light. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {session && session.mode !== 'none' && (
          // useSearchParams (kiosk=1 hides it) needs a Suspense boundary.
          <Suspense fallback={null}>
            <SessionBar session={session} />
          </Suspense>
        )}
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
