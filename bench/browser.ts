/**
 * Shared by the browser benches (page-weight, first-paint, grid): the production build served as
 * `npm start` serves it (scripts/serve.mjs), and Debian's chromium driven by playwright-core.
 * Ports come from BENCH_PORT (default 4400): the dashboard on it (a second one on +1), the demo's
 * control API on +99, its SQL and HTTP ports from +4 and +10 (demoPorts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4400);

/**
 * A checkout of the baseline commit with its own build and node_modules (e.g. `git archive main |
 * tar -x`, then `cp -al node_modules` and `next build` there): when set, the browser benches measure
 * it in the same run beside this tree; otherwise they print the figures recorded on main.
 */
export const BASELINE_ROOT = process.env.BENCH_BASELINE_ROOT || null;

/** Builds when the sources are newer than `.next` (scripts/start.mjs decides), else reuses it. */
export function ensureBuild(root = ROOT): void {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--build-only'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`the build failed (exit ${r.status})`);
}

/** The built-in demo's fixed ports for a dashboard on BENCH_PORT + k (k = 0, 1): three clusters, three nodes each, none shared. */
function demoPorts(port: number): Record<string, string> {
  const k = port - BENCH_PORT;
  if (k !== 0 && k !== 1) return {};
  return { DEMO_SQL_PORT: String(BENCH_PORT + 4 + 3 * k), DEMO_HTTP_PORT: String(BENCH_PORT + 10 + 3 * k) };
}

/**
 * Until the demo cluster's history covers the last hours (a fresh demo writes its simulated past
 * first, for a minute or more): a chart measured earlier would wait for data, not for the page.
 */
export async function waitForHistory(url: string, cluster = 'demo'): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const r = await fetch(`${url}/api/v1/clusters/${cluster}/metrics/jobs_backup_currently_running?from=now-6h&to=now`).then((x) => (x.ok ? (x.json() as Promise<{ series: unknown[] }>) : null), () => null);
    if (r && r.series.length > 0) return;
    if (Date.now() > deadline) throw new Error(`no history for ${cluster} within 300 s`);
    await new Promise((res) => setTimeout(res, 2_000));
  }
}

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** scripts/serve.mjs on `port` with the built-in demo (or `env`'s clusters), once /api/v1/health answers. */
export async function serveApp(port: number, env: Record<string, string> = {}, root = ROOT): Promise<Served> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crdb-bench-web-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', HISTORY_DB: path.join(dir, 'h.sqlite'), DEMO_CONTROL_PORT: String(port + 99), ...demoPorts(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the dashboard on ${port} exited (${child.exitCode}):\n${log}`);
    const ok = await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the dashboard on ${port} was not healthy within 240 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh context (empty cache) at 1280×900, its CPU slowed `rate`× (CDP), `init` run before the page's scripts. */
export async function throttledPage(browser: Browser, rate: number, init: () => void): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(init);
  return { ctx, page };
}

/** The demo's first job and schedule ids, for the detail pages. */
export async function demoIds(url: string): Promise<{ job: string; schedule: string; metric: string }> {
  const jobs = (await (await fetch(`${url}/api/v1/clusters/demo/jobs?limit=1`)).json()) as { jobs: { job_id: string }[] };
  const schedules = (await (await fetch(`${url}/api/v1/clusters/demo/schedules`)).json()) as { schedules: { id: string }[] };
  const job = jobs.jobs[0]?.job_id;
  const schedule = schedules.schedules[0]?.id;
  if (!job || !schedule) throw new Error('the demo has no job or no schedule to open');
  return { job, schedule, metric: 'jobs_backup_currently_running' };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
