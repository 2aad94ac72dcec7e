import Link from 'next/link';
import { AuditTable } from '@/components/auth/audit-table';
import { mayReadAudit, readAudit } from '@/lib/api/audit';
import { currentPrincipal } from '@/lib/api/session';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Audit trail · backup monitor' };

const SHOWN = 500;
// A download of the API's JSON (the whole trail up to the API's bound), not a page.
const EXPORT_HREF = '/api/v1/audit?limit=5000';

function requestTime(): number {
  return Date.now();
}

/** /audit: every control action and sign-in, newest first, for operators; the JSON export beside it. */
export default async function AuditPage() {
  const who = await currentPrincipal();
  const allowed = who !== null && mayReadAudit(who);
  const events = allowed ? readAudit({ limit: SHOWN }).events : [];
  return (
    <main className="mx-auto flex w-full max-w-[1600px] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">Audit trail</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Every PAUSE, RESUME and CANCEL JOB, PAUSE and RESUME SCHEDULE, and every sign-in, with CockroachDB&apos;s answer. Newest first; the latest {SHOWN} here.</p>
        </div>
        <div className="flex gap-3 text-sm">
          <Link href="/" className="underline-offset-2 hover:underline">
            Dashboard
          </Link>
          {allowed && (
            <a href={EXPORT_HREF} download="audit.json" className="underline-offset-2 hover:underline">
              Export (JSON)
            </a>
          )}
        </div>
      </header>
      {allowed ? (
        <AuditTable events={events} now={requestTime()} />
      ) : (
        <p role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          The audit trail is shown to operators; {who?.user ?? 'you'} signed in as a viewer.
        </p>
      )}
    </main>
  );
}
