import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { HydrationMarker } from '@/components/layout/hydration-marker';
import { THEME_SCRIPT } from '@/components/layout/theme';
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets `dark` on <html> before React hydrates, so its class differs from the server's.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Before first paint: a stored dark choice (or a dark OS) never flashes light. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
