/**
 * Day-one backfill (lib/history/ts-backfill.ts): 100 nodes × every catalog metric at 10 s from a
 * served fixture answering as CockroachDB's /ts/query does (bench/ts-fixture-serve.ts, its own
 * process), into a fresh SQLite store. Figures: points/s, peak RSS of the backfilling process,
 * requests made, the most in flight at once — beside the baseline measured in the same run: one
 * request per node × metric for the whole stretch, all at once, everything held, then written.
 * The stretch is BENCH_TS_HOURS (default 2 h) so the bench runs in minutes; ten days is 120× the
 * points of 2 h, and the bounded backfill's memory does not grow with the stretch (its windows
 * are fixed-size), so its 10-day time is the 2 h time × 120 at the same rate.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../lib/catalog';

const NODES = 100;
const HOURS = Number(process.env.BENCH_TS_HOURS ?? 2);
// BENCH_TS_VARIANTS=bounded runs the bounded backfill alone (a long stretch the baseline cannot do).
const VARIANTS = (process.env.BENCH_TS_VARIANTS ?? 'naive,bounded').split(',').filter((v): v is 'naive' | 'bounded' => v === 'naive' || v === 'bounded');
const NOW = Date.parse('2026-11-25T20:07:00Z');

async function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (c: Buffer) => {
      buf += c.toString();
      const i = buf.indexOf('\n');
      if (i >= 0) resolve(buf.slice(0, i));
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

interface Probe {
  ms?: number;
  failed?: string;
  rssMb: number;
}

export async function run(): Promise<string> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ts-backfill-bench-'));
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(dir, 'ts-fixture-serve.ts'), String(NOW)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await firstLine(server);
    const rows: string[] = [];
    for (const variant of VARIANTS) {
      await fetch(`${url}/_fixture/stats`, { method: 'POST' });
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, 'ts-backfill-probe.ts'), variant, url, String(NOW), String(HOURS * 3_600_000), String(NODES), path.join(tmp, `${variant}.sqlite`)], { stdio: ['ignore', 'pipe', 'inherit'] });
      const p = JSON.parse(await firstLine(child)) as Probe;
      const stats = (await (await fetch(`${url}/_fixture/stats`)).json()) as { requests: number; maxInFlight: number; points: number };
      const what = variant === 'naive' ? 'baseline: one request per node × metric, all at once, all held' : 'bounded (≤ 4 in flight, ≤ 25k points per answer, 100k per window)';
      const secs = p.ms === undefined ? `failed: ${p.failed ?? '?'}` : (p.ms / 1000).toFixed(1);
      const rate = p.ms === undefined ? '–' : Math.round(stats.points / (p.ms / 1000)).toLocaleString('en');
      rows.push(`| ${what} | ${stats.points.toLocaleString('en')} | ${secs} | ${rate} | ${p.rssMb.toFixed(0)} | ${stats.requests.toLocaleString('en')} | ${stats.maxInFlight} |`);
    }
    const slots = NODES * CATALOG.length * ((HOURS * 3600) / 10);
    return [
      `## Day-one backfill from /ts/query (${NODES} nodes × ${CATALOG.length} catalog metrics × ${HOURS} h at 10 s = ${slots.toLocaleString('en')} points)`,
      '',
      'Fixture server and backfilling process are separate processes; peak RSS is the backfilling process only (its SQLite writes included).',
      '',
      '| variant | points served | s | points/s | peak RSS MB | requests | max in flight |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n');
  } finally {
    server.kill();
    rmSync(tmp, { recursive: true, force: true });
  }
}
