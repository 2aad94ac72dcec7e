/**
 * How many times each statement reached the demo's SQL endpoint (a Query message, or the Parse of
 * a parameterised query), keyed by its text with whitespace collapsed: lets a test prove that a
 * cache in front of the cluster saves the statements it claims to. Distinct texts are bounded
 * (statements that inline literals would otherwise grow it forever); past the bound they count
 * under OTHER.
 */
export const MAX_TEXTS = 2_000;
export const OTHER = '(other statements)';

export class StatementCounts {
  private readonly counts = new Map<string, number>();

  add(sql: string): void {
    let key = sql.trim().replace(/\s+/g, ' ');
    if (!this.counts.has(key) && this.counts.size >= MAX_TEXTS) key = OTHER;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Statements received so far whose text matches (a string matches as a case-insensitive prefix). */
  count(match: RegExp | string): number {
    const test = typeof match === 'string' ? (s: string) => s.toLowerCase().startsWith(match.toLowerCase()) : (s: string) => match.test(s);
    let n = 0;
    for (const [text, c] of this.counts) if (test(text)) n += c;
    return n;
  }
}
