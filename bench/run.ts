/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn (alphabetical) and prints the markdown
 * section each returns. A bench module exports `async function run(): Promise<string>`.
 * Benches run one at a time so they do not compete for the CPU.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run: () => Promise<string>;
}

function isBenchModule(m: unknown): m is BenchModule {
  return typeof m === 'object' && m !== null && typeof (m as { run?: unknown }).run === 'function';
}

async function main(): Promise<void> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const only = process.argv[2]; // `npm run bench -- parser` runs the matching files only
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
    .sort();
  if (files.length === 0) throw new Error(`no bench/*.bench.ts${only ? ` matching ${only}` : ''}`);

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`# Benchmarks\n\n${cpu}, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)} at start.\n`);
  for (const f of files) {
    const mod: unknown = await import(pathToFileURL(path.join(dir, f)).href);
    if (!isBenchModule(mod)) throw new Error(`${f} does not export async function run(): Promise<string>`);
    const t0 = performance.now();
    const section = await mod.run();
    console.log(`${section.trim()}\n\n_${f} took ${((performance.now() - t0) / 1000).toFixed(1)} s._\n`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
