import { staticConfig, type ClusterConfig } from '../config';
import { startDemoCluster, type DemoCluster } from './cluster';

/**
 * The demo cluster the dashboard runs in its own process when no cluster is configured. One per
 * process, kept on globalThis so Next's dev reloads and several route modules share it.
 * DEMO_SQL_PORT / DEMO_HTTP_PORT pick its ports (default: free ports), DEMO_SEED its history.
 */
const KEY = Symbol.for('crdb-monitor.embedded-demo');
type Holder = { [KEY]?: Promise<DemoCluster> };

export const DEMO_CLUSTER_ID = 'demo';

/** How far back the simulated past is sampled for the history, and how often: 24 h at 30 s is 2,880 scrapes (~3 s of writes), enough for every preset but 7 d. */
export const DEMO_BACKFILL = { windowMs: 24 * 3_600_000, everyMs: 30_000 } as const;

/**
 * The demo's world is anchored at the start of the current UTC week: every start of the dashboard
 * within a week re-creates the same jobs (same ids, so links survive a restart) and the same
 * counters, instead of a new world whose counters would read as a reset in the recorded history.
 */
export function demoEpoch(nowMs: number): number {
  const d = new Date(nowMs);
  const daysSinceMonday = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - daysSinceMonday);
}

export function embeddedDemo(): Promise<DemoCluster> {
  const g = globalThis as Holder;
  g[KEY] ??= startDemoCluster({
    nodes: 3,
    seed: Number(process.env.DEMO_SEED ?? 1),
    speed: 1,
    epochMs: demoEpoch(Date.now()),
    // The simulated last day, sampled for the history store (lib/history/start.ts writes it).
    backfill: { fromMs: Date.now() - DEMO_BACKFILL.windowMs, everyMs: DEMO_BACKFILL.everyMs },
    sqlPort: Number(process.env.DEMO_SQL_PORT ?? 0),
    httpPort: Number(process.env.DEMO_HTTP_PORT ?? 0),
    controlPort: process.env.DEMO_CONTROL_PORT ? Number(process.env.DEMO_CONTROL_PORT) : 0,
  }).catch((err: unknown) => {
    delete g[KEY];
    throw err;
  });
  return g[KEY];
}

export async function embeddedDemoConfig(): Promise<ClusterConfig> {
  const demo = await embeddedDemo();
  // CRDB_UNSAFE_INTERNALS applies to the demo as to any cluster (off: see what v26.x restricts).
  const unsafeInternals = staticConfig().unsafeInternals;
  return { id: DEMO_CLUSTER_ID, name: 'Demo cluster', sqlUrl: demo.sqlUrl, httpUrls: demo.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: true, unsafeInternals };
}
