/**
 * Failed sign-ins are rate-limited (rate-limiter-flexible, in memory): 5 failures per user name and
 * 20 per remote address in 5 minutes; past that, attempts are refused (429, Retry-After) until the
 * window moves on, whether or not the password would be right. A success clears the user's count.
 * On globalThis: the sign-in route and proxy.ts (HTTP Basic) count together.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';

const WINDOW_S = 300;
const KEY = Symbol.for('crdb-monitor.sign-in-limits');
type Limits = { user: RateLimiterMemory; remote: RateLimiterMemory };
type Holder = { [KEY]?: Limits };

function limits(): Limits {
  const g = globalThis as Holder;
  g[KEY] ??= { user: new RateLimiterMemory({ points: 5, duration: WINDOW_S }), remote: new RateLimiterMemory({ points: 20, duration: WINDOW_S }) };
  return g[KEY];
}

/** Seconds until another attempt is allowed, or 0 when one is allowed now. */
export async function signInBlockedFor(user: string, remote: string): Promise<number> {
  const l = limits();
  const [u, r] = await Promise.all([l.user.get(user), l.remote.get(remote)]);
  const wait = (res: typeof u, points: number) => (res && res.consumedPoints >= points ? Math.ceil(res.msBeforeNext / 1000) : 0);
  return Math.max(wait(u, 5), wait(r, 20));
}

export async function noteFailedSignIn(user: string, remote: string): Promise<void> {
  const l = limits();
  // consume() rejects once the points are spent: that is the limit being reached, not an error.
  await Promise.allSettled([l.user.consume(user), l.remote.consume(remote)]);
}

export async function noteSignIn(user: string): Promise<void> {
  await limits().user.delete(user);
}
