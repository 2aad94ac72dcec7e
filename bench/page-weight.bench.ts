/**
 * Page weight (issue 17): the JavaScript each page makes a browser download before it is usable,
 * as it travels (gzip/brotli when the server compresses), against the production build and the
 * built-in demo. Each page opens in a fresh chromium context (empty cache) at 1280×900 and is
 * measured once the network is idle, without scrolling: what loads only when scrolled to or
 * opened is not counted, which is the point of loading it then.
 */
import { BASELINE_ROOT, BENCH_PORT, demoIds, ensureBuild, launchChromium, serveApp } from './browser';

/** The budgets of issue 17, in kB (1,000 bytes). */
const BUDGET_KB = { overview: 250, panel: 250, other: 200 } as const;

/**
 * This bench's figures on `main` before the issue-17 change (same machine, same method, 2 December
 * 2026). There every script came from the page's HTML, so first load and total were the same.
 */
const BASELINE_COMMIT = '4b3c3f5';
const BASELINE_KB: Record<string, number> = {
  fleet: 185,
  overview: 339,
  panel: 328,
  jobs: 193,
  'job detail': 192,
  schedules: 192,
  'schedule detail': 334,
  backups: 330,
  'protected timestamps': 190,
  alerts: 188,
  audit: 140,
  'sign-in': 139,
};

interface PageSpec {
  name: string;
  path: (ids: { job: string; schedule: string; metric: string }) => string;
  budget: number;
}

const PAGES: PageSpec[] = [
  { name: 'fleet', path: () => '/', budget: BUDGET_KB.other },
  { name: 'overview', path: () => '/c/demo', budget: BUDGET_KB.overview },
  { name: 'panel', path: (i) => `/c/demo/metrics/${i.metric}`, budget: BUDGET_KB.panel },
  { name: 'jobs', path: () => '/c/demo/jobs', budget: BUDGET_KB.other },
  { name: 'job detail', path: (i) => `/c/demo/jobs/${i.job}`, budget: BUDGET_KB.other },
  { name: 'schedules', path: () => '/c/demo/schedules', budget: BUDGET_KB.other },
  { name: 'schedule detail', path: (i) => `/c/demo/schedules/${i.schedule}`, budget: BUDGET_KB.other },
  { name: 'backups', path: () => '/c/demo/backups', budget: BUDGET_KB.other },
  { name: 'protected timestamps', path: () => '/c/demo/protected-timestamps', budget: BUDGET_KB.other },
  { name: 'alerts', path: () => '/c/demo/alerts', budget: BUDGET_KB.other },
  { name: 'audit', path: () => '/audit', budget: BUDGET_KB.other },
  { name: 'sign-in', path: () => '/sign-in', budget: BUDGET_KB.other },
];

export interface PageWeight {
  name: string;
  path: string;
  /** Bytes of .js as received (compressed when the server compressed), by network idle. */
  wire: number;
  /** Of which requested before React hydrated the page: what the first paint and hydration wait for. */
  firstLoad: number;
  /** The same scripts decompressed. */
  decoded: number;
  files: number;
  encodings: string[];
}

/** Loads every page in its own context and sums the scripts it fetched by network idle. */
export async function measurePageWeights(url: string): Promise<PageWeight[]> {
  const ids = await demoIds(url);
  const browser = await launchChromium();
  const out: PageWeight[] = [];
  try {
    for (const p of PAGES) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      // <html data-hydrated> (components/layout/hydration-marker.tsx): when React has hydrated.
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.documentElement.dataset.hydrated !== 'true') return;
          (window as unknown as { __hydratedAt: number }).__hydratedAt = performance.now();
          obs.disconnect();
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
      });
      const encodings = new Set<string>();
      page.on('response', (r) => {
        if (r.url().endsWith('.js')) encodings.add(r.headers()['content-encoding'] ?? 'identity');
      });
      const target = p.path(ids);
      await page.goto(url + target, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForLoadState('networkidle', { timeout: 120_000 });
      const sizes = await page.evaluate(() => {
        const hydratedAt = (window as unknown as { __hydratedAt?: number }).__hydratedAt ?? Infinity;
        return performance
          .getEntriesByType('resource')
          .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming && new URL(e.name).pathname.endsWith('.js'))
          .map((e) => ({ wire: e.encodedBodySize, decoded: e.decodedBodySize, first: e.startTime < hydratedAt }));
      });
      out.push({
        name: p.name,
        path: target,
        wire: sizes.reduce((a, s) => a + s.wire, 0),
        firstLoad: sizes.reduce((a, s) => a + (s.first ? s.wire : 0), 0),
        decoded: sizes.reduce((a, s) => a + s.decoded, 0),
        files: sizes.length,
        encodings: [...encodings].sort(),
      });
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

const kb = (bytes: number) => Math.round(bytes / 1000);

async function weightsOf(port: number, root?: string): Promise<PageWeight[]> {
  ensureBuild(root);
  const app = await serveApp(port, {}, root);
  try {
    return await measurePageWeights(app.url);
  } finally {
    await app.stop();
  }
}

export async function run(): Promise<string> {
  const weights = await weightsOf(BENCH_PORT);
  let baseline = BASELINE_KB;
  let baseName = `main @${BASELINE_COMMIT}`;
  if (BASELINE_ROOT) {
    baseline = Object.fromEntries((await weightsOf(BENCH_PORT + 1, BASELINE_ROOT)).map((w) => [w.name, kb(w.wire)]));
    baseName = `baseline (this run)`;
  }
  const rows = weights.map((w) => {
    const spec = PAGES.find((p) => p.name === w.name);
    const budget = spec?.budget ?? BUDGET_KB.other;
    const base = baseline[w.name];
    const verdict = kb(w.firstLoad) <= budget ? 'within' : `**over by ${kb(w.firstLoad) - budget} kB**`;
    const later = w.wire - w.firstLoad;
    const path = w.path.replace(/\/jobs\/\d+$/, '/jobs/<id>').replace(/\/schedules\/\d+$/, '/schedules/<id>');
    return `| ${w.name} | \`${path}\` | **${kb(w.firstLoad)} kB** | ${later > 0 ? `+${kb(later)} kB` : '–'} (${kb(w.wire)} kB, ${w.files} files, ${w.encodings.join('/')}) | ${kb(w.decoded)} kB | ${base === undefined ? '–' : `${base} kB`} | ≤ ${budget} kB: ${verdict} |`;
  });
  return [
    '## Page weight: first-load JavaScript per page',
    '',
    `JavaScript as received on the wire, at 1280×900 in a fresh chromium context (no cache, no scrolling); the production build behind scripts/serve.mjs with the built-in demo. **First load**: scripts requested before React hydrated the page (what the first paint and the first interaction wait for; the budget applies to it). **After hydration**: what the page then loads for what is on screen (charts, once their data is asked for), by network idle; the total in brackets. Baseline: ${BASELINE_ROOT ? `BENCH_BASELINE_ROOT=${BASELINE_ROOT}, measured in this run` : `this bench on main @${BASELINE_COMMIT}, recorded`} (its total; on main everything was first load).`,
    '',
    `| page | path | first load | after hydration (total) | decoded | ${baseName} | budget |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
