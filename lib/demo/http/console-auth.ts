/**
 * DB Console web sessions, as a secure CockroachDB node keeps them (CRDB pkg/server/authserver:
 * authentication.go UserLogin / UserLogout / VerifySession / authenticationMux, cookie.go).
 *
 * - `POST /login` with UserLoginRequest JSON `{"username","password"}` creates a session (a row of
 *   system.web_sessions: id, sha256 of a 16-byte secret, username, expiresAt = now +
 *   server.web_session_timeout, 7 days) and answers `{}` with `Set-Cookie: session=…; Path=/; HttpOnly`
 *   (`Secure` only when the HTTP port serves TLS: the demo serves plain HTTP, so it is left out).
 *   The value is base64 of the SessionCookie proto {1: id varint, 2: secret bytes}; since 23.1 the
 *   server controller's login aggregates it with the tenant name (`<b64>,system`, cookie.go
 *   CreateAggregatedSessionCookieValue) and sets `tenant=system` too. Go's http.Cookie.String()
 *   quotes a value that contains a comma, so the header reads `session="<b64>,system"`.
 *   Wrong credentials: gRPC Unauthenticated → HTTP 401 with the gateway's error body.
 * - The authentication mux in front of `/ts/`, `/_status/` (but not `/_status/vars`) and
 *   `/_admin/v1/` answers a request without a valid session with
 *   `http.Error(w, "a valid authentication cookie is required", 401)` (plain text).
 * - `/logout` revokes the session and clears the cookie (`Max-Age=0`).
 * - A session is valid until expiresAt on the cluster's clock, or until revoked.
 * `cockroach auth-session login --only-cookie` creates a session through SQL and prints the legacy
 * single-value cookie (`session=<b64>; Path=/; HttpOnly`, cockroachdb/docs#8602); both forms are accepted
 * (FindSessionCookieValueForTenant).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { GatewayError, GRPC } from './grpc-gateway';

/** server.web_session_timeout default (authentication.go WebSessionTimeout). */
export const WEB_SESSION_TIMEOUT_MS = 7 * 86_400_000;
export const AUTH_REQUIRED_BODY = 'a valid authentication cookie is required\n';
export const LOGIN_FAILED = 'the provided credentials did not match any account on the server';

interface Session {
  hashedSecret: Buffer;
  username: string;
  expiresAtMs: number;
  revoked: boolean;
}

function varint(n: bigint): number[] {
  const out: number[] = [];
  let x = BigInt.asUintN(64, n);
  do {
    let b = Number(x & 0x7fn);
    x >>= 7n;
    if (x > 0n) b |= 0x80;
    out.push(b);
  } while (x > 0n);
  return out;
}

/** SessionCookie proto bytes → base64 (EncodeSessionCookie). */
export function encodeSessionCookie(id: bigint, secret: Buffer): string {
  return Buffer.from([0x08, ...varint(id), 0x12, secret.length, ...secret]).toString('base64');
}

/** base64 SessionCookie → {id, secret}, or null when it is not one. */
export function decodeSessionCookie(value: string): { id: bigint; secret: Buffer } | null {
  const b = Buffer.from(value, 'base64');
  if (b.length < 3 || b[0] !== 0x08) return null;
  let id = 0n;
  let shift = 0n;
  let i = 1;
  for (; i < b.length; i++) {
    id |= BigInt(b[i] & 0x7f) << shift;
    shift += 7n;
    if ((b[i] & 0x80) === 0) break;
  }
  i++;
  if (b[i] !== 0x12 || i + 2 + b[i + 1] !== b.length) return null;
  return { id: BigInt.asIntN(64, id), secret: b.subarray(i + 2) };
}

/** The `session` cookie values a request carries, unquoted, each reduced to the system tenant's session. */
function sessionValues(cookieHeader: string | undefined): string[] {
  if (!cookieHeader) return [];
  const out: string[] = [];
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== 'session') continue;
    let v = part.slice(eq + 1).trim();
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
    const pieces = v.split(',');
    // Aggregated `<session>,<tenant>,…`: the session just before the tenant name "system".
    if (pieces.length === 1) out.push(v);
    else pieces.forEach((p, k) => p === 'system' && k > 0 && out.push(pieces[k - 1]));
  }
  return out;
}

export class ConsoleSessions {
  private readonly sessions = new Map<bigint, Session>();
  private seq = 0n;

  constructor(
    private readonly users: Readonly<Record<string, string>>,
    /** The cluster's clock (ms): sessions expire on it, as CockroachDB's do on the node clock. */
    private readonly nowMs: () => number,
  ) {}

  /** Creates a session (UserLogin after the password matched); returns the SessionCookie base64 value. */
  private create(username: string): string {
    const secret = randomBytes(16);
    // unique_rowid()-shaped ids: wall time in the high bits, so they look like CockroachDB's INT8 ids.
    const id = (BigInt(Date.now()) << 15n) + ++this.seq;
    this.sessions.set(id, { hashedSecret: createHash('sha256').update(secret).digest(), username, expiresAtMs: this.nowMs() + WEB_SESSION_TIMEOUT_MS, revoked: false });
    return encodeSessionCookie(id, secret);
  }

  /** `POST /login`: the Set-Cookie headers, or GatewayError(Unauthenticated). Usernames are case-insensitive in CockroachDB. */
  login(username: string, password: string): string[] {
    if (username === '') throw new GatewayError(GRPC.Unauthenticated, 'no username was provided');
    const user = username.toLowerCase();
    const expected = this.users[user];
    const ok = expected !== undefined && expected.length === password.length && timingSafeEqual(Buffer.from(expected), Buffer.from(password));
    if (!ok) throw new GatewayError(GRPC.Unauthenticated, LOGIN_FAILED);
    return [`session="${this.create(user)},system"; Path=/; HttpOnly`, 'tenant=system; Path=/'];
  }

  /** What `cockroach auth-session login <user> --only-cookie` prints. */
  mint(username: string): string {
    return `session=${this.create(username.toLowerCase())}; Path=/; HttpOnly`;
  }

  /** The session id of a valid session cookie in the request, or null (VerifySession). */
  verify(cookieHeader: string | undefined): bigint | null {
    for (const value of sessionValues(cookieHeader)) {
      const c = decodeSessionCookie(value);
      const s = c && this.sessions.get(c.id);
      if (!c || !s || s.revoked || this.nowMs() >= s.expiresAtMs) continue;
      const hash = createHash('sha256').update(c.secret).digest();
      if (timingSafeEqual(hash, s.hashedSecret)) return c.id;
    }
    return null;
  }

  /** `/logout`: revokes the session; the header that clears the cookie. */
  logout(id: bigint): string {
    const s = this.sessions.get(id);
    if (s) s.revoked = true;
    return 'session=; Path=/; Max-Age=0; HttpOnly';
  }

  /** Every session expires now (tests: a dashboard must sign in again). Returns how many were valid. */
  expireAll(): number {
    const now = this.nowMs();
    let n = 0;
    for (const s of this.sessions.values()) {
      if (!s.revoked && now < s.expiresAtMs) n++;
      s.expiresAtMs = Math.min(s.expiresAtMs, now);
    }
    return n;
  }

  usernames(): string[] {
    return Object.keys(this.users);
  }
}
