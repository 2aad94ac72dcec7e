/**
 * A lossless SQL tokenizer: joining every token's `text` gives back the input exactly, so the
 * rewriter can replace a few tokens (CockroachDB syntax) and pass everything else through untouched.
 * It only has to know where strings, quoted identifiers, comments and brackets start and end.
 */

export type TokKind = 'ws' | 'comment' | 'str' | 'qid' | 'num' | 'word' | 'param' | 'op' | 'punct';

export interface Tok {
  kind: TokKind;
  text: string;
  /** Upper-cased text for words (keyword comparisons are case-insensitive). */
  up: string;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;

export function tokenize(sql: string): Tok[] {
  const out: Tok[] = [];
  const n = sql.length;
  let i = 0;
  const push = (kind: TokKind, start: number) => {
    const text = sql.slice(start, i);
    out.push({ kind, text, up: kind === 'word' ? text.toUpperCase() : text });
  };
  while (i < n) {
    const start = i;
    const c = sql[i];
    const c2 = sql[i + 1];
    if (/\s/.test(c)) {
      while (i < n && /\s/.test(sql[i])) i++;
      push('ws', start);
    } else if (c === '-' && c2 === '-') {
      while (i < n && sql[i] !== '\n') i++;
      push('comment', start);
    } else if (c === '/' && c2 === '*') {
      let depth = 0;
      while (i < n) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        }
        else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      push('comment', start);
    } else if (c === "'" || ((c === 'E' || c === 'e' || c === 'B' || c === 'b' || c === 'X' || c === 'x') && c2 === "'")) {
      const escapes = c === 'E' || c === 'e';
      i += c === "'" ? 1 : 2;
      while (i < n) {
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
        else if (sql[i] === "'") {
          i++;
          break;
        } else i++;
      }
      push('str', start);
    } else if (c === '"') {
      i++;
      while (i < n) {
        if (sql[i] === '"' && sql[i + 1] === '"') i += 2;
        else if (sql[i] === '"') {
          i++;
          break;
        } else i++;
      }
      push('qid', start);
    } else if (c === '$' && c2 !== undefined && /[0-9]/.test(c2)) {
      i++;
      while (i < n && /[0-9]/.test(sql[i])) i++;
      push('param', start);
    } else if (c === '$') {
      // Dollar quoting: $tag$ ... $tag$ (the tag may be empty).
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (m) {
        const close = sql.indexOf(m[0], i + m[0].length);
        i = close < 0 ? n : close + m[0].length;
        push('str', start);
      } else {
        i++;
        push('op', start);
      }
    } else if (/[0-9]/.test(c) || (c === '.' && c2 !== undefined && /[0-9]/.test(c2))) {
      while (i < n && /[0-9.]/.test(sql[i])) i++;
      if ((sql[i] === 'e' || sql[i] === 'E') && /[-+0-9]/.test(sql[i + 1] ?? '')) {
        i += 2;
        while (i < n && /[0-9]/.test(sql[i])) i++;
      }
      push('num', start);
    } else if (WORD_START.test(c)) {
      while (i < n && WORD_CHAR.test(sql[i])) i++;
      push('word', start);
    } else if (c === ':' && c2 === ':') {
      // CockroachDB's type annotation `:::` is its own token so the rewriter can turn it into `::`.
      i += sql[i + 2] === ':' ? 3 : 2;
      push('op', start);
    } else if ('()[],;'.includes(c)) {
      i++;
      push('punct', start);
    } else {
      i++;
      push('op', start);
    }
  }
  return out;
}

export const isBlank = (t: Tok): boolean => t.kind === 'ws' || t.kind === 'comment';

/** Splits at top-level semicolons; drops statements that are only whitespace/comments. */
export function splitStatements(toks: Tok[]): Tok[][] {
  const stmts: Tok[][] = [];
  let cur: Tok[] = [];
  let depth = 0;
  for (const t of toks) {
    if (t.kind === 'punct' && (t.text === '(' || t.text === '[')) depth++;
    if (t.kind === 'punct' && (t.text === ')' || t.text === ']')) depth = Math.max(0, depth - 1);
    if (t.kind === 'punct' && t.text === ';' && depth === 0) {
      stmts.push(cur);
      cur = [];
    } else cur.push(t);
  }
  stmts.push(cur);
  return stmts.filter((s) => s.some((t) => !isBlank(t)));
}

export const join = (toks: Tok[]): string => toks.map((t) => t.text).join('');

/** Index of the bracket closing the one at `open` (same kind), or -1. */
export function matchClose(toks: Tok[], open: number): number {
  const o = toks[open].text;
  const c = o === '(' ? ')' : ']';
  let depth = 0;
  for (let i = open; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'punct') continue;
    if (t.text === o) depth++;
    else if (t.text === c && --depth === 0) return i;
  }
  return -1;
}

/** Decodes a plain or E'' string literal token to its value. */
export function stringValue(t: Tok): string {
  if (t.text.startsWith('$')) {
    const tag = /^\$[^$]*\$/.exec(t.text)?.[0] ?? '$$';
    return t.text.slice(tag.length, t.text.length - tag.length);
  }
  const escaped = t.text[0] === 'E' || t.text[0] === 'e';
  const body = t.text.slice(escaped ? 2 : 1, -1).replace(/''/g, "'");
  return escaped ? body.replace(/\\(.)/g, (_m, ch: string) => ({ n: '\n', t: '\t', r: '\r' })[ch] ?? ch) : body;
}

export const quoteLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;
