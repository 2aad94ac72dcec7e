/**
 * Cuts the wanted families out of a raw `/_status/vars` page before any of it is decoded. A
 * CockroachDB page is 300 KB–1 MB of ~1,000 families of which the dashboard wants ~35; decoding and
 * line-scanning all of it was most of a scrape's CPU. Every family CockroachDB prints starts with
 * its `# HELP` line (expfmt writes HELP, TYPE, then the samples), so hopping from one `\n# HELP `
 * to the next (a native substring search over bytes) and keeping only the wanted blocks leaves
 * the parser a few KB. Pages that do not start that way get `null`: the caller then decodes and
 * parses the whole page, which also judges whether it is the exposition format at all.
 */
const HELP = Buffer.from('# HELP ');
const NEXT_HELP = Buffer.from('\n# HELP ');
const SPACE = 0x20;
const NL = 0x0a;

export function selectFamilies(page: Buffer, keep: (family: string) => boolean): string | null {
  let start = 0;
  while (start < page.length && (page[start] === SPACE || page[start] === NL || page[start] === 0x0d || page[start] === 0x09)) start++;
  if (start + HELP.length > page.length || page.compare(HELP, 0, HELP.length, start, start + HELP.length) !== 0) return null;
  const parts: string[] = [];
  while (start >= 0 && start < page.length) {
    const nameStart = start + HELP.length;
    const next = page.indexOf(NEXT_HELP, nameStart);
    const lineEnd = next < 0 ? page.length : next;
    const space = page.indexOf(SPACE, nameStart);
    const nl = page.indexOf(NL, nameStart);
    const nameEnd = Math.min(space < 0 ? lineEnd : space, nl < 0 ? lineEnd : nl);
    const end = next < 0 ? page.length : next + 1;
    const name = page.toString('latin1', nameStart, nameEnd);
    // node_id is always kept: it names the node (the parser reads it whatever `keep` says).
    if (name === 'node_id' || keep(name)) parts.push(page.toString('utf8', start, end));
    start = next < 0 ? -1 : next + 1;
  }
  // Keep the block boundaries: a kept last family may end without a newline.
  return parts.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('');
}
