import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { anyFault, demoFaults, resetFaults } from './pages/demo-control';

export { expect };

export interface MetricsSnapshot {
  scrape_seq: number;
  scraped_at: string;
  nodes: { node_id: number; up: boolean; error: string | null }[];
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

/**
 * Clears every demo fault and waits until the dashboard serves the healthy cluster again: a scrape
 * taken after the reset with every node up, and SQL answering (a statement on a fresh connection).
 */
async function restoreHealthyDemo(request: APIRequestContext): Promise<void> {
  if (!anyFault(await demoFaults())) return;
  await resetFaults();
  await nextScrape(request, everyNodeUp);
  await expect.poll(async () => (await request.get('/api/v1/clusters/demo/schedules')).status(), { timeout: 30_000, message: 'SQL answers again after the reset' }).toBe(200);
}

/**
 * Every test starts and ends on a fault-free demo cluster, whatever the test before it did and
 * however it ended. A `finally` in the test body is not enough: a test that times out is abandoned
 * mid-body, and after a failure Playwright replaces the worker, so its cleanup may never run; a
 * fixture's teardown always does, and the setup catches whatever a killed worker left behind.
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
