function Details({ sqlUrl }: { sqlUrl: string | null }) {
  return (
    <>
      This dashboard is watching its built-in stand-in for CockroachDB, with 14 days of simulated backup history. To watch a real cluster, set{' '}
      <code className="font-mono">CRDB_SQL_URL</code> and <code className="font-mono">CRDB_HTTP_URLS</code> (see <code className="font-mono">.env.example</code>) and restart.
      {sqlUrl && (
        <>
          {' '}
          Its SQL is open to any client: <code className="font-mono break-all select-all">psql &apos;{sqlUrl}&apos;</code>
        </>
      )}
    </>
  );
}

/**
 * Says that this is the built-in demo cluster and how to point the dashboard at a real one. On a
 * phone one line that opens on tap: six lines of it would push the backups below the first screen.
 */
export function DemoBanner({ sqlUrl }: { sqlUrl: string | null }) {
  const frame = 'border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100';
  return (
    <div role="note" aria-label="Demo cluster">
      <details className={`${frame} sm:hidden`}>
        <summary className="cursor-pointer">
          <strong>Demo cluster</strong>: the built-in stand-in. How to watch yours
        </summary>
        <p className="mt-1">
          <Details sqlUrl={sqlUrl} />
        </p>
      </details>
      <p className={`${frame} max-sm:hidden`}>
        <strong>Demo cluster.</strong> <Details sqlUrl={sqlUrl} />
      </p>
    </div>
  );
}
