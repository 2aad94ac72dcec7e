/**
 * The real v19.2.2 `_status/vars` capture (405 families, store labels, histograms, `.0` values,
 * no final newline). Read from the copy in fixtures/ so the test runs without ../shared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import parseBaseline from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { parseExposition } from './parse';
import { observable, plainSamples, toCRLF, withFinalNewline } from './test-helpers';

const FIXTURE = fileURLToPath(new URL('./fixtures/cockroach-v19.2.2-full.prom', import.meta.url));
const ORIGINAL = '/work/shared/reference/status-vars/cockroach-v19.2.2-full.prom';
const text = readFileSync(FIXTURE, 'utf8');
const all = parseExposition(text, { keep: () => true });

describe('v19.2.2 capture, keep everything', () => {
  it('is valid, with no malformed line', () => {
    expect(all.valid).toBe(true);
    expect(all.malformedLines).toBe(0);
  });

  it('has 405 families: 232 counters, 136 gauges, 37 histograms', () => {
    expect(all.families.size).toBe(405);
    const byType: Record<string, number> = {};
    for (const f of all.families.values()) byType[f.type] = (byType[f.type] ?? 0) + 1;
    expect(byType).toEqual({ counter: 232, gauge: 136, histogram: 37 });
    for (const f of all.families.values()) expect(f.help).toBeTruthy();
  });

  it('returns every sample line once', () => {
    const sampleLines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;
    let n = 0;
    for (const list of all.samples.values()) n += list.length;
    expect(n).toBe(sampleLines);
    expect(sampleLines).toBe(2142);
  });

  it.each([
    ['sql_distsql_flows_active', {}, 0],
    ['distsender_batches', {}, 56336],
    ['queue_consistency_process_failure', { store: '1' }, 0],
    ['raft_process_handleready_latency_bucket', { store: '1', le: '671.0' }, 3],
    ['raft_process_handleready_latency_bucket', { store: '1', le: '1.015807e+06' }, 18030],
    ['gossip_connections_refused', {}, 0], // the last line, which has no newline
  ])('%s%j = %d', (name, labels, value) => {
    const found = all.samples.get(name)?.find((s) => JSON.stringify({ ...s.labels }) === JSON.stringify(labels));
    expect(found?.value).toBe(value);
  });

  it("every histogram's +Inf bucket equals its _count, and buckets never decrease", () => {
    const histograms = [...all.families].filter(([, f]) => f.type === 'histogram').map(([name]) => name);
    expect(histograms).toHaveLength(37);
    for (const h of histograms) {
      const buckets = all.samples.get(`${h}_bucket`) ?? [];
      const counts = all.samples.get(`${h}_count`) ?? [];
      expect(all.samples.get(`${h}_sum`), h).toHaveLength(counts.length);
      expect(counts.length, h).toBeGreaterThan(0);
      for (const c of counts) {
        const series = buckets.filter((b) => b.labels.store === c.labels.store);
        expect(series.at(-1)?.labels.le, h).toBe('+Inf');
        expect(series.at(-1)?.value, h).toBe(c.value);
        for (let i = 1; i < series.length; i++) expect(series[i].value, h).toBeGreaterThanOrEqual(series[i - 1].value);
      }
    }
  });

  it('finds the node identity', () => {
    expect(all.nodeIdentity).toEqual({ node_id: 1, labels: { advertise_addr: 'roach1:26257', http_addr: 'roach1:8080', sql_addr: 'roach1:26257' } });
  });

  it('keeps the duplicate sample CockroachDB v19.2 really prints (two `sql_mem_sql_txn_current 0.0` lines)', () => {
    expect(all.samples.get('sql_mem_sql_txn_current')).toHaveLength(2);
  });

  it('agrees with parse-prometheus-text-format on every counter and gauge', () => {
    let compared = 0;
    // The baseline drops a last line that has no newline (this capture's case), so give it one.
    for (const fam of parseBaseline(withFinalNewline(text))) {
      if (fam.type !== 'COUNTER' && fam.type !== 'GAUGE') continue;
      // The baseline folds exact duplicates (above) into one; compare with the first of each label set.
      const seen = new Set<string>();
      const ours = (all.samples.get(fam.name) ?? []).filter((s) => {
        const key = JSON.stringify({ ...s.labels });
        return !seen.has(key) && seen.add(key) !== undefined;
      });
      expect(ours.map((s) => ({ ...s.labels })), fam.name).toEqual(fam.metrics.map((m) => m.labels ?? {}));
      expect(ours.map((s) => s.value), fam.name).toEqual(fam.metrics.map((m) => Number(m.value)));
      expect(all.families.get(fam.name)?.help).toBe(fam.help);
      compared++;
    }
    expect(compared).toBe(368);
  });
});

describe('v19.2.2 capture, keep a few', () => {
  const few = new Set(['distsender_batches', 'raft_process_handleready_latency', 'capacity', 'no_such_family']);
  const p = parseExposition(text, { keep: (f) => few.has(f) });

  it('returns those families and nothing else', () => {
    expect([...p.families.keys()].sort()).toEqual(['capacity', 'distsender_batches', 'raft_process_handleready_latency']);
    expect([...p.samples.keys()].sort()).toEqual([
      'capacity',
      'distsender_batches',
      'raft_process_handleready_latency_bucket',
      'raft_process_handleready_latency_count',
      'raft_process_handleready_latency_sum',
    ]);
  });

  it('returns them exactly as a keep-everything parse does', () => {
    const full = plainSamples(all);
    const kept = plainSamples(p);
    for (const name of Object.keys(kept)) expect(kept[name], name).toEqual(full[name]);
  });

  it('still finds the node identity', () => {
    expect(p.nodeIdentity?.node_id).toBe(1);
  });
});

describe('v19.2.2 capture, line-ending variants', () => {
  const keepSome = { keep: (f: string) => f.startsWith('raft_') || f === 'capacity' };
  it.each([
    ['CRLF', toCRLF(text)],
    ['with a final newline', withFinalNewline(text)],
    ['CRLF with a final CRLF', toCRLF(withFinalNewline(text))],
  ])('%s gives identical results', (_, variant) => {
    expect(observable(parseExposition(variant, { keep: () => true }))).toEqual(observable(all));
    expect(observable(parseExposition(variant, keepSome))).toEqual(observable(parseExposition(text, keepSome)));
  });

  it('families in another order give the same result', () => {
    const blocks = text.split(/\n(?=# HELP )/);
    const reordered = [...blocks].reverse().join('\n');
    const a = observable(parseExposition(reordered, { keep: () => true }));
    const sortKeys = <T,>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y)));
    expect(sortKeys(a.samples)).toEqual(sortKeys(observable(all).samples));
    expect(sortKeys(a.families)).toEqual(sortKeys(observable(all).families));
  });
});

describe.skipIf(!existsSync(ORIGINAL))('fixture copy', () => {
  it('is byte-identical to shared/reference/status-vars', () => {
    expect(readFileSync(FIXTURE).equals(readFileSync(ORIGINAL))).toBe(true);
  });
});
