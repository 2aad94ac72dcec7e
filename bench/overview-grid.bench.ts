/**
 * The overview's per-node grid with 300 nodes (issue 17): served fixture nodes (each a demo node's
 * full /_status/vars, bench/grid-fixture-servers.ts, 3 of them blind spots) in a CLUSTERS_FILE,
 * the production build, chromium with its CPU throttled 4×. Measures the time from navigation to
 * the grid on screen and to hydration, the longest main-thread task (PerformanceObserver
 * `longtask`) while loading, across one 10 s refresh, and while scrolling the grid sideways, and the
 * number of grid cells in the DOM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { BASELINE_ROOT, BENCH_PORT, ensureBuild, launchChromium, median, ROOT, serveApp, throttledPage } from './browser';

const NODES = 300;
const DOWN = 3;
const RUNS = 3;
const CPU_SLOWDOWN = 4;
const FIXTURE_PORT = BENCH_PORT + 50;

/** Recorded with this bench on main @4b3c3f5 (same machine), for runs without BENCH_BASELINE_ROOT. */
const BASELINE_COMMIT = '4b3c3f5';
const BASELINE: GridFigures | null = { gridMs: 2_609, hydratedMs: 7_449, loadLongestMs: 521, refreshLongestMs: 8_861, scrollLongestMs: 18_395, cells: 10_640 };

interface GridFigures {
  gridMs: number;
  hydratedMs: number;
  loadLongestMs: number;
  refreshLongestMs: number;
  scrollLongestMs: number;
  cells: number;
}

function installProbes(): void {
  const w = window as unknown as { __grid: { tasks: { start: number; dur: number }[]; grid?: number; hydrated?: number } };
  const probe: (typeof w)['__grid'] = { tasks: [] };
  w.__grid = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, dur: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (probe.grid === undefined && document.querySelector('[data-testid="metric-grid"] td[data-node]')) requestAnimationFrame(() => (probe.grid ??= performance.now()));
    if (probe.hydrated === undefined && document.documentElement.dataset.hydrated === 'true') probe.hydrated = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

type Probe = { tasks: { start: number; dur: number }[]; grid?: number; hydrated?: number };
const probeOf = () => (window as unknown as { __grid: Probe }).__grid;
const longest = (p: Probe, from: number, to: number) => Math.max(0, ...p.tasks.filter((t) => t.start >= from && t.start < to).map((t) => t.dur));

async function once(browser: Browser, url: string): Promise<GridFigures> {
  const { ctx, page } = await throttledPage(browser, CPU_SLOWDOWN, installProbes);
  try {
    await page.goto(`${url}/c/big`, { waitUntil: 'commit', timeout: 180_000 });
    await page.waitForFunction(() => {
      const p = (window as unknown as { __grid?: Probe }).__grid;
      return p?.grid !== undefined && p.hydrated !== undefined;
    }, undefined, { timeout: 180_000, polling: 200 });
    // Settle, then one 10 s refresh (the overview polls every 10 s), then a sideways scroll.
    await page.waitForTimeout(1_000);
    const loaded = await page.evaluate(() => performance.now());
    await page.waitForTimeout(11_000);
    const refreshed = await page.evaluate(() => performance.now());
    await page.evaluate(async () => {
      const box = document.querySelector('[data-testid="metric-grid"]')?.parentElement;
      if (!box) throw new Error('no grid box');
      for (let i = 1; i <= 10; i++) {
        box.scrollLeft = (box.scrollWidth * i) / 10;
        await new Promise((r) => setTimeout(r, 150));
      }
    });
    await page.waitForTimeout(500);
    const p = await page.evaluate(probeOf);
    const cells = await page.locator('[data-testid="metric-grid"] td').count();
    return {
      gridMs: p.grid ?? NaN,
      hydratedMs: p.hydrated ?? NaN,
      loadLongestMs: longest(p, 0, loaded),
      refreshLongestMs: longest(p, loaded, refreshed),
      scrollLongestMs: longest(p, refreshed, Infinity),
      cells,
    };
  } finally {
    await ctx.close();
  }
}

async function measure(root: string, port: number, clustersFile: string): Promise<GridFigures> {
  ensureBuild(root);
  const app = await serveApp(port, { CLUSTERS_FILE: clustersFile, SCRAPE_INTERVAL: '10s' }, root);
  const browser = await launchChromium();
  try {
    await once(browser, app.url); // warm-up: the server's first render of the page
    const runs: GridFigures[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser, app.url));
    const med = (k: keyof GridFigures) => median(runs.map((r) => r[k]));
    return { gridMs: med('gridMs'), hydratedMs: med('hydratedMs'), loadLongestMs: med('loadLongestMs'), refreshLongestMs: med('refreshLongestMs'), scrollLongestMs: med('scrollLongestMs'), cells: med('cells') };
  } finally {
    await browser.close();
    await app.stop();
  }
}

async function startFixture(): Promise<{ file: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'grid-fixture-servers.ts'), String(NODES), String(FIXTURE_PORT), String(DOWN)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes('\n')) resolve(buf.slice(0, buf.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`grid-fixture-servers exited (${code})`)));
  });
  const { urls } = JSON.parse(line) as { urls: string[] };
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'crdb-bench-grid-')), 'clusters.json');
  writeFileSync(file, JSON.stringify([{ id: 'big', name: `${NODES} nodes`, http_urls: urls }]));
  return { file, stop: () => child.kill('SIGTERM') };
}

const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : `${Math.round(x).toLocaleString('en-US')} ms`);

export async function run(): Promise<string> {
  const fixture = await startFixture();
  let now: GridFigures;
  let base: GridFigures | null = BASELINE;
  let baseName = `main @${BASELINE_COMMIT} (recorded)`;
  try {
    now = await measure(ROOT, BENCH_PORT, fixture.file);
    if (BASELINE_ROOT) {
      base = await measure(BASELINE_ROOT, BENCH_PORT + 1, fixture.file);
      baseName = 'baseline (this run)';
    }
  } finally {
    fixture.stop();
  }
  const row = (what: string, k: keyof GridFigures, fmt = ms) => `| ${what} | ${fmt(now[k])} | ${base ? fmt(base[k]) : '–'} |`;
  return [
    `## Overview grid: ${NODES} nodes`,
    '',
    `${NODES} served fixture nodes (${DOWN} more down), chromium at 1280×900 with its CPU slowed ${CPU_SLOWDOWN}×; median of ${RUNS} runs after a warm-up. Longest task: the longest main-thread task (\`longtask\`) in each phase; a page answers input only between tasks.`,
    '',
    `| what | this tree | ${baseName} |`,
    '| --- | --- | --- |',
    row('grid on screen (from navigation)', 'gridMs'),
    row('hydrated', 'hydratedMs'),
    row('longest task while loading', 'loadLongestMs'),
    row('longest task during a 10 s refresh', 'refreshLongestMs'),
    row('longest task scrolling the grid sideways', 'scrollLongestMs'),
    row('grid cells in the DOM', 'cells', (x) => (x === undefined ? '–' : String(Math.round(x)))),
  ].join('\n');
}
