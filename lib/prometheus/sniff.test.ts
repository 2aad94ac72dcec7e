import { describe, expect, it } from 'vitest';
import { looksLikeExposition, sniffExposition } from './sniff';

describe('looksLikeExposition', () => {
  it.each([
    ['v19.2 head', '# HELP a b\n# TYPE a gauge\na 0.0\n'],
    ['23.x head', '# HELP a b\n# TYPE a gauge\na{node_id="1"} 4\n'],
    ['samples only, no comments', 'a 1\nb{x="y"} 2\n'],
    ['CRLF', '# TYPE a gauge\r\na 1\r\n'],
    ['leading blank lines', '\n\n# TYPE a gauge\na 1'],
    ['one bad line among good ones', '# TYPE a gauge\na 1\nb{ 2\nc 3\n'],
    ['a long body cut mid-line at the sniff window', `# TYPE a gauge\n${'a{x="1"} 1\n'.repeat(2000)}`],
  ])('%s → true', (_, text) => {
    expect(looksLikeExposition(text)).toBe(true);
  });

  it.each([
    ['empty', '', /empty/],
    ['whitespace only', ' \n\n\t', /blank/],
    ['HTML', '<!doctype html>\n<html><head><title>Login</title></head></html>', /HTML/],
    ['HTML after blanks', '\n  <html></html>', /HTML/],
    ['JSON object', '{"nodes":[]}', /JSON/],
    ['JSON array', '[1,2,3]', /JSON/],
    ['NUL bytes', 'a 1\u0000\u0000', /binary/],
    ['gzip decoded as UTF-8', '\u001f\uFFFD\b\u0000\u0000\u0000\u0000\u0000\u0000\u0003\uFFFD', /binary/],
    ['plain text error', '404 page not found\n', /line 1/],
    ['words', 'Service Unavailable\n', /line 1/],
    ['markdown', '# Title\n\nSome text here\n', /line 3/],
    ['mostly garbage after one sample', 'a 1\nfoo bar\nbaz qux\n', /line 2/],
    ['comments only', '# just a comment\n# another\n', /no HELP, TYPE or sample/],
  ])('%s → false (%s)', (_, text, reason) => {
    const r = sniffExposition(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(reason);
    expect(looksLikeExposition(text)).toBe(false);
  });
});
