import Link from 'next/link';

/** A job id that cannot be one (not 1–19 digits), or an unknown cluster, in a job URL. */
export default function JobNotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-xl font-semibold">No such job</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        A job id is 1 to 19 digits (CockroachDB job ids are INT8), on a cluster this dashboard watches. Find the job in the{' '}
        <Link href="/" className="text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400">
          dashboard
        </Link>
        ’s jobs explorer.
      </p>
    </main>
  );
}
