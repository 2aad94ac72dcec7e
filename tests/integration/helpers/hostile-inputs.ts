/**
 * fast-check arbitraries for hostile requests: path segments, query strings, headers and bodies
 * with very long values, bad percent-encoding, unicode, huge numbers and injection strings (SQL,
 * HTML/script, template, path traversal, CRLF). Each mixes a fixed list of known-nasty values
 * (fast-check shrinks towards the first ones) with generated ones.
 */
import fc from 'fast-check';
import { HTTP_METHODS, type AppRoute, type HttpMethod } from './route-table';

/** Known-nasty text, as a value would arrive once decoded. */
const NASTY = [
  '%', // a lone percent: the `/nodes/%25/vars` 500 of issue 14
  '%%',
  '100%',
  '50%zz',
  "' OR '1'='1",
  "1; DROP TABLE system.jobs; --",
  "1' UNION SELECT crdb_internal.node_id() --",
  '$1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '\r\nSet-Cookie: injected=1',
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627', // RTL override + Arabic
  '🔥💾',
  'Ω≈ç√∫˜µ≤≥÷',
  '\uD800', // a lone surrogate
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e308',
  '1e309',
  '9223372036854775807', // INT8 max
  '9223372036854775808', // INT8 max + 1
  '-9223372036854775809',
  '99999999999999999999999999999999999999',
  '0x7fffffff',
  '1.5',
  ' ',
  '',
  ',,,',
  'now-99999999999999h',
  '2026-13-45T25:61:61Z',
  'a'.repeat(5000),
  '9'.repeat(400),
];

/** A raw percent-encoded fragment a URL parser keeps as it is: bad escapes survive into the request. */
const RAW_ESCAPES = ['%', '%25', '%zz', '%E0%A4%A', '%C0%AF', '%2e%2e%2f', '%00', '%0d%0a', '%FF%FE', '%u0041', '%%32%35', '%ED%A0%80'];

const nastyText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  // Long values, generated long but free to shrink to short ones, so a counterexample reads well.
  { weight: 1, arbitrary: fc.string({ maxLength: 6000, size: 'max' }) },
);

/** Encoded for a URL, or left raw with a bad escape spliced in. */
export const urlPart = fc.oneof(
  { weight: 3, arbitrary: nastyText.map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...RAW_ESCAPES), fc.string({ maxLength: 8 })).map(([a, e, b]) => `${encodeURIComponent(a)}${e}${encodeURIComponent(b)}`) },
);

/** Values a route's parameter takes: mostly real ones (so deeper code runs), else hostile. */
export interface KnownValues {
  cluster: string[];
  jobId: string[];
  id: string[];
  node: string[];
  action: string[];
  metric: string[];
}

function paramValue(name: string, known: KnownValues): fc.Arbitrary<string> {
  const real = (known as unknown as Record<string, string[] | undefined>)[name === 'name' ? 'metric' : name] ?? [];
  return real.length > 0 ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...real) }, { weight: 3, arbitrary: urlPart }) : urlPart;
}

/** Query keys the app reads (lib/links.ts, lib/jobs/filter.ts, the API routes), and a few it does not. */
const QUERY_KEYS = ['from', 'to', 'nodes', 'node', 'type', 'status', 'q', 'limit', 'cursor', 'step', 'format', 'sort', 'scheduled', 'retried', 'refresh', 'kiosk', 'collection', 'backup', 'holder', 'name', 'tz', '__proto__', 'constructor'];

export const queryString = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 6,
    arbitrary: fc
      .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: urlPart }), urlPart), { minLength: 1, maxLength: 5 })
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('?', '?&&&', '?=', '?==%', '?a=1&a=2&a=3', '?from=now-6h&from=garbage', '?%zz=%zz', '?limit=1e999', '?cursor=eyJhIjoxfQ', `?q=${'%41'.repeat(3000)}`) },
);

/** Header values must be visible ASCII or blanks for fetch to send them at all (CRLF is refused client-side). */
const headerValue = fc.oneof(
  fc.constantFrom("' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '%zz', '9'.repeat(300), '*/*', 'garbage;;;==', '{"a":', 'x'.repeat(6000)),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
);

export const headers = fc.record(
  {
    accept: fc.oneof(fc.constantFrom('application/json', 'text/html', 'text/csv', '*/*', 'text/x-component'), headerValue),
    'content-type': fc.oneof(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16'), headerValue),
    cookie: headerValue,
    authorization: fc.oneof(fc.constantFrom('Basic Og==', 'Basic !!!', 'Bearer ' + 'a'.repeat(500)), headerValue),
    'x-forwarded-for': fc.oneof(fc.constantFrom('127.0.0.1', '::1', '1.1.1.1, 2.2.2.2', 'not-an-ip'), headerValue),
    'x-forwarded-host': headerValue,
    'x-forwarded-proto': fc.oneof(fc.constantFrom('https', 'gopher'), headerValue),
    origin: fc.oneof(fc.constantFrom('null', 'http://evil.example', 'http://127.0.0.1'), headerValue),
    'accept-language': headerValue,
    range: fc.oneof(fc.constantFrom('bytes=0-0', 'bytes=-1', 'bytes=999999999-'), headerValue),
    'if-none-match': headerValue,
    // Next's own request headers: a page request that claims to be an RSC navigation or a server action
    rsc: fc.constantFrom('1', '0', 'yes'),
    'next-router-state-tree': fc.oneof(fc.constantFrom('%5B%5D', '[]', '%zz', '%5B%22%22%2C%7B%7D%5D'), headerValue),
    'next-router-prefetch': fc.constantFrom('1', '2'),
    'next-action': fc.oneof(fc.constantFrom('0'.repeat(40), 'deadbeef'), headerValue),
    'x-middleware-subrequest': fc.constantFrom('middleware', 'proxy:proxy:proxy:proxy:proxy'),
  },
  { requiredKeys: [] },
);

export const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"confirm":true}', '[]', 'null', '{"__proto__":{"admin":true}}', '{"a":' + '['.repeat(5000), 'x'.repeat(200_000)) },
);

export interface HostileRequest {
  method: HttpMethod;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** One request against `route`: its path filled with parameter values, a query, headers, maybe a body. */
export function requestFor(route: AppRoute, known: KnownValues): fc.Arbitrary<HostileRequest> {
  const segments = route.segments.map((s) => {
    if (s.kind === 'literal') return fc.constant(s.text);
    if (s.kind === 'param') return paramValue(s.name, known);
    return fc.array(urlPart, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
  });
  // Mostly the methods the route serves; sometimes any other.
  const method = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...route.methods) }, { weight: 1, arbitrary: fc.constantFrom(...HTTP_METHODS) });
  return fc.record({ method, segments: fc.tuple(...segments), query: queryString, headers, body }).map(({ method, segments, query, headers, body }) => ({
    method,
    path: `/${segments.join('/')}${query}`,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : body,
  }));
}
