import Link from 'next/link';

/** A schedule id that cannot be one (not 1–19 digits), or that no schedule has. */
export default function ScheduleNotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-xl font-semibold">No such schedule</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        A schedule id is 1 to 19 digits (CockroachDB schedule ids are INT8), of a schedule that still exists on this cluster (a dropped schedule is gone
        from SHOW SCHEDULES). See the{' '}
        <Link href="../schedules" className="text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400">
          cluster’s schedules
        </Link>
        .
      </p>
    </main>
  );
}
