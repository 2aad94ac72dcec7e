/**
 * The address a request came from. Next.js does not give route handlers or proxy.ts the socket's
 * peer, and X-Forwarded-For is whatever the client wrote; so the dashboard's own server
 * (scripts/serve.mjs) drops any incoming PEER_HEADER and writes the socket's remote address into it,
 * and says so on globalThis. Served any other way (a bare `next start`), the peer is unknown: proxy
 * mode then trusts nobody.
 */
import { BlockList, isIP } from 'node:net';

export const PEER_HEADER = 'x-crdb-monitor-peer';
const STAMPED = Symbol.for('crdb-monitor.peer-stamped');

type Holder = { [STAMPED]?: boolean };

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) → `10.0.0.1`. */
function normalise(addr: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(addr);
  return m ? m[1] : addr;
}

export function peerAddress(headers: Headers): string | null {
  if ((globalThis as Holder)[STAMPED] !== true) return null;
  const v = headers.get(PEER_HEADER);
  return v && isIP(normalise(v)) ? normalise(v) : null;
}

/** AUTH_PROXY_TRUSTED entries (addresses and CIDR ranges, v4 or v6) as one matcher; a bad entry is an error naming it. */
export function trustedProxies(entries: readonly string[]): (addr: string | null) => boolean {
  const list = new BlockList();
  for (const raw of entries) {
    const [addr, bits, extra] = raw.split('/');
    const family = isIP(addr);
    const prefix = bits === undefined ? undefined : Number(bits);
    if (family === 0 || extra !== undefined || (prefix !== undefined && (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)))) {
      throw new Error(`AUTH_PROXY_TRUSTED: "${raw.slice(0, 60)}" is not an address or a CIDR range (10.0.0.5, 10.0.0.0/24, fd00::/8)`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, prefix, type);
  }
  return (addr) => {
    if (addr === null) return false;
    const a = normalise(addr);
    const family = isIP(a);
    return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6');
  };
}

const LOOPBACK = trustedProxies(['127.0.0.0/8', '::1/128']);

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || LOOPBACK(h);
}
