/**
 * Is this body the Prometheus text format at all? A scraper marks a node down when it is not:
 * a proxy's HTML error page, a JSON answer from the wrong endpoint, or gzip bytes that fetch
 * decoded as text. Only the head of the body is examined (no copy of it is made), so the check
 * costs microseconds on a 1 MB page; deeper damage shows up as `malformedLines` in the parse.
 */
import { CR, HASH, readSampleTail, scanName, skipBlanks } from './lexer';

export type SniffResult = { ok: true } | { ok: false; reason: string };

/** How far to look: enough for several families, small enough to be free. */
const HEAD_CHARS = 8192;
const HEAD_LINES = 16;
/** Binary check window: fetch().text() turns invalid UTF-8 into U+FFFD; the format never has NUL. */
const BINARY_CHARS = 1024;

export function sniffExposition(text: string): SniffResult {
  if (text.length === 0) return { ok: false, reason: 'empty body' };
  const limit = Math.min(text.length, HEAD_CHARS);
  for (let i = 0, n = Math.min(limit, BINARY_CHARS); i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c === 0xfffd) return { ok: false, reason: 'binary data, not Prometheus text' };
  }
  let start = 0;
  while (start < limit && /\s/.test(text[start])) start++;
  if (start === text.length) return { ok: false, reason: 'blank body' };
  const first = text.charCodeAt(start);
  if (first === 0x3c /* < */) return { ok: false, reason: 'HTML/XML, not Prometheus text' };
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) return { ok: false, reason: 'JSON, not Prometheus text' };

  // One bad line does not make a page garbage (the parser counts it as malformed), but the
  // first line that says anything must be Prometheus text, and most of the head must be.
  let structural = 0;
  let invalid = 0;
  let firstProblem: SniffResult | undefined;
  let p = 0;
  for (let n = 1; n <= HEAD_LINES && p < limit; n++) {
    let nl = text.indexOf('\n', p);
    if (nl < 0) nl = text.length;
    if (nl > limit && limit < text.length) break; // a line cut by the window: do not misjudge it
    const end = nl > p && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    const s = skipBlanks(text, p, end);
    p = nl + 1;
    if (s === end) continue;
    if (text.charCodeAt(s) === HASH) {
      if (/^#[ \t]*(HELP|TYPE)[ \t]/.test(text.slice(s, Math.min(end, s + 8)))) structural++;
      continue;
    }
    const nameEnd = scanName(text, s, end);
    if (nameEnd > s && typeof readSampleTail(text, nameEnd, end) !== 'string') {
      structural++;
      continue;
    }
    if (structural === 0) return notText(n, text.slice(s, end));
    invalid++;
    firstProblem ??= notText(n, text.slice(s, end));
  }
  if (structural === 0) return { ok: false, reason: 'no HELP, TYPE or sample line in the first lines' };
  if (firstProblem && invalid >= structural) return firstProblem;
  return { ok: true };
}

export function looksLikeExposition(text: string): boolean {
  return sniffExposition(text).ok;
}

function notText(line: number, content: string): SniffResult {
  const shown = content.length > 60 ? `${content.slice(0, 60)}…` : content;
  return { ok: false, reason: `line ${line} is not Prometheus text: ${JSON.stringify(shown)}` };
}
