/**
 * The inputs and the two contestants of parser.bench.ts, shared with heap-probe.ts so the
 * throughput and memory figures measure the same work.
 */
import { readFileSync } from 'node:fs';
import parseBaseline from 'parse-prometheus-text-format';
import { CATALOG_EXPORTED_NAMES, isCatalogMetric } from '../lib/catalog';
import { parseExposition } from '../lib/prometheus/parse';
import { syntheticStatusVars } from './synthetic';

export const PAYLOADS = {
  /** Real capture, 405 families; predates the backup metrics, so keeping the catalog keeps nothing. */
  'v19.2.2 capture': () => readFileSync(new URL('../lib/prometheus/fixtures/cockroach-v19.2.2-full.prom', import.meta.url), 'utf8'),
  'synthetic 23.x+ page': () => syntheticStatusVars({ targetBytes: 1_000_000 }),
} as const;
export type PayloadName = keyof typeof PAYLOADS;

export const PARSERS = {
  /** What the dashboard does: keep only the catalog's families. */
  'ours, keep catalog': (text: string) => parseExposition(text, { keep: isCatalogMetric }),
  /** Same parser with no filtering, to show what the filter saves. */
  'ours, keep all': (text: string) => parseExposition(text, { keep: () => true }),
  /** The baseline cannot filter: it parses every family, then we keep the catalog's. */
  baseline: (text: string) => parseBaseline(text).filter((f) => CATALOG_EXPORTED_NAMES.has(f.name)),
} as const;
export type ParserName = keyof typeof PARSERS;

export function baselineVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../node_modules/parse-prometheus-text-format/package.json', import.meta.url), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
}
