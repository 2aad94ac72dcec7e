import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { anyFault, DEMO_CONTROL_URL, demoFaults, resetFaults } from './pages/demo-control';

export { expect };

export interface MetricsSnapshot {
  scrape_seq: number;
  scraped_at: string;
  nodes: { node_id: number; url: string; up: boolean; error: string | null }[];
}

export async function latestScrape(request: APIRequestContext, cluster = 'demo'): Promise<MetricsSnapshot> {
  const res = await request.get(`/api/v1/clusters/${cluster}/metrics`);
  expect(res.status(), `GET /api/v1/clusters/${cluster}/metrics`).toBe(200);
  return (await res.json()) as MetricsSnapshot;
}

/**
 * Waits for a scrape that started after this call (its `scrape_seq` is past the one current now)
 * and satisfies `ok`: the server scrapes once per SCRAPE_INTERVAL and caches it, so right after a
 * fault changes the snapshot being served can still be the one from before.
 */
export async function nextScrape(request: APIRequestContext, ok: (s: MetricsSnapshot) => boolean, opts: { cluster?: string; timeout?: number } = {}): Promise<MetricsSnapshot> {
  const after = (await latestScrape(request, opts.cluster)).scrape_seq;
  let last: MetricsSnapshot | undefined;
  await expect
    .poll(
      async () => {
        last = await latestScrape(request, opts.cluster);
        return last.scrape_seq > after && ok(last);
      },
      { timeout: opts.timeout ?? 30_000, intervals: [250, 500, 1_000], message: `a scrape after #${after} that satisfies the condition` },
    )
    .toBe(true);
  return last as MetricsSnapshot;
}

export const everyNodeUp = (s: MetricsSnapshot) => s.nodes.length > 0 && s.nodes.every((n) => n.up);

const sqlStatus = async (request: APIRequestContext) => (await request.get('/api/v1/clusters/demo/schedules')).status();

/**
 * Clears every demo fault and waits until the dashboard serves the healthy cluster again: a scrape
 * with every node up (taken after the reset when the served one still shows a node down) and SQL
 * answering. What the dashboard serves decides, not only the fault flags: a flag can read ok while
 * the port is not back (re-opening it failed), and a scrape from before the reset is cached for an
 * interval.
 */
async function restoreHealthyDemo(request: APIRequestContext): Promise<void> {
  const faults = await demoFaults();
  const scrape = await latestScrape(request);
  // The control API must be this dashboard's demo: another server's (a run on other ports, another
  // worktree) would take our faults, and we would see its.
  const ours = scrape.nodes.map((n) => n.url).sort();
  const theirs = faults.nodes.map((n) => n.url).sort();
  expect(theirs, `the demo control API at ${DEMO_CONTROL_URL} belongs to the dashboard under test (set E2E_DEMO_CONTROL_PORT with E2E_PORT)`).toEqual(ours);
  if (anyFault(faults)) await resetFaults();
  if (!everyNodeUp(scrape)) await nextScrape(request, everyNodeUp);
  await expect
    .poll(
      async () => {
        const status = await sqlStatus(request);
        // Re-applies "ok": re-opens the SQL port if it is still closed.
        if (status !== 200) await resetFaults();
        return status;
      },
      { timeout: 30_000, intervals: [250, 500, 1_000], message: 'SQL answers (GET /api/v1/clusters/demo/schedules)' },
    )
    .toBe(200);
}

/**
 * Every test starts and ends on a fault-free demo cluster, whatever the test before it did and
 * however it ended. A `finally` in the test body runs only if the body gets there: one stuck past
 * its timeout in something Playwright cannot interrupt (a fetch, a poll) is abandoned, and the
 * worker is replaced after a failure. A fixture's teardown always runs, and its setup catches what
 * a killed worker left behind.
 * What a fault already did stays (failed jobs in the history, a clock moved forward): specs assert
 * on what they caused, not on absolute counts.
 */
export const test = base.extend<{ healthyDemo: void }>({
  healthyDemo: [
    async ({ request }, use) => {
      await restoreHealthyDemo(request);
      await use();
      await restoreHealthyDemo(request);
    },
    { auto: true, title: 'demo cluster without faults' },
  ],
});
