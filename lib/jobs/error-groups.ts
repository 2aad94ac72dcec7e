/**
 * Failures grouped by what went wrong. The database groups by exact error text; messages that differ
 * only in numbers and ids ("exporting 1342 ranges …" / "exporting 97 ranges …", request ids, node
 * ids) are one problem to an on-call engineer, so they are merged here. Each group carries a `q` that
 * the explorer's text search (description, error, execution_errors) finds it by. Pure.
 */
import type { ErrorGroup } from '../api/types/jobs';

/**
 * Numbers that start a word (counts, codes, ranges, addresses) and long id-like tokens (request ids,
 * hex) become '#'; whitespace is collapsed. A digit inside a word ("s3", "n2") is part of a name.
 */
export function errorKey(error: string): string {
  return error
    .replace(/\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{10,}\b/g, '#')
    .replace(/\b[0-9a-f]{8,}\b/gi, '#')
    .replace(/\b\d[\w.]*/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/** q is at most this long (the filter allows 200) and at least this long to be specific. */
const Q_MAX = 120;
const Q_MIN = 12;

/**
 * The text a group is searched by (a "contains" match): the longest stretch of its first line between
 * variable parts (numbers starting a word, id-like tokens), so that every message of the group has it.
 * When no stretch is specific enough, the first line itself (cut to Q_MAX at a word boundary). It may
 * match a few messages outside the group; the list's total says how many it found.
 */
export function searchTextOf(error: string): string {
  const line = (error.split('\n')[0] ?? '').trim();
  const parts = line.split(/\b\d[\w.]*|\b(?=[A-Z0-9]*\d)[A-Z0-9]{10,}\b/).map((x) => x.trim().replace(/^[\s:,;)/]+|[\s:,;(/]+$/g, ''));
  const longest = parts.reduce((a, x) => (x.length > a.length ? x : a), '');
  const head = longest.length >= Q_MIN ? longest : line;
  if (head.length <= Q_MAX) return head;
  const cut = head.slice(0, Q_MAX);
  const space = cut.lastIndexOf(' ');
  return space > Q_MIN ? cut.slice(0, space) : cut;
}

/** Rows as the grouping statement returns them (exact texts) → merged groups, most frequent first. */
export function mergeErrorGroups(rows: { error: string; n: number; newest: string | null }[]): ErrorGroup[] {
  const by = new Map<string, ErrorGroup & { top: number }>();
  for (const r of rows) {
    const key = errorKey(r.error);
    const g = by.get(key);
    if (!g) {
      by.set(key, { key, error: r.error, count: r.n, variants: 1, newest: r.newest, q: searchTextOf(r.error), top: r.n });
      continue;
    }
    g.count += r.n;
    g.variants += 1;
    if (r.newest !== null && (g.newest === null || r.newest > g.newest)) g.newest = r.newest;
    // The most frequent exact text represents the group.
    if (r.n > g.top) {
      g.top = r.n;
      g.error = r.error;
      g.q = searchTextOf(r.error);
    }
  }
  return [...by.values()].map((g) => ({ key: g.key, error: g.error, count: g.count, variants: g.variants, newest: g.newest, q: g.q })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
