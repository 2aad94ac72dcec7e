import type { FetchError } from '@/components/data/fetcher';

const TITLE: Record<string, string> = {
  sql_unavailable: 'SQL is unreachable',
  sql_not_configured: 'No SQL connection configured',
  insufficient_privilege: 'Not allowed to read jobs',
  internals_restricted: 'Needs allow_unsafe_internals',
  bad_request: 'That filter does not work',
  not_found: 'Not found',
};

/** Why the jobs could not be read; the rest of the dashboard (metrics) keeps working. */
export function SqlErrorBanner({ error }: { error: FetchError }) {
  const critical = error.status >= 500 || error.status === 0;
  return (
    <div
      role="alert"
      data-testid="jobs-error"
      className={
        critical
          ? 'rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100'
          : 'rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100'
      }
    >
      <strong className="font-semibold">{TITLE[error.code] ?? 'Could not read jobs'}</strong> ({error.status === 0 ? 'no answer' : `HTTP ${error.status}`}, {error.code}): {error.message}
    </div>
  );
}
