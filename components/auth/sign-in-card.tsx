import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SessionView } from '@/lib/api/types/session';

export interface SignInProps {
  mode: SessionView['mode'];
  /** Where to go after signing in (already checked to be a path on this dashboard). */
  next: string;
  /** Why the user is here again: a failed attempt, a lock-out, a signed-out session. */
  notice: { tone: 'error' | 'info'; text: string } | null;
  /** OIDC: the provider's host, for the button. */
  provider: string | null;
  /** Proxy mode: the header the proxy must send. */
  proxyHeader: string;
  session: SessionView | null;
}

const field = 'w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100';
const primary = 'inline-flex w-full items-center justify-center rounded-md bg-emerald-700 px-3 py-2 text-sm font-semibold text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 dark:bg-emerald-600 dark:hover:bg-emerald-500';

function Body({ props }: { props: SignInProps }): ReactNode {
  const { mode, next, provider, proxyHeader, session } = props;
  if (session && mode !== 'none') {
    return (
      <div className="flex flex-col gap-3 text-sm">
        <p>
          Signed in as <strong>{session.user}</strong> ({session.role}).
        </p>
        <Link href={next} className={primary}>
          Continue to the dashboard
        </Link>
      </div>
    );
  }
  if (mode === 'basic') {
    return (
      // A plain form POST: it works before hydration, and the server answers with a redirect.
      <form method="post" action="/api/v1/auth/sign-in" className="flex flex-col gap-3">
        <input type="hidden" name="next" value={next} />
        <label className="flex flex-col gap-1 text-sm font-medium">
          User name
          <input name="user" autoComplete="username" required autoFocus maxLength={200} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Password
          <input name="password" type="password" autoComplete="current-password" required maxLength={1000} className={field} />
        </label>
        <button type="submit" className={primary}>
          Sign in
        </button>
      </form>
    );
  }
  if (mode === 'oidc') {
    return (
      // A link, not a form: the provider's page is on another origin (the CSP's form-action is 'self').
      <a href={`/api/v1/auth/oidc/login?${new URLSearchParams({ next }).toString()}`} className={primary}>
        Sign in with {provider ?? 'your identity provider'}
      </a>
    );
  }
  if (mode === 'proxy') {
    return (
      <p className="text-sm">
        This dashboard takes your identity from the proxy in front of it (the <code className="font-mono text-xs">{proxyHeader}</code> header). Open it through that proxy; if you did, the proxy did not say who you
        are.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p>There is no sign-in on this dashboard (AUTH_MODE=none): it is read-only to whoever can reach it.</p>
      <Link href="/" className={primary}>
        Open the dashboard
      </Link>
    </div>
  );
}

/** The sign-in page's card: the form, provider button or explanation of the mode in force. */
export function SignInCard(props: SignInProps) {
  return (
    <main className="flex min-h-[80vh] items-center justify-center px-4 py-10">
      <section aria-labelledby="sign-in-title" className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">CockroachDB backup monitor</p>
        <h1 id="sign-in-title" className="mt-1 mb-4 text-xl font-semibold">
          Sign in
        </h1>
        {props.notice && (
          <p role={props.notice.tone === 'error' ? 'alert' : 'status'} className={props.notice.tone === 'error' ? 'mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200' : 'mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'}>
            {props.notice.text}
          </p>
        )}
        <Body props={props} />
      </section>
    </main>
  );
}
