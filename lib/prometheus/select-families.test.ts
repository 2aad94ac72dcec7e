import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCatalogMetric } from '../catalog';
import { renderStatusVars } from '../demo/http/status-vars';
import { DemoModel } from '../demo/model/model';
import { parseExposition } from './parse';
import { selectFamilies } from './select-families';

const capture = readFileSync(path.join(__dirname, 'fixtures', 'cockroach-v19.2.2-full.prom'));
const keepCatalog = (f: string) => f === 'node_id' || isCatalogMetric(f);
const samplesOf = (text: string, keep: (f: string) => boolean) => {
  const p = parseExposition(text, { keep });
  return { valid: p.valid, samples: [...p.samples.entries()], identity: p.nodeIdentity, malformed: p.malformedLines };
};

describe('selectFamilies', () => {
  const model = new DemoModel({ nodes: 2, seed: 5, speed: 0, version: '25.4', startMs: Date.parse('2026-11-25T12:00:00Z'), historyDays: 2 });
  const demoPage = Buffer.from(renderStatusVars({ state: model, nodeId: 2, seed: 5, scrapeNo: 3 }));

  it.each([
    ['a demo page, catalog families', demoPage, keepCatalog],
    ['the v19.2.2 capture, a few families', capture, (f: string) => ['sql_insert_count', 'raft_process_logcommit_latency', 'node_id', 'capacity'].includes(f)],
    ['the v19.2.2 capture, everything', capture, () => true],
    ['the v19.2.2 capture, nothing', capture, () => false],
  ])('gives the parser the same samples as the whole page: %s', (_name, page, keep) => {
    const cut = selectFamilies(page, keep);
    expect(cut).not.toBeNull();
    const whole = samplesOf(page.toString('utf8'), keep);
    // Keeping nothing leaves nothing to parse (an empty text is not a page); the samples still agree.
    expect(cut === '' ? { ...samplesOf(cut!, keep), valid: true } : samplesOf(cut!, keep)).toEqual(whole);
  });

  it('keeps only a small part of a real page', () => {
    const cut = selectFamilies(demoPage, keepCatalog)!;
    expect(cut.length).toBeLessThan(demoPage.length / 20);
    expect(parseExposition(cut, { keep: keepCatalog }).nodeIdentity?.node_id).toBe(2);
  });

  it('handles CRLF-free edge cases: a last family without a final newline, leading blank lines', () => {
    const page = Buffer.from('\n\n# HELP a x\n# TYPE a gauge\na 1\n# HELP b y\n# TYPE b counter\nb{node_id="1"} 2');
    const cut = selectFamilies(page, (f) => f === 'b');
    expect(cut).toBe('# HELP b y\n# TYPE b counter\nb{node_id="1"} 2\n');
  });

  it.each([
    ['HTML', '<html><body>502 Bad Gateway</body></html>'],
    ['samples before any HELP', 'a 1\n# HELP b y\nb 2\n'],
    ['empty', ''],
    ['binary', '\u0000\u0001\u0002'],
  ])('returns null for pages that do not start with a HELP line (%s): the caller parses those whole', (_name, text) => {
    expect(selectFamilies(Buffer.from(text), () => true)).toBeNull();
  });
});
