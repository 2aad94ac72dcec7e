import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as eventsRoute } from '@/app/api/v1/clusters/[cluster]/job-events/route';
import { startDemoCluster, type DemoCluster } from '@/lib/demo/cluster';
import type { JobEvent } from '@/lib/jobs/events';
import { configureDashboardFor } from './demo-helpers';

/**
 * A cluster whose clock runs 2 h ahead of the dashboard's (the incident's "clock moved 2 h"): a panel's
 * relative window and the "absolute time" link frozen from it must show the same job events.
 */
const CLUSTER = 'eventsclock';
const AHEAD_MS = 2 * 3_600_000;
let demo: DemoCluster;
beforeAll(async () => {
  demo = await startDemoCluster({ nodes: 1, seed: 11, speed: 0, startMs: Date.now() + AHEAD_MS });
  configureDashboardFor(demo, CLUSTER);
});
afterAll(() => demo?.stop());

async function events(qs: string): Promise<JobEvent[]> {
  const res = await eventsRoute(new NextRequest(`http://x/api/v1/clusters/${CLUSTER}/job-events${qs}`), { params: Promise.resolve({ cluster: CLUSTER }) });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { events: JobEvent[] }).events;
}

const key = (e: JobEvent) => `${e.job_id}:${e.kind}:${e.t_ms}`;

describe('job events with the cluster clock ahead of the dashboard', () => {
  it('now-6h and the same window frozen into ISO times name the same events', async () => {
    const now = Date.now();
    const live = await events('?type=BACKUP&from=now-6h&to=now');
    const frozen = await events(`?type=BACKUP&from=${new Date(now - 6 * 3_600_000).toISOString()}&to=${new Date(now).toISOString()}`);
    // The demo backs up every 15 min or more often: a 6 h window has dozens of events.
    expect(frozen.length).toBeGreaterThan(20);
    // A few seconds pass between the two reads: an event at the very edge may differ, nothing more.
    const a = new Set(live.map(key));
    const b = new Set(frozen.map(key));
    const onlyOne = [...a].filter((k) => !b.has(k)).length + [...b].filter((k) => !a.has(k)).length;
    expect(onlyOne).toBeLessThanOrEqual(2);
  });
});
