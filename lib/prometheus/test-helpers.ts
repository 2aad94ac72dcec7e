/**
 * Test-only: plain-object views of a parse result, so `toEqual` compares data and tables of
 * expectations stay readable. (Labels are null-prototype objects in the real result.)
 */
import type { FamilyMeta, ParsedExposition } from './types';

export interface PlainSample {
  labels: Record<string, string>;
  value: number;
  timestampMs?: number;
}

export function plainSamples(p: ParsedExposition): Record<string, PlainSample[]> {
  // fromEntries and spread define own properties, so a metric or label named `__proto__` survives.
  return Object.fromEntries(
    [...p.samples].map(([name, list]) => [
      name,
      list.map((s) => ({ labels: { ...s.labels }, value: s.value, ...(s.timestampMs === undefined ? {} : { timestampMs: s.timestampMs }) })),
    ]),
  );
}

export function plainFamilies(p: ParsedExposition): Record<string, FamilyMeta> {
  return Object.fromEntries(p.families);
}

/** Everything a caller can observe, for "these two inputs parse the same" checks. */
export function observable(p: ParsedExposition) {
  return {
    valid: p.valid,
    samples: plainSamples(p),
    families: plainFamilies(p),
    nodeIdentity: p.nodeIdentity,
    malformedLines: p.malformedLines,
  };
}

export const toCRLF = (s: string) => s.replace(/\r?\n/g, '\r\n');
export const withoutFinalNewline = (s: string) => s.replace(/(\r?\n)+$/, '');
export const withFinalNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
