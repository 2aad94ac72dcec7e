import { isBlank, type Tok } from './lexer';

/** What the connection does with one client statement (the output of rewrite.ts). */
export type Plan =
  /** Run on PGlite. `tag` replaces PGlite's "SELECT n" with CockroachDB's command tag ("SHOW JOBS n"). */
  | { kind: 'sql'; sql: string; tag?: string }
  | { kind: 'error'; code: string; message: string; hint?: string }
  | { kind: 'txn'; op: TxnOp; tag: string }
  | { kind: 'set'; name: string; value: string | null; tag: 'SET' | 'RESET' }
  | { kind: 'show_var'; name: string }
  | ControlPlan;

export type TxnOp = 'begin' | 'commit' | 'rollback' | 'rollback_to' | 'noop';

export interface ControlPlan {
  kind: 'control';
  target: 'job' | 'schedule';
  op: 'PAUSE' | 'RESUME' | 'CANCEL';
  /** A query returning the ids to act on (first column), with the client's $n parameters. */
  idsSql: string;
  reason?: ValueRef;
  /** CockroachDB's tag without the count: "PAUSE JOBS", "RESUME SCHEDULES" (tree.ControlJobs/ControlSchedules). */
  tag: string;
}

export type ValueRef = { literal: string } | { param: number };

export const err = (code: string, message: string): Plan => ({ kind: 'error', code, message });

/** CockroachDB's wording for a parse error at a token (pgcode 42601). */
export const syntaxError = (near: string | undefined): Plan =>
  err('42601', near === undefined ? 'at or near "EOF": syntax error' : `at or near "${near.toLowerCase()}": syntax error`);

export const unsupported = (what: string): Plan =>
  err('0A000', `unimplemented: ${what} is not supported by the demo cluster`);

/** Non-blank tokens with their positions in the full token list, for keyword parsing. */
export class Cursor {
  readonly sig: number[];
  p = 0;
  constructor(readonly toks: Tok[]) {
    this.sig = toks.flatMap((t, i) => (isBlank(t) ? [] : [i]));
  }
  peek(k = 0): Tok | undefined {
    const i = this.sig[this.p + k];
    return i === undefined ? undefined : this.toks[i];
  }
  /** Upper-cased word at offset k, or '' when it is not a word. */
  word(k = 0): string {
    const t = this.peek(k);
    return t?.kind === 'word' ? t.up : '';
  }
  next(): Tok | undefined {
    const t = this.peek();
    if (t) this.p++;
    return t;
  }
  /** Consumes the given keywords in order if they all match. */
  accept(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (this.word(k) !== words[k]) return false;
    this.p += words.length;
    return true;
  }
  get done(): boolean {
    return this.p >= this.sig.length;
  }
  /** Raw tokens from the current position (blank tokens included) to `endP` (exclusive). */
  restToks(endP = this.sig.length): Tok[] {
    if (this.p >= this.sig.length) return [];
    const end = endP >= this.sig.length ? this.toks.length : this.sig[endP];
    return this.toks.slice(this.sig[this.p], end);
  }
  /** Position (in significant tokens) of the first top-level word `w` at or after the cursor. */
  findWord(w: string): number {
    let depth = 0;
    for (let q = this.p; q < this.sig.length; q++) {
      const t = this.toks[this.sig[q]];
      if (t.kind === 'punct' && (t.text === '(' || t.text === '[')) depth++;
      if (t.kind === 'punct' && (t.text === ')' || t.text === ']')) depth--;
      if (depth === 0 && t.kind === 'word' && t.up === w) return q;
    }
    return -1;
  }
}
