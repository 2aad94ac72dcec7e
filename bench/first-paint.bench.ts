/**
 * First useful paint (issue 17): chromium with its CPU throttled 4× (a mid-range laptop, CDP
 * Emulation.setCPUThrottlingRate), on localhost against the production build and the built-in
 * demo: time from navigation to the overview's status tiles on screen, to React having hydrated
 * the page, and to the first chart drawn with data (a Recharts line with points). The panel page
 * the same way (its one chart). Median of RUNS runs, each in a fresh context (empty cache).
 */
import type { Browser } from '@playwright/test';
import { BASELINE_ROOT, BENCH_PORT, ensureBuild, launchChromium, median, serveApp, throttledPage, waitForHistory } from './browser';

const RUNS = 5;
const CPU_SLOWDOWN = 4;

/** Recorded with this bench on main @4b3c3f5 (same machine), for runs without BENCH_BASELINE_ROOT. */
const BASELINE_COMMIT = '4b3c3f5';
const BASELINE_MS: Record<string, Marks> = {
  overview: { tiles: 5_099, hydrated: 5_900, chart: 10_344 },
  panel: { hydrated: 1_827, chart: 3_466 },
};

interface Marks {
  tiles?: number;
  hydrated?: number;
  chart?: number;
}

const TARGETS = [
  { name: 'overview', path: '/c/demo', tiles: true },
  { name: 'panel', path: '/c/demo/metrics/jobs_backup_currently_running', tiles: false },
] as const;

/**
 * In the page before any of its scripts: a MutationObserver notes (performance.now(), i.e. since
 * navigation started) the frame in which each marker first appears.
 */
function installMarks(): void {
  // No named inner functions: tsx keeps function names with a helper (`__name`) that does not exist
  // in the page this function is serialized into.
  const marks: Marks = {};
  (window as unknown as { __marks: Marks }).__marks = marks;
  new MutationObserver(() => {
    const seen: (keyof Marks)[] = [];
    if (marks.tiles === undefined) {
      const s = document.querySelector('section[aria-label="Status"]');
      if (s && s.getBoundingClientRect().height > 0) seen.push('tiles');
    }
    if (marks.hydrated === undefined && document.documentElement.dataset.hydrated === 'true') seen.push('hydrated');
    if (marks.chart === undefined) {
      const lines = document.querySelectorAll('[data-testid="metric-chart"] path.recharts-line-curve');
      if ([...lines].some((p) => (p.getAttribute('d') ?? '').length > 10)) seen.push('chart');
    }
    if (seen.length > 0) requestAnimationFrame(() => seen.forEach((k) => (marks[k] ??= performance.now())));
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

async function once(browser: Browser, url: string, tiles: boolean): Promise<Marks> {
  const { ctx, page } = await throttledPage(browser, CPU_SLOWDOWN, installMarks);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(
      (needTiles) => {
        const m = (window as unknown as { __marks?: Marks }).__marks;
        return m !== undefined && m.chart !== undefined && m.hydrated !== undefined && (!needTiles || m.tiles !== undefined);
      },
      tiles,
      { timeout: 120_000, polling: 100 },
    );
    return await page.evaluate(() => (window as unknown as { __marks: Marks }).__marks);
  } finally {
    await ctx.close();
  }
}

/** Median marks per target; the first (warm-up: the server's first render of each page) is dropped. */
export async function measureFirstPaint(url: string): Promise<Record<string, Marks & { runs: number }>> {
  await waitForHistory(url);
  const browser = await launchChromium();
  const out: Record<string, Marks & { runs: number }> = {};
  try {
    for (const t of TARGETS) {
      await once(browser, url + t.path, t.tiles);
      const runs: Marks[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(browser, url + t.path, t.tiles));
      const med = (k: keyof Marks) => {
        const xs = runs.map((r) => r[k]).filter((x): x is number => x !== undefined);
        return xs.length ? median(xs) : undefined;
      };
      out[t.name] = { tiles: med('tiles'), hydrated: med('hydrated'), chart: med('chart'), runs: runs.length };
    }
  } finally {
    await browser.close();
  }
  return out;
}

const ms = (x: number | undefined) => (x === undefined ? '–' : `${Math.round(x).toLocaleString('en-US')} ms`);

export async function run(): Promise<string> {
  ensureBuild();
  const app = await serveApp(BENCH_PORT);
  let now: Awaited<ReturnType<typeof measureFirstPaint>>;
  try {
    now = await measureFirstPaint(app.url);
  } finally {
    await app.stop();
  }
  let base: Record<string, Marks> = BASELINE_MS;
  let baseName = `main @${BASELINE_COMMIT} (recorded)`;
  if (BASELINE_ROOT) {
    ensureBuild(BASELINE_ROOT);
    const b = await serveApp(BENCH_PORT + 1, {}, BASELINE_ROOT);
    try {
      base = await measureFirstPaint(b.url);
      baseName = `baseline ${BASELINE_ROOT} (this run)`;
    } finally {
      await b.stop();
    }
  }
  const rows = TARGETS.flatMap((t) => {
    const n = now[t.name];
    const b = base[t.name] ?? {};
    return [
      ...(t.tiles ? [`| ${t.name}: status tiles on screen | ${ms(n.tiles)} | ${ms(b.tiles)} |`] : []),
      `| ${t.name}: hydrated | ${ms(n.hydrated)} | ${ms(b.hydrated)} |`,
      `| ${t.name}: first chart drawn with data | ${ms(n.chart)} | ${ms(b.chart)} |`,
    ];
  });
  return [
    '## First useful paint (CPU throttled 4×)',
    '',
    `Chromium at 1280×900 with its CPU slowed ${CPU_SLOWDOWN}× (CDP), localhost, production build with the built-in demo; from navigation, median of ${RUNS} runs after a warm-up, each in a fresh context.`,
    '',
    `| what | this tree | ${baseName} |`,
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}
