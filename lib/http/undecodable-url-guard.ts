/**
 * Answers requests whose path cannot be percent-decoded before Next routes them (why:
 * undecodable-url.ts). Installed once at start-up by instrumentation.ts. It wraps the `request`
 * event of Node's HTTP servers, the one place in front of Next's router that `next start` leaves
 * to the app without a custom server or a proxy.ts (which another change owns; this check can
 * move there). Any other request passes untouched, so the cost is one `indexOf('%')` per request.
 */
import http from 'node:http';
import { isUndecodablePath, undecodablePathAnswer } from './undecodable-url';

const INSTALLED = Symbol.for('crdb-monitor.undecodable-url-guard');
type Guarded = typeof http.Server.prototype & { [INSTALLED]?: true };

export function installUndecodableUrlGuard(): void {
  const proto = http.Server.prototype as Guarded;
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const url = req.url ?? '/';
      if (isUndecodablePath(url)) {
        const a = undecodablePathAnswer(url);
        res.writeHead(a.status, a.headers);
        res.end(req.method === 'HEAD' ? undefined : a.body);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
