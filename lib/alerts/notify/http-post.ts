import http from 'node:http';
import https from 'node:https';

/**
 * One JSON POST to a receiver. Errors are told apart the way the retry needs them: network errors,
 * timeouts, 5xx, 408 and 429 may pass and are retried; any other non-2xx will not (a 400 from
 * Alertmanager is a payload it rejects, and sending it again changes nothing). Messages never
 * contain the URL or a header, so they are safe to show and log.
 */
export type PostResult = { ok: true; status: number } | { ok: false; retryable: boolean; error: string };

export interface PostInit {
  headers: Record<string, string>;
  /** Aborts the request (timeout or stop); the caller words the error. */
  signal: AbortSignal;
}

export type Post = (url: string, body: string, init: PostInit) => Promise<PostResult>;

const ERROR_BODY_CHARS = 200;

function fromStatus(status: number, text: string): PostResult {
  if (status >= 200 && status <= 299) return { ok: true, status };
  const detail = text.trim().replace(/\s+/g, ' ').slice(0, ERROR_BODY_CHARS);
  return { ok: false, retryable: status >= 500 || status === 408 || status === 429, error: `HTTP ${status}${detail ? `: ${detail}` : ''}` };
}

function networkError(err: unknown): PostResult {
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e.code ?? e.cause?.code;
  const what = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'host not found' : (code ?? e.cause?.message ?? e.message);
  return { ok: false, retryable: true, error: what };
}

/** Node's http/https, so that a private CA (ALERTMANAGER_CA) can be trusted; kept-alive sockets. */
export function nodePost(ca: string | null): Post {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 2, ca: ca ?? undefined });
  const plain = new http.Agent({ keepAlive: true, maxSockets: 2 });
  return (url, body, init) =>
    new Promise((resolve) => {
      const isHttps = url.startsWith('https:');
      const req = (isHttps ? https : http).request(url, {
        method: 'POST',
        agent: isHttps ? agent : plain,
        signal: init.signal,
        headers: { ...init.headers, 'content-length': String(Buffer.byteLength(body)) },
      });
      req.on('error', (err) => resolve(networkError(err)));
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        // Only the start of an error body is kept; the rest is read and discarded to free the socket.
        res.on('data', (c: string) => {
          if (text.length < ERROR_BODY_CHARS) text += c;
        });
        res.on('error', (err) => resolve(networkError(err)));
        res.on('end', () => resolve(fromStatus(res.statusCode ?? 0, text)));
      });
      req.end(body);
    });
}

/** An injected fetch (tests, or a runtime with its own); the CA is then the fetch's business. */
export function fetchPost(f: typeof fetch): Post {
  return async (url, body, init) => {
    try {
      const res = await f(url, { method: 'POST', headers: init.headers, body, signal: init.signal });
      const text = res.ok ? '' : await res.text().catch(() => '');
      if (res.ok) await res.body?.cancel().catch(() => undefined);
      return fromStatus(res.status, text);
    } catch (err) {
      return networkError(err);
    }
  };
}
