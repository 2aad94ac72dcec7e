/**
 * Child process of parser.bench.ts: heap cost of ONE parse, measured where nothing else runs.
 * Started with `--expose-gc --max-semi-space-size=…` so that no scavenge runs during the parse:
 * then heapUsed after − before is everything the parse allocated (its peak), and after a full
 * GC with the result still referenced, what the result retains. Prints one JSON line.
 *
 * Usage: node --expose-gc --max-semi-space-size=512 --import tsx bench/heap-probe.ts <parser> <payload>
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { PARSERS, PAYLOADS, type ParserName, type PayloadName } from './payloads';

export interface HeapProbeResult {
  allocatedBytes: number;
  retainedBytes: number;
  gcDuringParse: number;
}

async function main(): Promise<void> {
  const [parserName, payloadName] = process.argv.slice(2);
  if (!(parserName in PARSERS) || !(payloadName in PAYLOADS)) throw new Error(`usage: heap-probe <parser> <payload>`);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const parse = PARSERS[parserName as ParserName];
  const text = PAYLOADS[payloadName as PayloadName]();
  text.indexOf('\u0000'); // flatten the string now, not inside the measured parse

  for (let i = 0; i < 20; i++) parse(text); // warm up (and compile) so code allocation is not counted
  let gcs = 0;
  const obs = new PerformanceObserver((list) => (gcs += list.getEntries().length));
  obs.observe({ entryTypes: ['gc'] });
  const settle = () => new Promise((r) => setTimeout(r, 100)); // gc entries arrive asynchronously
  gc();
  await settle();
  gcs = 0;
  gc(); // nothing may run between this GC and the first reading
  const holder: { result?: unknown } = {};
  const before = process.memoryUsage().heapUsed;
  holder.result = parse(text);
  const afterParse = process.memoryUsage().heapUsed;
  await settle();
  const gcDuringParse = gcs - 1; // minus the forced one just before `before`
  obs.disconnect();
  // Retained = live heap with the result minus live heap without it, both after full GCs.
  gc();
  gc();
  const withResult = process.memoryUsage().heapUsed;
  holder.result = undefined;
  gc();
  gc();
  const withoutResult = process.memoryUsage().heapUsed;
  const out: HeapProbeResult = { allocatedBytes: afterParse - before, retainedBytes: withResult - withoutResult, gcDuringParse };
  console.log(JSON.stringify(out));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
