import { SignInCard, type SignInProps } from '@/components/auth/sign-in-card';
import { currentSession } from '@/lib/api/session';
import { authConfig } from '@/lib/auth/config';
import { safeReturnPath } from '@/lib/auth/return-path';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in · backup monitor' };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function noticeOf(sp: Search): SignInProps['notice'] {
  const error = one(sp.error);
  if (error === 'invalid') return { tone: 'error', text: 'Wrong user name or password.' };
  if (error === 'missing') return { tone: 'error', text: 'Enter your user name and password.' };
  if (error === 'locked') return { tone: 'error', text: `Too many failed sign-ins: try again in ${Number(one(sp.wait)) || 300} seconds.` };
  if (error === 'oidc') return { tone: 'error', text: `Sign-in did not complete: ${(one(sp.reason) ?? 'unknown reason').slice(0, 200)}.` };
  if (one(sp.signed_out) === '1') return { tone: 'info', text: 'You are signed out.' };
  return null;
}

/** /sign-in: the way in for the mode in force (a form, a provider button, or what the proxy must send). */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const cfg = authConfig();
  const session = await currentSession();
  const provider = cfg.oidc ? new URL(cfg.oidc.issuer).host : null;
  return <SignInCard mode={cfg.mode} next={safeReturnPath(one(sp.next))} notice={noticeOf(sp)} provider={provider} proxyHeader={cfg.proxyUserHeader} session={session} />;
}
