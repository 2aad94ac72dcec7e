import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Nothing lives at this address. Cluster pages are <code className="font-mono">/c/&lt;cluster id&gt;</code>.
      </p>
      <Link href="/" className="mt-3 inline-block text-sm text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400">
        Open the default cluster
      </Link>
    </main>
  );
}
