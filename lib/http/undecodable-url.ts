/**
 * A request path Next cannot percent-decode (`/c/%zz`, `/api/v1/clusters/demo/nodes/%E0%A4%A/vars`)
 * ends as a bare `500 Internal Server Error` in an App-Router-only build: Next turns the URIError
 * into a 400 and then finds no `/_error` page to render it with (vercel/next.js#94278, open for
 * 16.x). So such a request is answered 400 here, before Next sees it: `{error:{code,message}}` on
 * /api paths as every API error, a line of text elsewhere.
 */
export function isUndecodablePath(rawUrl: string): boolean {
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  if (path.indexOf('%') < 0) return false; // nearly every request: nothing to decode
  for (const segment of path.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const MESSAGE = 'the URL path is not valid percent-encoding (a literal % is written %25)';

export function undecodablePathAnswer(rawUrl: string): PlainAnswer {
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (rawUrl.startsWith('/api/')) {
    return { status: 400, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'bad_request', message: MESSAGE } }) };
  }
  return { status: 400, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }, body: `400 Bad Request: ${MESSAGE}.\n` };
}
